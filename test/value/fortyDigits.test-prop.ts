/**
 * The perpetuity's short path builds its 40-digit decimal from limbs instead of parsing a string;
 * the decimal must be the parsed one field for field (digits, exponent, sign), so every later
 * operation and every printed form is the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../../src/shared/numeric.js';
import { fortyDigits } from '../../src/value/internal/perpetuity.js';

const fortyDigitInteger = fc
  .tuple(
    fc.integer({ min: 1, max: 9 }),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 39, maxLength: 39 }),
    fc.integer({ min: 0, max: 39 }),
  )
  // a tail of zeros now and then, so whole limbs of zeros end the number
  .map(([lead, rest, zeros]) => BigInt(`${lead}${rest.join('')}`.slice(0, 40 - zeros).padEnd(40, '0')));

describe('fortyDigits', () => {
  it('is the decimal parsed from the digits: the same limbs, exponent and sign', () => {
    fc.assert(
      fc.property(fortyDigitInteger, fc.integer({ min: -1000, max: 1000 }), fc.boolean(), (q, e, negative) => {
        const built = fortyDigits(q, e, negative);
        const parsed = new ExactDecimal(`${negative ? '-' : ''}${q}e${e - 39}`);
        expect([built.d, built.e, built.s]).toEqual([parsed.d, parsed.e, parsed.s]);
        expect(built.toJSON()).toBe(parsed.toJSON());
        expect(built.plus(1).toJSON()).toBe(parsed.plus(1).toJSON());
      }),
      { numRuns: 500 },
    );
  });
});
