import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { backtestRules } from '../../src/outcomes/index.js';
import { monthlyOrders, orderGapRules, REPLAY_DATES } from './fixtures.js';

/** Accounts whose orders stop in a month of 2025-10 … 2026-07, some lost in a month of 2026-02 … 2026-12. */
const portfolio = fc.array(
  fc.record({
    lastOrder: fc.integer({ min: 0, max: 9 }),
    lostIn: fc.option(fc.integer({ min: 1, max: 11 }), { nil: undefined }),
    gap: fc.constantFrom(30, 60, 90),
  }),
  { minLength: 1, maxLength: 6 },
);
const month = (offset: number) => {
  const index = 2025 * 12 + 9 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

describe('backtest laws', () => {
  test.prop([portfolio], { numRuns: 25 })(
    'backtest counts add up: alerts = right + wrong, lost = caught + lost without alert, for the set and every rule',
    (accounts) => {
      const histories = accounts.map((account, index) => ({
        id: `A${index}`,
        since: '2020-01-01',
        orders: monthlyOrders('2025-01', month(account.lastOrder)),
      }));
      const outcomes = accounts.map((account, index) => ({
        accountId: `A${index}`,
        lostAt: account.lostIn === undefined ? null : `${month(account.lostIn + 3)}-15`,
      }));
      const result = backtestRules(orderGapRules(accounts[0]!.gap), histories, outcomes, { asOf: REPLAY_DATES });
      for (const metrics of [result.set, ...result.rules]) {
        expect(metrics.truePositives + metrics.falsePositives).toBe(metrics.alerts);
        expect(metrics.caught + metrics.lostWithoutAlert.length).toBe(metrics.lostAccounts);
        expect(metrics.caughtAccounts.length).toBe(metrics.caught);
      }
      expect(result.set.alerts).toBeLessThanOrEqual(result.rules.reduce((sum, rule) => sum + rule.alerts, 0));
      expect(result.accounts + result.errors.length).toBe(histories.length);
    },
  );
});
