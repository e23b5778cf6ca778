/**
 * Every fast path gives what `score`'s exact rational path gives, to the byte: the plan's integer
 * form (ratings in millionths), the lazily built explanation lines (read in any order, or never
 * before serialising), the streaming and portfolio forms, and the columnar path on ratings that
 * are plain numbers, arbitrary doubles (17 significant digits) and decimal strings, including
 * typed-array columns over several blocks with totals a hair from a grade edge.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  defineGradeBands,
  defineScorecard,
  potentialValueModel,
  score,
  scoreColumns,
  scoreEach,
  scorePortfolio,
  type ScoreOptions,
  type ScoreResult,
  type ScorecardDefinition,
} from '../../src/scoring/index.js';
import { factorsOf, scorecardWithRatings } from '../arbitraries/scorecard.js';

/**
 * The result's JSON with every factor's `raw` replaced by its string form (the only field the input's type
 * shows in).
 */
function json(result: ScoreResult): string {
  const plain = JSON.parse(JSON.stringify(result)) as { factors: { raw: unknown }[] };
  for (const factor of plain.factors) factor.raw = factor.raw === null ? null : String(factor.raw);
  return JSON.stringify(plain);
}

/** The same ratings as decimal strings: `score` then takes the exact rational path. */
const asStrings = (ratings: Record<string, number>) =>
  Object.fromEntries(Object.entries(ratings).map(([key, value]) => [key, String(value)]));

const graded: ScoreOptions = { bands: potentialValueModel.grades };

/** A cut point in (0, 100) with 0 to 9 decimals: past six, `edge × denominator` is rarely a whole number. */
const cutPoint = fc
  .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }))
  .map(([whole, places, digits]) =>
    places === 0 ? `${whole}` : `${whole}.${String(digits).padStart(9, '0').slice(0, places)}`,
  );

/** Grade bands over [0, 100] cut at 1–4 such points, each edge open or closed at random. */
const bandsWithFineEdges = fc
  .uniqueArray(cutPoint, { minLength: 1, maxLength: 4, selector: (cut) => Number(cut) })
  .chain((cuts) =>
    fc.tuple(fc.constant(cuts), fc.array(fc.boolean(), { minLength: cuts.length, maxLength: cuts.length })),
  )
  .map(([cuts, closed]) => {
    const order = cuts
      .map((cut, index) => ({ cut, closed: closed[index]! }))
      .sort((a, b) => Number(b.cut) - Number(a.cut));
    const bands = order.map(({ cut, closed: lowerClosed }, index) => {
      const above = index === 0 ? '100]' : `${order[index - 1]!.cut}${order[index - 1]!.closed ? ')' : ']'}`;
      return { id: `G${index}`, interval: `${lowerClosed ? '[' : '('}${cut}, ${above}` };
    });
    const last = order[order.length - 1]!;
    bands.push({ id: `G${order.length}`, interval: `[0, ${last.cut}${last.closed ? ')' : ']'}` });
    return defineGradeBands({ id: 'fine', bands });
  });

describe('fast paths are byte-identical to the exact path', () => {
  test.prop([scorecardWithRatings, fc.boolean()])(
    'integer form (numbers) and exact form (decimal strings) give the same result',
    ({ definition, ratings }, withBands) => {
      const model = defineScorecard(definition);
      const options = withBands ? graded : undefined;
      expect(json(score(model, ratings, options))).toBe(json(score(model, asStrings(ratings), options)));
    },
  );

  test.prop([scorecardWithRatings, bandsWithFineEdges])(
    'grading: the points to the next grade agree whatever the edges (whole numerators or not)',
    ({ definition, ratings }, bands) => {
      const model = defineScorecard(definition);
      const fast = score(model, ratings, { bands });
      expect(json(fast)).toBe(json(score(model, asStrings(ratings), { bands })));
      expect(fast.nextGrade?.points.toString() ?? null).toBe(fast.pointsToNextGrade?.toString() ?? null);
    },
  );

  test.prop([scorecardWithRatings, fc.constantFrom('factors', 'categories', 'none')])(
    'lazy lines: reading them in any order (or not at all) before serialising gives the exact JSON',
    ({ definition, ratings }, first) => {
      const model = defineScorecard(definition);
      const result = score(model, ratings, graded);
      if (first === 'factors') void result.factors[0];
      if (first === 'categories') void result.categories[0];
      const exact = score(model, asStrings(ratings), graded);
      expect(json(result)).toBe(json(exact));
      expect(JSON.stringify(result)).toBe(JSON.stringify(score(model, ratings, graded)));
    },
  );

  test.prop([scorecardWithRatings])(
    'scoreEach and scorePortfolio give score’s result for every record',
    ({ definition, ratings }) => {
      const model = defineScorecard(definition);
      const expected = JSON.stringify(score(model, ratings, graded));
      const records = [{ id: 'a', ratings }];
      const [outcome] = [...scoreEach(model, records, graded)];
      expect(outcome?.ok && JSON.stringify(outcome.result)).toBe(expected);
      expect(JSON.stringify(scorePortfolio(model, records, graded).results[0]?.result)).toBe(expected);
    },
  );

  test.prop([scorecardWithRatings, fc.boolean(), fc.boolean(), fc.constantFrom<'min' | 'exclude'>('min', 'exclude')])(
    'explain: false gives the full result without its lines, on either path and in every batch form',
    ({ definition, ratings }, strings, drop, missing) => {
      const model = defineScorecard(definition);
      // strings, or a rating left out (imputed or excluded under `missing`): the exact path
      const rated: Record<string, number | string> = strings ? asStrings(ratings) : { ...ratings };
      if (drop && Object.keys(rated).length > 1) delete rated[Object.keys(rated)[0]!];
      const given = rated;
      const options = { ...graded, missing };
      const full = JSON.parse(JSON.stringify(score(model, given, options))) as Record<string, unknown>;
      delete full['categories'];
      delete full['factors'];
      const summary = score(model, given, { ...options, explain: false });
      expect(JSON.stringify(summary)).toBe(JSON.stringify(full));
      expect(Object.keys(summary)).toEqual(Object.keys(full));
      const records = [{ id: 'a', ratings: given }];
      const [outcome] = [...scoreEach(model, records, { ...options, explain: false })];
      expect(outcome?.ok && JSON.stringify(outcome.result)).toBe(JSON.stringify(full));
      const portfolio = scorePortfolio(model, records, { ...options, explain: false });
      expect(JSON.stringify(portfolio.results[0]?.result)).toBe(JSON.stringify(full));
    },
  );

  test.prop([
    scorecardWithRatings.chain(({ definition }) =>
      fc.array(rowFor(definition), { minLength: 1, maxLength: 6 }).map((rows) => ({ definition, rows })),
    ),
    fc.constantFrom(undefined, true, false),
  ])('scoreColumns: every total and grade is score’s, whatever the cells and copy', ({ definition, rows }, copy) => {
    const model = defineScorecard(definition);
    const columns = Object.fromEntries(
      factorsOf(definition).map((factor) => [factor.id, rows.map((row) => row[factor.id])]),
    );
    const scores = scoreColumns(model, columns, { ...graded, copy });
    expect(scores.errors).toEqual([]);
    rows.forEach((row, i) => {
      const expected = score(model, row, graded);
      expect(scores.total(i)?.toString()).toBe(expected.total.toString());
      expect(scores.grade(i)).toBe(expected.grade);
    });
  });
});

/** A row of cells in range: a number on a 0.01 grid, an arbitrary double, or a decimal string. */
function rowFor(definition: ScorecardDefinition): fc.Arbitrary<Record<string, number | string>> {
  const factors = factorsOf(definition);
  return fc
    .tuple(
      ...factors.map((factor) =>
        fc.oneof(
          fc.integer({ min: Math.round(factor.min * 100), max: Math.round(factor.max * 100) }).map((n) => n / 100),
          fc.double({ min: factor.min, max: factor.max, noNaN: true, noDefaultInfinity: true }),
          fc
            .integer({ min: Math.round(factor.min * 1000), max: Math.round(factor.max * 1000) })
            .map((n) => (n / 1000).toFixed(3)),
        ),
      ),
    )
    .map((values) => Object.fromEntries(factors.map((factor, index) => [factor.id, values[index]!])));
}

/** The rows of the default model on the half-point grid, moved onto a grade edge when they can be. */
const factorRanges = potentialValueModel.factors.map((factor) => [factor.min.toNumber(), factor.max.toNumber()]);

/**
 * A row of the default model (total = Σ ratings) whose ratings sum to a grade edge (40, 60 or 80)
 * when the ranges allow, each then nudged by a few units of 2^-40: arbitrary doubles whose total
 * is within a hair of the edge, where only the exact decision can grade it.
 */
const nearEdgeRow = fc
  .record({
    grid: fc.tuple(...factorRanges.map(([min, max]) => fc.integer({ min: min! * 2, max: max! * 2 }).map((n) => n / 2))),
    edge: fc.constantFrom(40, 60, 80),
    nudges: fc.array(fc.integer({ min: -3, max: 3 }), {
      minLength: factorRanges.length,
      maxLength: factorRanges.length,
    }),
  })
  .map(({ grid, edge, nudges }) => {
    let gap = edge - grid.reduce((total, value) => total + value, 0);
    const onEdge = grid.map((value, f) => {
      const [min, max] = factorRanges[f]!;
      const moved = Math.min(max!, Math.max(min!, value + gap));
      gap -= moved - value;
      return moved;
    });
    const nudged = onEdge.map((value, f) => {
      const [min, max] = factorRanges[f]!;
      const next = value + nudges[f]! * 2 ** -40;
      return next >= min! && next <= max! ? next : value;
    });
    return { grid, nudged };
  });

describe('scoreColumns over several blocks of typed-array columns', () => {
  test.prop([fc.array(nearEdgeRow, { minLength: 20, maxLength: 40 })], { numRuns: 2 })(
    'near-edge doubles, dense and sparse blocks: totals and grades are score’s, with copy: true even after a change',
    (samples) => {
      // block 0: every row nudged (read on the bounded-error path, copied whole); block 1: grid rows
      // with every 300th nudged (kept row by row); then a partial block mixing both
      const count = 2048 * 2 + 517;
      const rows = Array.from({ length: count }, (_, i) => {
        const sample = samples[i % samples.length]!;
        const nudged = i < 2048 || (i < 4096 ? i % 300 === 7 : i % 3 === 0);
        return nudged ? sample.nudged : sample.grid;
      });
      const columns = Object.fromEntries(
        potentialValueModel.factorIds.map((id, f) => [id, Float64Array.from(rows, (row) => row[f]!)]),
      );
      const scores = scoreColumns(potentialValueModel, columns, { copy: true });
      for (const column of Object.values(columns)) column.fill(Number.NaN); // the result keeps its own copy
      expect(scores.errors).toEqual([]);
      rows.forEach((row, i) => {
        const expected = score(
          potentialValueModel,
          Object.fromEntries(potentialValueModel.factorIds.map((id, f) => [id, row[f]])),
        );
        expect(scores.total(i)?.toString()).toBe(expected.total.toString());
        expect(scores.grade(i)).toBe(expected.grade);
      });
    },
    120_000,
  );
});
