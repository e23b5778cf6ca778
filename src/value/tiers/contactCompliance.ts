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
  readonly tier?: string | undefined;
  readonly monthlySpend?: Numeric | undefined;
  readonly lastVisit?: DateInput | null | undefined;
  readonly lastCall?: DateInput | null | undefined;
  /**
   * An event-triggered visit (seed 003: 走访 "或视客户业务发展、流失等情况"): e.g. a churn alert raised on
   * `raisedAt` asks for a visit by `dueBy`. Done by any visit on or after `raisedAt`.
   */
  readonly dueVisit?:
    | { readonly raisedAt: DateInput; readonly dueBy: DateInput; readonly reason?: string | undefined }
    | null
    | undefined;
}

/** An event-triggered visit's state: `done`, `pending` (not yet due) or `missed` (past `dueBy`, no visit since
 * `raisedAt`). @category Tiers */
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
  /** True when a visit or a call is overdue or never happened while required, or an event-triggered visit was missed.
   * */
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
 * (e.g. from a churn alert) is `missed` once past `dueBy` with no visit since it was raised. Bad records are reported
 * in `errors`, never abort the run.
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
  givenOptions: { readonly asOf: DateInput; readonly keyAccountList?: KeyAccountList | undefined },
): ContactComplianceReport {
  const { policy, asOf, list } = readComplianceSettings(givenPolicy, accounts, givenOptions);
  const results: ContactComplianceResult[] = [];
  const errors: RecordError[] = [];
  // every index, holes included: a record that cannot be read is that record's error, never lost
  for (let index = 0; index < accounts.length; index++) {
    let id: string | undefined;
    try {
      const account: unknown = accounts[index];
      id = readId(account, 'id');
      results.push(checkAccount(readObject(account, '', CONTEXT), index, policy, list, asOf));
    } catch (error) {
      errors.push(toRecordError(error, index, id));
    }
  }
  return withDisplay(
    { asOf: formatDay(asOf), results, errors, summary: summarise(policy, results) },
    'Contact compliance',
  );
}

const CONTEXT = 'contactCompliance';

/** The policy, the date and the optional key-account list, checked before any account is read. */
function readComplianceSettings(
  givenPolicy: TierPolicy,
  accounts: readonly ContactComplianceRecord[],
  givenOptions: { readonly asOf: DateInput; readonly keyAccountList?: KeyAccountList | undefined },
): { policy: TierPolicy; asOf: number; list: KeyAccountList | undefined } {
  const policy = readInput(givenPolicy, 'policy', CONTEXT);
  const options = readInput(givenOptions, 'options', CONTEXT);
  if (typeof policy !== 'object' || policy === null || policy.kind !== 'tierPolicy')
    fail('policy', 'a tier policy made by defineTierPolicy', policy, CONTEXT, 'not_a_model');
  if (!readingInput('accounts', CONTEXT, () => Array.isArray(accounts)))
    fail('accounts', 'an array of accounts', accounts, CONTEXT, 'invalid_type');
  const asOf = readInstant(readObject(options, 'options', CONTEXT).asOf, 'options.asOf');
  const list = options.keyAccountList;
  if (list !== undefined && (typeof list !== 'object' || list === null || list.kind !== 'keyAccountList'))
    fail('options.keyAccountList', 'a list from fixKeyAccountList', list, CONTEXT, 'not_a_model');
  return { policy, asOf, list };
}

/** The account's tier: the fixed key-account list first, then a given tier id, then its monthly spend. */
function tierOfAccount(
  record: Readonly<Record<string, unknown>>,
  policy: TierPolicy,
  list: KeyAccountList | undefined,
  asOf: number,
): TierResult | null {
  const listed = list?.tierOf(record['id'] as string, formatDay(asOf));
  if (listed !== undefined) return listed;
  const given = record['tier'];
  if (given !== undefined) {
    if (typeof given !== 'string' || policy.tierById(given) === undefined)
      fail('tier', `one of the policy's tier ids (${policy.tiers.map((t) => t.id).join(', ')})`, given, CONTEXT);
    return policy.tierById(given)!;
  }
  if (record['monthlySpend'] === undefined) fail('monthlySpend', 'a tier id or a monthly spend', undefined, CONTEXT);
  return policy.tierFor(record['monthlySpend'] as Numeric);
}

/** One account's visit, call and due-visit checks against its tier's contact standard. */
function checkAccount(
  record: Readonly<Record<string, unknown>>,
  index: number,
  policy: TierPolicy,
  list: KeyAccountList | undefined,
  asOf: number,
): ContactComplianceResult {
  if (typeof record['id'] !== 'string') fail('id', 'a string id', record['id'], CONTEXT, 'invalid_type');
  const tier = tierOfAccount(record, policy, list, asOf);
  const visit = check(tier?.contact.visitEveryDays ?? null, record['lastVisit'] as DateInput, asOf, 'lastVisit');
  const call = check(tier?.contact.callEveryDays ?? null, record['lastCall'] as DateInput, asOf, 'lastCall');
  const dueVisit = checkDueVisit(record['dueVisit'] as never, record['lastVisit'] as DateInput, asOf);
  const late = (status: string) => status === 'overdue' || status === 'never';
  return {
    index,
    id: record['id'],
    tier: tier?.id ?? null,
    visit,
    call,
    dueVisit,
    overdue: late(visit.status) || late(call.status) || dueVisit?.status === 'missed',
  };
}

/** Counts per tier (in policy order) and in total. */
function summarise(
  policy: TierPolicy,
  results: readonly ContactComplianceResult[],
): ContactComplianceReport['summary'] {
  const byTier = new Map(
    policy.tiers.map((tier) => [tier.id, { tier: tier.id, accounts: 0, overdueVisits: 0, overdueCalls: 0 }]),
  );
  const late = (status: string) => status === 'overdue' || status === 'never';
  for (const result of results) {
    if (result.tier === null) continue;
    const counts = byTier.get(result.tier)!;
    counts.accounts++;
    if (late(result.visit.status)) counts.overdueVisits++;
    if (late(result.call.status)) counts.overdueCalls++;
  }
  const tiers = [...byTier.values()];
  return {
    accounts: results.length,
    untiered: results.filter((result) => result.tier === null).length,
    compliant: results.filter((result) => !result.overdue).length,
    overdueVisits: tiers.reduce((sum, tier) => sum + tier.overdueVisits, 0),
    overdueCalls: tiers.reduce((sum, tier) => sum + tier.overdueCalls, 0),
    missedDueVisits: results.filter((result) => result.dueVisit?.status === 'missed').length,
    byTier: tiers,
  };
}
