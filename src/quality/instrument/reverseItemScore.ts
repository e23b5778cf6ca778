import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { readInput } from '../../shared/input.js';
import { toDecimal } from '../../shared/numeric.js';

/**
 * Flips an answer of a reverse-coded item within the item's own bounds: min + max − answer
 * (on 1–5, 5 ↔ 1 and 4 ↔ 2; on 0–10, 10 ↔ 0). Applying it twice gives the answer back.
 *
 * @param answer - The answer, within `[scale.min, scale.max]`.
 * @param scale - The item's scale bounds.
 * @returns The flipped answer, exact.
 * @throws {ValidationError} when a value is not numeric or the answer lies outside the scale.
 * @example
 * ```ts
 * import { reverseItemScore } from 'clientele';
 * reverseItemScore(2, { min: 1, max: 5 }).toString(); // '4'
 * ```
 * @category Quality
 */
export function reverseItemScore(
  answer: number | string | Decimal,
  scale: { readonly min: number | string | Decimal; readonly max: number | string | Decimal },
): Decimal {
  // arguments read through the boundary reader: a revoked proxy or a throwing getter is a ValidationError
  const value = toDecimal(readInput(answer, 'answer', 'reverseItemScore'), 'answer');
  const bounds: unknown = readInput(scale, 'scale', 'reverseItemScore');
  if (typeof bounds !== 'object' || bounds === null)
    fail('scale', 'an object { min, max }', bounds, 'reverseItemScore');
  const { min: low, max: high } = bounds as typeof scale;
  const min = toDecimal(low, 'scale.min');
  const max = toDecimal(high, 'scale.max');
  if (max.lte(min)) fail('scale.max', `a value > ${min.toFixed()}`, high, 'reverseItemScore');
  if (value.lt(min) || value.gt(max))
    fail('answer', `an answer from ${min.toFixed()} to ${max.toFixed()}`, answer, 'reverseItemScore');
  return min.plus(max).minus(value);
}
