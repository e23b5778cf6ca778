/**
 * Fills a message template's `{signal}` / `{signal|format}` placeholders with the values seen.
 *
 * @module
 */
import { ExactDecimal, decimalAsIs, tryDecimal } from '../../shared/numeric.js';

/** The significant digits the library's Decimal context keeps (`ExactDecimal`'s precision). */
const SIGNIFICANT_DIGITS = 40;
import { fillPlaceholders } from './placeholders.js';

/**
 * The value as a Decimal of the library's context: a Decimal of that context (what derived signals
 * hold) as it is, uncopied; anything else copied into it (`tryDecimal`). Rounding for display follows
 * the Decimal's own context, so a caller's Decimal (decimal.js's default rounds half up) is copied,
 * or its settings would round the message.
 */
function exactDecimalOf(value: unknown): ReturnType<typeof tryDecimal> {
  const own = decimalAsIs(value);
  return own !== undefined && (own as { constructor?: unknown }).constructor === ExactDecimal ? own : tryDecimal(value);
}

/** Decimal places each placeholder format rounds to, and the power of ten it scales by first. */
const PLACES: Readonly<Record<string, number>> = { percent: 1, number: 2, days: 0 };

/**
 * A placeholder's text for `value` in `style`: `?` for unknown, booleans and dates as written,
 * numbers exactly as their decimal digits (`percent` ×100 to one place and `%`, `number` to two
 * places, `days` to none; half to even, trailing zeros dropped). Display rounding happens here, once.
 */
export function formatPlaceholder(value: unknown, style: string | undefined): string {
  if (value === undefined || value === null) return '?';
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString().slice(0, 10) : '?';
  const places = style === undefined ? undefined : PLACES[style];
  if (typeof value === 'number' && value !== 0 && Number.isFinite(value)) {
    // a double's shortest digits are its Decimal's (decimal.js reads a number from them): rounded
    // from the text, without a Decimal, unless printed with an exponent
    const digits = String(value);
    if (!digits.includes('e')) return places === undefined ? digits : styled(digits, style, places);
  }
  const decimal = typeof value === 'string' && style === undefined ? undefined : exactDecimalOf(value);
  if (decimal === undefined) return String(value);
  if (places === undefined) return decimal.toFixed();
  // `percent`'s ×100 rounds a Decimal of more significant digits than the library's context keeps
  if (style === 'percent' && decimal.sd() > SIGNIFICANT_DIGITS)
    return `${decimal.times(100).toDecimalPlaces(places).toFixed()}%`;
  // a Decimal (a derived signal's, a decimal text's) rounded from its plain digits likewise
  return styled(decimal.toFixed(), style, places);
}

/** Plain decimal `digits` in a placeholder format that rounds to `places` (`percent`: ×100, then `%`). */
function styled(digits: string, style: string | undefined, places: number): string {
  if (style !== 'percent') return roundDigits(digits, 0, places);
  return `${roundDigits(digits, 2, places)}%`;
}

/**
 * `text` (a plain decimal: an optional `-`, digits, an optional fraction; no exponent) times
 * 10^`shift`, rounded half to even to `places` decimals and printed as decimal.js's `toFixed()`
 * prints that Decimal (no trailing zeros, no leading zeros but one, and a zero without its sign).
 */
export function roundDigits(text: string, shift: number, places: number): string {
  const negative = text.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  const dot = text.indexOf('.');
  let whole = dot < 0 ? text.slice(start) : text.slice(start, dot);
  let fraction = dot < 0 ? '' : text.slice(dot + 1);
  if (shift > 0) {
    const moved = fraction.padEnd(shift, '0');
    whole += moved.slice(0, shift);
    fraction = moved.slice(shift);
  }
  let kept = fraction.length <= places ? fraction : fraction.slice(0, places);
  let digits = whole + kept;
  if (fraction.length > places) {
    const first = fraction.charCodeAt(places) - 48;
    let up = first > 5;
    if (first === 5) {
      // exactly half (nothing after the 5) goes to the even neighbour
      up = (digits.charCodeAt(digits.length - 1) - 48) % 2 === 1;
      for (let at = places + 1; at < fraction.length && !up; at++) up = fraction.charCodeAt(at) !== 48;
    }
    if (up) digits = incremented(digits);
  }
  kept = digits.slice(digits.length - kept.length);
  whole = digits.slice(0, digits.length - kept.length);
  let end = kept.length;
  while (end > 0 && kept.charCodeAt(end - 1) === 48) end--;
  let from = 0;
  while (from < whole.length - 1 && whole.charCodeAt(from) === 48) from++;
  whole = whole.slice(from);
  if (end === 0 && whole === '0') return '0';
  return (negative ? '-' : '') + whole + (end === 0 ? '' : `.${kept.slice(0, end)}`);
}

/** A string of decimal digits plus one (`'199'` → `'200'`, `'99'` → `'100'`). */
function incremented(digits: string): string {
  let at = digits.length - 1;
  while (at >= 0 && digits.charCodeAt(at) === 57) at--;
  const carried = '0'.repeat(digits.length - 1 - at);
  if (at < 0) return `1${carried}`;
  return digits.slice(0, at) + String.fromCharCode(digits.charCodeAt(at) + 1) + carried;
}

/** Renders one template with `valueOf(signal)`, each placeholder by {@link formatPlaceholder}. */
export function renderMessage(template: string, valueOf: (signal: string) => unknown): string {
  // a template without placeholders is its own rendering (rendered once per rule, not per record)
  if (!template.includes('{')) return template;
  return fillPlaceholders(template, (name, style) => formatPlaceholder(valueOf(name), style));
}
