import { fail } from '../../shared/errors.js';
import { formatDay, formatMonth, monthIndexOf, readInstant, type DateInput } from '../../shared/dates.js';
import { readObject } from '../internal/read.js';
import { readInput, readingInput } from '../../shared/input.js';
import type { Numeric } from '../../shared/numeric.js';
import { checkTierPolicy, type TierInversion } from './checkTierPolicy.js';
import { contactCompliance } from './contactCompliance.js';
import type { TierPolicy } from './defineTierPolicy.js';
import { fixKeyAccountList, type KeyAccountList } from './keyAccountList.js';
import { staffingNeed, type StaffingOptions, type StaffingResult } from './staffingNeed.js';
import { teamStaffing, type TeamStaffing } from './teamStaffing.js';
import { withDisplay } from '../../shared/display.js';

/** One account of the agency's year: its spend when the list is fixed, its value class and its visits. @category Tiers
 * */
export interface AgencyYearAccount {
  readonly id: string;
  readonly monthlySpend: Numeric;
  /** Value-matrix class id (A–D), for the account teams. */
  readonly customerClass?: string | undefined;
  /** Dates of the visits made in the year. */
  readonly visits?: readonly DateInput[] | undefined;
}

/** Options of {@link planAgencyYear}. @category Tiers */
export interface AgencyYearOptions {
  readonly validFrom: DateInput;
  readonly validTo: DateInput;
  /** Account managers on staff, for the staffing gap. */
  readonly managersOnStaff: number;
  /** Month ends after this date are not reported yet; default validTo. */
  readonly asOf?: DateInput | undefined;
  readonly staffing?: StaffingOptions | undefined;
}

/** The agency's year in one plan. @category Tiers */
export interface AgencyYearPlan {
  readonly list: KeyAccountList;
  readonly staffing: StaffingResult;
  /** Managers needed minus on staff (negative: a surplus). */
  readonly managerGap: number;
  /** Teams by role from the accounts' value classes (`null` when no account has a class). */
  readonly teams: TeamStaffing | null;
  /** 鸡头凤尾: lower tiers with a stricter standard than higher ones (seed 003). */
  readonly inversions: readonly TierInversion[];
  /** Per month end in the period: accounts whose visit was overdue (or never made while required) on that day. */
  readonly missedVisits: readonly {
    readonly month: string;
    readonly overdueVisits: number;
    readonly accounts: readonly string[];
  }[];
}

function missedVisitsByMonth(
  policy: TierPolicy,
  list: KeyAccountList,
  accounts: readonly AgencyYearAccount[],
  from: number,
  until: number,
): AgencyYearPlan['missedVisits'] {
  const months: { month: string; overdueVisits: number; accounts: string[] }[] = [];
  for (let month = monthIndexOf(from); month <= monthIndexOf(until); month++) {
    const end = Math.min(readInstant(`${formatMonth(month + 1)}-01`, 'month') - 86_400_000, until);
    const records = accounts.map((account) => {
      const visits = (account.visits ?? []).map((date) => readInstant(date, 'visits')).filter((time) => time <= end);
      return {
        id: account.id,
        monthlySpend: account.monthlySpend,
        lastVisit: visits.length === 0 ? null : formatDay(Math.max(...visits)),
      };
    });
    const report = contactCompliance(policy, records, { asOf: formatDay(end), keyAccountList: list });
    const late = report.results
      .filter((result) => result.visit.status === 'overdue' || result.visit.status === 'never')
      .map((result) => result.id);
    months.push({ month: formatMonth(month), overdueVisits: late.length, accounts: late });
  }
  return months;
}

/**
 * The agency's year in one call (seed 003 for tiers, 走访标准, 鸡头凤尾 and about 9 key accounts per
 * manager; seed 001 for account teams): fixes the key-account list for the year, gives each account
 * its tier's visit standard, computes the managers needed and the gap against those on staff, the
 * account teams by role, the policy's 鸡头凤尾 inversions, and for each month end the accounts
 * whose visit was overdue.
 *
 * @param policy - A compiled tier policy.
 * @param accounts - Accounts with their monthly spend when the list is fixed, class and visits.
 * @param options - The year (`validFrom`, `validTo`), `managersOnStaff`, `asOf?`, `staffing?`.
 * @throws {ValidationError} for a bad policy, period, staff count or account (this plan needs every account).
 * @example
 * ```ts
 * import { planAgencyYear, telecomTierPolicy } from 'clientele';
 * const plan = planAgencyYear(
 *   telecomTierPolicy,
 *   [{ id: 'c1', monthlySpend: 5000, customerClass: 'A', visits: ['2026-01-10'] }],
 *   { validFrom: '2026-01-01', validTo: '2026-03-31', managersOnStaff: 0 },
 * );
 * [plan.managerGap, plan.missedVisits.map((m) => m.overdueVisits)]; // [1, [0, 1, 1]]
 * ```
 * @category Tiers
 */
export function planAgencyYear(
  policy: TierPolicy,
  givenAccounts: readonly AgencyYearAccount[],
  givenOptions: AgencyYearOptions,
): AgencyYearPlan {
  const context = 'planAgencyYear';
  const accounts = readInput(givenAccounts, 'accounts', context);
  const options = readObject(readInput(givenOptions, 'options', context), 'options', context);
  if (!readingInput('accounts', context, () => Array.isArray(accounts)))
    fail('accounts', 'an array of accounts', accounts, context, 'invalid_type');
  const staff = options.managersOnStaff;
  if (typeof staff !== 'number' || !Number.isSafeInteger(staff) || staff < 0)
    fail('options.managersOnStaff', 'a whole number ≥ 0', staff, context);
  const list = fixKeyAccountList(policy, accounts, {
    validFrom: options.validFrom as DateInput,
    validTo: options.validTo as DateInput,
  });
  if (list.errors.length > 0)
    fail(
      `accounts[${list.errors[0]!.index}]`,
      'a valid account (every account is needed for the plan)',
      list.errors[0]!.message,
      context,
    );
  const counts: Record<string, number> = {};
  for (const tier of Object.values(list.assignments)) if (tier !== null) counts[tier] = (counts[tier] ?? 0) + 1;
  const staffing = staffingNeed(policy, counts, (options.staffing ?? {}) as StaffingOptions);
  (accounts as readonly AgencyYearAccount[]).forEach((account, index) => {
    if (account.visits !== undefined && !Array.isArray(account.visits))
      fail(`accounts[${index}].visits`, 'an array of visit dates', account.visits, context, 'invalid_type');
    if (account.customerClass !== undefined && typeof account.customerClass !== 'string')
      fail(`accounts[${index}].customerClass`, 'a value class id', account.customerClass, context, 'invalid_type');
  });
  const classes: Record<string, number> = {};
  for (const account of accounts as readonly AgencyYearAccount[])
    if (account.customerClass !== undefined) classes[account.customerClass] = (classes[account.customerClass] ?? 0) + 1;
  const from = readInstant(list.validFrom, 'validFrom');
  const until = Math.min(
    readInstant(list.validTo, 'validTo'),
    options.asOf === undefined ? Infinity : readInstant(options.asOf, 'options.asOf'),
  );
  return withDisplay(
    {
      list,
      staffing,
      managerGap: staffing.managers - staff,
      teams: Object.keys(classes).length === 0 ? null : teamStaffing(classes),
      inversions: checkTierPolicy(policy).inversions,
      missedVisits:
        until < from ? [] : missedVisitsByMonth(policy, list, accounts as readonly AgencyYearAccount[], from, until),
    },
    'Agency year plan',
  );
}
