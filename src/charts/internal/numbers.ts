import { fail } from '../../shared/errors.js';
import { readingInput } from '../../shared/input.js';
import type { NumberLike } from '../chartOptions.js';
import { isLocale, numberText } from './input.js';

/**
 * The exact decimal text of a value, for `Intl.NumberFormat`, which rounds a decimal string
 * exactly (no trip through binary floating point).
 */
export function exactText(value: unknown, path: string, context: string): string {
  const text = numberText(value);
  if (text === undefined) fail(path, 'a finite number, decimal string or Decimal', value, context, 'not_numeric');
  return text;
}

/** Intl options for a display format. */
export interface DisplayFormat {
  readonly locale?: string | undefined;
  readonly digits?: number | undefined;
  readonly minimumDigits?: number | undefined;
  readonly grouping?: boolean | undefined;
}

const isDigits = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 20;

/**
 * Reads a caller's display options once (a throwing getter or a revoked proxy is a
 * `ValidationError` at `options`) and checks every field; `undefined` is `{}`.
 */
export function readDisplayFormat(options: unknown, context: string): DisplayFormat {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) fail('options', 'an options object', options, context);
  const read = readingInput('options', context, () => {
    const source = options as DisplayFormat;
    return {
      locale: source.locale,
      digits: source.digits,
      minimumDigits: source.minimumDigits,
      grouping: source.grouping,
    };
  });
  const { locale, digits, minimumDigits, grouping } = read;
  if (locale !== undefined && (typeof locale !== 'string' || !isLocale(locale)))
    fail('options.locale', 'a BCP 47 locale such as "en" or "zh-CN"', locale, context);
  if (digits !== undefined && !isDigits(digits)) fail('options.digits', 'an integer from 0 to 20', digits, context);
  if (minimumDigits !== undefined && !isDigits(minimumDigits))
    fail('options.minimumDigits', 'an integer from 0 to 20', minimumDigits, context);
  if (grouping !== undefined && typeof grouping !== 'boolean') fail('options.grouping', 'a boolean', grouping, context);
  return Object.fromEntries(Object.entries(read).filter(([, value]) => value !== undefined)) as DisplayFormat;
}

/**
 * Formats through Intl with a decimal string, so rounding is exact and the value itself is
 * untouched. `format` has been through {@link readDisplayFormat}.
 */
export function formatExact(
  value: NumberLike,
  path: string,
  context: string,
  style: Intl.NumberFormatOptions,
  format: DisplayFormat,
): string {
  const digits = format.digits ?? 2;
  const text = exactText(value, path, context);
  const formatter = formatterFor(format.locale ?? 'en', context, {
    ...style,
    maximumFractionDigits: digits,
    minimumFractionDigits: Math.min(format.minimumDigits ?? 0, digits),
    useGrouping: format.grouping ?? true,
  });
  // Intl.NumberFormat v3 formats decimal strings exactly; its TypeScript signature still says number.
  return formatter.format(text as unknown as number);
}

// Building an Intl.NumberFormat costs far more than using one; a small memo of the formatters in
// use (same arguments, same formatter: nothing observable changes) keeps tables and charts fast.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, context: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key =
    `${locale}|${options.style ?? ''}|${options.currency ?? ''}|${String(options.maximumFractionDigits)}` +
    `|${String(options.minimumFractionDigits)}|${String(options.useGrouping)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(locale, options);
    } catch {
      // a well-formed tag ICU still cannot use (an odd extension or variant)
      fail('options.locale', 'a locale this runtime can format numbers in', locale, context);
    }
    if (formatters.size >= 64) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}
