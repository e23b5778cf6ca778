/** Shared fast-check arbitraries for scorecards and their ratings. */
import fc from 'fast-check';
import type { ScorecardDefinition } from '../../src/scoring/index.js';

const labels = (text: string) => ({ en: text, 'zh-CN': text });

/** A decimal with up to `places` decimals in [low, high], as a string. */
export const decimalString = (low: number, high: number, places = 2): fc.Arbitrary<string> =>
  fc
    .integer({ min: Math.round(low * 10 ** places), max: Math.round(high * 10 ** places) })
    .map((n) => (n / 10 ** places).toFixed(places));

/** Weights that sum to exactly 1: integers out of 100 (or 1000), at least 1 each. */
export const exactWeights = (count: number): fc.Arbitrary<string[]> =>
  fc
    .array(fc.integer({ min: 1, max: 50 }), { minLength: count, maxLength: count })
    .map((parts) => {
      const total = parts.reduce((sum, part) => sum + part, 0);
      // scale to thousandths; put the rounding remainder on the first weight
      const thousandths = parts.map((part) => Math.max(1, Math.floor((part * 1000) / total)));
      const remainder = 1000 - thousandths.reduce((sum, part) => sum + part, 0);
      thousandths[0]! += remainder;
      return thousandths.map((part) => (part / 1000).toFixed(3));
    })
    .filter((weights) => weights.every((weight) => Number(weight) > 0));

export interface FactorShape {
  id: string;
  min: number;
  max: number;
}

/** A random valid scorecard definition (1–4 categories, 1–5 factors each, ratio or minmax). */
export const scorecardDefinition: fc.Arbitrary<ScorecardDefinition> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom('ratio' as const, 'minmax' as const))
  .chain(([categoryCount, normalisation]) =>
    fc
      .tuple(
        exactWeights(categoryCount),
        fc.array(
          fc.array(
            fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 40 }), fc.constantFrom(1, 2, 4, 10)),
            { minLength: 1, maxLength: 5 },
          ),
          { minLength: categoryCount, maxLength: categoryCount },
        ),
      )
      .map(([weights, categories]) => {
        let next = 0;
        return {
          id: 'generated',
          normalisation,
          categories: categories.map((factors, c) => ({
            id: `c${c}`,
            labels: labels(`Category ${c}`),
            weight: weights[c]!,
            factors: factors.map(([min, span, step]) => {
              const id = `f${next++}`;
              return { id, labels: labels(id), min: min / step, max: (min + span) / step };
            }),
          })),
        } satisfies ScorecardDefinition;
      }),
  );

/** Every factor of a definition with its bounds. */
export function factorsOf(definition: ScorecardDefinition): FactorShape[] {
  return definition.categories.flatMap((category) =>
    category.factors.map((factor) => ({ id: factor.id, min: Number(factor.min), max: Number(factor.max) })),
  );
}

/** Ratings within bounds on a 0.01 grid (as numbers), for a given definition. */
export function ratingsFor(definition: ScorecardDefinition): fc.Arbitrary<Record<string, number>> {
  const factors = factorsOf(definition);
  return fc
    .tuple(
      ...factors.map((factor) =>
        fc.integer({ min: Math.round(factor.min * 100), max: Math.round(factor.max * 100) }).map((n) => n / 100),
      ),
    )
    .map((values) => Object.fromEntries(factors.map((factor, index) => [factor.id, values[index]!])));
}

/** A definition together with ratings for it. */
export const scorecardWithRatings = scorecardDefinition.chain((definition) =>
  ratingsFor(definition).map((ratings) => ({ definition, ratings })),
);

/** Ratings for the potential-value preset on a 0.1 grid. */
export const potentialValueRatings: fc.Arbitrary<Record<string, number>> = fc
  .tuple(
    ...[5, 10, 10, 5, 2.5, 2.5, 2.5, 7.5, 5, 20, 10, 10, 10].map((max) =>
      fc.integer({ min: 10, max: max * 10 }).map((n) => n / 10),
    ),
  )
  .map((values) =>
    Object.fromEntries(
      [
        'tenure',
        'creditRecord',
        'latePayment',
        'missedAppointments',
        'productVariety',
        'purchaseCount',
        'purchaseFrequency',
        'competitorPurchase',
        'competitorFrequency',
        'assetSize',
        'industry',
        'marketPosition',
        'peerUserBase',
      ].map((id, index) => [id, values[index]!]),
    ),
  );

/** A scorecard with a scale of every kind and its own grade bands (the SQL golden files' model). */
export const everyScaleScorecard = {
  id: 'golden-scorecard',
  version: '1.0.0',
  normalisation: 'minmax',
  grades: {
    id: 'grades',
    version: '1',
    domain: '[0, 100]',
    bands: [
      { id: 'A', labels: labels('A'), interval: '[80, 100]' },
      { id: 'B', labels: labels('B'), interval: '(40, 80)' },
      { id: 'C', labels: labels('C'), interval: '[0, 40]' },
    ],
  },
  categories: [
    {
      id: 'credit',
      labels: labels('Credit'),
      weight: '0.3',
      factors: [
        {
          id: 'tenure',
          labels: labels('Tenure'),
          min: 1,
          max: 5,
          scale: {
            type: 'bands',
            bands: [
              { interval: '[0, 365)', rating: 1 },
              { interval: '[365, +inf)', rating: 5 },
            ],
          },
        },
        {
          id: 'latePayments',
          labels: labels('Late payments'),
          min: 1,
          max: 10,
          scale: { type: 'linear', from: { raw: 0, rating: 10 }, to: { raw: 12, rating: 1 } },
        },
      ],
    },
    {
      id: 'influence',
      labels: labels('Influence'),
      weight: '0.7',
      factors: [
        {
          id: 'industry',
          labels: labels('Industry'),
          min: 1,
          max: 10,
          scale: {
            type: 'categorical',
            categories: [
              { value: 'fmcg', rating: 9 },
              { value: "o'brien", rating: 3 },
            ],
            default: 5,
          },
        },
        { id: 'exclusive', labels: labels('Exclusive'), min: 0, max: 2, scale: { type: 'boolean', true: 2, false: 0 } },
        { id: 'marketPosition', labels: labels('Market position'), min: 1, max: 10 },
      ],
    },
  ],
} satisfies ScorecardDefinition;
