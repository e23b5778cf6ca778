/**
 * Private helpers of the outcomes module: reading scores, outcomes and grades from whatever the
 * other modules return (live or read back from JSON), exact fractions, and the Wilson interval.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal, toDecimal, tryDecimal } from '../shared/numeric.js';
import { fail } from '../shared/errors.js';
import { rational, type Rational } from '../shared/rational.js';

/** The fields a result may carry its score in, in the order they are tried. */
const SCORE_FIELDS = ['total', 'risk', 'value', 'score'] as const;
/** The fields a result may carry its grade in, in the order they are tried. */
const GRADE_FIELDS = ['grade', 'level', 'customerClass', 'class', 'tier'] as const;

/** Reads one score: a number, numeric string, Decimal, or a result with `total` / `risk` / `value` / `score`. */
export function readScore(value: unknown, path: string): Decimal {
  const direct = tryDecimal(value);
  if (direct !== undefined) return direct;
  if (typeof value === 'object' && value !== null) {
    for (const field of SCORE_FIELDS) {
      if (Object.prototype.hasOwnProperty.call(value, field))
        return toDecimal((value as Record<string, unknown>)[field], `${path}.${field}`);
    }
  }
  return fail(
    path,
    'a score: a number, decimal string, Decimal, or a result with total, risk, value or score',
    value,
    undefined,
    'not_numeric',
  );
}

/** Reads one outcome: 0, 1, false or true. */
export function readOutcome(value: unknown, path: string): 0 | 1 {
  if (value === 1 || value === true) return 1;
  if (value === 0 || value === false) return 0;
  return fail(path, 'an outcome: 0, 1, false or true', value);
}

/** Reads one grade: a string, or a result with `grade` / `level` / `customerClass` / `class` / `tier` (an object with
 * an `id` there is read by its id). */
export function readGrade(value: unknown, path: string): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'object' && value !== null) {
    for (const field of GRADE_FIELDS) {
      if (!Object.prototype.hasOwnProperty.call(value, field)) continue;
      const found = (value as Record<string, unknown>)[field];
      if (typeof found === 'string' && found !== '') return found;
      if (typeof found === 'object' && found !== null && typeof (found as { id?: unknown }).id === 'string')
        return (found as { id: string }).id;
      return fail(`${path}.${field}`, 'a grade id (non-empty string)', found);
    }
  }
  return fail(path, 'a grade: a non-empty string, or a result with grade, level, customerClass, class or tier', value);
}

/** Checks that `value` is an array and returns it. */
export function readArray(value: unknown, path: string, context: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array', value, context);
  return value;
}

/** Reads the outcomes beside `length` records, checking the lengths match. */
export function readOutcomes(value: unknown, length: number, context: string): Uint8Array {
  const list = readArray(value, 'outcomes', context);
  if (list.length !== length)
    fail(
      'outcomes',
      `an array of the same length as the records (${length})`,
      `an array of length ${list.length}`,
      context,
    );
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = readOutcome(list[i], `outcomes[${i}]`);
  return out;
}

/** An exact fraction written `p/q` (or `p` when whole). */
export function formatFraction(value: Rational): string {
  return value.denominator === 1n ? value.numerator.toString() : `${value.numerator}/${value.denominator}`;
}

/** `numerator / denominator` as an exact rational (integers). */
export function fractionOf(numerator: number | bigint, denominator: number | bigint): Rational {
  return rational(BigInt(numerator), BigInt(denominator));
}

/** `numerator / denominator` as a decimal of the library's context, or `null` when the denominator is zero. */
export function ratio(numerator: Decimal | number, denominator: Decimal | number): Decimal | null {
  const bottom = new ExactDecimal(denominator);
  return bottom.isZero() ? null : new ExactDecimal(numerator).div(bottom);
}

/** The normal quantile of a 95 % two-sided interval. */
export const Z95 = 1.959963984540054;

/**
 * The Wilson score interval of a binomial proportion (Wilson 1927, "Probable inference, the law
 * of succession, and statistical inference", JASA 22:209–212), `null` for an empty group.
 */
export function wilsonInterval(events: number, count: number, z: number): { lower: number; upper: number } | null {
  if (count === 0) return null;
  const p = events / count;
  const z2 = z * z;
  const centre = p + z2 / (2 * count);
  const spread = z * Math.sqrt((p * (1 - p)) / count + z2 / (4 * count * count));
  const scale = 1 + z2 / count;
  return { lower: Math.max(0, (centre - spread) / scale), upper: Math.min(1, (centre + spread) / scale) };
}

/** The median of a list of numbers (mean of the middle two for an even count), `null` when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A rational as a decimal of the library's context: exact when it terminates within 40 digits, otherwise correctly
 * rounded. */
export function decimalOf(value: Rational): Decimal {
  const numerator = new ExactDecimal(value.numerator.toString());
  return value.denominator === 1n ? numerator : numerator.div(value.denominator.toString());
}
