import type { Decimal } from 'decimal.js';
import { z } from 'zod';
import { ValidationError, makeIssue, describeValue, type Issue } from '../shared/errors.js';
import type { Labels } from '../shared/labels.js';
import { ZERO, toDecimal } from '../shared/numeric.js';
import { FORBIDDEN_KEYS, idSchema, parseWith } from '../shared/schema.js';
import { controllableOf, churnCauses, type ChurnCauseId } from './churnCauses.js';
import { formatDay, readInstant, tryInstant } from '../shared/dates.js';
import { MAX_HISTORY_EVENTS, dateSchema, nonNegative } from './signals/accountHistorySchema.js';
import { readInput } from '../shared/input.js';
import {
  readRevolvingDoorOptions,
  revolvingDoor,
  type RevolvingDoor,
  type RevolvingDoorOptions,
} from './revolvingDoor.js';
import { withDisplay } from '../shared/display.js';

/**
 * Schema of one account in a churn report: its revenue in the base period and the losses recorded
 * against it. A loss without `amount` is the whole account leaving (it counts for churn by count);
 * a loss with an `amount` is part of its business going (churn by revenue only, unless `full`).
 * @example
 * ```ts
 * import { churnReportAccountSchema } from 'clientele';
 * churnReportAccountSchema.safeParse({
 *   id: 'A',
 *   revenue: 1000,
 *   losses: [{ date: '2026-03-01', cause: 'competitor' }],
 * }).success; // true
 * ```
 * @category Churn
 */
export const churnReportAccountSchema = /* @__PURE__ */ z
  .object({
    id: z.string().min(1).max(200),
    industry: z
      .string()
      .min(1)
      .max(200)
      .refine((value) => !FORBIDDEN_KEYS.has(value), {
        error: 'an industry other than __proto__, constructor or prototype',
      })
      .optional(),
    revenue: nonNegative,
    /** When the account was won; inside the report's period it is a new account, outside the churn base (the revolving
     * door). */
    gainedAt: dateSchema.optional(),
    /** Revenue at the end of the period, for net revenue retention. */
    endRevenue: nonNegative.optional(),
    losses: z
      .array(
        z
          .object({
            date: dateSchema,
            amount: nonNegative.optional(),
            full: z.boolean().optional(),
            cause: idSchema.optional(),
            reason: idSchema.optional(),
            controllable: z.boolean().optional(),
          })
          .strict(),
      )
      .max(MAX_HISTORY_EVENTS)
      .optional(),
  })
  .strict();

/** One account of a churn report, as written. @category Churn */
export type ChurnReportAccount = z.input<typeof churnReportAccountSchema>;

/** Options of {@link churnReport}: the period, both ends inclusive, and the revolving-door costs. @category Churn */
export interface ChurnReportOptions extends RevolvingDoorOptions {
  readonly from: string | Date;
  readonly to: string | Date;
}

/** Lost revenue and accounts attributed to one group (a cause, a reason, controllability). @category Churn */
export interface ChurnShare {
  /** Accounts with a loss in this group (an account with losses in two groups counts in both). */
  readonly accounts: number;
  readonly lostRevenue: Decimal;
  /** Share of all lost revenue (0–1); `null` when nothing was lost. */
  readonly shareOfLost: Decimal | null;
  /** Lost revenue ÷ the revenue base of the whole report. */
  readonly revenueRate: Decimal | null;
}

/** A cause's line of the report. @category Churn */
export interface ChurnCauseLine extends ChurnShare {
  /** Cause id, or `'unattributed'` for losses without one. */
  readonly cause: string;
  readonly controllable: boolean | null;
  readonly labels: Labels | undefined;
}

/** A reason's line of the report (finer than a cause: `competitor-long-distance`). @category Churn */
export interface ChurnReasonLine extends ChurnShare {
  readonly reason: string;
  readonly cause: string;
}

/** An industry's line of the report. @category Churn */
export interface ChurnIndustryLine extends ChurnShare {
  /** Industry, or `'unspecified'`. */
  readonly industry: string;
  readonly accountsInBase: number;
  readonly churnedAccounts: number;
  readonly countRate: Decimal | null;
  readonly revenueBase: Decimal;
  /** Lost revenue ÷ this industry's own revenue base. */
  readonly industryRevenueRate: Decimal | null;
}

/**
 * What {@link churnReport} returns.
 * @category Churn
 */
export interface ChurnReport {
  readonly from: string;
  readonly to: string;
  readonly accounts: number;
  /** Accounts that left entirely in the period. */
  readonly churnedAccounts: number;
  /** churnedAccounts ÷ accounts (`null` for no accounts). */
  readonly countRate: Decimal | null;
  readonly revenueBase: Decimal;
  readonly lostRevenue: Decimal;
  /** lostRevenue ÷ revenueBase (`null` for a zero base): the seed's 流失度. */
  readonly revenueRate: Decimal | null;
  /** Per cause, largest loss first (ties by id). */
  readonly byCause: readonly ChurnCauseLine[];
  readonly byReason: readonly ChurnReasonLine[];
  readonly byIndustry: readonly ChurnIndustryLine[];
  readonly controllable: ChurnShare;
  readonly uncontrollable: ChurnShare;
  /** Losses with no cause, or a custom cause without a `controllable` flag. */
  readonly unattributed: ChurnShare;
  /** New vs lost accounts, net revenue retention and the cost of replacing the lost (seed 000, 旋转门效应). */
  readonly revolvingDoor: RevolvingDoor;
}

interface Bucket {
  accounts: Set<string>;
  lost: Decimal;
}

const bucket = (): Bucket => ({ accounts: new Set(), lost: ZERO });

type ParsedAccount = z.output<typeof churnReportAccountSchema>;

/** What churnReport accumulates over the accounts before it forms the report's lines. */
interface ReportTally {
  readonly issues: Issue[];
  readonly ids: Set<string>;
  revenueBase: Decimal;
  lostRevenue: Decimal;
  churned: number;
  readonly causes: Map<string, Bucket & { controllable: boolean | null }>;
  readonly reasons: Map<string, Bucket & { cause: string }>;
  readonly industries: Map<string, Bucket & { base: Decimal; count: number; churned: number }>;
  readonly split: { controllable: Bucket; uncontrollable: Bucket; unattributed: Bucket };
  readonly door: {
    newAccounts: number;
    endRevenue: Decimal;
    baseWithoutEnd: number;
    options: ReturnType<typeof readRevolvingDoorOptions>;
  };
}

/**
 * Summarises churn over a period: churn rate by count and by revenue, broken down by cause (with
 * the seed's controllable / uncontrollable split), by finer reason and by industry.
 *
 * Seed 003: in the first half of 2005 a telecom branch lost 3.06% of its key-account revenue;
 * 32% of the loss went to competitors' long-distance service, 8.5% to competitors' data service
 * and 40% to the clients' own business problems (docs/churn.md reproduces it).
 *
 * The revolving door (seed 000, 旋转门效应: "当费尽心机将新客户拉进来时,原有旳客户却出走了"): accounts with a
 * `gainedAt` inside the period are new, counted in `revolvingDoor.newAccounts` and left out of the
 * churn base; `endRevenue` gives net revenue retention; `costToKeep` prices the lost accounts at
 * `replacementCostMultiple` (default 5, seed 000's "多5倍") times keeping them.
 *
 * @param accounts - Accounts with their base revenue and losses.
 * @param options - The period `{ from, to }`, both ends inclusive; `costToKeep?`, `replacementCostMultiple?`.
 * @throws {ValidationError} on an invalid account (path `accounts[i]…`), an account losing more
 * than its revenue, duplicate ids, or an invalid period.
 * @example
 * ```ts
 * import { churnReport } from 'clientele';
 * const report = churnReport(
 *   [
 *     { id: 'A', revenue: 700, losses: [{ date: '2026-03-01', cause: 'competitor' }] },
 *     { id: 'B', revenue: 300 },
 *   ],
 *   { from: '2026-01-01', to: '2026-06-30' },
 * );
 * [report.countRate?.toString(), report.revenueRate?.toString()]; // '0.5' '0.7'
 * ```
 * @category Churn
 */
export function churnReport(
  givenAccounts: readonly ChurnReportAccount[],
  givenOptions: ChurnReportOptions,
): ChurnReport {
  const accounts = readInput(givenAccounts, 'accounts', 'churnReport');
  const options = readInput(givenOptions, 'options', 'churnReport');
  const from = readInstant(options?.from, 'from', 'churnReport');
  const to = readInstant(options?.to, 'to', 'churnReport');
  if (to < from)
    throw new ValidationError(
      [makeIssue('to', 'a date on or after from', describeValue(options.to), 'inconsistent')],
      'churnReport',
    );
  const parsed = parseWith(z.array(churnReportAccountSchema).max(1_000_000), accounts, 'churnReport', 'accounts');

  const tally: ReportTally = {
    issues: [],
    ids: new Set<string>(),
    revenueBase: ZERO,
    lostRevenue: ZERO,
    churned: 0,
    causes: new Map(),
    reasons: new Map(),
    industries: new Map(),
    split: { controllable: bucket(), uncontrollable: bucket(), unattributed: bucket() },
    door: { newAccounts: 0, endRevenue: ZERO, baseWithoutEnd: 0, options: readRevolvingDoorOptions(options) },
  };
  parsed.forEach((account, index) => tallyAccount(tally, account, index, from, to));
  if (tally.issues.length > 0) throw new ValidationError(tally.issues, 'churnReport');
  const { byCause, byReason, byIndustry, share } = breakdowns(tally);
  const { revenueBase, lostRevenue, churned, split, door } = tally;
  return withDisplay(
    {
      from: formatDay(from),
      to: formatDay(to),
      accounts: parsed.length - door.newAccounts,
      churnedAccounts: churned,
      countRate: parsed.length === door.newAccounts ? null : ZERO.plus(churned).div(parsed.length - door.newAccounts),
      revenueBase,
      lostRevenue,
      revenueRate: revenueBase.isZero() ? null : lostRevenue.div(revenueBase),
      byCause,
      byReason,
      byIndustry,
      controllable: share(split.controllable),
      uncontrollable: share(split.uncontrollable),
      unattributed: share(split.unattributed),
      revolvingDoor: revolvingDoor({ ...door, lostAccounts: churned, revenueBase }, door.options),
    },
    'Churn report',
  );
}

/** Adds one account's revenue and its losses within [from, to] to the report's tally. */
function tallyAccount(tally: ReportTally, account: ParsedAccount, index: number, from: number, to: number): void {
  const { issues, ids, causes, reasons, industries, split, door } = tally;
  if (ids.has(account.id))
    issues.push(makeIssue(`accounts[${index}].id`, 'an id not used by another account', describeValue(account.id)));
  ids.add(account.id);
  const gained = account.gainedAt === undefined ? undefined : tryInstant(account.gainedAt)!;
  if (gained !== undefined && gained >= from && gained <= to) return void door.newAccounts++;
  if (account.endRevenue === undefined) door.baseWithoutEnd++;
  else door.endRevenue = door.endRevenue.plus(toDecimal(account.endRevenue));
  const revenue = toDecimal(account.revenue);
  const industryName = account.industry ?? 'unspecified';
  const industry = industries.get(industryName) ?? { ...bucket(), base: ZERO, count: 0, churned: 0 };
  industries.set(industryName, industry);
  industry.base = industry.base.plus(revenue);
  industry.count++;
  tally.revenueBase = tally.revenueBase.plus(revenue);

  let accountLost = ZERO;
  let full = false;
  (account.losses ?? []).forEach((loss, lossIndex) => {
    const time = tryInstant(loss.date)!;
    if (time < from || time > to) return;
    const isFull = loss.amount === undefined || loss.full === true;
    const amount = loss.amount === undefined ? revenue.minus(accountLost) : toDecimal(loss.amount);
    full ||= isFull;
    accountLost = accountLost.plus(amount);
    if (accountLost.gt(revenue)) {
      issues.push(
        makeIssue(
          `accounts[${index}].losses[${lossIndex}].amount`,
          `losses in the period adding up to at most the revenue ${revenue.toFixed()}`,
          describeValue(loss.amount),
          'inconsistent',
        ),
      );
      return;
    }
    const cause = loss.cause ?? 'unattributed';
    const controllable = loss.cause === undefined ? null : controllableOf(loss.cause, loss.controllable);
    const causeBucket = causes.get(cause) ?? { ...bucket(), controllable };
    causes.set(cause, causeBucket);
    causeBucket.accounts.add(account.id);
    causeBucket.lost = causeBucket.lost.plus(amount);
    if (loss.reason !== undefined) {
      const reasonBucket = reasons.get(loss.reason) ?? { ...bucket(), cause };
      reasons.set(loss.reason, reasonBucket);
      reasonBucket.accounts.add(account.id);
      reasonBucket.lost = reasonBucket.lost.plus(amount);
    }
    const side = controllable === null ? split.unattributed : controllable ? split.controllable : split.uncontrollable;
    side.accounts.add(account.id);
    side.lost = side.lost.plus(amount);
    industry.accounts.add(account.id);
    industry.lost = industry.lost.plus(amount);
  });
  tally.lostRevenue = tally.lostRevenue.plus(accountLost);
  if (full) {
    tally.churned++;
    industry.churned++;
  }
}

/** The lines by cause, by reason and by industry, largest loss first, and the share of any group. */
function breakdowns(tally: ReportTally) {
  const { causes, reasons, industries, lostRevenue, revenueBase } = tally;
  const ratio = (part: Decimal, whole: Decimal): Decimal | null => (whole.isZero() ? null : part.div(whole));
  const share = (entry: Bucket): ChurnShare => ({
    accounts: entry.accounts.size,
    lostRevenue: entry.lost,
    shareOfLost: ratio(entry.lost, lostRevenue),
    revenueRate: ratio(entry.lost, revenueBase),
  });
  const byLoss =
    <T extends { lostRevenue: Decimal }>(key: (item: T) => string) =>
    (a: T, b: T): number =>
      b.lostRevenue.cmp(a.lostRevenue) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

  const byCause: ChurnCauseLine[] = [...causes].map(([cause, entry]) => ({
    cause,
    controllable: entry.controllable,
    labels: Object.prototype.hasOwnProperty.call(churnCauses, cause)
      ? churnCauses[cause as ChurnCauseId].labels
      : undefined,
    ...share(entry),
  }));
  byCause.sort(byLoss((line) => line.cause));
  const byReason: ChurnReasonLine[] = [...reasons].map(([reason, entry]) => ({
    reason,
    cause: entry.cause,
    ...share(entry),
  }));
  byReason.sort(byLoss((line) => line.reason));
  const byIndustry: ChurnIndustryLine[] = [...industries].map(([industry, entry]) => ({
    industry,
    accountsInBase: entry.count,
    churnedAccounts: entry.churned,
    countRate: entry.count === 0 ? null : ZERO.plus(entry.churned).div(entry.count),
    revenueBase: entry.base,
    industryRevenueRate: ratio(entry.lost, entry.base),
    ...share(entry),
  }));
  byIndustry.sort(byLoss((line) => line.industry));

  return { byCause, byReason, byIndustry, share };
}
