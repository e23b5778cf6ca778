/**
 * Exact cores of the portfolio measures, on values already read (all ≥ 0).
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ZERO } from '../../shared/numeric.js';
import { rational, tenTo, rationalToDecimal } from '../../shared/rational.js';
import { DecimalDigits, RoundedSum, comparable } from './roundedSum.js';
import { limbSums } from './limbSquares.js';

/** Decimal digits of a limb (1 ≤ limb < 1e7, or 0). */
function limbDigits(limb: number): number {
  return limb >= 1e6 ? 7 : limb >= 1e5 ? 6 : limb >= 1e4 ? 5 : limb >= 1e3 ? 4 : limb >= 100 ? 3 : limb >= 10 ? 2 : 1;
}

/**
 * The exact value of a finite decimal as coefficient × 10^exponent, from its base-1e7 digits
 * (two limbs at a time: a pair is below 1e14, so it is an exact double).
 */
function integerParts(value: Decimal): { coefficient: bigint; exponent: number } {
  const limbs = value.d;
  if (!limbs || limbs.length === 0) return { coefficient: 0n, exponent: 0 };
  let coefficient = BigInt(limbs[0]!);
  let k = 1;
  for (; k + 1 < limbs.length; k += 2)
    coefficient = coefficient * 100_000_000_000_000n + BigInt(limbs[k]! * 1e7 + limbs[k + 1]!);
  if (k < limbs.length) coefficient = coefficient * 10_000_000n + BigInt(limbs[k]!);
  const digits = limbDigits(limbs[0]!) + 7 * (limbs.length - 1);
  return { coefficient: value.s < 0 ? -coefficient : coefficient, exponent: value.e - digits + 1 };
}

/** The HHI in points, 10,000 × Σ v² / (Σ v)², computed exactly on integers and rounded once. */
export function hhiPoints(values: readonly Decimal[]): Decimal {
  const sums = limbSums(values);
  if (sums !== null) {
    return sums.sum === 0n ? ZERO : rationalToDecimal(rational(10_000n * sums.squares, sums.sum * sums.sum));
  }
  return hhiOnBigInt(values);
}

/** {@link hhiPoints} with a BigInt per value: for negative values and digits spread far apart. */
export function hhiOnBigInt(values: readonly Decimal[]): Decimal {
  const parts = values.map(integerParts);
  let lowest = 0;
  for (const part of parts) if (part.coefficient !== 0n && part.exponent < lowest) lowest = part.exponent;
  let sum = 0n;
  let squares = 0n;
  for (const part of parts) {
    if (part.coefficient === 0n) continue;
    const scaled = part.coefficient * tenTo(part.exponent - lowest);
    sum += scaled;
    squares += scaled * scaled;
  }
  if (sum === 0n) return ZERO;
  return rationalToDecimal(rational(10_000n * squares, sum * sum));
}

/** Sum of the values at the first `count` positions of `order` (the decimal `plus` would give, on integers). */
export function sumOf(values: readonly Decimal[], order: readonly number[], count: number): Decimal {
  const sum = new RoundedSum();
  for (let k = 0; k < count; k++) sum.addDecimal(values[order[k]!]!);
  return sum.toDecimal();
}

/**
 * The Pareto step: walking `order` (largest first), the fewest accounts whose values reach `goal`,
 * and what they cover (summed as `plus` sums, on integers: see `roundedSum.ts`).
 */
export function coverTarget(
  values: readonly Decimal[],
  order: readonly number[],
  goal: Decimal,
  digits: DecimalDigits = new DecimalDigits(values),
): { count: number; covered: Decimal } {
  const covered = new RoundedSum();
  const target = comparable(goal);
  let count = 0;
  while (count < order.length && covered.compare(target) < 0) {
    covered.addAt(digits, order[count]!);
    count++;
  }
  return { count, covered: covered.toDecimal() };
}
