import { fail } from '../shared/errors.js';
import type { NumberLike } from './chartOptions.js';
import type { NumberFormatOptions } from './formatNumber.js';
import { formatExact, readDisplayFormat } from './internal/numbers.js';

/**
 * Formats money in its currency (ISO 4217 code, e.g. the account's `'CNY'`), in the locale's
 * style, rounded exactly on the decimal to `digits` (default 2).
 *
 * @example
 * ```ts
 * import { formatCurrency } from 'clientele/charts';
 * formatCurrency('1234.5', 'CNY', { locale: 'zh-CN' }); // '¥1,234.50'
 * ```
 * @throws ValidationError when the value is not numeric, the currency is not a three-letter code or
 *   an option is not one described above.
 * @category Formatting
 */
export function formatCurrency(value: NumberLike, currency: string, options: NumberFormatOptions = {}): string {
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency))
    fail('currency', 'a three-letter ISO 4217 code', currency, 'formatCurrency');
  const format = readDisplayFormat(options, 'formatCurrency');
  return formatExact(
    value,
    'value',
    'formatCurrency',
    { style: 'currency', currency: currency.toUpperCase() },
    { ...format, minimumDigits: format.minimumDigits ?? Math.min(2, format.digits ?? 2) },
  );
}
