/**
 * Exact attribution on a decimal grid: parts that add up to their total under the library's
 * 40-digit decimal arithmetic, however the exact parts are shaped.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal } from '../shared/numeric.js';
import { add, rational, type Rational } from '../shared/rational.js';

/** Decimal places of the grid: a total below 1,000 in magnitude then has at most 39 significant digits. */
const PLACES = 36;
const SCALE = 10n ** BigInt(PLACES);

function floorDiv(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return numerator % denominator !== 0n && numerator < 0n ? quotient - 1n : quotient;
}

function onGrid(units: bigint): Decimal {
  return new ExactDecimal(`${units}e-${PLACES}`);
}

/**
 * Rounds exact parts to the 10⁻³⁶ grid by the largest-remainder method (Hamilton's method) so
 * that they add up to their exact sum rounded to the grid (half up). Parts that already lie on
 * the grid are returned unchanged, and then the total is exact.
 */
export function attribute(parts: readonly Rational[]): { parts: Decimal[]; total: Decimal } {
  const sum = parts.reduce((total, part) => add(total, part), rational(0n));
  const target = floorDiv(2n * sum.numerator * SCALE + sum.denominator, 2n * sum.denominator);
  const floors = parts.map((part) => floorDiv(part.numerator * SCALE, part.denominator));
  let missing = target - floors.reduce((total, units) => total + units, 0n);
  // remainders r/d in [0, 1): the largest first (cross-multiplied, never rounded); ties by position
  const order = parts
    .map((part, index) => ({
      index,
      remainder: part.numerator * SCALE - floors[index]! * part.denominator,
      denominator: part.denominator,
    }))
    .sort((a, b) => {
      const left = a.remainder * b.denominator;
      const right = b.remainder * a.denominator;
      return left > right ? -1 : left < right ? 1 : a.index - b.index;
    });
  for (const { index, remainder } of order) {
    if (missing <= 0n || remainder === 0n) break;
    floors[index]! += 1n;
    missing -= 1n;
  }
  return { parts: floors.map(onGrid), total: onGrid(floors.reduce((total, units) => total + units, 0n)) };
}
