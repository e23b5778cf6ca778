/**
 * The exactness guard of every integer fast path that reads a plain number as millionths.
 *
 * @module
 */

const MILLION = 1e6;

/**
 * A plain number as an integer count of millionths, or `NaN` when that is not its exact decimal
 * value.
 *
 * Proof. Let `s = round(value × 10^6)`. If the check `s / 10^6 === value` holds, the double
 * `value` is the double nearest to the decimal `s × 10^-6`. With `|s| ≤ 2^50` the decimals
 * `s × 10^-6` and `(s ± 1) × 10^-6` differ by 10^-6, while doubles of magnitude up to
 * 2^50 × 10^-6 < 2^31 are spaced at most 2^-22 < 10^-6 / 2 apart, so two different candidate
 * decimals can never round to the same double: the decimal the caller wrote (with at most six
 * places) is exactly `s × 10^-6`.
 */
export function toMillionths(value: number): number {
  const s = Math.round(value * MILLION);
  // NaN rather than null: a number-only return keeps hot loops monomorphic
  return s / MILLION === value && Math.abs(s) <= 2 ** 50 ? s : Number.NaN;
}
