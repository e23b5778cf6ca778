import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../../src/shared/numeric.js';
import {
  abcValueGrader,
  assessPortfolio,
  concentrationRisk,
  defineValueGrader,
  gradeValues,
  herfindahlIndex,
  pareto,
  paretoCurve,
  quantileValueGrader,
  topShare,
} from '../../src/value/index.js';
import { potentialValueModel } from '../../src/scoring/index.js';
import { amount, portfolioValues, tiedValues } from '../arbitraries/value.js';

const share = fc.integer({ min: 1, max: 1000 }).map((permille) => (permille / 1000).toString());
const shuffle = <T>(items: readonly T[], seed: number): T[] => {
  const copy = [...items];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
};

describe('Pareto laws', () => {
  it('cumulative shares are non-decreasing and end at exactly 1', () => {
    fc.assert(
      fc.property(portfolioValues, (values) => {
        const points = paretoCurve(values).points;
        for (let k = 1; k < points.length; k++)
          expect(points[k]!.cumulativeShare.gte(points[k - 1]!.cumulativeShare)).toBe(true);
        expect(points[points.length - 1]!.cumulativeShare.toString()).toBe('1');
        for (let k = 1; k < points.length; k++) expect(points[k]!.value.lte(points[k - 1]!.value)).toBe(true);
      }),
    );
  });

  it('the Pareto set is the smallest: its accounts reach the target, one fewer does not', () => {
    fc.assert(
      fc.property(portfolioValues, share, (values, target) => {
        const result = pareto(values, { targetShare: target });
        expect(result.valueShare.gte(target)).toBe(true);
        const sorted = [...values].map((value) => new ExactDecimal(value)).sort((a, b) => b.cmp(a));
        const total = sorted.reduce((sum, value) => sum.plus(value), new ExactDecimal(0));
        const fewer = sorted.slice(0, result.count - 1).reduce((sum, value) => sum.plus(value), new ExactDecimal(0));
        expect(fewer.lt(total.times(target))).toBe(true);
        expect(result.accountShare.eq(new ExactDecimal(result.count).div(values.length))).toBe(true);
      }),
    );
  });

  it('the order is exact even when values differ only in the 35th significant digit', () => {
    const nearTies = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 9 })), { minLength: 2, maxLength: 40 })
      .map((pairs) =>
        pairs.map(([base, tiny]) =>
          new ExactDecimal(base).times('1000.123456789').plus(new ExactDecimal(tiny).times('1e-30')),
        ),
      );
    fc.assert(
      fc.property(nearTies, (values) => {
        const points = paretoCurve(values).points;
        for (let k = 1; k < points.length; k++) expect(points[k]!.value.lte(points[k - 1]!.value)).toBe(true);
        const grades = gradeValues(values, quantileValueGrader).grades;
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (values[i]!.gt(values[j]!))
              expect('ABCD'.indexOf(grades[i]!)).toBeLessThanOrEqual('ABCD'.indexOf(grades[j]!));
            if (values[i]!.eq(values[j]!)) expect(grades[i]).toBe(grades[j]);
          }
        }
      }),
    );
  });

  it('a larger target never needs fewer accounts', () => {
    fc.assert(
      fc.property(portfolioValues, share, share, (values, a, b) => {
        const [low, high] = Number(a) <= Number(b) ? [a, b] : [b, a];
        expect(pareto(values, { targetShare: high }).count).toBeGreaterThanOrEqual(
          pareto(values, { targetShare: low }).count,
        );
      }),
    );
  });

  it('the order of the accounts does not matter', () => {
    fc.assert(
      fc.property(portfolioValues, share, fc.integer(), (values, target, seed) => {
        const a = pareto(values, { targetShare: target });
        const b = pareto(shuffle(values, seed), { targetShare: target });
        expect([b.count, b.valueShare.toString()]).toEqual([a.count, a.valueShare.toString()]);
        expect(
          topShare(values, { accountShare: target }).valueShare.eq(
            topShare(shuffle(values, seed), { accountShare: target }).valueShare,
          ),
        ).toBe(true);
      }),
    );
  });
});

describe('concentration laws', () => {
  it('10000/n ≤ HHI ≤ 10000', () => {
    fc.assert(
      fc.property(portfolioValues, (values) => {
        const hhi = herfindahlIndex(values);
        expect(hhi.lte(10000)).toBe(true);
        expect(hhi.gte(new ExactDecimal(10000).div(values.length))).toBe(true);
      }),
    );
  });

  it('n equal accounts give exactly 10000/n, one account exactly 10000', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 1_000_000 }).map((c) => (c / 100).toFixed(2)),
        (n, value) => {
          expect(herfindahlIndex(Array.from({ length: n }, () => value)).eq(new ExactDecimal(10000).div(n))).toBe(true);
        },
      ),
    );
  });

  it('HHI is invariant under reordering and under scaling all values', () => {
    fc.assert(
      fc.property(portfolioValues, fc.integer({ min: 1, max: 1000 }), fc.integer(), (values, factor, seed) => {
        const hhi = herfindahlIndex(values);
        expect(herfindahlIndex(shuffle(values, seed)).eq(hhi)).toBe(true);
        expect(herfindahlIndex(values.map((value) => new ExactDecimal(value).times(factor))).eq(hhi)).toBe(true);
      }),
    );
  });

  it('top-N shares grow with N and end at 1', () => {
    fc.assert(
      fc.property(portfolioValues, (values) => {
        const n = values.length;
        const shares = concentrationRisk(values, { top: Array.from({ length: n }, (_, k) => k + 1) }).topShares;
        for (let k = 1; k < shares.length; k++) expect(shares[k]!.valueShare.gte(shares[k - 1]!.valueShare)).toBe(true);
        expect(shares[n - 1]!.valueShare.toString()).toBe('1');
      }),
    );
  });
});

describe('grader laws', () => {
  const thresholds = defineValueGrader({
    id: 't',
    version: '1',
    method: 'thresholds',
    grades: [{ id: 'A', min: 50000 }, { id: 'B', min: 10000 }, { id: 'C', min: 1000 }, { id: 'D' }],
  });
  const graders = [thresholds, quantileValueGrader, abcValueGrader];
  const rank = (grade: string) => 'ABCD'.indexOf(grade);

  it('graders are monotone in value: a larger value never gets a worse grade', () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 50 }), fc.constantFrom(...graders), (values, grader) => {
        const grades = gradeValues(values, grader).grades;
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (new ExactDecimal(values[i]!).gt(values[j]!))
              expect(rank(grades[i]!)).toBeLessThanOrEqual(rank(grades[j]!));
          }
        }
      }),
    );
  });

  it('equal values never get different grades', () => {
    fc.assert(
      fc.property(tiedValues, fc.constantFrom(...graders), (values, grader) => {
        const grades = gradeValues(values, grader).grades;
        const byValue = new Map<number, string>();
        values.forEach((value, index) => {
          const seen = byValue.get(value);
          if (seen !== undefined) expect(grades[index]).toBe(seen);
          byValue.set(value, grades[index]!);
        });
      }),
    );
  });

  it('grades do not depend on input order', () => {
    fc.assert(
      fc.property(tiedValues, fc.constantFrom(...graders), fc.integer(), (values, grader, seed) => {
        const indexed = values.map((value, index) => ({ id: String(index), value }));
        const shuffled = shuffle(indexed, seed);
        const straight = gradeValues(indexed, grader).grades;
        const mixed = gradeValues(shuffled, grader).grades;
        shuffled.forEach((item, k) => expect(mixed[k]).toBe(straight[Number(item.id)]));
      }),
    );
  });

  it('without ties, quantiles give the top ⌈upTo·n⌉ accounts the grade', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 80 }), (values) => {
        const grades = gradeValues(values, quantileValueGrader).grades;
        const n = values.length;
        const count = (grade: string) => grades.filter((g) => g === grade).length;
        expect(count('A')).toBe(Math.ceil(0.2 * n - 1e-9));
        expect(count('A') + count('B')).toBe(Math.ceil(0.5 * n - 1e-9));
        expect(count('A') + count('B') + count('C')).toBe(Math.ceil(0.8 * n - 1e-9));
      }),
    );
  });
});

describe('assessPortfolio laws', () => {
  const factors = potentialValueModel.factors;
  const ratings = fc.record(
    Object.fromEntries(
      factors.map((factor) => [
        factor.id,
        fc.integer({ min: factor.min.toNumber() * 2, max: factor.max.toNumber() * 2 }).map((x) => x / 2),
      ]),
    ),
  );
  const record = fc.oneof(
    { weight: 5, arbitrary: fc.record({ id: fc.uuid(), ratings, margin: amount }) },
    { weight: 1, arbitrary: fc.record({ id: fc.uuid(), ratings, margin: fc.constantFrom('n/a', -Infinity, null) }) },
  );

  it('nothing is lost: every record is a result or an error, in input order', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (records) => {
        const { results, errors, summary } = assessPortfolio(records, {
          valuation: { retention: 0.8, discountRate: 0.1 },
        });
        expect(results.length + errors.length).toBe(records.length);
        const indices = [...results.map((r) => r.index), ...errors.map((e) => e.index)].sort((a, b) => a - b);
        expect(indices).toEqual(records.map((_, index) => index));
        expect(summary.byClass.reduce((sum, item) => sum + item.count, 0)).toBe(results.length);
        for (const result of results) expect(result.id).toBe(records[result.index]!.id);
      }),
      { numRuns: 40 },
    );
  });
});
