/** Small account histories for the backtest tests: orders on the first of each month over a span. */
import { defineRuleSet } from '../../src/churn/index.js';

/** Monthly orders from `from` to `to` (both `YYYY-MM`, inclusive). */
export function monthlyOrders(from: string, to: string): { date: string }[] {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  const orders: { date: string }[] = [];
  for (let index = fy * 12 + fm - 1; index <= ty * 12 + tm - 1; index++) {
    orders.push({ date: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01` });
  }
  return orders;
}

/** One rule: no order for more than `days` days. */
export function orderGapRules(days: number, id = 'test.orders') {
  return defineRuleSet({
    id,
    version: '1',
    rules: [
      {
        id: `no-order-${days}`,
        when: { signal: 'daysSinceLastOrder', op: 'gt', value: days },
        severity: 'warning',
        points: 10,
        cause: 'needs-unmet',
        title: { en: 'No order', 'zh-CN': '无订单' },
        message: { en: 'No order for {daysSinceLastOrder} days.', 'zh-CN': '已 {daysSinceLastOrder} 天未下单。' },
      },
    ],
  });
}

/** The first of each month from February to July 2026. */
export const REPLAY_DATES = ['2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01'];
