/**
 * Row-by-row checks of `scoreColumns` against `score`, shared by the columnar property tests: the
 * total, grade or error of every row, the integer numerators, and the same answers whether a
 * column is a plain array or a `Float64Array`, and whatever `copy` says (left out, `true`, `false`).
 */
import { Decimal } from 'decimal.js';
import { expect } from 'vitest';
import { score, scoreColumns, type ScoreOptions, type Scorecard } from '../../src/scoring/index.js';

const Digits40 = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** What `score` says of one record: total and grade, or the issues of its error. */
function expected(model: Scorecard, record: Record<string, unknown>, settings: ScoreOptions): unknown {
  try {
    const result = score(model, record, settings);
    return { total: result.total.toString(), grade: result.grade };
  } catch (error) {
    return { issues: JSON.stringify((error as { issues: unknown }).issues) };
  }
}

/**
 * Checks every row of `scoreColumns` against `score`, with the columns as plain arrays and again
 * with every all-number column as a `Float64Array` (pass 1 reads those in a loop of its own), the
 * typed columns under each value of `copy` (the default fingerprints them, `true` copies them,
 * `false` reads them as they are).
 */
export function checkRows(model: Scorecard, rows: readonly (readonly unknown[])[], settings: ScoreOptions): void {
  const ids = model.factorIds;
  const arrays = ids.map((_, f) => rows.map((row) => row[f]));
  const typed = arrays.map((column) =>
    column.every((cell) => typeof cell === 'number') ? Float64Array.from(column as number[]) : column,
  );
  const wanted = rows.map((row) => expected(model, Object.fromEntries(ids.map((id, f) => [id, row[f]])), settings));
  const plain = scoreColumns(model, Object.fromEntries(ids.map((id, f) => [id, arrays[f]!])), settings);
  checkScores(wanted, plain);
  for (const copy of [undefined, true, false]) {
    const fromTyped = scoreColumns(model, Object.fromEntries(ids.map((id, f) => [id, typed[f]!])), {
      ...settings,
      copy,
    });
    expect(Array.from(fromTyped.numerators)).toEqual(Array.from(plain.numerators));
    expect(Array.from(fromTyped.grades)).toEqual(Array.from(plain.grades));
    checkScores(wanted, fromTyped);
  }
}

/** Checks each row's total, grade or error against what `score` says of it (`wanted`). */
function checkScores(wanted: readonly unknown[], scores: ReturnType<typeof scoreColumns>): void {
  const errors = new Map(scores.errors.map((error) => [error.index, error]));
  wanted.forEach((expectedRow, i) => {
    const error = errors.get(i);
    const actual = error
      ? { issues: JSON.stringify(error.issues) }
      : { total: scores.total(i)?.toString(), grade: scores.grade(i) };
    expect(actual).toEqual(expectedRow);
    const numerator = scores.numerators[i]!;
    // an integer numerator is the total over the common denominator (rounded to 40 digits as totals are)
    if (!Number.isNaN(numerator))
      expect(new Digits40(numerator).div(scores.denominator!.toString()).toString()).toBe(scores.total(i)!.toString());
  });
}

/** Steps a double `k` units in the last place (k may be negative), through zero and subnormals. */
export function ulpStep(value: number, k: number): number {
  const view = new DataView(new ArrayBuffer(8));
  let current = value;
  for (let step = 0; step < Math.abs(k); step++) {
    if (current === 0) {
      current = k > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
      continue;
    }
    view.setFloat64(0, current);
    const bits = view.getBigInt64(0);
    view.setBigInt64(0, current > 0 === k > 0 ? bits + 1n : bits - 1n);
    current = view.getFloat64(0);
  }
  return current;
}
