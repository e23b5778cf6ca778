import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  fisherFCdf,
  fisherFQuantile,
  meanConfidenceInterval,
  studentTCdf,
  studentTQuantile,
  welchMeanDifference,
} from '../../src/index.js';

// Reference values: R's qt/qf/pt/pf, reproduced independently with SciPy 1.17 (scipy.stats.t / f).
describe('Student t quantiles (R qt)', () => {
  it.each([
    [0.975, 10, 2.228138851986274],
    [0.95, 1, 6.313751514675037],
    [0.995, 2, 9.924843200918287],
    [0.9, 30, 1.3104150253913955],
    [0.975, 3.5, 2.9400886379827282],
  ])('qt(%f, %f) = %f', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 10);
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(-expected, 10);
  });
  it('is 0 at the median', () => expect(studentTQuantile(0.5, 7)).toBe(0));
  it('inverts the CDF', () => {
    expect(studentTCdf(1.5, 7)).toBeCloseTo(0.911350756505015, 12);
    expect(studentTCdf(studentTQuantile(0.8, 12), 12)).toBeCloseTo(0.8, 12);
  });
});

describe('F quantiles (R qf)', () => {
  it.each([
    [0.95, 5, 10, 3.3258345304130104],
    [0.975, 14, 126, 1.9718730746580704],
    [0.025, 14, 126, 0.39232569229080744],
    [0.99, 3, 7, 8.451285053079983],
    [0.05, 2, 20, 0.05142506969999796],
  ])('qf(%f, %f, %f) = %f', (p, df1, df2, expected) => {
    expect(Math.abs(fisherFQuantile(p, df1, df2) - expected) / expected).toBeLessThan(1e-10);
  });
  it('inverts the CDF', () => {
    expect(fisherFCdf(2, 4, 9)).toBeCloseTo(0.8218039411699366, 12);
    expect(fisherFCdf(0, 4, 9)).toBe(0);
  });
  it('rejects probabilities outside (0, 1) and non-positive degrees of freedom', () => {
    expect(() => fisherFQuantile(1, 2, 3)).toThrow(ValidationError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(ValidationError);
    expect(() => studentTQuantile(Number.NaN, 3)).toThrow(ValidationError);
  });
});

describe('meanConfidenceInterval', () => {
  // reference computed independently with scipy.stats.t.ppf(0.975, 7)
  it('gives the Student t interval', () => {
    const ci = meanConfidenceInterval([4, 5, 3, 4, 4, 5, 2, 4]);
    expect(ci.mean).toBe(3.875);
    expect(ci.lower).toBeCloseTo(3.046477175317178, 12);
    expect(ci.upper).toBeCloseTo(4.703522824682822, 12);
    expect(ci.n).toBe(8);
    expect(ci.level).toBe(0.95);
  });
  it('takes a level and skips missing values', () => {
    const ci = meanConfidenceInterval([4, null, 5, 3, 4, 4, 5, 2, undefined, 4], { level: 0.9 });
    expect(ci.n).toBe(8);
    expect(ci.lower).toBeCloseTo(3.211172917783669, 12);
    expect(ci.upper).toBeCloseTo(4.538827082216331, 12);
  });
  it('returns null bounds with a reason below two values, never NaN', () => {
    const one = meanConfidenceInterval([3]);
    expect(one).toMatchObject({ mean: 3, lower: null, upper: null, n: 1 });
    expect(one.reason).toBeDefined();
    expect(meanConfidenceInterval([]).mean).toBeNull();
  });
  it('rejects NaN, Infinity and text with the index', () => {
    try {
      meanConfidenceInterval([1, Number.NaN, 'x' as unknown as number]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['values[1]', 'values[2]']);
    }
    expect(() => meanConfidenceInterval([1, 2], { level: 95 })).toThrow(ValidationError);
  });
});

describe('welchMeanDifference', () => {
  // reference: Welch–Satterthwaite by hand and scipy.stats.ttest_ind(b, a, equal_var=False)
  it('matches SciPy', () => {
    const d = welchMeanDifference([3, 4, 4, 5, 3], [4, 5, 5, 5, 4, 5]);
    expect(d.difference).toBeCloseTo(0.8666666666666671, 12);
    expect(d.df).toBeCloseTo(6.424807647470274, 10);
    expect(d.lower).toBeCloseTo(-0.1675930152730114, 10);
    expect(d.upper).toBeCloseTo(1.9009263486063457, 10);
    expect(d.pValue).toBeCloseTo(0.0870154095418349, 10);
  });
  it('reports why the interval is undefined', () => {
    expect(welchMeanDifference([3], [4, 5]).reason).toMatch(/two values/);
    expect(welchMeanDifference([3, 3], [4, 4]).reason).toMatch(/varies/);
  });
});
