/**
 * Small readers shared by the value module's public functions: each reads one input exactly or
 * throws a `ValidationError` naming the path.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { fail, joinPath } from '../../shared/errors.js';
import { ONE, ZERO, toDecimal } from '../../shared/numeric.js';
import type { NpvHorizon, NpvTiming } from './npv.js';
import { readInput } from '../../shared/input.js';

/** Reads a probability in [0, 1]. */
export function readProbability(value: unknown, path: string, context: string): Decimal {
  const decimal = toDecimal(value, path);
  if (decimal.lt(ZERO) || decimal.gt(ONE)) fail(path, 'a probability between 0 and 1', value, context);
  return decimal;
}

/** Reads a share in (0, 1]. */
export function readShare(value: unknown, path: string, context: string): Decimal {
  const decimal = toDecimal(value, path);
  if (decimal.lte(ZERO) || decimal.gt(ONE)) fail(path, 'a share greater than 0 and at most 1', value, context);
  return decimal;
}

/** Reads a discount or interest rate: a decimal greater than −1 (0.1 is 10 % per period). */
export function readRate(value: unknown, path: string, context: string): Decimal {
  const decimal = toDecimal(value, path);
  if (decimal.lte(ONE.neg())) fail(path, 'a rate greater than −1 (0.1 means 10 % per period)', value, context);
  return decimal;
}

/** The most periods a series may list explicitly. */
const MAX_SERIES = 10_000;

/** Reads a number or a non-empty series of numbers, with an optional per-item reader. */
export function readSeries(
  value: unknown,
  path: string,
  context: string,
  readItem: (item: unknown, itemPath: string) => Decimal = (item, itemPath) => toDecimal(item, itemPath),
): Decimal[] {
  if (Array.isArray(value)) {
    if (value.length === 0) fail(path, 'a number or a non-empty array of numbers', value, context);
    if (value.length > MAX_SERIES) fail(path, `at most ${MAX_SERIES} periods`, value, context, 'too_big');
    return value.map((item, index) => readItem(item, joinPath(path, index)));
  }
  return [readItem(value, path)];
}

/** Reads a horizon: a positive whole number of periods or `'perpetuity'`. */
export function readHorizon(value: unknown, path: string, context: string): NpvHorizon {
  if (value === undefined || value === 'perpetuity') return 'perpetuity';
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  return fail(path, 'a whole number of periods ≥ 1 or "perpetuity"', value, context);
}

/** Reads a period timing: `'end'` (default) or `'start'`. */
export function readTiming(value: unknown, path: string, context: string): NpvTiming {
  if (value === undefined || value === 'end') return 'end';
  if (value === 'start') return 'start';
  return fail(path, 'one of "start", "end"', value, context);
}

/** Fails unless `value` is a plain object. */
export function readObject(value: unknown, path: string, context: string): Record<string, unknown> {
  const snapshot = readInput(value, path, context);
  if (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot))
    fail(path, 'an object', snapshot, context, 'invalid_type');
  return snapshot as Record<string, unknown>;
}
