/**
 * Message placeholders format numbers from their decimal digits without a Decimal (the fast path):
 * every double and every plain decimal text must print exactly what decimal.js prints for the same
 * value in the library's context (half to even), for each format, negative zeros and exponents
 * included. The reference here is the Decimal arithmetic the renderer used before the fast path.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { formatPlaceholder, roundDigits } from '../../src/churn/rules/renderMessage.js';
import { ExactDecimal } from '../../src/shared/numeric.js';

const STYLES = [undefined, 'percent', 'number', 'days'] as const;

/** The Decimal path: the value as a Decimal of the library's context, scaled, rounded, printed. */
const reference = (
  value: number | string | InstanceType<typeof ExactDecimal>,
  style: (typeof STYLES)[number],
): string =>
  style === 'percent'
    ? `${new ExactDecimal(value).times(100).toDecimalPlaces(1).toFixed()}%`
    : new ExactDecimal(value).toDecimalPlaces(style === 'number' ? 2 : style === 'days' ? 0 : 1000).toFixed();

/** Doubles where rounding is decided: halves at every place a format rounds to, their neighbours, tiny and huge. */
const tricky = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 1000),
  fc.integer({ min: -200_000, max: 200_000 }).map((n) => n / 200 + 0.0025),
  fc
    .integer({ min: -99_999, max: 99_999 })
    .chain((n) => fc.constantFrom(n / 100 + 0.005, n / 10 + 0.05, n + 0.5, n / 1000 + 0.0005, (n + 0.5) / 1e6)),
  fc.constantFrom(-0, 0, 1.005, 2.345, 0.125, -0.125, -0.005, -0.0005, 9.995, 99.95, 0.995, 1e-7, 1e21, 5e-324),
);

describe('message placeholders: the digit path prints what decimal.js prints', () => {
  test.prop([tricky, fc.constantFrom(...STYLES)], { numRuns: 4000 })('for every double and format', (value, style) => {
    expect(formatPlaceholder(value, style)).toBe(reference(value, style));
  });

  const plainDecimal = fc
    .tuple(
      fc.boolean(),
      fc.stringMatching(/^(0|[1-9][0-9]{0,20})$/),
      fc.option(fc.stringMatching(/^[0-9]{0,24}[1-9]$/), { nil: undefined }),
    )
    .map(
      ([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
    );

  test.prop([plainDecimal, fc.constantFrom(0, 2), fc.integer({ min: 0, max: 3 })], { numRuns: 3000 })(
    'for every plain decimal text, shift and number of places',
    (text, shift, places) => {
      // the digits shifted exactly (a Decimal of enough precision), then rounded half to even
      const Wide = ExactDecimal.clone({ precision: 200 });
      const exact = new Wide(text).times(10 ** shift).toDecimalPlaces(places);
      expect(roundDigits(text, shift, places)).toBe(exact.toFixed());
    },
  );

  test.prop([plainDecimal, fc.integer({ min: -30, max: 30 }), fc.constantFrom(...STYLES)], { numRuns: 3000 })(
    'for every Decimal and decimal text',
    (text, exponent, style) => {
      const value = new ExactDecimal(text).times(new ExactDecimal(10).pow(exponent));
      expect(formatPlaceholder(value, style)).toBe(reference(value.toString(), style));
      if (style !== undefined)
        expect(formatPlaceholder(value.toString(), style)).toBe(reference(value.toString(), style));
    },
  );

  test.prop([fc.stringMatching(/^-?[1-9][0-9]{30,60}(\.[0-9]{1,30})?$/), fc.constantFrom(...STYLES)], {
    numRuns: 2000,
  })('for decimal texts with more significant digits than the library keeps (40)', (text, style) => {
    if (style !== undefined) expect(formatPlaceholder(text, style)).toBe(reference(text, style));
    expect(formatPlaceholder(new ExactDecimal(text), style)).toBe(reference(new ExactDecimal(text), style));
  });

  test.prop([fc.constantFrom(...STYLES)])('unknown, booleans and dates print as before', (style) => {
    expect([formatPlaceholder(undefined, style), formatPlaceholder(null, style)]).toEqual(['?', '?']);
    expect(formatPlaceholder(true, style)).toBe('true');
    expect(formatPlaceholder(new Date('2026-03-04T10:00:00Z'), style)).toBe('2026-03-04');
  });
});
