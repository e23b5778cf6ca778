/** Spend trend: the last three full months against the three before and the same months a year earlier. @module */
import type { Decimal } from 'decimal.js';
import { ZERO, toDecimal } from '../../../shared/numeric.js';
import { formatMonth, parseMonth } from '../../../shared/dates.js';
import type { ChurnSignalName } from '../churnSignalCatalogue.js';
import type { SignalFamily } from './family.js';

const RECENT_MONTHS = 3;

interface SpendWindow {
  readonly total: Decimal | undefined;
  readonly months: string[];
  readonly missing: string[];
}

function windowSum(spend: ReadonlyMap<number, Decimal>, end: number): SpendWindow {
  const months: string[] = [];
  const missing: string[] = [];
  let total = ZERO;
  for (let month = end - RECENT_MONTHS + 1; month <= end; month++) {
    months.push(formatMonth(month));
    const amount = spend.get(month);
    if (amount === undefined) missing.push(formatMonth(month));
    else total = total.plus(amount);
  }
  return { total: missing.length === 0 ? total : undefined, months, missing };
}

/** `spendChange`, `spendChangeYearOnYear` and `averageMonthlySpend` (SPEC §3; seed 000 客户流失前必有征兆). */
export const spendSignals: SignalFamily = (out, history, { lastFullMonth }) => {
  const spend = new Map<number, Decimal>();
  for (const entry of history.spend ?? []) {
    const month = parseMonth(entry.period)!;
    spend.set(month, (spend.get(month) ?? ZERO).plus(toDecimal(entry.amount)));
  }
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
