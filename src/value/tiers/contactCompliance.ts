import type { Decimal } from 'decimal.js';
import { toRecordError, readId, type RecordError } from '../../shared/batch.js';
import { fail } from '../../shared/errors.js';
import { ExactDecimal } from '../../shared/numeric.js';
import { DAY_MS, formatDay, readInstant, type DateInput } from '../../shared/dates.js';
import { readObject } from '../internal/read.js';
import type { TierPolicy, TierResult } from './defineTierPolicy.js';
import type { KeyAccountList } from './keyAccountList.js';
import type { Numeric } from '../../shared/numeric.js';
import { readInput, readingInput } from '../../shared/input.js';
import { withDisplay } from '../../shared/display.js';

/**
 * One account for {@link contactCompliance}: its tier (or its monthly spend, to look the tier
 * up) and its last visit and call (`null` or absent: never).
 * @category Tiers
 */
export interface ContactComplianceRecord {
  readonly id: string;
  /** The tier id; when absent the tier is looked up from `monthlySpend`. */
  readonly tier?: string;
  readonly monthlySpend?: Numeric;
  readonly lastVisit?: DateInput | null;
  readonly lastCall?: DateInput | null;
  /**
   * An event-triggered visit (seed 003: 走访 "或视客户业务发展、流失等情况"): e.g. a churn alert raised on
   * `raisedAt` asks for a visit by `dueBy`. Done by any visit on or after `raisedAt`.
   */
  readonly dueVisit?: { readonly raisedAt: DateInput; readonly dueBy: DateInput; readonly reason?: string } | null;
}

/** An event-triggered visit's state: `done`, `pending` (not yet due) or `missed` (past `dueBy`, no visit since `raisedAt`). @category Tiers */
export interface DueVisitCheck {
  readonly status: 'done' | 'pending' | 'missed';
  readonly raisedAt: string;
  readonly dueBy: string;
  readonly reason: string | null;
}

/** The state of one kind of contact. @category Tiers */
export type ContactComplianceStatus = 'ok' | 'overdue' | 'never' | 'not-required';

/**
 * Visits or calls of one account against its standard.
 * @category Tiers
 */
export interface ContactComplianceCheck {
  readonly status: ContactComplianceStatus;
  /** The standard's longest gap in days, `null` when not required. */
  readonly everyDays: Decimal | null;
  /** Date of the last contact (ISO), `null` if never. */
  readonly last: string | null;
  /** Days from the last contact to `asOf`, `null` if never. */
  readonly daysSince: Decimal | null;
  /** The last day the next contact was due (ISO), `null` if never or not required. */
  readonly dueBy: string | null;
  /** Days past due (0 when not overdue; `null` when never contacted, which is overdue without a measure). */
  readonly overdueDays: Decimal | null;
}

/**
 * Contact compliance of one account.
 * @category Tiers
 */
export interface ContactComplianceResult {
  readonly index: number;
  readonly id: string;
  /** The tier id, `null` when the spend falls in no band (then nothing is required). */
  readonly tier: string | null;
  readonly visit: ContactComplianceCheck;
  readonly call: ContactComplianceCheck;
  /** The event-triggered visit, `null` when none was asked for. */
  readonly dueVisit: DueVisitCheck | null;
  /** True when a visit or a call is overdue or never happened while required, or an event-triggered visit was missed. */
  readonly overdue: boolean;
}

/**
 * Counts over all accounts and per tier.
 * @category Tiers
 */
export interface ContactComplianceSummary {
  readonly accounts: number;
  readonly untiered: number;
  readonly compliant: number;
  readonly overdueVisits: number;
  readonly overdueCalls: number;
  /** Event-triggered visits missed (past due, no visit since the event). */
  readonly missedDueVisits: number;
  readonly byTier: readonly {
    readonly tier: string;
    readonly accounts: number;
    readonly overdueVisits: number;
    readonly overdueCalls: number;
  }[];
}

/**
 * The result of {@link contactCompliance}: per-account checks, per-record errors and a summary.
 * @category Tiers
 */
export interface ContactComplianceReport {
  readonly asOf: string;
  readonly results: ContactComplianceResult[];
  readonly errors: RecordError[];
  readonly summary: ContactComplianceSummary;
}

const DAY = /* @__PURE__ */ new ExactDecimal(DAY_MS);

function check(everyDays: Decimal | null, lastRaw: unknown, asOf: number, path: string): ContactComplianceCheck {
  const lastTime = lastRaw === undefined || lastRaw === null ? null : readInstant(lastRaw, path);
  if (lastTime !== null && lastTime > asOf)
    fail(path, `a date on or before asOf (${formatDay(asOf)})`, lastRaw, 'contactCompliance', 'inconsistent');
  const last = lastTime === null ? null : formatDay(lastTime);
  const daysSince = lastTime === null ? null : new ExactDecimal(asOf - lastTime).div(DAY);
  if (everyDays === null)
    return { status: 'not-required', everyDays, last, daysSince, dueBy: null, overdueDays: new ExactDecimal(0) };
  if (lastTime === null || daysSince === null)
    return { status: 'never', everyDays, last, daysSince, dueBy: null, overdueDays: null };
  const dueBy = formatDay(lastTime + Math.floor(everyDays.times(DAY_MS).toNumber()));
  const overdue = daysSince.gt(everyDays);
  return {
    status: overdue ? 'overdue' : 'ok',
    everyDays,
    last,
    daysSince,
    dueBy,
    overdueDays: overdue ? daysSince.minus(everyDays) : new ExactDecimal(0),
  };
}

function checkDueVisit(raw: unknown, lastVisit: unknown, asOf: number): DueVisitCheck | null {
  if (raw === undefined || raw === null) return null;
  const due = readObject(raw, 'dueVisit', 'contactCompliance');
  const raisedAt = readInstant(due.raisedAt, 'dueVisit.raisedAt');
  const dueBy = readInstant(due.dueBy, 'dueVisit.dueBy');
  if (dueBy < raisedAt)
    fail('dueVisit.dueBy', 'a date on or after raisedAt', due.dueBy, 'contactCompliance', 'inconsistent');
  if (due.reason !== undefined && typeof due.reason !== 'string')
    fail('dueVisit.reason', 'a string', due.reason, 'contactCompliance', 'invalid_type');
  const visited = lastVisit !== undefined && lastVisit !== null && readInstant(lastVisit, 'lastVisit') >= raisedAt;
  const status = visited ? 'done' : asOf > dueBy ? 'missed' : 'pending';
  return {
    status,
    raisedAt: formatDay(raisedAt),
    dueBy: formatDay(dueBy),
    reason: (due.reason as string | undefined) ?? null,
  };
}

/**
 * Contact compliance as of a date (seed 003, 第6篇: "in practice the visit standard is hard to
 * meet"): for each account, whether its visits and calls keep to its tier's standard.
 *
 * A contact is overdue when more days than the standard's interval (period days / times, see
 * {@link contactPeriodDays}) have passed since the last one; exactly the interval is still on
 * time. A required contact that never happened is `never` and counts as overdue. Accounts in no
 * tier need nothing. With `keyAccountList`, a listed account's tier is the one fixed for the list's
 * period (seed 003's annual list), not the tier of today's spend. An event-triggered `dueVisit`
 * (e.g. from a churn alert) is `missed` once past `dueBy` with no visit since it was raised. Bad records are reported in `errors`, never abort the run.
 *
 * @param policy - A compiled tier policy.
 * @param accounts - `{ id, tier? | monthlySpend?, lastVisit?, lastCall? }` per account.
 * @param options - `{ asOf, keyAccountList? }`: `asOf` an ISO date or a `Date`.
 * @throws {ValidationError} only for a bad `policy`, `accounts` (not an array) or `asOf`.
 * @example
 * ```ts
 * import { contactCompliance, telecomTierPolicy } from 'clientele';
 * const report = contactCompliance(telecomTierPolicy, [
 *   { id: 'crystal-1', monthlySpend: 5000, lastVisit: '2026-08-01', lastCall: '2026-10-20' },
 * ], { asOf: '2026-11-01' });
 * report.results[0]?.visit.status; // 'overdue'  (92 days > 45.65625)
 * report.results[0]?.call.status; // 'ok'
 * ```
 * @category Tiers
 */
export function contactCompliance(
  givenPolicy: TierPolicy,
  accounts: readonly ContactComplianceRecord[],
  givenOptions: { readonly asOf: DateInput; readonly keyAccountList?: KeyAccountList },
): ContactComplianceReport {
  const policy = readInput(givenPolicy, 'policy', 'contactCompliance');
  const options = readInput(givenOptions, 'options', 'contactCompliance');
  const context = 'contactCompliance';
  if (typeof policy !== 'object' || policy === null || policy.kind !== 'tierPolicy')
    fail('policy', 'a tier policy made by defineTierPolicy', policy, context, 'not_a_model');
  if (!readingInput('accounts', 'contactCompliance', () => Array.isArray(accounts)))
    fail('accounts', 'an array of accounts', accounts, context, 'invalid_type');
  const asOf = readInstant(readObject(options, 'options', context).asOf, 'options.asOf');
  const list = options.keyAccountList;
  if (list !== undefined && (typeof list !== 'object' || list === null || list.kind !== 'keyAccountList'))
    fail('options.keyAccountList', 'a list from fixKeyAccountList', list, context, 'not_a_model');
  let missedDueVisits = 0;
  const results: ContactComplianceResult[] = [];
  const errors: RecordError[] = [];
  const byTier = new Map<string, { tier: string; accounts: number; overdueVisits: number; overdueCalls: number }>();
  for (const tier of policy.tiers)
    byTier.set(tier.id, { tier: tier.id, accounts: 0, overdueVisits: 0, overdueCalls: 0 });
  let untiered = 0;
  // every index, holes included: a record that cannot be read is that record's error, never lost
  for (let index = 0; index < accounts.length; index++) {
    let id: string | undefined;
    try {
      const account: unknown = accounts[index];
      id = readId(account, 'id');
      const record = readObject(account, '', context);
      if (typeof record.id !== 'string') fail('id', 'a string id', record.id, context, 'invalid_type');
      let tier: TierResult | null;
      const listed = list?.tierOf(record.id, formatDay(asOf));
      if (listed !== undefined) {
        tier = listed;
      } else if (record.tier !== undefined) {
        if (typeof record.tier !== 'string' || policy.tierById(record.tier) === undefined) {
          fail(
            'tier',
            `one of the policy's tier ids (${policy.tiers.map((t) => t.id).join(', ')})`,
            record.tier,
            context,
          );
        }
        tier = policy.tierById(record.tier)!;
      } else if (record.monthlySpend !== undefined) {
        tier = policy.tierFor(record.monthlySpend as Numeric);
      } else {
        fail('monthlySpend', 'a tier id or a monthly spend', undefined, context);
      }
      const visit = check(tier?.contact.visitEveryDays ?? null, record.lastVisit, asOf, 'lastVisit');
      const call = check(tier?.contact.callEveryDays ?? null, record.lastCall, asOf, 'lastCall');
      const dueVisit = checkDueVisit(record.dueVisit, record.lastVisit, asOf);
      const visitLate = visit.status === 'overdue' || visit.status === 'never';
      const callLate = call.status === 'overdue' || call.status === 'never';
      if (dueVisit?.status === 'missed') missedDueVisits++;
      results.push({
        index,
        id: record.id,
        tier: tier?.id ?? null,
        visit,
        call,
        dueVisit,
        overdue: visitLate || callLate || dueVisit?.status === 'missed',
      });
      if (tier === null) {
        untiered++;
        continue;
      }
      const counts = byTier.get(tier.id)!;
      counts.accounts++;
      if (visitLate) counts.overdueVisits++;
      if (callLate) counts.overdueCalls++;
    } catch (error) {
      errors.push(toRecordError(error, index, id));
    }
  }
  const tiers = [...byTier.values()];
  return withDisplay(
    {
      asOf: formatDay(asOf),
      results,
      errors,
      summary: {
        accounts: results.length,
        untiered,
        compliant: results.filter((result) => !result.overdue).length,
        overdueVisits: tiers.reduce((sum, tier) => sum + tier.overdueVisits, 0),
        overdueCalls: tiers.reduce((sum, tier) => sum + tier.overdueCalls, 0),
        missedDueVisits,
        byTier: tiers,
      },
    },
    'Contact compliance',
  );
}
