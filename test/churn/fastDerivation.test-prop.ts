/**
 * The per-account fast paths of the churn signals give what the plain derivation gave: spend sums
 * in whole numbers equal the exact decimal sums (an independent decimal reference written here the
 * way the spend family summed before), dates read digit by digit equal the shared parser's, and
 * `evaluateChurnRisk`'s alerts (built in one object with the account's key and readings) serialise
 * as `evaluateRules` on `deriveSignals`' values with the key, account and readings added.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { defaultChurnRuleSet, deriveSignals, evaluateChurnRisk, evaluateRules } from '../../src/index.js';
import { ExactDecimal, toDecimal } from '../../src/shared/numeric.js';
import { tryInstant } from '../../src/shared/dates.js';
import { instant } from '../../src/churn/signals/families/family.js';
import type { Decimal } from 'decimal.js';
import { AS_OF } from './fixtures.js';

/** The months around AS_OF's windows: recent (Aug–Oct 2026), baseline (May–Jul), a year earlier (Aug–Oct 2025). */
const PERIODS = ['2025-07', '2025-08', '2025-09', '2025-10', '2026-04', '2026-05', '2026-06', '2026-07'].concat([
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
]);

/** Amounts: small and huge whole numbers, the safe-integer edge, fractions with many decimals, decimal strings. */
const amount = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }),
  fc.constantFrom(0, 2 ** 53 - 1, 2 ** 51, 2 ** 51 - 1, 1e15, 1e21, 0.1, 0.30000000000000004, 1.5e-7),
  fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map((value) => `${value}.${'0123456789'.repeat(3)}`),
);

const entry = fc.record({ period: fc.constantFrom(...PERIODS), amount });

/** An entry as plain data, or with its amount behind a getter (the schema path reads it). */
function shaped(value: { period: string; amount: number | string }, getter: boolean): object {
  if (!getter) return value;
  return {
    period: value.period,
    get amount() {
      return value.amount;
    },
  };
}

function monthOf(period: string): number {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return year * 12 + month - 1;
}

/** The reference: every amount a decimal, each month summed in entry order, each window in month order. */
function referenceSpend(entries: readonly { period: string; amount: number | string }[]): unknown {
  const months = new Map<number, Decimal>();
  for (const item of entries) {
    const month = monthOf(item.period);
    months.set(month, (months.get(month) ?? new ExactDecimal(0)).plus(toDecimal(item.amount)));
  }
  const last = monthOf('2026-10');
  const window = (end: number): Decimal | null => {
    let total = new ExactDecimal(0);
    for (let month = end - 2; month <= end; month++) {
      const value = months.get(month);
      if (value === undefined) return null;
      total = total.plus(value);
    }
    return total;
  };
  const recent = window(last);
  const change = (base: Decimal | null): string | null => {
    if (recent === null || base === null) return null;
    if (base.isZero()) return recent.isZero() ? '0' : null;
    return recent.minus(base).div(base).toString();
  };
  return {
    spendChange: change(window(last - 3)),
    spendChangeYearOnYear: change(window(last - 12)),
    averageMonthlySpend: recent === null ? null : recent.div(3).toString(),
    recentSpend: recent === null ? null : recent.toString(),
  };
}

describe('churn fast paths: laws', () => {
  test.prop([fc.array(entry, { maxLength: 24 }), fc.boolean()])(
    'whole-number spend sums give the exact decimal reference’s signals (huge, fractional, string amounts, getters)',
    (entries, getter) => {
      const derived = deriveSignals({ id: 'A', spend: entries.map((item) => shaped(item, getter)) }, { asOf: AS_OF });
      const text = (value: unknown) => (value === null ? null : String(value));
      const evidence = derived.readings.averageMonthlySpend!.evidence as { recentSpend: unknown };
      expect({
        spendChange: text(derived.values.spendChange),
        spendChangeYearOnYear: text(derived.values.spendChangeYearOnYear),
        averageMonthlySpend: text(derived.values.averageMonthlySpend),
        recentSpend: text(evidence.recentSpend),
      }).toEqual(referenceSpend(entries));
    },
  );

  const longDecimal = fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 40n }), fc.bigInt({ min: 0n, max: 10n ** 20n }))
    .map(([whole, fraction]) => `${whole}.${fraction}7`);
  test.prop([fc.array(fc.oneof(longDecimal, fc.integer({ min: 0, max: 2 ** 51 })), { minLength: 9, maxLength: 9 })])(
    'decimal and whole months mixed in one window round where the all-decimal sum rounds (40 digits)',
    (amounts) => {
      const periods = [
        '2025-08',
        '2025-09',
        '2025-10',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
      ];
      const entries = amounts.map((value, index) => ({ period: periods[index]!, amount: value }));
      const derived = deriveSignals({ id: 'A', spend: entries }, { asOf: AS_OF });
      const reference = referenceSpend(entries) as Record<string, unknown>;
      expect(String(derived.values.spendChange)).toBe(String(reference.spendChange));
      expect(String(derived.values.spendChangeYearOnYear)).toBe(String(reference.spendChangeYearOnYear));
      expect(String(derived.values.averageMonthlySpend)).toBe(String(reference.averageMonthlySpend));
    },
  );

  const digits = (width: number, max: number) =>
    fc.integer({ min: 0, max }).map((value) => String(value).padStart(width, '0'));
  test.prop([
    fc.oneof(
      fc.tuple(digits(4, 9999), digits(2, 19), digits(2, 39)).map(([year, month, day]) => `${year}-${month}-${day}`),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
      fc.string({ minLength: 10, maxLength: 10 }),
      fc.constantFrom('0099-01-01', '1000-02-28', '2024-02-29', '2026-02-29', '2026-1-011', '+002026-01'),
    ),
  ])('a date read digit by digit is the shared parser’s instant (every string it accepts)', (text) => {
    const expected = tryInstant(text);
    fc.pre(expected !== undefined);
    expect(instant(text)).toBe(expected);
  });

  const history = fc.record({
    spend: fc.array(entry, { maxLength: 8 }),
    visits: fc.array(fc.record({ date: fc.constantFrom('2026-01-15', '2026-09-30', '2026-10-31', '2027-01-01') })),
    managerLeftAt: fc.constantFrom(null, '2026-09-30'),
    internalContacts: fc.integer({ min: 0, max: 3 }),
  });
  test.prop([history, fc.boolean()])(
    'evaluateChurnRisk entries serialise as evaluateRules on the derived signals plus key and readings',
    (given, readFirst) => {
      const account = {
        id: 'ACC',
        spend: given.spend,
        visits: given.visits,
        relationship: {
          managerLeftAt: given.managerLeftAt,
          handoverAt: null,
          internalContacts: given.internalContacts,
        },
      };
      const result = evaluateChurnRisk(account, { asOf: AS_OF });
      // read the readings first or last: an alert's readings are the very objects `signals.readings` holds
      if (readFirst) void result.signals.readings;
      const derived = deriveSignals(account, { asOf: AS_OF });
      const rules = evaluateRules(defaultChurnRuleSet, derived.values, { asOf: AS_OF });
      // the derived values are read from the readings behind them; a plain copy is read key by key
      const copied = evaluateRules(defaultChurnRuleSet, { ...derived.values }, { asOf: AS_OF });
      expect(JSON.stringify(rules)).toBe(JSON.stringify(copied));
      const readings = derived.readings as Record<string, unknown>;
      const alerts = rules.alerts.map((alert) => ({
        ...alert,
        key: `ACC::${alert.ruleId}`,
        accountId: 'ACC',
        signals: [...new Set(alert.evidence.map((item) => item.signal))]
          .filter((name) => name in readings)
          .map((name) => readings[name]),
      }));
      const undecided = rules.undecided.map((rule) => ({ ...rule, key: `ACC::${rule.ruleId}` }));
      expect(JSON.stringify(result.alerts)).toBe(JSON.stringify(alerts));
      expect(JSON.stringify(result.undecided)).toBe(JSON.stringify(undecided));
      for (const alert of result.alerts)
        for (const reading of alert.signals)
          expect(reading).toBe((result.signals.readings as Record<string, unknown>)[reading.name]);
    },
  );
});
