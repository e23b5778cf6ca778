import { describe, expect, it } from 'vitest';
import { backtestRules, compareBacktests, ValidationError } from '../../src/outcomes/index.js';
import { monthlyOrders, orderGapRules, REPLAY_DATES } from './fixtures.js';

// Four accounts worked out by hand against the rule "no order for more than 60 days", replayed on
// the first of February … July 2026, horizon 180 days:
// A orders until 2026-03-01 and is lost 2026-06-15: alerts on May 1 (61 days) and June 1 → both
//   right, lead time 45 days (May 1 → June 15); not evaluated on July 1 (after its loss).
// B orders every month: no alert. C orders until 2026-01-01 and stays: alerts April … July (4 wrong).
// D orders until 2026-04-01 and is lost 2026-04-10: no alert before its loss → missed.
const histories = [
  { id: 'A', since: '2020-01-01', orders: monthlyOrders('2025-06', '2026-03') },
  { id: 'B', since: '2020-01-01', orders: monthlyOrders('2025-06', '2026-07') },
  { id: 'C', since: '2020-01-01', orders: monthlyOrders('2025-06', '2026-01') },
  { id: 'D', since: '2020-01-01', orders: monthlyOrders('2025-06', '2026-04') },
];
const outcomes = [
  { accountId: 'A', lostAt: '2026-06-15' },
  { accountId: 'D', lostAt: '2026-04-10' },
];

describe('backtestRules', () => {
  const result = backtestRules(orderGapRules(60), histories, outcomes, { asOf: REPLAY_DATES });

  it('counts alerts, precision, recall and lead time as worked out by hand', () => {
    expect(result.set).toMatchObject({
      alerts: 6,
      truePositives: 2,
      falsePositives: 4,
      lostAccounts: 2,
      caught: 1,
      medianLeadDays: 45,
      lostWithoutAlert: ['D'],
    });
    expect(result.set.precision!.toString()).toBe(`0.${'3'.repeat(40)}`); // 2/6 to 40 digits
    expect(result.set.recall!.toString()).toBe('0.5');
    expect(result.rules[0]).toMatchObject({ ruleId: 'no-order-60', alerts: 6, caught: 1 });
  });

  it('measures exposure in account-months: each evaluation covers the days to the next date', () => {
    // A: Feb–Jun (28+31+30+31+30), B and C: all six (150 + the mean spacing 30), D: Feb–Apr (28+31+30)
    expect(result.evaluations).toBe(20);
    expect(result.accountMonths.times('30.4375').toDecimalPlaces(20).toString()).toBe(String(150 + 180 + 180 + 89));
    expect(result.set.alertsPerAccountMonth!.times(result.accountMonths).toDecimalPlaces(20).toString()).toBe('6');
  });

  it('reads outcomes as an object of dates by account id too', () => {
    const again = backtestRules(
      orderGapRules(60),
      histories,
      { A: '2026-06-15', D: '2026-04-10', B: null },
      { asOf: REPLAY_DATES },
    );
    expect(again.set).toEqual(result.set);
  });

  it('reports a history it cannot evaluate and counts the others', () => {
    const withBad = backtestRules(orderGapRules(60), [...histories, { id: 'E', orders: 'none' }], outcomes, {
      asOf: REPLAY_DATES,
    });
    expect(withBad.errors).toHaveLength(1);
    expect(withBad.errors[0]).toMatchObject({ index: 4, id: 'E' });
    expect(withBad.set).toEqual(result.set);
  });

  it('rejects unordered dates and a bad horizon', () => {
    expect(() => backtestRules(orderGapRules(60), histories, outcomes, { asOf: ['2026-03-01', '2026-02-01'] })).toThrow(
      /options\.asOf\[1\]/,
    );
    expect(() => backtestRules(orderGapRules(60), histories, outcomes, { asOf: REPLAY_DATES, horizonDays: 0 })).toThrow(
      ValidationError,
    );
  });

  it('compares two rule sets side by side', () => {
    // a 30-day rule still cannot warn of D (its last order is the day of its last evaluation), but
    // warns of A a month earlier (April 1, 31 days), so the lead time grows to 75 days
    const stricter = backtestRules(orderGapRules(30, 'test.strict'), histories, outcomes, { asOf: REPLAY_DATES });
    expect(stricter.set.medianLeadDays).toBe(75);
    const comparison = compareBacktests(result, stricter);
    expect(comparison.set.difference.alerts).toBe(stricter.set.alerts - result.set.alerts);
    expect(comparison.rules.map((rule) => [rule.ruleId, rule.baseline === null, rule.candidate === null])).toEqual([
      ['no-order-60', false, true],
      ['no-order-30', true, false],
    ]);
    expect(comparison.newlyCaught).toEqual([]);
    expect(comparison.newlyMissed).toEqual([]);
  });
});
