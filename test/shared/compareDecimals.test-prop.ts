/**
 * `compareDecimals` reads two Decimals' normalised digits in place and must order them exactly as
 * decimal.js's own `cmp` does; `decimalAsIs` passes only finite Decimals of the library's copy within
 * the numeric limits (anything else goes through `tryDecimal`, which copies and reports).
 */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ExactDecimal, compareDecimals, decimalAsIs } from '../../src/shared/numeric.js';

/** Decimal literals with up to 30 significant digits and exponents that cross base-10⁷ word boundaries. */
const decimalText = fc
  .tuple(fc.constantFrom('', '-'), fc.stringMatching(/^[0-9]{1,30}$/), fc.integer({ min: -40, max: 40 }))
  .map(([sign, digits, exponent]) => `${sign}${digits}e${exponent}`);

/** Pairs that are often equal, or differ in one digit, sign or exponent only. */
const pair = fc.oneof(
  fc.tuple(decimalText, decimalText),
  decimalText.map((text) => [text, text] as const),
  decimalText.map((text) => [text, text.replace(/e/, '1e')] as const),
  decimalText.map((text) => [text, text.startsWith('-') ? text.slice(1) : `-${text}`] as const),
  // the same exponent and length, one digit changed: decided by the digit words
  fc.tuple(decimalText, fc.nat(), fc.integer({ min: 0, max: 9 })).map(([text, at, digit]) => {
    const [mantissa, exponent] = text.split('e') as [string, string];
    const start = mantissa.startsWith('-') ? 1 : 0;
    const position = start + (at % (mantissa.length - start));
    return [text, `${mantissa.slice(0, position)}${digit}${mantissa.slice(position + 1)}e${exponent}`] as const;
  }),
  // the same leading digits and magnitude, more digits after them: decided by the lengths
  fc.tuple(decimalText, fc.stringMatching(/^[0-9]{1,16}$/)).map(([text, more]) => {
    const [mantissa, exponent] = text.split('e') as [string, string];
    return [text, `${mantissa}${more}e${Number(exponent) - more.length}`] as const;
  }),
  fc.tuple(decimalText, fc.integer({ min: -3, max: 3 })).map(([text, shift]) => {
    const [mantissa, exponent] = text.split('e');
    return [text, `${mantissa}e${Number(exponent) + shift}`] as const;
  }),
);

describe('compareDecimals', () => {
  test.prop([pair], { numRuns: 2000 })('orders two Decimals as cmp does', ([a, b]) => {
    const x = new ExactDecimal(a);
    const y = new ExactDecimal(b);
    expect(compareDecimals(x, y)).toBe(x.cmp(y));
    expect(compareDecimals(y, x)).toBe(y.cmp(x));
  });

  it('orders zeros of either sign as equal, and a zero against either sign', () => {
    const zero = new ExactDecimal(0);
    const negativeZero = new ExactDecimal(-0);
    expect(compareDecimals(zero, negativeZero)).toBe(0);
    expect(compareDecimals(negativeZero, new ExactDecimal('1e-30'))).toBe(-1);
    expect(compareDecimals(new ExactDecimal('-1e-30'), zero)).toBe(-1);
  });
});

describe('decimalAsIs', () => {
  it('passes a finite Decimal of the library’s copy as it is, within the limits', () => {
    const own = new ExactDecimal('2.5');
    expect(decimalAsIs(own)).toBe(own);
    const plain = new Decimal('-7');
    expect(decimalAsIs(plain)).toBe(plain);
  });

  it('refuses what tryDecimal must read or report', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    for (const value of [
      2.5,
      '2.5',
      null,
      undefined,
      new ExactDecimal(Number.NaN),
      new ExactDecimal(Number.POSITIVE_INFINITY),
      new ExactDecimal('1e1001'),
      { s: 1, e: 0, d: [2] },
      revoked.proxy,
    ])
      expect(decimalAsIs(value)).toBeUndefined();
  });
});
