import { fail } from '../shared/errors.js';
import type { NumberLike } from './chartOptions.js';
import type { NumberFormatOptions } from './formatNumber.js';
import { formatExact } from './internal/numbers.js';

/**
 * Formats money in its currency (ISO 4217 code, e.g. the account's `'CNY'`), in the locale's
 * style, rounded exactly on the decimal to `digits` (default 2).
 *
 * @example
 * ```ts
 * import { formatCurrency } from 'clientele/charts';
 * formatCurrency('1234.5', 'CNY', { locale: 'zh-CN' }); // '¥1,234.50'
 * ```
 * @throws ValidationError when the value is not numeric or the currency is not a three-letter code.
 * @category Formatting
 */
export function formatCurrency(value: NumberLike, currency: string, options: NumberFormatOptions = {}): string {
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency))
    fail('currency', 'a three-letter ISO 4217 code', currency, 'formatCurrency');
  return formatExact(
    value,
    'value',
    'formatCurrency',
    { style: 'currency', currency: currency.toUpperCase() },
    { ...options, minimumDigits: options.minimumDigits ?? Math.min(2, options.digits ?? 2) },
  );
}
