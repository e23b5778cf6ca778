/** Spend trend: the last three full months against the three before and the same months a year earlier. @module */
import type { Decimal } from 'decimal.js';
import { ExactDecimal, ZERO, toDecimal } from '../../../shared/numeric.js';
import { formatMonth, parseMonth } from '../../../shared/dates.js';
import type { ChurnSignalName } from '../churnSignalCatalogue.js';
import type { ParsedHistory, SignalFamily } from './family.js';

const RECENT_MONTHS = 3;

interface SpendWindow {
  readonly total: Decimal | undefined;
  readonly months: string[];
  readonly missing: string[];
}

/** Month index → the month's spend: whole numbers summed as numbers, anything else as exact decimals. */
type SpendByMonth = ReadonlyMap<number, number | Decimal>;

function windowSum(spend: SpendByMonth, end: number): SpendWindow {
  const months: string[] = [];
  const missing: string[] = [];
  // whole months add up as a number until the first decimal month; from there on, in month order
  // as decimals, so every rounding (40 digits) happens where the all-decimal sum rounded
  let whole = 0;
  let total: Decimal | undefined;
  for (let month = end - RECENT_MONTHS + 1; month <= end; month++) {
    months.push(formatMonth(month));
    const amount = spend.get(month);
    if (amount === undefined) missing.push(formatMonth(month));
    else if (typeof amount === 'number' && total === undefined) whole += amount;
    else total = (total ?? new ExactDecimal(whole)).plus(amount);
  }
  total ??= whole === 0 ? ZERO : new ExactDecimal(whole);
  return { total: missing.length === 0 ? total : undefined, months, missing };
}

/** Below this a month's whole-number sum stays a number: three of them still add up exactly. */
const WHOLE_LIMIT = Math.floor(Number.MAX_SAFE_INTEGER / 4);

/**
 * Each month's spend. A month whose amounts are all whole numbers of moderate size is summed as a
 * number (exact: every partial sum is a safe integer); any other amount turns the month's sum into
 * an exact decimal. The sums are the same values the decimal sum gives, so the signals are too.
 */
function spendByMonth(entries: ParsedHistory['spend']): SpendByMonth {
  const spend = new Map<number, number | Decimal>();
  for (const entry of entries ?? []) {
    const month = parseMonth(entry.period)!;
    const before = spend.get(month);
    const amount = entry.amount;
    if (typeof amount === 'number' && Number.isInteger(amount) && typeof before !== 'object') {
      const sum = (before ?? 0) + amount;
      if (sum <= WHOLE_LIMIT && sum >= -WHOLE_LIMIT && amount <= WHOLE_LIMIT && amount >= -WHOLE_LIMIT) {
        spend.set(month, sum);
        continue;
      }
    }
    const exact = before === undefined ? ZERO : typeof before === 'number' ? new ExactDecimal(before) : before;
    spend.set(month, exact.plus(toDecimal(amount)));
  }
  return spend;
}

/** `spendChange`, `spendChangeYearOnYear` and `averageMonthlySpend` (SPEC §3; seed 000 客户流失前必有征兆). */
export const spendSignals: SignalFamily = (out, history, { lastFullMonth }) => {
  const spend = spendByMonth(history.spend);
  const recent = windowSum(spend, lastFullMonth);
  const change = (base: SpendWindow, name: ChurnSignalName): void => {
    const evidence = {
      recentMonths: recent.months,
      recentSpend: recent.total ?? null,
      baselineMonths: base.months,
      baselineSpend: base.total ?? null,
    };
    if (history.spend === undefined) return out.missing(name, 'no spend history');
    if (recent.total === undefined || base.total === undefined) {
      return out.missing(name, `spend not recorded for ${[...recent.missing, ...base.missing].join(', ')}`, evidence);
    }
    if (base.total.isZero()) {
      if (recent.total.isZero()) return out.known(name, ZERO, evidence);
      return out.missing(name, 'baseline spend is zero (growth from nothing has no ratio)', evidence);
    }
    out.known(name, recent.total.minus(base.total).div(base.total), evidence);
  };
  change(windowSum(spend, lastFullMonth - RECENT_MONTHS), 'spendChange');
  change(windowSum(spend, lastFullMonth - 12), 'spendChangeYearOnYear');
  const reason =
    history.spend === undefined ? 'no spend history' : `spend not recorded for ${recent.missing.join(', ')}`;
  out.set(
    'averageMonthlySpend',
    recent.total?.div(RECENT_MONTHS),
    { months: recent.months, recentSpend: recent.total ?? null },
    reason,
  );
};
