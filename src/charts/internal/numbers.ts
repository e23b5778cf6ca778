import { fail } from '../../shared/errors.js';
import type { NumberLike } from '../chartOptions.js';

const decimalPattern = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The exact decimal text of a value, for `Intl.NumberFormat`, which rounds a decimal string
 * exactly (no trip through binary floating point).
 */
export function exactText(value: unknown, path: string, context: string): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(path, 'a finite number', value, context);
    return String(value);
  }
  const text =
    typeof value === 'string'
      ? value.trim()
      : typeof value === 'object' && value !== null && typeof (value as { toFixed?: unknown }).toFixed === 'function'
        ? (value as { toFixed(): string }).toFixed()
        : typeof value === 'object' &&
            value !== null &&
            typeof (value as { toString?: unknown }).toString === 'function'
          ? String(value)
          : '';
  if (!decimalPattern.test(text)) fail(path, 'a number, decimal string or Decimal', value, context);
  return text;
}

/** Intl options for a display format. */
export interface DisplayFormat {
  readonly locale?: string;
  readonly digits?: number;
  readonly minimumDigits?: number;
  readonly grouping?: boolean;
}

/** Formats through Intl with a decimal string, so rounding is exact and the value itself is untouched. */
export function formatExact(
  value: NumberLike,
  path: string,
  context: string,
  style: Intl.NumberFormatOptions,
  format: DisplayFormat,
): string {
  const digits = format.digits ?? 2;
  if (!Number.isInteger(digits) || digits < 0 || digits > 20)
    fail('options.digits', 'an integer from 0 to 20', digits, context);
  const minimum = Math.min(format.minimumDigits ?? 0, digits);
  const formatter = formatterFor(format.locale ?? 'en', {
    ...style,
    maximumFractionDigits: digits,
    minimumFractionDigits: minimum,
    useGrouping: format.grouping ?? true,
  });
  // Intl.NumberFormat v3 formats decimal strings exactly; its TypeScript signature still says number.
  return formatter.format(exactText(value, path, context) as unknown as number);
}

// Building an Intl.NumberFormat costs far more than using one; a small memo of the formatters in
// use (same arguments, same formatter: nothing observable changes) keeps tables and charts fast.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${options.style ?? ''}|${options.currency ?? ''}|${String(options.maximumFractionDigits)}|${String(options.minimumFractionDigits)}|${String(options.useGrouping)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    if (formatters.size >= 64) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}
