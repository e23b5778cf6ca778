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
export const ExactDecimal = /* @__PURE__ */ (() =>
  Decimal.clone({
    precision: 40,
    rounding: Decimal.ROUND_HALF_EVEN,
    toExpNeg: -40,
    toExpPos: 60,
  }))();

/** A decimal produced by this library (an instance of its private context). */
export type ExactDecimal = Decimal;

/**
 * A number as callers may pass it: a JavaScript number, a decimal string (`'0.3'`, `'1e3'`), or a
 * `Decimal` from any copy of decimal.js.
 * @category Numbers
 */
export type Numeric = number | string | Decimal;

/**
 * The limits on numeric input, checked before any arithmetic: a number's decimal exponent lies
 * within ±`maxExponent` (so |x| < 10¹⁰⁰¹ and a non-zero |x| ≥ 10⁻¹⁰⁰⁰ — far beyond any money,
 * rating or rate) and a decimal string has at most `maxLength` characters. Past them,
 * `toDecimal` throws a `ValidationError` instead of letting decimal.js work through a huge exponent.
 * @example
 * ```ts
 * import { numericLimits } from 'clientele';
 * numericLimits.maxExponent; // 1000
 * ```
 * @category Numbers
 */
export const numericLimits = /* @__PURE__ */ Object.freeze({ maxExponent: 1000, maxLength: 1000 });

const LIMB = 1e7;

/**
 * The value of a genuine decimal.js instance from any copy of decimal.js, read from its fields
 * (sign, exponent, base-10⁷ digits), never by calling its methods; `undefined` for anything else:
 * NaN and infinities, look-alike shapes (the tag must sit on the prototype, as decimal.js puts it),
 * malformed fields, throwing getters and revoked proxies.
 */
function readForeignDecimal(value: object): Decimal | undefined {
  try {
    const proto = Object.getPrototypeOf(value) as Record<string, unknown> | null;
    if (proto === null || proto === Object.prototype || !Object.prototype.hasOwnProperty.call(proto, 'toStringTag'))
      return undefined;
    if (proto['toStringTag'] !== '[object Decimal]' || typeof proto['plus'] !== 'function') return undefined;
    const { d: limbs, e: exponent, s: sign } = value as { d?: unknown; e?: unknown; s?: unknown };
    if (!Array.isArray(limbs) || limbs.length === 0 || limbs.length > numericLimits.maxLength / 7) return undefined;
    if (sign !== 1 && sign !== -1) return undefined;
    if (typeof exponent !== 'number' || !Number.isInteger(exponent) || Math.abs(exponent) > numericLimits.maxExponent)
      return undefined;
    let digits = '';
    for (let index = 0; index < limbs.length; index++) {
      const limb: unknown = limbs[index];
      if (typeof limb !== 'number' || !Number.isInteger(limb) || limb < 0 || limb >= LIMB) return undefined;
      digits += index === 0 ? String(limb) : String(limb).padStart(7, '0');
    }
    if (limbs[0] === 0) return limbs.length === 1 ? new ExactDecimal(0) : undefined;
    return new ExactDecimal(`${sign < 0 ? '-' : ''}${digits}e${exponent - digits.length + 1}`);
  } catch {
    return undefined;
  }
}

/**
 * True for a finite `Decimal` from any copy of decimal.js — recognised by its prototype and
 * well-formed fields, never by a look-alike shape.
 * @example
 * ```ts
 * import { isDecimal, toDecimal } from 'clientele';
 * [isDecimal(toDecimal(1)), isDecimal({ toStringTag: '[object Decimal]' })]; // true false
 * ```
 * @category Numbers
 */
export function isDecimal(value: unknown): value is Decimal {
  return tryDecimal(value) !== undefined && typeof value === 'object';
}

/** A plain decimal literal; no ambiguity between its parts, so matching is linear in its length. */
const DECIMAL_STRING = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The decimal if its exponent and digits are within the limits, else `undefined`. */
function withinLimits(decimal: Decimal): Decimal | undefined {
  if (decimal.d.length * 7 > numericLimits.maxLength + 7) return undefined;
  return decimal.isZero() || Math.abs(decimal.e) <= numericLimits.maxExponent ? decimal : undefined;
}

/**
 * Reads a numeric input exactly, or throws a `ValidationError` naming `path`.
 *
 * A number is read as the shortest decimal that round-trips to it (`0.1` is exactly `0.1`);
 * strings must be plain decimal literals (surrounding white space is trimmed; no hex, no
 * `Infinity`, at most {@link numericLimits}`.maxLength` characters); a `Decimal` may come from any
 * copy of decimal.js. Every value must lie within {@link numericLimits}.
 *
 * @param value - `number | string | Decimal` (from any decimal.js copy).
 * @param path - Where the value came from, for the error message.
 * @returns A finite decimal in the library's private context.
 * @throws {ValidationError} (code `not_numeric`) on `NaN`, `±Infinity`, empty or non-numeric
 *   strings, values past the limits, look-alike objects and every other type.
 * @example
 * ```ts
 * import { toDecimal } from 'clientele';
 * toDecimal('0.1').plus(toDecimal(0.2)).toString(); // '0.3'
 * ```
 * @category Numbers
 */
export function toDecimal(value: unknown, path: string = ''): Decimal {
  const parsed = tryDecimal(value);
  if (parsed === undefined)
    fail(pathText(path), 'a finite number, decimal string or Decimal within ±1e1000', value, undefined, 'not_numeric');
  return parsed;
}

/** A caller's path as text: every issue.path is a string, even for a path with no usable `toString`. */
function pathText(path: unknown): string {
  if (typeof path === 'string') return path;
  try {
    return String(path);
  } catch {
    return '(unprintable path)';
  }
}

/** Like {@link toDecimal} but returns `undefined` instead of throwing. */
export function tryDecimal(value: unknown): Decimal | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? new ExactDecimal(value) : undefined;
  }
  if (typeof value === 'string') {
    if (value.length > numericLimits.maxLength * 4) return undefined;
    const text = value.trim();
    return text.length <= numericLimits.maxLength && DECIMAL_STRING.test(text)
      ? withinLimits(new ExactDecimal(text))
      : undefined;
  }
  if (typeof value === 'object' && value !== null) {
    try {
      if (value instanceof Decimal) return value.isFinite() ? withinLimits(new ExactDecimal(value)) : undefined;
    } catch {
      return undefined; // a revoked proxy or a throwing prototype trap
    }
    return readForeignDecimal(value);
  }
  return undefined;
}

/**
 * `value` itself when it is a finite `Decimal` of the library's copy of decimal.js within
 * {@link numericLimits}: a value {@link tryDecimal} would copy only to read it. `undefined` for
 * anything else (read that with {@link tryDecimal}, which also reports what is wrong).
 */
export function decimalAsIs(value: unknown): Decimal | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    if (!(value instanceof Decimal) || value.d === null) return undefined;
    return withinLimits(value);
  } catch {
    return undefined; // a revoked proxy or a throwing prototype trap: tryDecimal says what it is
  }
}

/**
 * The sign of `x − y` (−1, 0 or 1) for two finite Decimals of the library's copy of decimal.js,
 * read digit by digit from their normalised form (sign `s`, exponent `e`, base-10⁷ words `d`, the
 * representation decimal.js documents) without copying either: `x.cmp(y)` copies `y` first.
 */
export function compareDecimals(x: Decimal, y: Decimal): number {
  const xd = x.d;
  const yd = y.d;
  const xs = x.s;
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -y.s : 0;
  if (xs !== y.s) return xs;
  const negative = xs < 0;
  if (x.e !== y.e) return x.e > y.e !== negative ? 1 : -1;
  const shorter = Math.min(xd.length, yd.length);
  for (let i = 0; i < shorter; i++) if (xd[i] !== yd[i]) return xd[i]! > yd[i]! !== negative ? 1 : -1;
  return xd.length === yd.length ? 0 : xd.length > yd.length !== negative ? 1 : -1;
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
