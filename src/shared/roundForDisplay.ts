import type { Decimal } from 'decimal.js';
import { fail } from './errors.js';
import { readInput, readingInput } from './input.js';
import { isDecimal } from './numeric.js';

/** Options of {@link roundForDisplay}. @category Numbers */
export interface DisplayRounding {
  /** Decimal places to keep: an integer from 0 to 100. */
  readonly decimals: number;
  /**
   * How a tie is rounded: `'half-up'` (default; away from zero, as taught at school and as a
   * spreadsheet's `ROUND` does: 2.345 → 2.35, −2.345 → −2.35) or `'half-even'` (to the even
   * neighbour, banker's rounding: 2.345 → 2.34, 2.355 → 2.36).
   */
  readonly rounding?: 'half-up' | 'half-even' | undefined;
}

/** decimal.js's rounding modes: `ROUND_HALF_UP` is 4, `ROUND_HALF_EVEN` 6 (the same in every copy of the library). */
const MODES: Readonly<Record<'half-up' | 'half-even', Decimal.Rounding>> = { 'half-up': 4, 'half-even': 6 };

/** True for the objects copied field by field: plain objects and results with a display prototype. */
function isRecordLike(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return true;
  return (
    typeof prototype === 'object' &&
    Object.getPrototypeOf(prototype) === Object.prototype &&
    !Object.prototype.hasOwnProperty.call(prototype, 'constructor') &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/** Reads the options once, checking `decimals` and `rounding`. */
function readRounding(given: DisplayRounding): { decimals: number; mode: Decimal.Rounding } {
  const options: unknown = readInput(given, 'options', 'roundForDisplay');
  if (typeof options !== 'object' || options === null)
    fail('options', 'an options object with decimals', options, 'roundForDisplay', 'invalid_type');
  const { decimals, rounding = 'half-up' } = options as { decimals?: unknown; rounding?: unknown };
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 100)
    fail('options.decimals', 'an integer number of decimal places from 0 to 100', decimals, 'roundForDisplay');
  if (rounding !== 'half-up' && rounding !== 'half-even')
    fail('options.rounding', 'one of "half-up", "half-even"', rounding, 'roundForDisplay', 'invalid_value');
  return { decimals, mode: MODES[rounding] };
}

/**
 * A copy of a result for display, with every `Decimal` in it rounded to `decimals` places; the
 * result itself stays exact. Scores, ratios and money are exact decimals (a non-terminating ratio
 * carries 40 significant digits), so their JSON is long; round once, at display, never in
 * between. Arrays and plain objects (results included) are copied; any other object (a model, a
 * `Date`, a typed array) is kept as it is. A rounded value keeps at most `decimals` places (`'70'`
 * stays `'70'`, never `'70.00'`): pass the copy to a formatter for fixed places.
 *
 * @param value - A result (or any value holding `Decimal`s).
 * @param options - `decimals` (0–100) and the tie rule `rounding`: `'half-up'` (default, away from
 *   zero) or `'half-even'`.
 * @returns The copy, typed as the input.
 * @throws {ValidationError} when `decimals` is not an integer from 0 to 100 or `rounding` is unknown,
 *   or a part of `value` cannot be read (a throwing getter, a revoked proxy).
 * @example
 * ```ts
 * import { roundForDisplay, toDecimal } from 'clientele';
 * const share = { ratio: toDecimal(2).dividedBy(3), total: toDecimal('2.345') };
 * JSON.stringify(roundForDisplay(share, { decimals: 2 })); // '{"ratio":"0.67","total":"2.35"}'
 * roundForDisplay(share, { decimals: 2, rounding: 'half-even' }).total.toString(); // '2.34'
 * share.total.toString(); // '2.345'
 * ```
 * @category Numbers
 */
export function roundForDisplay<T>(value: T, options: DisplayRounding): T {
  const { decimals, mode } = readRounding(options);
  const copies = new Map<object, unknown>();
  const copy = (item: unknown): unknown => {
    if (typeof item !== 'object' || item === null) return item;
    if (isDecimal(item)) return item.toDecimalPlaces(decimals, mode);
    const done = copies.get(item);
    if (done !== undefined) return done;
    if (Array.isArray(item)) {
      const array: unknown[] = [];
      copies.set(item, array);
      for (const element of item) array.push(copy(element));
      return array;
    }
    if (!isRecordLike(item)) return item;
    const record = Object.create(Object.getPrototypeOf(item) as object | null) as Record<string, unknown>;
    copies.set(item, record);
    for (const key of Object.keys(item)) {
      const field = { value: copy((item as Record<string, unknown>)[key]), enumerable: true, writable: true };
      Object.defineProperty(record, key, { ...field, configurable: true }); // `__proto__` stays an own key
    }
    return record;
  };
  // read in place (a result may be large): a throwing getter or revoked proxy is a ValidationError
  return readingInput('value', 'roundForDisplay', () => copy(value)) as T;
}
