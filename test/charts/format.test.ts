/** The formatting layer: display rounding on exact decimals, percent, currency, grouping per locale. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { formatCurrency, formatNumber, formatPercent } from '../../src/charts/index.js';

describe('formatNumber', () => {
  it(
    'rounds the exact decimal, not its binary double: 1.005 to 2 places is 1.01 (as a double it would be ' + '1.00)',
    () => {
      expect((1.005).toFixed(2)).toBe('1.00'); // the trap this layer avoids
      expect(formatNumber('1.005', { digits: 2 })).toBe('1.01');
      expect(formatNumber(new Decimal('1.005'), { digits: 2 })).toBe('1.01');
    },
  );
  it('keeps 40-digit Decimals exact and readable: 1/3 shows as 0.33', () => {
    const third = new Decimal(1).div(3);
    expect(formatNumber(third)).toBe('0.33');
    expect(third.toString()).toBe(new Decimal(1).div(3).toString());
  });
  it('groups per locale: en and zh-CN use commas, de uses dots, fr narrow spaces', () => {
    expect(formatNumber('1234567.891', { locale: 'en' })).toBe('1,234,567.89');
    expect(formatNumber('1234567.891', { locale: 'zh-CN' })).toBe('1,234,567.89');
    expect(formatNumber('1234567.891', { locale: 'de' })).toBe('1.234.567,89');
    expect(formatNumber('1234567', { grouping: false })).toBe('1234567');
  });
  it('rejects what is not a number with a ValidationError naming the path', () => {
    expect(() => formatNumber('abc')).toThrow(ValidationError);
    expect(() => formatNumber(Number.NaN)).toThrow(/value: expected a finite number/);
    expect(() => formatNumber(1, { digits: 21 })).toThrow(/options\.digits/);
  });
});

describe('formatPercent and formatCurrency', () => {
  it('seed 003: 21 of 592 accounts is 3.55 %', () => {
    expect(formatPercent(new Decimal(21).div(592), { digits: 2 })).toBe('3.55%');
    expect(formatPercent('0.4')).toBe('40%');
  });
  it('money in the account currency and the reader locale', () => {
    expect(formatCurrency('1234.5', 'CNY', { locale: 'zh-CN' })).toBe('¥1,234.50');
    expect(formatCurrency('1234.5', 'EUR', { locale: 'de' })).toMatch(/^1\.234,50\s€$/u);
    expect(formatCurrency('3000', 'cny', { locale: 'en', digits: 0 })).toBe('CN¥3,000');
    expect(() => formatCurrency('1', 'yuan')).toThrow(ValidationError);
  });
});
