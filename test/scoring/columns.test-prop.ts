/**
 * scoreColumns against score, row by row: every fast path of the columnar form (the integer pass,
 * the bounded-error pass for doubles beyond six decimals and decimal strings, the exact decision
 * near a grade edge, the exact path for everything else) gives the total, grade and error `score`
 * gives on the same record.
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import {
  defineScorecard,
  potentialValueBands,
  potentialValueModel,
  score,
  scoreColumns,
  type ScoreOptions,
  type Scorecard,
} from '../../src/scoring/index.js';
import { factorsOf, scorecardDefinition } from '../arbitraries/scorecard.js';

const Digits40 = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
const SPECIALS = [Number.NaN, Infinity, -Infinity, null, undefined, '', 'abc', true, ' 2 ', '0x10', -0, '1e-2000'];

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

/** What `score` says of one record: total and grade, or the issues of its error. */
function expected(model: Scorecard, record: Record<string, unknown>, settings: ScoreOptions): unknown {
  try {
    const result = score(model, record, settings);
    return { total: result.total.toString(), grade: result.grade };
  } catch (error) {
    return { issues: JSON.stringify((error as { issues: unknown }).issues) };
  }
}

function checkRows(model: Scorecard, rows: readonly (readonly unknown[])[], settings: ScoreOptions): void {
  const ids = model.factorIds;
  const columns = Object.fromEntries(ids.map((id, f) => [id, rows.map((row) => row[f])]));
  const scores = scoreColumns(model, columns, settings);
  const errors = new Map(scores.errors.map((error) => [error.index, error]));
  rows.forEach((row, i) => {
    const record = Object.fromEntries(ids.map((id, f) => [id, row[f]]));
    const error = errors.get(i);
    const actual = error
      ? { issues: JSON.stringify(error.issues) }
      : { total: scores.total(i)?.toString(), grade: scores.grade(i) };
    expect(actual).toEqual(expected(model, record, settings));
    const numerator = scores.numerators[i]!;
    // an integer numerator is the total over the common denominator (rounded to 40 digits as totals are)
    if (!Number.isNaN(numerator))
      expect(new Digits40(numerator).div(scores.denominator!.toString()).toString()).toBe(scores.total(i)!.toString());
  });
}

describe('scoreColumns laws', () => {
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
