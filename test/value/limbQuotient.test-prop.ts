/**
 * The perpetuity's quotient on doubles (long division in base 10^7) against the BigInt one it
 * replaces on the common path: the same decimal, field for field, on random dividends and
 * divisors, with the quotients that end exactly half-way (divisors 2^a·5^b), that carry through
 * every digit when rounded (…999 999 5), that are whole, and at the largest sizes both allow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../../src/shared/numeric.js';
import { limbQuotient, quotient } from '../../src/value/internal/perpetuity.js';

const MAX_DIVISOR = Math.floor(Number.MAX_SAFE_INTEGER / 1e7);

const divisor = fc.oneof(
  fc.integer({ min: 1, max: MAX_DIVISOR }),
  fc.integer({ min: 1, max: 1000 }),
  // terminating quotients: many end exactly half-way past the 40th digit
  fc
    .tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 12 }))
    .map(([a, b]) => 2 ** a * 5 ** b)
    .filter((b) => b <= MAX_DIVISOR),
  fc.constantFrom(1, 2, 3, 7, 4_600_000, 23_000_000, MAX_DIVISOR, MAX_DIVISOR - 1),
);

/** A dividend, sometimes a multiple of the divisor or one off it, sometimes all nines. */
function dividend(b: number): fc.Arbitrary<number> {
  const largest = Math.floor(Number.MAX_SAFE_INTEGER / b);
  return fc
    .oneof(
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 1, max: 10_000_000 }),
      fc.integer({ min: 1, max: largest }).chain((k) => fc.constantFrom(k * b, k * b - 1, k * b + 1)),
      fc.integer({ min: 1, max: 15 }).map((digits) => 10 ** digits - 1),
      fc.constantFrom(1, Number.MAX_SAFE_INTEGER, 2 ** 52),
    )
    .filter((n) => n >= 1 && n <= Number.MAX_SAFE_INTEGER);
}

describe('limbQuotient', () => {
  it('is the BigInt quotient rounded to 40 digits half to even: the same limbs, exponent and sign', () => {
    fc.assert(
      fc.property(
        divisor.chain((b) => fc.tuple(dividend(b), fc.constant(b), fc.boolean())),
        ([n, b, negative]) => {
          const fast = limbQuotient(n, b, negative);
          const exact = quotient(BigInt(n), BigInt(b), negative, n / b);
          expect([fast.d, fast.e, fast.s]).toEqual([exact.d, exact.e, exact.s]);
          const parsed = new ExactDecimal(n).div(b);
          expect(fast.toJSON()).toBe((negative ? parsed.neg() : parsed).toJSON());
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('carries a rounding through a whole digit of nines, and rounds whole and tiny quotients', () => {
    // 2 / 100000001 = 0.0000000199999998 0000000199999998 0000000199999998 …: its first 40
    // significant digits end in a run of nines, the 41st is 8, so the rounding carries through
    // the whole last base-10^7 digit into the one before, and the zero digit it leaves is dropped
    const cases: [number, number][] = [
      [2, 100_000_001],
      [1, 200_000_002],
      [9, 300_000_003],
      [2_469_135_624_691_357, 200_000_002],
      [1, 3],
      [2, 3],
      [5, 1],
      [1, MAX_DIVISOR],
      [Number.MAX_SAFE_INTEGER, 1],
      [Number.MAX_SAFE_INTEGER, MAX_DIVISOR],
    ];
    for (const [n, b] of cases) {
      const fast = limbQuotient(n, b, false);
      expect([fast.d, fast.e]).toEqual([new ExactDecimal(n).div(b).d, new ExactDecimal(n).div(b).e]);
    }
    expect(limbQuotient(2, 100_000_001, false).d.at(-1)).toBe(200);
  });
});
