import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exp, expm1, log, log1p } from '../../src/shared/portableMath.js';
import { logBeta, logGamma } from '../../src/shared/specialFunctions.js';
import { regularizedIncompleteBeta } from '../../src/quality/statistics/special.js';
import { fisherFCdf, studentTCdf } from '../../src/quality/index.js';

// Reference values computed here at 40 significant digits with decimal.js (issue 20).
const D = Decimal.clone({ precision: 40 });
/** The exact value of a double (its shortest string would be off by up to half an ulp). */
const exact = (x: number) => new D(x.toPrecision(60));
const BERNOULLI: [number, number][] = [
  [1, 6],
  [-1, 30],
  [1, 42],
  [-1, 30],
  [5, 66],
  [-691, 2730],
  [7, 6],
  [-3617, 510],
  [43867, 798],
  [-174611, 330],
  [854513, 138],
  [-236364091, 2730],
  [8553103, 6],
  [-23749461029, 870],
];

/** ln Γ(x) at 40 digits: shifted to x ≥ 40, then Stirling's series with 14 Bernoulli terms. */
function referenceLogGamma(value: number | Decimal.Value): Decimal {
  let x = new D(value);
  let shift = new D(1);
  while (x.lt(40)) {
    shift = shift.times(x);
    x = x.plus(1);
  }
  let series = new D(0);
  BERNOULLI.forEach(([n, d], index) => {
    const k = 2 * (index + 1);
    series = series.plus(
      new D(n)
        .div(d)
        .div(k * (k - 1))
        .div(x.pow(k - 1)),
    );
  });
  const halfLog2Pi = D.acos(-1).times(2).ln().div(2);
  return x.minus(0.5).times(x.ln()).minus(x).plus(halfLog2Pi).plus(series).minus(shift.ln());
}

/** I_x(a, b) at 40 digits by the power series xᵃ(1−x)ᵇ/(a·B(a, b))·Σ (a+b)ₙ/(a+1)ₙ·xⁿ, for small x. */
function referenceBeta(x: number, a: number, b: number): Decimal {
  const X = new D(x);
  const logB = referenceLogGamma(a)
    .plus(referenceLogGamma(b))
    .minus(referenceLogGamma(new D(a).plus(b)));
  const front = X.ln().times(a).plus(new D(1).minus(X).ln().times(b)).minus(logB).exp().div(a);
  let term = new D(1);
  let sum = new D(1);
  for (let n = 0; n < 20000; n++) {
    term = term.times(X).times(new D(a).plus(b).plus(n)).div(new D(a).plus(1).plus(n));
    sum = sum.plus(term);
    if (term.lt(sum.times('1e-35'))) break;
  }
  return front.times(sum);
}

describe('engine-independent elementary functions (issue 20)', () => {
  it('log, exp, log1p and expm1 are within 2 ulp of 40-digit values over their range', () => {
    const points = [
      1e-310,
      1e-300,
      1e-20,
      0.001,
      0.1,
      0.5,
      0.9999999,
      1,
      1.0000001,
      2,
      Math.E,
      10,
      123.456,
      1e10,
      1e300,
    ];
    for (const x of points) {
      const want = exact(x).ln().toNumber();
      expect(Math.abs(log(x) - want)).toBeLessThanOrEqual(2 * Number.EPSILON * Math.max(Math.abs(want), 1e-300));
    }
    for (const x of [-745, -700, -20, -1, -1e-5, 1e-10, 0.3, 1, 7.5, 100, 709]) {
      const want = exact(x).exp().toNumber();
      expect(Math.abs(exp(x) - want) / want).toBeLessThanOrEqual(x < -708 ? 1e-3 : 2 * Number.EPSILON);
    }
    for (const x of [-0.9, -1e-8, 1e-12, 1e-5, 0.25, 3]) {
      const want = exact(x).plus(1).ln().toNumber();
      expect(Math.abs(log1p(x) - want) / Math.abs(want)).toBeLessThanOrEqual(4 * Number.EPSILON);
      const wantE = exact(x).exp().minus(1).toNumber();
      expect(Math.abs(expm1(x) - wantE) / Math.abs(wantE)).toBeLessThanOrEqual(4 * Number.EPSILON);
    }
  });

  it('log of a power of two is exact in its exponent: log(2^k) = k·ln 2 to the last ulp', () => {
    for (const k of [-1070, -1022, -1, 1, 52, 1023]) expect(log(2 ** k)).toBeCloseTo(k * Math.LN2, 12);
  });
});

describe('log-gamma and log-beta against 40-digit values (A&S 6.1.41)', () => {
  it('logGamma: absolute error below 1e-14 under 10, relative below 1e-15 above', () => {
    for (const x of [1e-300, 1e-10, 0.001, 0.5, 1, 1.5, 2, 3.7, 9.99]) {
      expect(Math.abs(logGamma(x) - referenceLogGamma(x).toNumber())).toBeLessThan(1e-14);
    }
    for (const x of [10, 33.3, 1000, 1e7, 4.5e15, 1e300]) {
      const want = referenceLogGamma(x).toNumber();
      expect(Math.abs(logGamma(x) - want) / want).toBeLessThan(1e-15);
    }
  });

  it('logBeta keeps its digits where ln Γ(b) − ln Γ(a + b) cancels (a tiny, b huge)', () => {
    const cases: [number, number][] = [
      [1e-300, 1e6],
      [0.5, 5e6],
      [5, 1e12],
      [20, 40],
      [2.5, 3.5],
    ];
    for (const [a, b] of cases) {
      const want = referenceLogGamma(a)
        .plus(referenceLogGamma(b))
        .minus(referenceLogGamma(new D(a).plus(b)));
      expect(Math.abs(logBeta(a, b) - want.toNumber())).toBeLessThan(1e-13 * Math.max(1, Math.abs(want.toNumber())));
    }
  });
});

describe("incomplete beta, t and F against 40-digit values, the issue's extremes included", () => {
  const cases: [number, number, number][] = [
    [0.3, 2.5, 5],
    [0.01, 0.5, 50],
    [0.2, 20, 40],
    [1e-5, 1e-300, 0.5],
    [0.25, 1e-300, 1e-300],
    [1e-7, 2.5, 5e6],
    [2e-7, 0.5, 5e6],
    [0.4, 0.001, 3],
    [1e-4, 500, 5e6],
  ];
  it.each(cases)('I_%s(%s, %s) within 1e-13 absolute', (x, a, b) => {
    expect(Math.abs(regularizedIncompleteBeta(x, a, b) - referenceBeta(x, a, b).toNumber())).toBeLessThan(1e-13);
  });

  it("the issue's arguments stay in [0, 1]: t for df 1e308 and 2^53 + 2, F for huge and tiny df", () => {
    for (const df of [1e308, 9_007_199_254_740_994, 1e-300])
      for (const t of [-1e10, -2, 0, 1.5, 1e300]) {
        const p = studentTCdf(t, df);
        expect(p >= 0 && p <= 1).toBe(true);
      }
    for (const [d1, d2] of [
      [1e308, 1e-300],
      [1e-300, 1e308],
      [9_007_199_254_740_994, 3],
      [1e-10, 1e-10],
    ])
      for (const x of [1e-300, 0.5, 1, 3, 1e300]) {
        const p = fisherFCdf(x, d1!, d2!);
        expect(p >= 0 && p <= 1).toBe(true);
      }
  });
});
