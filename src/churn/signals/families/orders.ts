/** Order recency and the gap against the account's usual interval (SPEC §3 order gap). @module */
import { ExactDecimal } from '../../../shared/numeric.js';
import { daysBetween, formatDay } from '../../../shared/dates.js';
import { instant, median, type SignalFamily } from './family.js';

const NAMES = ['lastOrderDate', 'daysSinceLastOrder', 'orderGapRatio'] as const;

/** `lastOrderDate`, `daysSinceLastOrder` and `orderGapRatio`. */
export const orderSignals: SignalFamily = (out, history, { asOf }) => {
  if (history.orders === undefined) return out.allMissing(NAMES, 'no order history');
  const dates = history.orders
    .map((order) => instant(order.date))
    .filter((time) => time <= asOf)
    .sort((a, b) => a - b);
  const last = dates[dates.length - 1];
  if (last === undefined) return out.allMissing(NAMES, 'no order on record before asOf');
  const daysSince = daysBetween(last, asOf);
  out.known('lastOrderDate', formatDay(last), { orders: dates.length });
  out.known('daysSinceLastOrder', daysSince, { lastOrder: formatDay(last) });
  const intervals: number[] = [];
  for (let index = 1; index < dates.length; index++) intervals.push(daysBetween(dates[index - 1]!, dates[index]!));
  const usual = median(intervals);
  const evidence = {
    lastOrder: formatDay(last),
    daysSinceLastOrder: daysSince,
    orders: dates.length,
    medianIntervalDays: usual ?? null,
  };
  if (intervals.length < 2 || usual === undefined)
    out.missing('orderGapRatio', 'fewer than three orders: no usual interval yet', evidence);
  else if (usual.isZero()) out.missing('orderGapRatio', 'the usual interval is zero days', evidence);
  else out.known('orderGapRatio', new ExactDecimal(daysSince).div(usual), evidence);
};
