import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { test as propTest } from '@fast-check/vitest';
import { fisherFCdf, fisherFQuantile, studentTCdf, studentTQuantile } from '../../src/quality/index.js';
import {
  chiSquareCdf,
  normalCdf,
  normalQuantile,
  regularizedGammaP,
  regularizedIncompleteBeta,
} from '../../src/quality/statistics/special.js';

// Degrees of freedom over the whole legal range, the extremes included.
const EXTREME_DF = [1e-300, 1e-10, 0.001, 0.5, 1, 2, 30, 1e6, 1e7, 9_007_199_254_740_994, 1e308];
const anyDf = fc.oneof(
  fc.constantFrom(...EXTREME_DF),
  fc.double({ min: -300, max: 308, noNaN: true }).map((e) => 10 ** e),
);
const anyX = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(-1e300, -1e10, 0, 1e-300, 1e10, 1e300),
);

describe('closed forms and published values (issue 20)', () => {
  it('t on 1 df is the Cauchy law ½ + atan(t)/π and on 2 df ½ + t / (2√(2 + t²))', () => {
    for (const t of [-50, -3, -0.5, 0, 0.7, 2, 12.706204736]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
    }
  });

  it('matches Abramowitz & Stegun Table 26.10 (t) and 26.9 (F 5% points)', () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228139, 6); // A&S 26.10, ν = 10, Q = 0.05 two-sided
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706205, 6); // ν = 1
    expect(studentTQuantile(0.995, 120)).toBeCloseTo(2.617, 3); // ν = 120, Q = 0.01
    expect(fisherFQuantile(0.95, 5, 10)).toBeCloseTo(3.33, 2); // A&S 26.9, ν1 = 5, ν2 = 10
    expect(fisherFQuantile(0.95, 1, 1)).toBeCloseTo(161.4, 1); // ν1 = ν2 = 1
  });

  it('the normal limit gives Φ(1.96) = 0.97500210485178 (A&S 26.2) for df = 1e308 and 2^53 + 2', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.97500210485178, 13);
    expect(studentTCdf(1.96, 1e308)).toBeCloseTo(0.97500210485178, 12);
    expect(studentTCdf(1.96, 9_007_199_254_740_994)).toBeCloseTo(0.97500210485178, 12);
    expect(studentTCdf(1.96, 1e7 - 1)).toBeCloseTo(0.97500210485178, 7); // beta path just below the switch
  });

  it('chi-square on 2 df is 1 − e^(−q/2) and P(1, x) is 1 − e^(−x)', () => {
    for (const q of [0.01, 1, 5.991464547, 40]) {
      expect(chiSquareCdf(q, 2)).toBeCloseTo(1 - Math.exp(-q / 2), 13);
      expect(regularizedGammaP(1, q)).toBeCloseTo(1 - Math.exp(-q), 13);
    }
  });

  it('F with a huge denominator df is chi-square over df1; both huge: centred at 1', () => {
    expect(fisherFCdf(3.841458821 / 1, 1, 1e308)).toBeCloseTo(0.95, 8); // χ²(1) 95% point, A&S 26.8
    expect(fisherFCdf(1, 1e308, 1e308)).toBe(0.5);
    expect(fisherFCdf(2, 1e308, 3)).toBeCloseTo(1 - chiSquareCdf(3 / 2, 3), 12);
  });
});

describe('range and monotonicity over every legal argument', () => {
  propTest.prop([anyX, anyDf])('studentTCdf(t, df) lies in [0, 1]', (t, df) => {
    const p = studentTCdf(t, df);
    expect(p >= 0 && p <= 1).toBe(true);
  });

  propTest.prop([anyX, anyX, anyDf])('studentTCdf is non-decreasing in t', (a, b, df) => {
    const [low, high] = a <= b ? [a, b] : [b, a];
    expect(studentTCdf(low, df)).toBeLessThanOrEqual(studentTCdf(high, df));
  });

  propTest.prop([anyX, anyDf, anyDf])('fisherFCdf(x, df1, df2) lies in [0, 1]', (x, df1, df2) => {
    const p = fisherFCdf(Math.abs(x), df1, df2);
    expect(p >= 0 && p <= 1).toBe(true);
  });

  propTest.prop([anyX, anyX, anyDf, anyDf])(
    'fisherFCdf is non-decreasing in x (within its 1e-13 absolute accuracy: a 1e-310 tail may round to 0)',
    (a, b, df1, df2) => {
      const [low, high] = Math.abs(a) <= Math.abs(b) ? [Math.abs(a), Math.abs(b)] : [Math.abs(b), Math.abs(a)];
      expect(fisherFCdf(low, df1, df2)).toBeLessThanOrEqual(fisherFCdf(high, df1, df2) + 1e-13);
    },
  );

  propTest.prop([fc.double({ min: -6, max: 6, noNaN: true }), fc.double({ min: 0.5, max: 1e5, noNaN: true })])(
    'studentTQuantile(studentTCdf(t)) ≈ t within 1e-8 (ordinary df)',
    (t, df) => {
      const p = studentTCdf(t, df);
      fc.pre(p > 1e-12 && p < 1 - 1e-9);
      expect(Math.abs(studentTQuantile(p, df) - t)).toBeLessThan(
        (1e-8 * Math.max(1, Math.abs(t))) / Math.min(1, Math.max(1 - p, 1e-3)),
      );
    },
  );

  propTest.prop([
    fc.double({ min: 0.05, max: 20, noNaN: true }),
    fc.double({ min: 1, max: 1e4, noNaN: true }),
    fc.double({ min: 1, max: 1e4, noNaN: true }),
  ])('fisherFQuantile(fisherFCdf(x)) ≈ x within 1e-7 relative (ordinary df)', (x, df1, df2) => {
    const p = fisherFCdf(x, df1, df2);
    fc.pre(p > 1e-9 && p < 1 - 1e-9);
    expect(Math.abs(fisherFQuantile(p, df1, df2) - x) / x).toBeLessThan((1e-7 / Math.min(1 - p, p, 1e-2)) * 1e-2);
  });
});

describe('the incomplete beta function and the quantiles over the whole domain (issue 20)', () => {
  const anyParameter = fc.double({ min: -300, max: 300, noNaN: true }).map((e) => 10 ** e);
  const unit = fc.double({ min: 0, max: 1, noNaN: true });

  propTest.prop([unit, unit, anyParameter, anyParameter])(
    'I_x(a, b) lies in [0, 1] and is non-decreasing in x (within 1e-13) for a, b from 1e-300 to 1e300',
    (u, v, a, b) => {
      const [low, high] = u <= v ? [u, v] : [v, u];
      const lowValue = regularizedIncompleteBeta(low, a, b);
      const highValue = regularizedIncompleteBeta(high, a, b);
      expect(lowValue >= 0 && lowValue <= 1 && highValue >= 0 && highValue <= 1).toBe(true);
      expect(lowValue).toBeLessThanOrEqual(highValue + 1e-13);
    },
  );

  propTest.prop([fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 7, max: 308, noNaN: true })])(
    'studentTQuantile(studentTCdf(t)) ≈ t within 1e-9 for df from 1e7 to 1e308 (the asymptotic forms invert)',
    (t, exponent) => {
      const df = 10 ** exponent;
      const p = studentTCdf(t, df);
      fc.pre(p > 1e-12 && p < 1 - 1e-12);
      expect(Math.abs(studentTQuantile(p, df) - t)).toBeLessThan(
        (1e-9 * Math.max(1, Math.abs(t))) / Math.min(p, 1 - p),
      );
    },
  );

  propTest.prop([
    fc.double({ min: 0.2, max: 5, noNaN: true }),
    fc.double({ min: 0, max: 308, noNaN: true }),
    fc.double({ min: 0, max: 308, noNaN: true }),
  ])('fisherFQuantile(fisherFCdf(x)) ≈ x within 1e-6 relative for df1, df2 from 1 to 1e308', (x, e1, e2) => {
    const [df1, df2] = [10 ** e1, 10 ** e2];
    const p = fisherFCdf(x, df1, df2);
    fc.pre(p > 1e-6 && p < 1 - 1e-6);
    expect(Math.abs(fisherFQuantile(p, df1, df2) - x) / x).toBeLessThan(1e-6 / Math.min(p, 1 - p));
  });

  it('the normal quantile inverts Φ: Φ⁻¹(0.975) = 1.959963984540054 (A&S 26.2), Φ⁻¹(1e-300) is finite', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(Number.isFinite(normalQuantile(1e-300))).toBe(true);
    expect(normalCdf(normalQuantile(1e-300)) / 1e-300).toBeCloseTo(1, 10);
  });
});
