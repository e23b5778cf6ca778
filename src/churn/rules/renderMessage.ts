/**
 * Fills a message template's `{signal}` / `{signal|format}` placeholders with the values seen.
 *
 * @module
 */
import { ExactDecimal, decimalAsIs, tryDecimal } from '../../shared/numeric.js';
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

function format(value: unknown, style: string | undefined): string {
  if (value === undefined || value === null) return '?';
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString().slice(0, 10) : '?';
  const decimal = typeof value === 'string' && style === undefined ? undefined : exactDecimalOf(value);
  if (decimal === undefined) return String(value);
  switch (style) {
    case 'percent': {
      const percent = decimal.times(100).toDecimalPlaces(1);
      return `${percent.toFixed()}%`;
    }
    case 'number':
      return decimal.toDecimalPlaces(2).toFixed();
    case 'days':
      return decimal.toDecimalPlaces(0).toFixed();
    default:
      return decimal.toFixed();
  }
}

/**
 * Renders one template with `valueOf(signal)`. Display rounding happens here, once. `formatted`, when
 * given, keeps each placeholder's text by signal and format across the templates of one message (its
 * locales name the same signals: each is formatted once).
 */
export function renderMessage(
  template: string,
  valueOf: (signal: string) => unknown,
  formatted?: Map<string, string>,
): string {
  // a template without placeholders is its own rendering (rendered once per rule, not per record)
  if (!template.includes('{')) return template;
  if (formatted === undefined) return fillPlaceholders(template, (name, style) => format(valueOf(name), style));
  return fillPlaceholders(template, (name, style) => {
    const key = style === undefined ? name : `${name}|${style}`;
    let text = formatted.get(key);
    if (text === undefined) {
      text = format(valueOf(name), style);
      formatted.set(key, text);
    }
    return text;
  });
}
