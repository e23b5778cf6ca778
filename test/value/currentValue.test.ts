import { Decimal as GlobalDecimal } from 'decimal.js';

// an independent oracle context, more precise than the library's 40 digits
const Decimal = GlobalDecimal.clone({ precision: 60 });
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/index.js';
import { currentValue, historicalValue, upliftValue } from '../../src/value/index.js';

describe('currentValue (seed 001: expected NPV of future margins; Gupta & Lehmann 2003)', () => {
  it('the constant perpetuity with end timing is exactly m·r/(1+d−r)', () => {
    const result = currentValue({ margin: 100, retention: 0.8, discountRate: 0.1 });
    // the same formula in a 40-digit context like the library's: equal to the last digit
    const Forty = GlobalDecimal.clone({ precision: 40, rounding: GlobalDecimal.ROUND_HALF_EVEN });
    const expected = new Forty(100).times(0.8).div(new Forty(1).plus(0.1).minus(0.8));
    expect(result.value.eq(expected)).toBe(true);
    expect(result.value.minus(new Decimal(80).div(0.3)).abs().lt('1e-36')).toBe(true);
    expect(result.value.toFixed(2)).toBe('266.67');
    expect(result.horizon).toBe('perpetuity');
    expect(result.timing).toBe('end');
    expect(result.closedForm).toBe(true);
  });

  it('terminating cases are exact: m=1000, r=0.75, d=0.25 gives 1000·0.75/0.5 = 1500', () => {
    expect(currentValue({ margin: 1000, retention: 0.75, discountRate: 0.25 }).value.toString()).toBe('1500');
    expect(
      currentValue({ margin: '1000', retention: '0.75', discountRate: new Decimal('0.25') }).value.toString(),
    ).toBe('1500');
  });

  it('start timing adds this period’s margin: m·(1+d)/(1+d−r)', () => {
    const result = currentValue({ margin: 1000, retention: 0.75, discountRate: 0.25, timing: 'start' });
    expect(result.value.toString()).toBe('2500');
  });

  it('a finite horizon sums the first H periods (checked by hand for H = 3)', () => {
    // 100·0.8/1.1 + 100·0.64/1.21 + 100·0.512/1.331
    const byHand = new Decimal(80).div(1.1).plus(new Decimal(64).div(1.21)).plus(new Decimal(51.2).div(1.331));
    const constant = currentValue({ margin: 100, retention: 0.8, discountRate: 0.1, horizon: 3 }).value;
    const series = currentValue({ margin: [100, 100, 100], retention: [0.8, 0.8, 0.8], discountRate: 0.1, horizon: 3 });
    expect(constant.minus(byHand).abs().lt('1e-35')).toBe(true);
    expect(series.value.minus(byHand).abs().lt('1e-35')).toBe(true);
    expect(series.periods).toHaveLength(3);
    expect(series.periods[1]!.survival.toString()).toBe('0.64');
  });

  it('a series converges to the closed form as the horizon grows', () => {
    const closed = currentValue({ margin: 100, retention: 0.8, discountRate: 0.1 }).value;
    const margins = Array.from({ length: 400 }, () => 100);
    const long = currentValue({ margin: margins, retention: 0.8, discountRate: 0.1, horizon: 400 }).value;
    const short = currentValue({ margin: margins.slice(0, 20), retention: 0.8, discountRate: 0.1, horizon: 20 }).value;
    expect(closed.minus(long).abs().lt('1e-30')).toBe(true);
    expect(closed.minus(short).gt(closed.minus(long))).toBe(true);
  });

  it('a series with a perpetuity horizon is an explicit forecast plus a constant tail', () => {
    // two explicit periods of 50 then 100 for ever, constant retention
    const result = currentValue({ margin: [50, 100], retention: 0.8, discountRate: 0.1 });
    const perpetual = currentValue({ margin: 100, retention: 0.8, discountRate: 0.1 }).value;
    // the first period earns 50 instead of 100: the difference is 50·0.8/1.1
    const expected = perpetual.minus(new Decimal(50).times(0.8).div(1.1));
    expect(result.value.minus(expected).abs().lt('1e-35')).toBe(true);
    expect(result.tail.isPositive()).toBe(true);
  });

  it('retention 1 with discount 0 is fine for a finite horizon (H margins) and diverges for ever', () => {
    expect(currentValue({ margin: 10, retention: 1, discountRate: 0, horizon: 12 }).value.toString()).toBe('120');
    expect(() => currentValue({ margin: 10, retention: 1, discountRate: 0 })).toThrow(ValidationError);
  });

  it('rejects bad input with path, expected and received', () => {
    const cases: [unknown, string][] = [
      [{ margin: 'abc', retention: 0.8, discountRate: 0.1 }, 'margin'],
      [{ margin: 100, retention: 1.2, discountRate: 0.1 }, 'retention'],
      [{ margin: 100, retention: [0.8, -0.1], discountRate: 0.1 }, 'retention[1]'],
      [{ margin: 100, retention: 0.8, discountRate: -1 }, 'discountRate'],
      [{ margin: 100, retention: 0.8, discountRate: 0.1, horizon: 0 }, 'horizon'],
      [{ margin: 100, retention: 0.8, discountRate: 0.1, horizon: 2.5 }, 'horizon'],
      [{ margin: 100, retention: 0.8, discountRate: 0.1, timing: 'middle' }, 'timing'],
      [{ margin: [], retention: 0.8, discountRate: 0.1 }, 'margin'],
      [{ margin: 100, retention: 0.8, discountRate: Number.NaN }, 'discountRate'],
    ];
    for (const [input, path] of cases) {
      try {
        currentValue(input as never);
        expect.unreachable(`accepted ${JSON.stringify(input)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        const issue = (error as ValidationError).issues[0]!;
        expect(issue.path).toBe(path);
        expect(issue.expected.length).toBeGreaterThan(0);
        expect(issue.received.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('historicalValue (seed 001: value already realised)', () => {
  const entries = [
    { date: '2025-11-01', margin: 1000 },
    { date: '2026-05-01', margin: 500 },
    { date: '2026-12-01', margin: 999 },
    { date: '2024-01-01', margin: 7 },
  ];

  it('sums the margins in the window since ≤ date ≤ asOf', () => {
    const result = historicalValue({ entries, asOf: '2026-11-01', since: '2025-01-01' });
    expect(result.value.toString()).toBe('1500');
    expect(result.realised.toString()).toBe('1500');
    expect(result.count).toBe(2);
    expect(result.excluded).toBe(2);
    expect(result.window).toEqual({ since: '2025-01-01', asOf: '2026-11-01' });
  });

  it('compounds each margin to asOf with actual/365 days', () => {
    const result = historicalValue({ entries: entries.slice(0, 2), asOf: '2026-11-01', rate: 0.05 });
    // 1000 is exactly 365 days old: 1000·1.05; 500 is 184 days old: 500·1.05^(184/365)
    const expected = new Decimal(1050).plus(new Decimal(500).times(new Decimal(1.05).pow(new Decimal(184).div(365))));
    expect(result.value.minus(expected).abs().lt('1e-30')).toBe(true);
    expect(result.value.toFixed(2)).toBe('1562.45');
    expect(result.compounding.toFixed(2)).toBe('62.45');
  });

  it('accepts Date objects and date-times, read as UTC', () => {
    const result = historicalValue({
      entries: [
        { date: new Date(Date.UTC(2026, 9, 31, 23)), margin: 1 },
        { date: '2026-11-01T00:00:00+08:00', margin: 2 },
      ],
      asOf: '2026-11-01',
    });
    expect(result.realised.toString()).toBe('3');
  });

  it('rejects impossible dates, a window ending before it starts and bad margins', () => {
    expect(() => historicalValue({ entries: [{ date: '2026-02-30', margin: 1 }], asOf: '2026-11-01' })).toThrow(
      /entries\[0\]\.date/,
    );
    expect(() => historicalValue({ entries: [], asOf: '2026-11-01', since: '2027-01-01' })).toThrow(ValidationError);
    expect(() => historicalValue({ entries: [{ date: '2026-01-01', margin: 'lots' }], asOf: '2026-11-01' })).toThrow(
      /entries\[0\]\.margin/,
    );
    expect(() => historicalValue({ entries: [], asOf: 'yesterday' })).toThrow(/asOf/);
  });
});

describe('upliftValue (seed 001: cross-selling, engagement, referrals)', () => {
  it('adds the three parts', () => {
    const uplift = upliftValue({
      crossSell: [
        { margin: 20000, probability: 0.25 },
        { margin: 10000, probability: 0.1 },
      ],
      shareOfWallet: { wallet: 1000000, currentShare: 0.3, targetShare: 0.4, marginRate: 0.15 },
      referrals: { count: 0.5, valuePerReferral: 8000 },
    });
    expect(uplift.crossSell.toString()).toBe('6000');
    expect(uplift.shareOfWallet.toString()).toBe('15000');
    expect(uplift.referrals.toString()).toBe('4000');
    expect(uplift.value.toString()).toBe('25000');
    expect(upliftValue({}).value.toString()).toBe('0');
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => upliftValue({ crossSell: [{ margin: 1, probability: 2 }] })).toThrow(/crossSell\[0\]\.probability/);
    expect(() => upliftValue({ referrals: { count: -1, valuePerReferral: 1 } })).toThrow(/referrals\.count/);
  });
});
