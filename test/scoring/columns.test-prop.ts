/**
 * scoreColumns against score, row by row: every fast path of the columnar form (the integer pass,
 * the bounded-error pass for doubles beyond six decimals and decimal strings, the exact decision
 * near a grade edge, the exact path for everything else) gives the total, grade and error `score`
 * gives on the same record.
 */
import { fc, test } from '@fast-check/vitest';
import { describe } from 'vitest';
import {
  defineScorecard,
  potentialValueBands,
  potentialValueModel,
  score,
  type ScoreOptions,
} from '../../src/scoring/index.js';
import { factorsOf, scorecardDefinition } from '../arbitraries/scorecard.js';
import { checkRows, ulpStep } from './columnChecks.js';

const SPECIALS = [Number.NaN, Infinity, -Infinity, null, undefined, '', 'abc', true, ' 2 ', '0x10', -0, '1e-2000'];
/** Doubles at the ends of the format: subnormals, the smallest normal, huge and tiny magnitudes, -0. */
const EXTREMES = [
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  1e-300,
  1e-7,
  -0,
  2 ** 53 + 2,
  1e15,
  1e300,
  -1e300,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
];

/** Any cell a caller might put in a column: grid numbers, arbitrary doubles, decimal strings, specials. */
function cell(min: number, max: number): fc.Arbitrary<unknown> {
  const inside = fc.double({ min, max, noNaN: true });
  const grid = (step: number) =>
    Math.ceil(min * step) <= Math.floor(max * step)
      ? fc.integer({ min: Math.ceil(min * step), max: Math.floor(max * step) }).map((n) => n / step)
      : fc.constant(min);
  return fc.oneof(
    { weight: 4, arbitrary: grid(2) },
    { weight: 2, arbitrary: grid(100) },
    { weight: 6, arbitrary: inside },
    { weight: 2, arbitrary: inside.map(String) },
    { weight: 1, arbitrary: inside.map((value) => value.toExponential(20)) },
    { weight: 1, arbitrary: inside.map((value) => ` ${value.toFixed(9)} `) },
    { weight: 1, arbitrary: fc.constantFrom(min, max, max + 1, min - 0.5, 0.1 + 0.2, String(max), `${max}.0000001`) },
    { weight: 1, arbitrary: fc.constantFrom(...SPECIALS) },
    { weight: 1, arbitrary: fc.constantFrom(...EXTREMES) },
  );
}

const options: fc.Arbitrary<ScoreOptions> = fc
  .record({
    clamp: fc.boolean(),
    missing: fc.constantFrom('error' as const, 'min' as const),
    normalisation: fc.constantFrom('model', 'ratio' as const, 'minmax' as const),
    bands: fc.constantFrom(potentialValueBands, null),
  })
  .map(({ normalisation, ...rest }) => (normalisation === 'model' ? rest : { ...rest, normalisation }));

const modelWithRows = scorecardDefinition.chain((definition) => {
  const factors = factorsOf(definition);
  const row = fc.tuple(...factors.map((factor) => cell(factor.min, factor.max)));
  return fc.tuple(fc.constant(definition), fc.array(row, { minLength: 1, maxLength: 24 }), options);
});

/**
 * Rows of the default model whose total lies a few units in the last place from a grade edge: the
 * ratings are arbitrary doubles or half points, then one factor's rating is solved (in floats) for
 * the edge (the last factor whose solution is inside its range), and stepped by up to eight ulps
 * either way. These rows are the ones the bounded-error pass cannot grade in floats, so they
 * exercise the exact decision.
 */
const nearEdgeRows = fc.array(
  fc.tuple(
    fc.constantFrom(80, 60, 40),
    fc.integer({ min: -8, max: 8 }),
    fc.tuple(
      ...potentialValueModel.factors.map((factor) => {
        const [min, max] = [factor.min.toNumber(), factor.max.toNumber()];
        return fc.oneof(
          fc.double({ min, max, noNaN: true }),
          fc.integer({ min: min * 2, max: max * 2 }).map((n) => n / 2),
        );
      }),
    ),
  ),
  { minLength: 1, maxLength: 40 },
);

/**
 * The row with one rating replaced so that its total is at `edge` (solved in floats, so only near
 * it), then stepped by `steps` ulps.
 */
function rowAtEdge(edge: number, steps: number, ratings: readonly number[]): number[] {
  const factors = potentialValueModel.factors;
  const totalWith = (f: number, value: number) =>
    score(
      potentialValueModel,
      Object.fromEntries(factors.map((factor, g) => [factor.id, g === f ? value : ratings[g]!])),
    ).total.toNumber();
  let row = [...ratings];
  for (let f = factors.length - 1; f >= 0; f--) {
    const [low, high] = [factors[f]!.min.toNumber(), factors[f]!.max.toNumber()];
    const [atLow, atHigh] = [totalWith(f, low), totalWith(f, high)];
    const value = ulpStep(low + ((edge - atLow) * (high - low)) / (atHigh - atLow), steps);
    row = ratings.map((rating, g) => (g === f ? value : rating));
    if (value >= low && value <= high) return row;
  }
  return row; // no factor reaches the edge alone: a row out of range (an error, or clamped)
}

describe('scoreColumns laws', () => {
  test.prop([nearEdgeRows, fc.boolean()])(
    'totals within a few ulps of a grade edge get the grade and total score gives',
    (rows, clamp) => {
      const cells = rows.map(([edge, steps, ratings]) => rowAtEdge(edge, steps, ratings));
      checkRows(potentialValueModel, cells, { clamp });
    },
    60_000,
  );

  test.prop([modelWithRows])(
    'every row gets the total, grade or error score gives (doubles, decimal strings, specials)',
    ([definition, rows, settings]) => {
      checkRows(defineScorecard(definition), rows, settings);
    },
    60_000,
  );

  test.prop(
    [
      fc.array(
        fc.tuple(
          ...potentialValueModel.factors.map((factor) => {
            const min = factor.min.toNumber();
            const max = factor.max.toNumber();
            return fc.oneof(
              { weight: 1, arbitrary: fc.integer({ min: min * 2, max: max * 2 }).map((n) => n / 2) },
              { weight: 4, arbitrary: fc.double({ min, max, noNaN: true }) },
            );
          }),
        ),
        { minLength: 2100, maxLength: 2200 },
      ),
    ],
    { numRuns: 2 },
  )(
    'past one block, mostly arbitrary doubles, every row still matches score',
    (rows) => {
      checkRows(potentialValueModel, rows, {});
    },
    120_000,
  );
});
