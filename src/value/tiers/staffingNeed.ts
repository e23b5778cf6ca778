import type { Decimal } from 'decimal.js';
import { fail, joinPath } from '../../shared/errors.js';
import { ExactDecimal, ZERO, isDecimal, toDecimal, type Numeric } from '../../shared/numeric.js';
import { readObject } from '../internal/read.js';
import type { TierPolicy } from './defineTierPolicy.js';
import { readInput } from '../../shared/input.js';

/**
 * Options of {@link staffingNeed}.
 * @category Tiers
 */
export interface StaffingOptions {
  /** Hours one visit takes, travel included; default 3. */
  readonly hoursPerVisit?: Numeric | undefined;
  /** Hours one call takes; default 0.25. */
  readonly hoursPerCall?: Numeric | undefined;
  /** Other account work per account per year (proposals, projects, reviews), per tier id or for all; default 0. */
  readonly hoursPerAccount?: Numeric | Readonly<Record<string, Numeric>> | undefined;
  /** Hours a manager can spend on accounts per year; default 1,600. */
  readonly hoursPerManager?: Numeric | undefined;
  /** The ratio check: at most this many accounts of `ratioGroup` per manager; default 9 (seed 003). `null` turns it
   * off. */
  readonly accountsPerManager?: Numeric | null | undefined;
  /** The tier group the ratio applies to; default `'key-account'`; `null`: every tier. */
  readonly ratioGroup?: string | null | undefined;
}

/**
 * Account managers needed for a portfolio under a tier policy.
 * @category Tiers
 */
export interface StaffingResult {
  /** Required visits, calls and hours per year, per tier (highest tier first). */
  readonly byTier: readonly {
    readonly tier: string;
    readonly accounts: number;
    readonly visitsPerYear: Decimal;
    readonly callsPerYear: Decimal;
    readonly hours: Decimal;
  }[];
  readonly visitsPerYear: Decimal;
  readonly callsPerYear: Decimal;
  /** Contact and account work per year, in hours. */
  readonly hours: Decimal;
  /** hours / hoursPerManager, unrounded. */
  readonly workloadManagers: Decimal;
  /** The ratio check: accounts in the ratio group, the ratio, and ⌈accounts / ratio⌉ managers (`null` when off). */
  readonly ratio: { readonly accounts: number; readonly accountsPerManager: Decimal; readonly managers: number } | null;
  /** Managers needed: the larger of ⌈workloadManagers⌉ and the ratio check. */
  readonly managers: number;
}

/**
 * Staffing need (seed 003): the contact workload a tier policy implies, turned into the number of
 * account managers needed, checked against the seed's ratio of about 9 key accounts per manager
 * (a mid-size firm has ~75 key accounts, Xerox ~250).
 *
 * Workload per year = Σ over tiers of accounts × (visits/year × hoursPerVisit + calls/year ×
 * hoursPerCall + hoursPerAccount). Managers = max(⌈workload / hoursPerManager⌉, ⌈ratio-group
 * accounts / accountsPerManager⌉). The seed's branch could not meet its visit standard because it
 * had too few managers: this is the number it needed.
 *
 * @param policy - A compiled tier policy.
 * @param counts - Number of accounts per tier id.
 * @throws {ValidationError} on an unknown tier id, a count that is not a whole number ≥ 0, or a
 *   non-positive hour or ratio option.
 * @example
 * ```ts
 * import { staffingNeed, telecomTierPolicy } from 'clientele';
 * // a mid-size firm's ~75 key accounts, all crystal: the ~9-per-manager check decides
 * staffingNeed(telecomTierPolicy, { crystal: 75 }).managers; // 9
 * ```
 * @category Tiers
 */
export function staffingNeed(
  givenPolicy: TierPolicy,
  givenCounts: Readonly<Record<string, number>>,
  givenOptions: StaffingOptions = {},
): StaffingResult {
  const policy = readInput(givenPolicy, 'policy', CONTEXT);
  const counts = readInput(givenCounts, 'counts', CONTEXT);
  const options = readInput(givenOptions, 'options', CONTEXT);
  if (typeof policy !== 'object' || policy === null || policy.kind !== 'tierPolicy')
    fail('policy', 'a tier policy made by defineTierPolicy', policy, CONTEXT, 'not_a_model');
  const countsRecord = readCounts(policy, counts);
  const hoursPerVisit = positive(options.hoursPerVisit, 'options.hoursPerVisit', '3');
  const hoursPerCall = positive(options.hoursPerCall, 'options.hoursPerCall', '0.25');
  const hoursPerManager = positive(options.hoursPerManager, 'options.hoursPerManager', '1600');
  const ratioValue = options.accountsPerManager === undefined ? '9' : options.accountsPerManager;
  const ratioGroup = options.ratioGroup === undefined ? 'key-account' : options.ratioGroup;
  let visits = ZERO;
  let calls = ZERO;
  let hours = ZERO;
  let ratioAccounts = 0;
  const byTier = policy.tiers.map((tier) => {
    const accounts = (countsRecord[tier.id] as number | undefined) ?? 0;
    const tierVisits = tier.contact.visitsPerYear.times(accounts);
    const tierCalls = tier.contact.callsPerYear.times(accounts);
    const tierHours = tierVisits
      .times(hoursPerVisit)
      .plus(tierCalls.times(hoursPerCall))
      .plus(accountHours(options.hoursPerAccount, tier.id).times(accounts));
    visits = visits.plus(tierVisits);
    calls = calls.plus(tierCalls);
    hours = hours.plus(tierHours);
    if (ratioGroup === null || tier.group === ratioGroup) ratioAccounts += accounts;
    return { tier: tier.id, accounts, visitsPerYear: tierVisits, callsPerYear: tierCalls, hours: tierHours };
  });
  const workloadManagers = hours.div(hoursPerManager);
  const ratio = ratioValue === null ? null : ratioNeed(ratioAccounts, ratioValue);
  const byWorkload = Number(workloadManagers.ceil().toFixed(0));
  return {
    byTier,
    visitsPerYear: visits,
    callsPerYear: calls,
    hours,
    workloadManagers,
    ratio,
    managers: Math.max(byWorkload, ratio?.managers ?? 0),
  };
}

const CONTEXT = 'staffingNeed';

/** Accounts per tier id: known tier ids only, whole numbers ≥ 0. */
function readCounts(policy: TierPolicy, counts: unknown): Readonly<Record<string, unknown>> {
  const countsRecord = readObject(counts, 'counts', CONTEXT);
  for (const key of Object.keys(countsRecord)) {
    if (policy.tierById(key) === undefined) {
      const ids = policy.tiers.map((t) => t.id).join(', ');
      fail(joinPath('counts', key), `one of the policy's tier ids (${ids})`, key, CONTEXT);
    }
    const count = countsRecord[key];
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0)
      fail(joinPath('counts', key), 'a whole number ≥ 0', count, CONTEXT);
  }
  return countsRecord;
}

function positive(value: unknown, path: string, fallback: string): Decimal {
  const decimal = toDecimal(value ?? fallback, path);
  if (!decimal.isPositive() || decimal.isZero()) fail(path, 'a number > 0', value, CONTEXT);
  return decimal;
}

function nonNegative(value: unknown, path: string): Decimal {
  const decimal = toDecimal(value, path);
  if (decimal.isNegative() && !decimal.isZero()) fail(path, 'a number ≥ 0', value, CONTEXT);
  return decimal;
}

/** Other hours a year per account of `tier`: one figure for every tier, or one per tier id. */
function accountHours(raw: unknown, tier: string): Decimal {
  if (raw === undefined) return ZERO;
  if (typeof raw === 'object' && raw !== null && !isDecimal(raw)) {
    const record = raw as Readonly<Record<string, Numeric>>;
    return Object.prototype.hasOwnProperty.call(record, tier)
      ? nonNegative(record[tier], joinPath('options.hoursPerAccount', tier))
      : ZERO;
  }
  return nonNegative(raw, 'options.hoursPerAccount');
}

/** Managers by the accounts-per-manager rule of thumb (seed 003: about nine key accounts each). */
function ratioNeed(accounts: number, ratioValue: unknown): NonNullable<StaffingResult['ratio']> {
  const accountsPerManager = positive(ratioValue, 'options.accountsPerManager', '9');
  return {
    accounts,
    accountsPerManager,
    managers: Number(new ExactDecimal(accounts).div(accountsPerManager).ceil().toFixed(0)),
  };
}
