import type { NumberLike } from './chartOptions.js';
import { formatExact, readDisplayFormat } from './internal/numbers.js';

/**
 * Options of {@link formatNumber}, {@link formatPercent} and {@link formatCurrency}.
 * @category Formatting
 */
export interface NumberFormatOptions {
  /** BCP 47 locale for digits, grouping and symbols; default `'en'`. */
  readonly locale?: string | undefined;
  /** Most fraction digits shown (rounded half-expand, exactly on the decimal); default 2 (percent: 1). */
  readonly digits?: number | undefined;
  /** Fewest fraction digits shown (pads with zeros); default 0 (currency: the currency's own). */
  readonly minimumDigits?: number | undefined;
  /** Group thousands as the locale does; default true. */
  readonly grouping?: boolean | undefined;
}

/**
 * Formats a number, decimal string or `Decimal` for display: rounded to `digits`, grouped per
 * locale. Rounding is done by `Intl.NumberFormat` on the exact decimal text, so a Decimal with 40
 * digits rounds correctly, and the value you pass is never changed.
 *
 * @example
 * ```ts
 * import { formatNumber } from 'clientele/charts';
 * formatNumber('1234567.125', { digits: 2 }); // '1,234,567.13'
 * formatNumber(0.1 + 0.2, { digits: 3 }); // '0.3'
 * ```
 * @throws ValidationError when the value is not a finite number, decimal string or Decimal, or an
 *   option is not one described above.
 * @category Formatting
 */
export function formatNumber(value: NumberLike, options: NumberFormatOptions = {}): string {
  return formatExact(value, 'value', 'formatNumber', {}, readDisplayFormat(options, 'formatNumber'));
}
