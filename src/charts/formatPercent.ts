import type { NumberLike } from './chartOptions.js';
import type { NumberFormatOptions } from './formatNumber.js';
import { formatExact, readDisplayFormat } from './internal/numbers.js';

/**
 * Formats a share (0.355 is 35.5 %) as a percentage in the locale's style, rounded exactly on
 * the decimal to `digits` (default 1).
 *
 * @example
 * ```ts
 * import { formatPercent } from 'clientele/charts';
 * formatPercent('0.03547297', { digits: 2 }); // '3.55%'
 * ```
 * @throws ValidationError when the value is not a finite number, decimal string or Decimal, or an
 *   option is not one described above.
 * @category Formatting
 */
export function formatPercent(share: NumberLike, options: NumberFormatOptions = {}): string {
  const format = readDisplayFormat(options, 'formatPercent');
  return formatExact(share, 'share', 'formatPercent', { style: 'percent' }, { ...format, digits: format.digits ?? 1 });
}
