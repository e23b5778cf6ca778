/**
 * Exact cores of the portfolio measures, on values already read (all ≥ 0).
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal, ZERO } from '../../shared/numeric.js';
import { rational, toDecimal as rationalToDecimal } from '../../shared/rational.js';

/** The HHI in points, 10,000 × Σ v² / (Σ v)², computed exactly on integers and rounded once. */
export function hhiPoints(values: readonly Decimal[]): Decimal {
  let places = 0;
  for (const value of values) places = Math.max(places, value.decimalPlaces());
  const scale = new ExactDecimal(10).pow(places);
  let sum = 0n;
  let squares = 0n;
  for (const value of values) {
    const scaled = BigInt(value.times(scale).toFixed(0));
    sum += scaled;
    squares += scaled * scaled;
  }
  if (sum === 0n) return ZERO;
  return rationalToDecimal(rational(10_000n * squares, sum * sum));
}

/** Sum of the values at the first `count` positions of `order`. */
export function sumOf(values: readonly Decimal[], order: readonly number[], count: number): Decimal {
  let total = ZERO;
  for (let k = 0; k < count; k++) total = total.plus(values[order[k]!]!);
  return total;
}
