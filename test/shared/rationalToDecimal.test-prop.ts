/**
 * `rationalToDecimal` reads a terminating fraction of at most 40 digits as digits × 10^−k instead of
 * dividing: the Decimal must be the one the division gives, field for field, for any fraction.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ExactDecimal } from '../../src/shared/numeric.js';
import { rational, rationalToDecimal } from '../../src/shared/rational.js';

const divided = (numerator: bigint, denominator: bigint) => {
  const value = rational(numerator, denominator);
  return new ExactDecimal(value.numerator.toString()).div(new ExactDecimal(value.denominator.toString()));
};

const numerator = fc.oneof(
  fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
  fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }),
);
/** 2^a × 5^b (terminating), sometimes times another factor (not terminating). */
const denominator = fc
  .tuple(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom(1n, 1n, 1n, 3n, 7n, 9n))
  .map(([twos, fives, other]) => 2n ** BigInt(twos) * 5n ** BigInt(fives) * other);

describe('rationalToDecimal', () => {
  test.prop([numerator, denominator])('equals the 40-digit division, field for field', (n, d) => {
    const fast = rationalToDecimal(rational(n, d));
    const slow = divided(n, d);
    expect(fast.toString()).toBe(slow.toString());
    expect({ d: fast.d, e: fast.e, s: fast.s }).toEqual({ d: slow.d, e: slow.e, s: slow.s });
  });
});
