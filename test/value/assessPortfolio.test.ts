import { describe, expect, it } from 'vitest';
import { brokenRecords, samplePortfolio } from '../../demo/sample-portfolio.js';
import { potentialValueModel } from '../../src/scoring/index.js';
import { ValidationError } from '../../src/shared/index.js';
import {
  assessPortfolio,
  classifyValue,
  currentValue,
  defineValueGrader,
  gradeValues,
  abcValueGrader,
  herfindahlIndex,
  pareto,
  potentialValue,
} from '../../src/value/index.js';

const top = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max]));
const low = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.min]));
/** Seed 002's 13 factors, rated to a total of exactly 80: the A edge of 客户潜在价值划分标准. */
const eighty = {
  tenure: 4,
  creditRecord: 9,
  latePayment: 8,
  missedAppointments: 4,
  productVariety: 2,
  purchaseCount: 2,
  purchaseFrequency: 2,
  competitorPurchase: 6,
  competitorFrequency: 4,
  assetSize: 16,
  industry: 8,
  marketPosition: 8,
  peerUserBase: 7,
};

describe('potentialValue (seed 001 + seed 002’s 客户潜在价值计算表)', () => {
  it('scores and grades with the seed’s bands: exactly 80 is A', () => {
    const result = potentialValue({ ratings: eighty });
    expect(result.score!.toString()).toBe('80');
    expect(result.grade).toBe('A');
    expect(result.scorecard!.model.id).toBe('potential-value');
    expect(result.uplift).toBeNull();
  });

  it('60 is B, 40 is D (the seed writes "60—80" and "<=40")', () => {
    expect(potentialValue({ ratings: { ...eighty, assetSize: 1, tenure: 1, industry: 6 } }).score!.toString()).toBe(
      '60',
    );
    expect(potentialValue({ ratings: { ...eighty, assetSize: 1, tenure: 1, industry: 6 } }).grade).toBe('B');
  });

  it('combines the scorecard with an uplift estimate, or uses either alone', () => {
    const both = potentialValue({ ratings: eighty, uplift: { crossSell: [{ margin: 20000, probability: 0.25 }] } });
    expect(both.uplift!.value.toString()).toBe('5000');
    const money = potentialValue({ uplift: { referrals: { count: 2, valuePerReferral: 1000 } } });
    expect(money.score).toBeNull();
    expect(money.uplift!.value.toString()).toBe('2000');
  });

  it('rejects an empty request and invalid ratings', () => {
    expect(() => potentialValue({})).toThrow(ValidationError);
    expect(() => potentialValue({ ratings: { ...eighty, tenure: 7 } })).toThrow(ValidationError);
  });
});

describe('assessPortfolio (SPEC §2: score, value, grade and classify every account)', () => {
  it('classifies the extremes and reports a broken record without losing anything', () => {
    const { results, errors, summary } = assessPortfolio(
      [
        { id: 'volkswagen', ratings: top, margin: 900000 },
        { id: 'local-shop', ratings: low, margin: 5000 },
        { id: 'broken', ratings: low, margin: 'n/a' },
      ],
      { valuation: { retention: 0.8, discountRate: 0.1 } },
    );
    expect(results.map((result) => `${result.id}: ${result.segment}`)).toEqual([
      'volkswagen: high-value',
      'local-shop: low-value',
    ]);
    expect(results[0]!.current.value.toString()).toBe(
      currentValue({ margin: 900000, retention: 0.8, discountRate: 0.1 }).value.toString(),
    );
    expect(results[0]!.potential).toMatchObject({ grade: 'A' });
    expect(results[0]!.classification.strategy.en).toMatch(/added value/);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ index: 2, id: 'broken' });
    expect(errors[0]!.issues[0]!.path).toBe('margin');
    expect(summary.byClass.map((item) => item.count)).toEqual([1, 0, 0, 1]);
    expect(summary.accounts).toBe(2);
    expect(summary.failed).toBe(1);
  });

  const records = samplePortfolio.map((account) => ({
    id: account.id,
    ratings: account.ratings,
    // expected margin per year: the last 12 months' spend times the account's margin rate
    margin: account.monthlySpend.slice(-12).reduce((sum, spend) => sum + spend, 0) * account.marginRate,
  }));
  const options = { valuation: { retention: 0.85, discountRate: 0.08 } } as const;

  it('on the sample portfolio: every account assessed, matching the building blocks one by one', () => {
    const assessment = assessPortfolio(
      [...records, ...brokenRecords.map((record) => ({ ...record, margin: 1 }))],
      options,
    );
    expect(assessment.results).toHaveLength(200);
    expect(assessment.errors.map((error) => error.id)).toEqual(['BAD-0001', 'BAD-0002', 'BAD-0003']);
    expect(assessment.errors.map((error) => error.index)).toEqual([200, 201, 202]);
    const values = records.map((record) => currentValue({ margin: record.margin, ...options.valuation }).value);
    const grades = gradeValues(values, abcValueGrader).grades;
    assessment.results.forEach((result, k) => {
      expect(result.id).toBe(records[k]!.id);
      expect(result.current.value.eq(values[k]!)).toBe(true);
      expect(result.current.grade).toBe(grades[k]);
      const potential = potentialValue({ ratings: records[k]!.ratings });
      expect(result.potential.score.eq(potential.score!)).toBe(true);
      expect(result.customerClass).toBe(classifyValue(result.current.grade, result.potential.grade).customerClass);
    });
    const summary = assessment.summary;
    expect(summary.byClass.reduce((sum, item) => sum + item.count, 0)).toBe(200);
    const cellTotal = Object.values(summary.cells)
      .flatMap((row) => Object.values(row))
      .reduce((sum, count) => sum + count, 0);
    expect(cellTotal).toBe(200);
    expect(
      summary.byClass.reduce((sum, item) => sum.plus(item.value), values[0]!.minus(values[0]!)).eq(summary.totalValue),
    ).toBe(true);
    const expectedPareto = pareto(values, { targetShare: 0.8 });
    expect(summary.pareto!.count).toBe(expectedPareto.count);
    expect(summary.pareto!.valueShare.eq(expectedPareto.valueShare)).toBe(true);
    expect(summary.concentration!.hhi.eq(herfindahlIndex(values))).toBe(true);
  });

  it('per-record retention overrides the default; a diverging perpetuity is a record error', () => {
    const { results, errors } = assessPortfolio(
      [
        { id: 'loyal', ratings: top, margin: 100, retention: 0.9 },
        { id: 'forever', ratings: top, margin: 100, retention: 1 },
      ],
      { valuation: { retention: 0.5, discountRate: 0 } },
    );
    expect(results[0]!.current.value.toString()).toBe('900');
    expect(errors[0]).toMatchObject({ index: 1, id: 'forever' });
  });

  it('accepts another grader and any iterable', () => {
    const thresholds = defineValueGrader({
      id: 't',
      version: '1',
      method: 'thresholds',
      grades: [{ id: 'A', min: 1000 }, { id: 'B', min: 500 }, { id: 'C', min: 100 }, { id: 'D' }],
    });
    function* rows() {
      yield { id: 'a', ratings: low, margin: 600 }; // 600·0.5/(1−0.5) = 600
    }
    const { results } = assessPortfolio(rows(), {
      valuation: { retention: 0.5, discountRate: 0 },
      currentGrader: thresholds,
    });
    expect(results[0]!.current).toMatchObject({ grade: 'B' });
    expect(results[0]!.segment).toBe('secondary-value');
  });

  it('an empty portfolio gives an empty summary', () => {
    const { results, summary } = assessPortfolio([], options);
    expect(results).toEqual([]);
    expect(summary.pareto).toBeNull();
    expect(summary.concentration).toBeNull();
  });

  it('throws only for bad options', () => {
    expect(() => assessPortfolio([], {} as never)).toThrow(/options\.valuation/);
    expect(() => assessPortfolio([], { valuation: { discountRate: -2 } })).toThrow(/discountRate/);
    expect(() => assessPortfolio([], { valuation: { discountRate: 0.1 }, targetShare: 2 })).toThrow(/targetShare/);
    const letters = defineValueGrader({
      id: 't',
      version: '1',
      method: 'quantiles',
      grades: [{ id: 'X', upTo: 0.5 }, { id: 'Y' }],
    });
    expect(() => assessPortfolio([], { valuation: { discountRate: 0.1 }, currentGrader: letters })).toThrow(
      /currentGrader/,
    );
    // without any retention, each record fails on its own
    const { errors } = assessPortfolio([{ id: 'a', ratings: low, margin: 1 }], { valuation: { discountRate: 0.1 } });
    expect(errors[0]!.issues[0]!.path).toBe('retention');
  });
});
