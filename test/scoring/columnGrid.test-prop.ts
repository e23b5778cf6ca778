/**
 * scoreColumns' grid loops against score: `Float64Array` columns of ratings on a grid of
 * sixty-fourths are summed four columns a row at a time, with one unsigned test a cell
 * (`(u >>> 0) === u` for `u = v × 64 − gridLow`, then `u ≤ gridSpan`), and a factor whose range
 * reaches below zero takes no grid. These laws feed cells that sit on that test's edges (grid
 * points a step outside the range, a few ulps off a grid point, -0, subnormals, ±Infinity, NaN) in
 * models with negative ranges and four-plus factors, in blocks past the first, with two to seven
 * grade bands (up to four bands are graded from locals, more in a loop).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  defineGradeBands,
  defineScorecard,
  potentialValueModel,
  score,
  scoreColumns,
  type ScorecardDefinition,
} from '../../src/scoring/index.js';
import { checkRows, ulpStep } from './columnChecks.js';

const labels = (text: string) => ({ en: text, 'zh-CN': text });

interface Range {
  readonly min: number;
  readonly max: number;
}

/** A factor range `[a / step, (a + span) / step]`: negative, straddling zero or positive, edges on or off the grid. */
const range: fc.Arbitrary<Range> = fc
  .tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 1, max: 80 }), fc.constantFrom(1, 2, 4, 10, 64))
  .map(([a, span, step]) => ({ min: a / step, max: (a + span) / step }));

/** A minmax scorecard of 1–3 categories and 1–11 factors in all (so zero to two groups of four and a rest). */
const gridModel = fc
  .array(fc.array(range, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
  .map((categories) => {
    let next = 0;
    const definition: ScorecardDefinition = {
      id: 'grid',
      normalisation: 'minmax',
      categories: categories.map((factors, c) => ({
        id: `c${c}`,
        labels: labels(`c${c}`),
        weight: c === 0 ? (1 - (categories.length - 1) * 0.25).toFixed(2) : '0.25',
        factors: factors.map(({ min, max }) => {
          const id = `f${next++}`;
          return { id, labels: labels(id), min, max };
        }),
      })),
    };
    return { model: defineScorecard(definition), ranges: categories.flat() };
  });

/** Grade bands over [0, 100] with 1–6 cuts of up to three decimals (2–7 bands). */
const bands = fc.uniqueArray(fc.integer({ min: 1, max: 99_999 }), { minLength: 1, maxLength: 6 }).map((cuts) => {
  const edges = cuts.sort((a, b) => b - a).map((cut) => (cut / 1000).toString());
  const grades = edges.map((edge, index) => ({
    id: `G${index}`,
    interval: `[${edge}, ${index === 0 ? '100]' : `${edges[index - 1]})`}`,
  }));
  grades.push({ id: `G${edges.length}`, interval: `[0, ${edges[edges.length - 1]})` });
  return defineGradeBands({ id: 'cuts', bands: grades });
});

const ODD = [Number.NaN, Infinity, -Infinity, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, -1e-300];

/** A cell on the grid loop's edges: mostly grid points in range, some just outside, off by ulps, or odd. */
function gridCell({ min, max }: Range): fc.Arbitrary<number> {
  const point = (low: number, high: number) =>
    fc.integer({ min: Math.ceil(low * 64), max: Math.floor(high * 64) }).map((n) => n / 64);
  return fc.oneof(
    { weight: 12, arbitrary: point(min, max) },
    { weight: 1, arbitrary: fc.constantFrom(min, max, Math.ceil(min * 64 - 1) / 64, Math.floor(max * 64 + 1) / 64) },
    {
      weight: 1,
      arbitrary: fc.tuple(point(min, max), fc.integer({ min: -3, max: 3 })).map(([v, k]) => ulpStep(v, k)),
    },
    { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  );
}

/** A model, its rows (`count` of them) and the bands to grade with. */
function rowsOf(count: fc.Arbitrary<number>) {
  return fc.tuple(gridModel, count, fc.option(bands, { nil: null }), fc.boolean()).chain(([shape, n, b, clamp]) => {
    const row = fc.tuple(...shape.ranges.map(gridCell));
    return fc.tuple(
      fc.constant(shape.model),
      fc.array(row, { minLength: n, maxLength: n }),
      fc.constant({ bands: b, clamp }),
    );
  });
}

describe('scoreColumns grid loops', () => {
  test.prop([rowsOf(fc.integer({ min: 1, max: 40 }))])(
    'cells on the edges of the grid test (outside by a step, ulps off, -0, subnormals, NaN) score as score does',
    ([model, rows, settings]) => {
      checkRows(model, rows, settings);
    },
    60_000,
  );

  test.prop([rowsOf(fc.integer({ min: 2049, max: 2300 }))], { numRuns: 4 })(
    'past the first block, a grid loop that stops at an odd row leaves every other row as score scores it',
    ([model, rows, settings]) => {
      checkRows(model, rows, settings);
    },
    120_000,
  );

  test.prop(
    [
      fc.array(
        fc.tuple(
          ...potentialValueModel.factors.map((factor) =>
            fc.double({ min: factor.min.toNumber(), max: factor.max.toNumber(), noNaN: true }),
          ),
        ),
        { minLength: 8, maxLength: 16 },
      ),
    ],
    { numRuns: 2 },
  )(
    'copy: true, sparse, dense (copied whole, then read from the copy), sparse blocks: totals survive a change',
    (doubles) => {
      // block 0: every 97th row arbitrary doubles (kept row by row from the caller's columns);
      // block 1: every row (the whole-column copy); block 2 (partial): every 5th row
      const count = 2048 * 2 + 300;
      const grid = potentialValueModel.factors.map((factor) => factor.min.toNumber() + 0.5);
      const rows = Array.from({ length: count }, (_, i) => {
        const odd = i < 2048 ? i % 97 === 3 : i < 4096 || i % 5 === 0;
        return odd ? doubles[i % doubles.length]! : grid;
      });
      const columns = Object.fromEntries(
        potentialValueModel.factorIds.map((id, f) => [id, Float64Array.from(rows, (row) => row[f]!)]),
      );
      const scores = scoreColumns(potentialValueModel, columns, { copy: true });
      for (const column of Object.values(columns)) column.fill(Number.NaN);
      expect(scores.errors).toEqual([]);
      rows.forEach((row, i) => {
        if (i % 7 !== 0 && i % 97 !== 3) return; // a sample of the rows keeps the run short
        const expected = score(
          potentialValueModel,
          Object.fromEntries(potentialValueModel.factorIds.map((id, f) => [id, row[f]])),
        );
        expect([scores.total(i)?.toString(), scores.grade(i)]).toEqual([expected.total.toString(), expected.grade]);
      });
    },
    120_000,
  );
});
