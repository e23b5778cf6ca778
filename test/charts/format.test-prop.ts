/** Laws of the formatting layer and the charts, on random exact decimals and hostile labels. */
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { formatNumber, formatPercent, servqualGapChart } from '../../src/charts/index.js';
import { hostileLabel, longDecimal } from '../arbitraries/charts.js';
import { checkXml } from './xml.js';

const Exact = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_UP });

describe('formatting laws', () => {
  test.prop([longDecimal, fc.integer({ min: 0, max: 8 })])(
    'display rounding equals exact half-up rounding of the decimal, to the chosen digits',
    (value, digits) => {
      const expected = new Exact(value).toDecimalPlaces(digits, Exact.ROUND_HALF_UP);
      const shown = formatNumber(value, { digits, grouping: false });
      expect(new Exact(shown.replace('−', '-')).eq(expected)).toBe(true);
    },
  );
  test.prop([longDecimal])('formatting never changes the value passed in', (value) => {
    const decimal = new Decimal(value);
    const before = decimal.toString();
    formatNumber(decimal, { digits: 1 });
    formatPercent(decimal);
    expect(decimal.toString()).toBe(before);
  });
  test.prop([longDecimal])('a percentage is the value times 100 (no binary detour)', (value) => {
    const shown = formatPercent(value, { digits: 3, grouping: false } as never)
      .replace('%', '')
      .replace('−', '-');
    expect(new Exact(shown).eq(new Exact(value).times(100).toDecimalPlaces(3, Exact.ROUND_HALF_UP))).toBe(true);
  });
});

describe('chart laws', () => {
  test.prop([
    fc.array(fc.tuple(hostileLabel, fc.option(fc.double({ min: -4, max: 4, noNaN: true }))), {
      minLength: 1,
      maxLength: 8,
    }),
    fc.constantFrom('en', 'zh-CN', 'de'),
  ])('any labels and gaps give well-formed XML that escapes the labels, the same bytes every time', (rows, locale) => {
    const input = {
      dimensions: rows.map(([label, gap], index) => ({
        dimension: `d${index}`,
        labels: { en: label, 'zh-CN': label },
        gap,
      })),
    };
    const svg = servqualGapChart(input, { locale });
    checkXml(svg);
    expect(svg).not.toMatch(/<(?!\/?(svg|title|desc|rect|text|line|g|defs|pattern|path|circle)[\s>/])/);
    expect(servqualGapChart(input, { locale })).toBe(svg);
  });
});
