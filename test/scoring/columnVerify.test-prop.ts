/**
 * scoreColumns' default with `Float64Array` columns: the cells of rows beyond the integer path are
 * not copied but fingerprinted during the call, and `total(i)` reads the caller's columns once the
 * row's fingerprint matches. These laws change one cell of such a row after the call (to any
 * double, to one differing in a single bit, `-0` for `0`, NaN) and expect `total(i)` to refuse that
 * row with a `ValidationError` at `columns[i]` while every other row keeps its exact total; with
 * `copy: true` the original total survives. (Columns that are not `Float64Array` are still copied:
 * batch.test.ts.)
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  defineScorecard,
  potentialValueBands,
  score,
  scoreColumns,
  ValidationError,
  type ColumnScores,
} from '../../src/scoring/index.js';

const labels = (text: string) => ({ en: text, 'zh-CN': text });

/** Factor ranges: negative, straddling zero, positive, so that `0` and `-0` are ratings too. */
const RANGES = [
  { min: -10, max: 10 },
  { min: 0, max: 5 },
  { min: -3, max: 0 },
  { min: 0, max: 100 },
  { min: 1, max: 7 },
  { min: -1, max: 1 },
] as const;

const model = defineScorecard({
  id: 'verify',
  normalisation: 'minmax',
  categories: [
    { range: RANGES.slice(0, 3), weight: '0.6' },
    { range: RANGES.slice(3), weight: '0.4' },
  ].map(({ range, weight }, c) => ({
    id: `c${c}`,
    labels: labels(`c${c}`),
    weight,
    factors: range.map(({ min, max }, f) => ({ id: `f${c * 3 + f}`, labels: labels(`f${c * 3 + f}`), min, max })),
  })),
});
const settings = { bands: potentialValueBands };

/** A row graded beyond the integer path: its first rating is a third (never six decimals). */
const keptRow = fc.tuple(
  fc
    .integer({ min: -29, max: 29 })
    .filter((n) => n % 3 !== 0)
    .map((n) => n / 3),
  ...RANGES.slice(1).map(({ min, max }) =>
    fc.oneof(
      fc.double({ min, max, noNaN: true }),
      fc.integer({ min: min * 2, max: max * 2 }).map((n) => n / 2),
      fc.constant(min <= 0 && max >= 0 ? 0 : min),
    ),
  ),
);
/** A row on the half-point grid (the integer path). */
const gridRow = fc.tuple(...RANGES.map(({ min, max }) => fc.integer({ min: min * 2, max: max * 2 }).map((n) => n / 2)));

/** How one cell of the chosen row is changed after the call. */
type Change =
  | { readonly kind: 'any'; readonly value: number }
  | { readonly kind: 'bit'; readonly bit: number }
  | { readonly kind: 'NaN' }
  | { readonly kind: 'zero' };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.double().map((value) => ({ kind: 'any' as const, value })),
  fc.integer({ min: 0, max: 63 }).map((bit) => ({ kind: 'bit' as const, bit })),
  fc.constant({ kind: 'NaN' as const }),
  fc.constant({ kind: 'zero' as const }),
);

/** The factors whose range holds 0 besides the first (whose third keeps the row off the integer path). */
const ZERO_FACTORS = [1, 2, 3, 5];

/**
 * A change, its cell and row: the row is the `pick`-th of the kept ones, the factor `factor`; a
 * `zero` change first sets a factor whose range holds 0 to `0` (before the call) and then to `-0`.
 */
interface Target {
  readonly pick: number;
  readonly factor: number;
  readonly change: Change;
}

const target: fc.Arbitrary<Target> = fc.record({
  pick: fc.nat(),
  factor: fc.nat({ max: RANGES.length - 1 }),
  change,
});

/** The cells of `rows` as columns, one `Float64Array` per factor. */
function typedColumns(rows: readonly (readonly number[])[]): Record<string, Float64Array> {
  return Object.fromEntries(model.factorIds.map((id, f) => [id, Float64Array.from(rows, (row) => row[f]!)]));
}

/** What `score` gives for a row, as `[total, grade]` strings. */
function scoreOf(row: readonly number[]): [string, string | null] {
  const result = score(model, Object.fromEntries(model.factorIds.map((id, f) => [id, row[f]])), settings);
  return [result.total.toString(), result.grade];
}

/** The row `target` names and its factor: a `zero` change first puts a 0 in a factor that allows it. */
function prepare(rows: number[][], { pick, factor, change: what }: Target): { row: number; factor: number } {
  const kept = rows.flatMap((cells, i) => (Number.isInteger(cells[0]! * 2) ? [] : [i]));
  const row = kept[pick % kept.length]!;
  if (what.kind !== 'zero') return { row, factor };
  const zeroFactor = ZERO_FACTORS[factor % ZERO_FACTORS.length]!;
  rows[row]![zeroFactor] = 0;
  return { row, factor: zeroFactor };
}

/** Applies the change to cell `row` of `column`; false when it leaves every bit as it was. */
function applyChange(column: Float64Array, row: number, what: Change): boolean {
  const words = new Int32Array(column.buffer, column.byteOffset, column.length * 2);
  const before = [words[2 * row], words[2 * row + 1]];
  if (what.kind === 'any') column[row] = what.value;
  else if (what.kind === 'NaN') column[row] = Number.NaN;
  else if (what.kind === 'zero') column[row] = -0;
  else words[2 * row + (what.bit >> 5)]! ^= 1 << (what.bit & 31);
  return words[2 * row] !== before[0] || words[2 * row + 1] !== before[1];
}

/** The error `total(row)` throws (fails the test when it does not throw). */
function errorOfTotal(scores: ColumnScores, row: number): unknown {
  try {
    scores.total(row);
  } catch (error) {
    return error;
  }
  throw new Error(`total(${row}) did not throw`);
}

/**
 * Scores `rows` by default and with `copy: true`, changes the target cell, and checks: the default
 * refuses that row at `columns[row]` and gives every other row its exact total; `copy: true` gives
 * every row its original total; the cell changed back, the default gives the row's total again.
 */
function checkChange(rows: number[][], chosen: Target): void {
  const { row, factor } = prepare(rows, chosen);
  const columns = typedColumns(rows);
  const verified = scoreColumns(model, columns, settings);
  const copied = scoreColumns(model, columns, { ...settings, copy: true });
  const wanted = rows.map(scoreOf);
  expect(Number.isNaN(verified.numerators[row]!)).toBe(true); // the row is graded beyond the integer path
  const column = columns[model.factorIds[factor]!]!;
  const original = column[row]!;
  fc.pre(applyChange(column, row, chosen.change));
  const error = errorOfTotal(verified, row);
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).issues).toEqual([
    expect.objectContaining({ path: `columns[${row}]`, expected: expect.stringContaining('copy: true') }),
  ]);
  expect(verified.grade(row)).toBe(wanted[row]![1]); // grades were decided during the call
  wanted.forEach(([total, grade], i) => {
    expect([copied.total(i)?.toString(), copied.grade(i)]).toEqual([total, grade]);
    if (i !== row) expect([verified.total(i)?.toString(), verified.grade(i)]).toEqual([total, grade]);
  });
  column[row] = original;
  expect(verified.total(row)?.toString()).toBe(wanted[row]![0]);
}

describe('scoreColumns by default: fingerprinted rows', () => {
  test.prop([fc.array(fc.oneof(keptRow, gridRow), { minLength: 1, maxLength: 30 }), keptRow, target])(
    'after one cell of a row beyond the integer path changes, total(i) of that row throws at columns[i]; ' +
      'every other row keeps its exact total; copy: true keeps the original',
    (rows, extra, chosen) => {
      checkChange(
        [...rows, extra].map((cells) => [...cells]),
        chosen,
      );
    },
    60_000,
  );

  test.prop([fc.array(keptRow, { minLength: 4, maxLength: 12 }), gridRow, target], { numRuns: 4 })(
    'past one block (sparse, dense, sparse): a changed cell is found in any of them',
    (pool, grid, chosen) => {
      // block 0: every 97th row kept (fingerprinted row by row); block 1: every row (the block loop);
      // block 2 (partial): every 5th row
      const rows = Array.from({ length: 2048 * 2 + 300 }, (_, i) => {
        const odd = i < 2048 ? i % 97 === 3 : i < 4096 || i % 5 === 0;
        return [...(odd ? pool[i % pool.length]! : grid)];
      });
      checkChange(rows, chosen);
    },
    120_000,
  );
});
