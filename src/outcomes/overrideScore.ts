import type { Decimal } from 'decimal.js';
import { fail } from '../shared/errors.js';
import { readInput } from '../shared/input.js';
import { formatDay, readInstant, type DateInput } from '../shared/dates.js';
import { toDecimal } from '../shared/numeric.js';
import { withDisplay } from '../shared/display.js';

/** A manual override of a computed score: what it sets, why, who, and until when. @category Outcomes */
export interface ScoreOverride {
  /** The total to use instead of the computed one (optional if `grade` is given). */
  readonly total?: number | string | Decimal | undefined;
  /** The grade to use instead of the computed one (optional if `total` is given). */
  readonly grade?: string | undefined;
  readonly reason: string;
  readonly author: string;
  /** The override stops applying on this date (it is inactive from `expiresAt` on). */
  readonly expiresAt: DateInput;
}

/** The result of {@link overrideScore}: the computed score kept beside the override. @category Outcomes */
export interface OverriddenScore {
  /** The computed total and grade, unchanged. */
  readonly computed: { readonly total: Decimal; readonly grade: string | null };
  readonly override: {
    readonly total: Decimal | null;
    readonly grade: string | null;
    readonly reason: string;
    readonly author: string;
    readonly expiresAt: string;
  };
  /** `true` when the override applies at `asOf` (before `expiresAt`). */
  readonly active: boolean;
  /** What to show: the override's fields while it is active, the computed ones otherwise. */
  readonly effective: {
    readonly total: Decimal;
    readonly grade: string | null;
    readonly source: 'override' | 'computed';
  };
  /** The override's total minus the computed total while it is active, otherwise `null`. */
  readonly difference: Decimal | null;
}

/**
 * Puts a manual override (a reason, an author and an expiry) beside a computed score without
 * replacing it: the computed total and grade stay in the result, the effective ones say where
 * they come from, and an expired override stops applying by itself (as Gainsight's locked
 * measures do, but never silently).
 *
 * @example
 * ```ts
 * import { overrideScore } from 'clientele/outcomes';
 * const result = overrideScore(
 *   { total: '62', grade: 'B' },
 *   { grade: 'A', reason: 'signed a three-year framework deal', author: 'Li Na', expiresAt: '2027-03-31' },
 *   { asOf: '2026-11-01' },
 * );
 * result.effective; // { total: Decimal 62, grade: 'A', source: 'override' }
 * result.computed.grade; // 'B'
 * ```
 * @throws {ValidationError} when the score has no numeric `total`, the override has no total or
 *   grade, an empty reason or author, or a bad `expiresAt`, or `asOf` is missing.
 * @category Outcomes
 */
export function overrideScore(
  givenResult: unknown,
  override: ScoreOverride,
  givenOptions: { readonly asOf: DateInput },
): OverriddenScore {
  // every argument read through the boundary reader: a revoked proxy or a throwing getter is a ValidationError
  const result = readInput(givenResult, 'result', 'overrideScore');
  const options = readInput(givenOptions, 'options', 'overrideScore');
  const read = readInput(override, 'override', 'overrideScore');
  if (typeof result !== 'object' || result === null)
    fail('result', 'a score result with total and grade', result, 'overrideScore');
  const computed = {
    total: toDecimal((result as { total?: unknown }).total, 'result.total'),
    grade: readGradeField((result as { grade?: unknown }).grade),
  };
  if (typeof read !== 'object' || read === null)
    fail('override', 'an override with reason, author and expiresAt', read, 'overrideScore');
  const total = read.total === undefined ? null : toDecimal(read.total, 'override.total');
  const grade = read.grade === undefined ? null : read.grade;
  if (grade !== null && (typeof grade !== 'string' || grade === ''))
    fail('override.grade', 'a grade id', grade, 'overrideScore');
  if (total === null && grade === null) fail('override', 'a total or a grade to set', read, 'overrideScore');
  for (const field of ['reason', 'author'] as const) {
    if (typeof read[field] !== 'string' || read[field].trim() === '')
      fail(`override.${field}`, 'a non-empty string', read[field], 'overrideScore');
  }
  const expires = readInstant(read.expiresAt, 'override.expiresAt', 'overrideScore');
  if (typeof options !== 'object' || options === null) fail('options', 'options with asOf', options, 'overrideScore');
  const asOf = readInstant(options.asOf, 'options.asOf', 'overrideScore');
  const active = asOf < expires;
  const effective = active
    ? { total: total ?? computed.total, grade: grade ?? computed.grade, source: 'override' as const }
    : { ...computed, source: 'computed' as const };
  return withDisplay(
    Object.freeze({
      computed: Object.freeze(computed),
      override: Object.freeze({
        total,
        grade,
        reason: read.reason,
        author: read.author,
        expiresAt: formatDay(expires),
      }),
      active,
      effective: Object.freeze(effective),
      difference: active && total !== null ? total.minus(computed.total) : null,
    }),
    'Overridden score',
  );
}

function readGradeField(grade: unknown): string | null {
  if (grade === undefined || grade === null) return null;
  if (typeof grade !== 'string') fail('result.grade', 'a grade id or null', grade, 'overrideScore');
  return grade;
}
