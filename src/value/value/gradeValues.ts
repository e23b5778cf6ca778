import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { ExactDecimal, ZERO } from '../../shared/numeric.js';
import { largestFirst, readAccountValues, type AccountValue } from '../internal/values.js';
import { DecimalDigits, RoundedSum, comparable } from '../internal/roundedSum.js';
import type { ValueGrader } from './defineValueGrader.js';
import type { ModelRef } from '../../shared/model.js';
import { readInput } from '../../shared/input.js';

/**
 * How many accounts got one grade and what they are worth.
 * @category Value
 */
export interface GradeSummary {
  readonly id: string;
  readonly count: number;
  /** Sum of the values graded so. */
  readonly value: Decimal;
  /** Smallest and largest value graded so (`null` when none). */
  readonly min: Decimal | null;
  readonly max: Decimal | null;
}

/**
 * Grades for a list of values, in input order, with a summary per grade.
 * @category Value
 */
export interface GradeValuesResult {
  /** `grades[i]` is the grade of `values[i]`. */
  readonly grades: string[];
  /** One entry per grade of the grader, best first. */
  readonly summary: GradeSummary[];
  readonly grader: ModelRef;
}

/**
 * Turns values into grades with a compiled {@link ValueGrader} (SPEC §2: thresholds, rank
 * quantiles, cumulative-share ABC cut points).
 *
 * Tie handling, the same for every method: equal values always get the same grade.
 * - `thresholds`: a value gets the first grade whose `min` it reaches (`value ≥ min`).
 * - `quantiles`: a value gets the first grade whose `upTo` exceeds the share of accounts with a
 *   strictly larger value (`#{larger} / n < upTo`). Without ties the top ⌈upTo·n⌉ accounts get
 *   the grade; a tie group straddling a cut point goes wholly to the better grade.
 * - `cumulativeShare`: the same with value instead of count (`Σ{larger} / total < upTo`), so the
 *   account that crosses a cut point belongs to the better grade, as in Pareto analysis. Values
 *   must be ≥ 0; when they are all 0 every account gets the best grade.
 * Every method is monotone: a larger value never gets a worse grade.
 *
 * @param values - Numbers, or `{ id, value }` objects.
 * @throws {ValidationError} on a non-numeric value, or a negative one with `cumulativeShare`.
 * @example
 * ```ts
 * import { abcValueGrader, gradeValues } from 'clientele';
 * // 60 + 25 = 85 % of the value: A is the first 80 %, so the account crossing 80 % is A too
 * gradeValues([60, 25, 10, 4, 1], abcValueGrader).grades; // ['A', 'A', 'B', 'C', 'D']
 * ```
 * @category Value
 */
export function gradeValues(values: readonly AccountValue[], given: ValueGrader): GradeValuesResult {
  const context = 'gradeValues';
  const grader = readInput(given, 'grader', context);
  if (typeof grader !== 'object' || grader === null || grader.kind !== 'valueGrader') {
    fail('grader', 'a grader made by defineValueGrader', grader, context, 'not_a_model');
  }
  const read = readAccountValues(values, 'values', context, grader.method !== 'cumulativeShare');
  const indices = assignGrades(read.values, read.total, grader);
  const grades = indices.map((index) => grader.grades[index]!.id);
  const summary = grader.grades.map((grade) => ({
    id: grade.id,
    count: 0,
    value: ZERO,
    min: null as Decimal | null,
    max: null as Decimal | null,
  }));
  indices.forEach((gradeIndex, index) => {
    const entry = summary[gradeIndex]!;
    const value = read.values[index]!;
    entry.count++;
    entry.value = entry.value.plus(value);
    if (entry.min === null || value.lt(entry.min)) entry.min = value;
    if (entry.max === null || value.gt(entry.max)) entry.max = value;
  });
  return { grades, summary, grader: { id: grader.id, version: grader.version, fingerprint: grader.fingerprint } };
}

/**
 * The cumulative-share walk: each tie group (equal values, largest first) gets the first grade
 * whose cut point `upTo × total` exceeds the value of the accounts before it. That value is the
 * running sum decimal.js would hold (`before.plus(groupMass)`, a group's mass itself a sum of its
 * values), computed on integers (`roundedSum.ts`), so the grades are the decimal walk's.
 */
function cumulativeGrades(
  digits: DecimalDigits,
  total: Decimal,
  grader: ValueGrader,
  order: readonly number[],
  result: number[],
): void {
  const last = grader.grades.length - 1;
  const cuts = grader.grades.map((item) => (item.upTo === null ? null : comparable(item.upTo.times(total))));
  const before = new RoundedSum();
  let grade = 0;
  let position = 0;
  while (position < order.length) {
    if (grade === last) {
      // the last grade takes every remaining account; no share can move it
      for (; position < order.length; position++) result[order[position]!] = last;
      break;
    }
    const first = order[position]!;
    let end = position + 1;
    while (end < order.length && digits.equal(order[end]!, first)) end++;
    while (grade < last && !total.isZero() && before.compare(cuts[grade]!) >= 0) grade++;
    for (let k = position; k < end; k++) result[order[k]!] = grade;
    if (end - position === 1) before.addAt(digits, first);
    else before.addSum(digits.sumOf(order.slice(position, end), end - position));
    position = end;
  }
}

/**
 * The grade index (into `grader.grades`) of every value. Shared with `assessPortfolio`.
 * @internal
 */
export function assignGrades(
  values: readonly Decimal[],
  total: Decimal,
  grader: ValueGrader,
  sorted?: readonly number[],
  digits?: DecimalDigits,
): number[] {
  const result = new Array<number>(values.length);
  const last = grader.grades.length - 1;
  if (grader.method === 'thresholds') {
    for (let index = 0; index < values.length; index++) {
      let grade = 0;
      while (grade < last && values[index]!.lt(grader.grades[grade]!.min!)) grade++;
      result[index] = grade;
    }
    return result;
  }
  const order = sorted ?? largestFirst(values);
  if (grader.method === 'cumulativeShare') {
    cumulativeGrades(digits ?? new DecimalDigits(values), total, grader, order, result);
    return result;
  }
  const whole = new ExactDecimal(values.length);
  let before = 0; // number of accounts strictly larger than the current tie group
  let grade = 0;
  const cuts = grader.grades.map((item) => (item.upTo === null ? null : item.upTo.times(whole)));
  let position = 0;
  while (position < order.length) {
    if (grade === last) {
      // the last grade takes every remaining account; no share can move it
      for (; position < order.length; position++) result[order[position]!] = last;
      break;
    }
    const groupValue = values[order[position]!]!;
    let end = position + 1;
    while (end < order.length && values[order[end]!]!.eq(groupValue)) end++;
    // the first grade whose cut point exceeds the share before this group (shares only grow, so
    // the grade only moves down the list)
    while (grade < last && !whole.isZero() && cuts[grade]!.lte(before)) grade++;
    for (let k = position; k < end; k++) result[order[k]!] = grade;
    before += end - position;
    position = end;
  }
  return result;
}
