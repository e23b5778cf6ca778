/** Competitor purchases and our share of the client's category spend (seed 002; seed 003 第7篇). @module */
import type { Decimal } from 'decimal.js';
import { toDecimal } from '../../../shared/numeric.js';
import { DAY_MS, formatDay, formatMonth, parseMonth } from '../../../shared/dates.js';
import { instant, meanOf, type Readings, type SignalFamily } from './family.js';

function shareOfWallet(
  out: Readings,
  observations: readonly { period: string; share: unknown }[] | undefined,
  lastFullMonth: number,
): void {
  const names = ['shareOfWallet', 'shareOfWalletChange'] as const;
  if (observations === undefined) return out.allMissing(names, 'no share-of-wallet observations');
  // several observations of one month are averaged, so input order never matters
  const collected = new Map<number, Decimal[]>();
  for (const observation of observations) {
    const month = parseMonth(observation.period)!;
    if (month <= lastFullMonth)
      collected.set(month, [...(collected.get(month) ?? []), toDecimal(observation.share as never)]);
  }
  const byMonth = new Map<number, Decimal>([...collected].map(([month, shares]) => [month, meanOf(shares)]));
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  const latest = months[months.length - 1];
  if (latest === undefined) return out.allMissing(names, 'no share-of-wallet observation before asOf');
  const current = byMonth.get(latest)!;
  out.known('shareOfWallet', current, { period: formatMonth(latest) });
  const earlier = months.filter((month) => month <= latest - 6);
  const base = earlier[earlier.length - 1];
  if (base === undefined)
    out.missing('shareOfWalletChange', 'no observation six or more months before the latest', {
      period: formatMonth(latest),
    });
  else
    out.known('shareOfWalletChange', current.minus(byMonth.get(base)!), {
      period: formatMonth(latest),
      share: current,
      basePeriod: formatMonth(base),
      baseShare: byMonth.get(base)!,
    });
}

/** `competitorPurchasesLast90Days`, `shareOfWallet` and `shareOfWalletChange`. */
export const competitorSignals: SignalFamily = (out, history, { asOf, lastFullMonth }) => {
  const purchases = history.competitor?.purchases;
  if (purchases === undefined) out.missing('competitorPurchasesLast90Days', 'no record of competitor purchases');
  else {
    const start = asOf - 90 * DAY_MS;
    const recent = purchases.filter((purchase) => {
      const time = instant(purchase.date);
      return time >= start && time <= asOf;
    });
    const competitors = [
      ...new Set(recent.map((purchase) => purchase.competitor).filter((name) => name !== undefined)),
    ];
    out.known('competitorPurchasesLast90Days', recent.length, { since: formatDay(start), competitors });
  }
  shareOfWallet(out, history.competitor?.shareOfWallet, lastFullMonth);
};
