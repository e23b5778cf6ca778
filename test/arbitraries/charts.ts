/** Arbitraries for the charts tests: exact decimals of any size, and labels with markup and CJK in them. */
import fc from 'fast-check';

/** A plain decimal string with up to 30 integer and 30 fraction digits, either sign. */
export const longDecimal: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.stringMatching(/^(0|[1-9]\d{0,29})$/), fc.stringMatching(/^\d{0,30}$/))
  .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`);

/** Labels a user might type: ASCII with XML specials, Chinese, emoji, quotes. */
export const hostileLabel: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom('a', 'Z', '<', '>', '&', '"', "'", ' ', '客', '户', '价', '值', '😀', '/', ';', '#'),
  minLength: 1,
  maxLength: 30,
});
