import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import {
  defineGradeBands,
  defineScorecard,
  grade,
  keyAccountSelectionModel,
  potentialValueBands,
  potentialValueModel,
  score,
  type ScorecardDefinition,
} from '../../src/scoring/index.js';
import { factorsOf, potentialValueRatings, ratingsFor, scorecardWithRatings } from '../arbitraries/scorecard.js';

const Oracle = Decimal.clone({ precision: 120 });
const RANK: Record<string, number> = { A: 0, B: 1, C: 2, D: 3 };

/** An independent oracle: the SPEC formula evaluated with plain decimal.js at 120 digits. */
function oracleTotal(definition: ScorecardDefinition, ratings: Record<string, number | string>): Decimal {
  const minmax = definition.normalisation === 'minmax';
  let total = new Oracle(0);
  for (const category of definition.categories) {
    let sum = new Oracle(0);
    let max = new Oracle(0);
    let min = new Oracle(0);
    for (const factor of category.factors) {
      sum = sum.plus(String(ratings[factor.id]));
      max = max.plus(String(factor.max));
      min = min.plus(String(factor.min));
    }
    const ratio = minmax ? sum.minus(min).div(max.minus(min)) : sum.div(max);
    total = total.plus(new Oracle(String(category.weight)).times(ratio).times(100));
  }
  return total;
}

const stringify = (ratings: Record<string, number>) =>
  Object.fromEntries(Object.entries(ratings).map(([key, value]) => [key, String(value)]));

describe('scorecard laws', () => {
  test.prop([scorecardWithRatings])(
    'the total stays within [0, 100] and matches an independent decimal.js oracle',
    ({ definition, ratings }) => {
      const result = score(defineScorecard(definition), ratings);
      expect(result.total.greaterThanOrEqualTo(0) && result.total.lessThanOrEqualTo(100)).toBe(true);
      expect(result.total.toSignificantDigits(35).toString()).toBe(
        new Decimal(oracleTotal(definition, ratings).toString()).toSignificantDigits(35).toString(),
      );
    },
  );

  test.prop([scorecardWithRatings])(
    'contributions add up to the total exactly when they terminate, and categories to the total',
    ({ definition, ratings }) => {
      const result = score(defineScorecard(definition), ratings);
      const byFactors = result.factors.reduce((sum, factor) => sum.plus(factor.contribution), new Oracle(0));
      const byCategories = result.categories.reduce((sum, category) => sum.plus(category.contribution), new Oracle(0));
      // exact equality whenever every term is a finite decimal (the tolerance covers 40-digit rounding of
      // non-terminating terms)
      expect(byFactors.minus(result.total).abs().lessThan('1e-30')).toBe(true);
      expect(byCategories.minus(result.total).abs().lessThan('1e-30')).toBe(true);
    },
  );

  test.prop([potentialValueRatings])(
    'for the seed model, contributions are the ratings and add up to the total exactly',
    (ratings) => {
      const result = score(potentialValueModel, ratings);
      const sum = Object.values(ratings).reduce((total, value) => total.plus(value), new Decimal(0));
      expect(result.total.equals(sum)).toBe(true);
      expect(
        result.factors.reduce((total, factor) => total.plus(factor.contribution), new Decimal(0)).equals(result.total),
      ).toBe(true);
    },
  );

  test.prop([scorecardWithRatings])(
    'the fast integer path and the exact rational path give identical results',
    ({ definition, ratings }) => {
      const model = defineScorecard(definition);
      const fast = score(model, ratings);
      const exact = score(model, stringify(ratings));
      expect(JSON.stringify(exact)).toBe(
        JSON.stringify({ ...fast, factors: fast.factors.map((factor) => ({ ...factor, raw: String(factor.raw) })) }),
      );
    },
  );

  test.prop([potentialValueRatings, fc.nat(12), fc.integer({ min: 1, max: 50 })])(
    'raising a rating never lowers the total or the grade',
    (ratings, which, step) => {
      const factor = potentialValueModel.factors[which]!;
      const raised = { ...ratings, [factor.id]: Math.min(factor.max.toNumber(), ratings[factor.id]! + step / 10) };
      const before = score(potentialValueModel, ratings);
      const after = score(potentialValueModel, raised);
      expect(after.total.greaterThanOrEqualTo(before.total)).toBe(true);
      expect(RANK[after.grade!]!).toBeLessThanOrEqual(RANK[before.grade!]!);
    },
  );

  test.prop([scorecardWithRatings, fc.nat(), fc.integer({ min: 1, max: 100 })])(
    'raising a rating never lowers the total (any model, either normalisation)',
    ({ definition, ratings }, pick, step) => {
      const factors = factorsOf(definition);
      const factor = factors[pick % factors.length]!;
      const raised = {
        ...ratings,
        [factor.id]: Math.min(factor.max, Math.round((ratings[factor.id]! + step / 100) * 100) / 100),
      };
      const model = defineScorecard(definition);
      expect(score(model, raised).total.greaterThanOrEqualTo(score(model, ratings).total)).toBe(true);
    },
  );

  test.prop([scorecardWithRatings, fc.nat(), fc.nat()])(
    'factor and category order do not matter',
    ({ definition, ratings }, seedA, seedB) => {
      const rotate = <T>(items: readonly T[], by: number): T[] =>
        items.map((_, index) => items[(index + by) % items.length]!);
      const shuffled: ScorecardDefinition = {
        ...definition,
        categories: rotate(definition.categories, seedA).map((category, index) => ({
          ...category,
          factors: rotate(category.factors, seedB + index),
        })),
      };
      expect(
        score(defineScorecard(shuffled), ratings).total.equals(score(defineScorecard(definition), ratings).total),
      ).toBe(true);
    },
  );

  test.prop([scorecardWithRatings, fc.constantFrom('2', '0.5', '3', '0.001', '12.5')])(
    'scaling minima, maxima and ratings by one positive factor leaves the total unchanged',
    ({ definition, ratings }, factorText) => {
      const k = new Decimal(factorText);
      const scaled: ScorecardDefinition = {
        ...definition,
        categories: definition.categories.map((category) => ({
          ...category,
          factors: category.factors.map((factor) => ({
            ...factor,
            min: k.times(String(factor.min)).toString(),
            max: k.times(String(factor.max)).toString(),
          })),
        })),
      };
      const scaledRatings = Object.fromEntries(
        Object.entries(ratings).map(([id, value]) => [id, k.times(value).toString()]),
      );
      expect(
        score(defineScorecard(scaled), scaledRatings).total.equals(score(defineScorecard(definition), ratings).total),
      ).toBe(true);
    },
  );

  test.prop([fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 })])(
    'grade is monotone in the total',
    (a, b) => {
      const low = new Decimal(Math.min(a, b)).div(10_000);
      const high = new Decimal(Math.max(a, b)).div(10_000);
      expect(RANK[grade(high, potentialValueBands)]!).toBeLessThanOrEqual(RANK[grade(low, potentialValueBands)]!);
    },
  );

  test.prop([
    fc
      .array(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 6 })
      .map((edges) => [...new Set(edges)].sort((x, y) => y - x)),
    fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  ])('a total exactly on an edge goes to the band whose edge is closed there', (edges, closedAbove) => {
    // bands best first: [e0, 100], then [e1, e0) or (e1, e0], …, down to 0
    const points = edges.map((edge) => new Decimal(edge).div(100));
    const bands: { id: string; labels: { en: string; 'zh-CN': string }; interval: string }[] = [];
    let upper = '100]';
    for (let i = 0; i < points.length; i++) {
      const closed = closedAbove[i]!;
      bands.push({
        id: `g${i}`,
        labels: { en: `g${i}`, 'zh-CN': `g${i}` },
        interval: `${closed ? '[' : '('}${points[i]!.toString()}, ${upper}`,
      });
      upper = `${points[i]!.toString()}${closed ? ')' : ']'}`;
    }
    bands.push({ id: 'bottom', labels: { en: 'bottom', 'zh-CN': 'bottom' }, interval: `[0, ${upper}` });
    const model = defineGradeBands({ id: 'random', bands });
    points.forEach((point, i) => {
      expect(grade(point.toString(), model)).toBe(closedAbove[i] ? `g${i}` : bands[i + 1]!.id);
    });
  });

  test.prop([scorecardWithRatings])('JSON round-trip of a model is the identity', ({ definition }) => {
    const model = defineScorecard(definition);
    const again = defineScorecard(JSON.parse(JSON.stringify(model)));
    expect(again.fingerprint).toBe(model.fingerprint);
    expect(again.toJSON()).toEqual(model.toJSON());
  });

  test.prop([scorecardWithRatings])(
    'a result survives JSON: every decimal reads back to the same value',
    ({ definition, ratings }) => {
      const result = score(defineScorecard(definition), ratings);
      const json = JSON.parse(JSON.stringify(result)) as { total: string; factors: { contribution: string }[] };
      expect(new Decimal(json.total).equals(result.total)).toBe(true);
      json.factors.forEach((factor, index) =>
        expect(new Decimal(factor.contribution).equals(result.factors[index]!.contribution)).toBe(true),
      );
    },
  );

  test.prop([
    scorecardWithRatings.chain(({ definition, ratings }) =>
      fc.tuple(
        fc.constant(definition),
        fc.constant(ratings),
        fc.subarray(Object.keys(ratings)),
        ratingsFor(definition),
        fc.constantFrom('min' as const, 'exclude' as const),
      ),
    ),
  ])(
    'bounds hold every total the missing ratings could still produce',
    ([definition, ratings, missing, fill, policy]) => {
      const model = defineScorecard(definition);
      const partial = Object.fromEntries(Object.entries(ratings).filter(([id]) => !missing.includes(id)));
      if (Object.keys(partial).length === 0) return;
      const result = score(model, partial, { missing: policy });
      const filled = score(model, { ...partial, ...Object.fromEntries(missing.map((id) => [id, fill[id]!])) });
      expect(result.bounds.lower.lessThanOrEqualTo(filled.total)).toBe(true);
      expect(result.bounds.upper.greaterThanOrEqualTo(filled.total)).toBe(true);
      expect(result.complete).toBe(missing.length === 0);
      if (policy === 'min') expect(result.total.equals(result.bounds.lower)).toBe(true);
    },
  );

  test.prop([fc.constantFrom(potentialValueModel, keyAccountSelectionModel)])(
    'presets validate and round-trip',
    (preset) => {
      expect(defineScorecard(preset.toJSON()).fingerprint).toBe(preset.fingerprint);
      for (const factor of preset.factors) expect(factor.labels.en && factor.labels['zh-CN']).toBeTruthy();
    },
  );
});
