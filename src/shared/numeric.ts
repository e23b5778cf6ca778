/**
 * Exact decimal arithmetic: the library's private decimal.js context and the one way numeric
 * input is read.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { fail } from './errors.js';

/**
 * The library's own decimal.js constructor: 40 significant digits, round half to even, plain
 * (non-exponential) `toString` for every magnitude a business number has. A clone, so the caller's
 * global `Decimal` settings are never read or changed.
 */
export const ExactDecimal = /* @__PURE__ */ Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 60,
});

/** A decimal produced by this library (an instance of its private context). */
export type ExactDecimal = Decimal;

/**
 * A number as callers may pass it: a JavaScript number, a decimal string (`'0.3'`, `'1e3'`), or a
 * `Decimal` from any copy of decimal.js.
 * @category Numbers
 */
export type Numeric = number | string | Decimal;

/** True for a `Decimal` from any copy of decimal.js (checked with `Decimal.isDecimal`). */
export function isDecimal(value: unknown): value is Decimal {
  return Decimal.isDecimal(value);
}

const DECIMAL_STRING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a numeric input exactly, or throws a `ValidationError` naming `path`.
 *
 * A number is read as the shortest decimal that round-trips to it (`0.1` is exactly `0.1`);
 * strings must be plain decimal literals (surrounding spaces allowed, no hex, no `Infinity`).
 *
 * @param value - `number | string | Decimal` (from any decimal.js copy).
 * @param path - Where the value came from, for the error message.
 * @returns A finite decimal in the library's private context.
 * @throws {ValidationError} on `NaN`, `±Infinity`, empty or non-numeric strings and other types.
 * @example
 * ```ts
 * import { toDecimal } from 'clientele';
 * toDecimal('0.1').plus(toDecimal(0.2)).toString(); // '0.3'
 * ```
 * @category Numbers
 */
export function toDecimal(value: unknown, path = ''): Decimal {
  const parsed = tryDecimal(value);
  if (parsed === undefined) fail(path, 'a finite number, decimal string or Decimal', value, undefined, 'not_numeric');
  return parsed;
}

/** Like {@link toDecimal} but returns `undefined` instead of throwing. */
export function tryDecimal(value: unknown): Decimal | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? new ExactDecimal(value) : undefined;
  }
  if (typeof value === 'string') {
    const text = value.trim();
    return DECIMAL_STRING.test(text) ? new ExactDecimal(text) : undefined;
  }
  if (Decimal.isDecimal(value)) {
    const decimal = value as Decimal;
    return decimal.isFinite() ? new ExactDecimal(decimal) : undefined;
  }
  return undefined;
}

/** True when `value` is something {@link toDecimal} accepts. */
export function isNumeric(value: unknown): value is Numeric {
  return tryDecimal(value) !== undefined;
}

/** The decimal zero of the private context. */
export const ZERO = /* @__PURE__ */ new ExactDecimal(0);
/** The decimal one of the private context. */
export const ONE = /* @__PURE__ */ new ExactDecimal(1);
/** The decimal one hundred of the private context. */
export const HUNDRED = /* @__PURE__ */ new ExactDecimal(100);

/** Sums decimals exactly (within the 40-digit context). */
export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}
