import { toRecordError, readId, type RecordError } from '../../shared/batch.js';
import { fail } from '../../shared/errors.js';
import type { Numeric } from '../../shared/numeric.js';
import { formatDay, readInstant, type DateInput } from '../../shared/dates.js';
import { readObject } from '../internal/read.js';
import type { TierPolicy, TierResult } from './defineTierPolicy.js';
import { readInput, readingInput } from '../../shared/input.js';
import { withDisplay } from '../../shared/display.js';

/**
 * One account for {@link fixKeyAccountList}: its id and either the tier to list it in or the
 * monthly spend to look the tier up from once, when the list is fixed.
 * @category Tiers
 */
export interface KeyAccountListEntry {
  readonly id: string;
  readonly tier?: string | undefined;
  readonly monthlySpend?: Numeric | undefined;
}

/**
 * The annual key-account list: every account's tier, fixed for `validFrom`–`validTo` (inclusive).
 * @category Tiers
 */
export interface KeyAccountList {
  readonly kind: 'keyAccountList';
  readonly validFrom: string;
  readonly validTo: string;
  /** Account id → listed tier id (`null`: in no tier), in input order. */
  readonly assignments: Readonly<Record<string, string | null>>;
  /** Accounts per tier id, highest tier first (the 鸡头凤尾 view of the list). */
  readonly counts: readonly { readonly tier: string; readonly accounts: number }[];
  readonly errors: readonly RecordError[];
  /** The listed tier of an account on `date`: a tier, `null` when listed in no tier, `undefined` when unlisted or
   * `date` is outside the period. */
  tierOf(accountId: string, date: DateInput): TierResult | null | undefined;
}

function tierOfEntry(policy: TierPolicy, record: Record<string, unknown>, context: string): TierResult | null {
  if (record.tier !== undefined) {
    const tier = typeof record.tier === 'string' ? policy.tierById(record.tier) : undefined;
    if (tier === undefined)
      fail('tier', `one of the policy's tier ids (${policy.tiers.map((t) => t.id).join(', ')})`, record.tier, context);
    return tier;
  }
  if (record.monthlySpend === undefined) fail('monthlySpend', 'a tier id or a monthly spend', undefined, context);
  return policy.tierFor(record.monthlySpend as Numeric);
}

/**
 * Fixes the annual key-account list (seed 003, 第6篇: the province assigns 大客户 to six levels by
 * monthly telecom spend and sets 走访标准 per level): each account's tier is decided once, for the
 * list's period, instead of re-tiering it every month on its last three months' spend — so a
 * declining 水晶 account keeps the stricter visit standard exactly when it needs it.
 * `deriveSignals` (option `keyAccountList`) and `contactCompliance` (option `keyAccountList`) use the
 * listed tier for any date in the period.
 *
 * @param policy - A compiled tier policy.
 * @param accounts - `{ id, tier }` or `{ id, monthlySpend }` per account (spend at the time the list is fixed).
 * @param options - `{ validFrom, validTo }`: the period, ISO dates or `Date`s, inclusive.
 * @throws {ValidationError} for a bad policy, a non-array `accounts`, a bad period or a duplicate id; bad records go
 * to `errors`.
 * @example
 * ```ts
 * import { fixKeyAccountList, telecomTierPolicy } from 'clientele';
 * const list = fixKeyAccountList(telecomTierPolicy, [{ id: 'crystal-1', monthlySpend: 5000 }], {
 *   validFrom: '2026-01-01',
 *   validTo: '2026-12-31',
 * });
 * list.tierOf('crystal-1', '2026-11-01')?.id; // 'crystal'
 * list.tierOf('crystal-1', '2027-01-01'); // undefined: outside the period
 * ```
 * @category Tiers
 */
export function fixKeyAccountList(
  givenPolicy: TierPolicy,
  accounts: readonly KeyAccountListEntry[],
  givenOptions: { readonly validFrom: DateInput; readonly validTo: DateInput },
): KeyAccountList {
  const context = 'fixKeyAccountList';
  const policy = readInput(givenPolicy, 'policy', context);
  const options = readObject(readInput(givenOptions, 'options', context), 'options', context);
  if (typeof policy !== 'object' || policy === null || policy.kind !== 'tierPolicy')
    fail('policy', 'a tier policy made by defineTierPolicy', policy, context, 'not_a_model');
  if (!readingInput('accounts', context, () => Array.isArray(accounts)))
    fail('accounts', 'an array of accounts', accounts, context, 'invalid_type');
  const from = readInstant(options.validFrom, 'options.validFrom');
  const to = readInstant(options.validTo, 'options.validTo');
  if (to < from)
    fail(
      'options.validTo',
      `a date on or after validFrom (${formatDay(from)})`,
      options.validTo,
      context,
      'inconsistent',
    );
  const assigned = new Map<string, TierResult | null>();
  const errors: RecordError[] = [];
  for (let index = 0; index < accounts.length; index++) {
    let id: string | undefined;
    try {
      id = readId(accounts[index], 'id');
      const record = readObject(accounts[index], '', context);
      if (typeof record.id !== 'string') fail('id', 'a string id', record.id, context, 'invalid_type');
      if (assigned.has(record.id)) fail('id', 'an account id not listed before', record.id, context, 'duplicate');
      assigned.set(record.id, tierOfEntry(policy, record, context));
    } catch (error) {
      errors.push(toRecordError(error, index, id));
    }
  }
  const counts = policy.tiers.map((tier) => ({
    tier: tier.id,
    accounts: [...assigned.values()].filter((value) => value?.id === tier.id).length,
  }));
  return withDisplay(
    Object.freeze({
      kind: 'keyAccountList' as const,
      validFrom: formatDay(from),
      validTo: formatDay(to),
      assignments: Object.freeze(Object.fromEntries([...assigned].map(([id, tier]) => [id, tier?.id ?? null]))),
      counts: Object.freeze(counts.map((count) => Object.freeze(count))),
      errors: Object.freeze(errors),
      tierOf(accountId: string, date: DateInput): TierResult | null | undefined {
        const time = readInstant(date, 'date');
        if (time < from || time > to + 86_400_000 - 1) return undefined;
        return assigned.get(accountId);
      },
    }),
    'Key account list',
  );
}
