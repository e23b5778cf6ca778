/**
 * Reading lists of account values for the portfolio functions, and the one deterministic
 * "largest first" order they all share.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { fail, joinPath } from '../../shared/errors.js';
import { ExactDecimal, ZERO, isDecimal, toDecimal, type Numeric } from '../../shared/numeric.js';
import { readInput } from '../../shared/input.js';

/**
 * An account's value for portfolio analytics: a bare number, or the account's id with its value.
 * @category Portfolio
 */
export type AccountValue = Numeric | { readonly id: string; readonly value: Numeric };

/** Values read exactly, with the ids that came with them and their total. */
export interface ReadValues {
  readonly values: Decimal[];
  readonly ids: (string | undefined)[];
  readonly total: Decimal;
}

/**
 * Reads `values[i]` (a numeric or `{ id, value }`) exactly; every value must be ≥ 0 because
 * shares of a total make no sense otherwise.
 * @throws {ValidationError} when the list is not an array, or an item is not a non-negative number.
 */
export function readAccountValues(given: unknown, path: string, context: string, allowNegative = false): ReadValues {
  const input = readInput(given, path, context);
  if (!Array.isArray(input))
    fail(path, 'an array of non-negative numbers or { id, value } objects', input, context, 'invalid_type');
  const values: Decimal[] = new Array<Decimal>(input.length);
  const ids: (string | undefined)[] = new Array<string | undefined>(input.length);
  let total = ZERO;
  for (let index = 0; index < input.length; index++) {
    const item: unknown = input[index];
    let raw: unknown = item;
    let id: string | undefined;
    let itemPath = joinPath(path, index);
    if (typeof item === 'object' && item !== null && !isDecimal(item)) {
      const record = item as { id?: unknown; value?: unknown };
      if (typeof record.id !== 'string')
        fail(joinPath(itemPath, 'id'), 'a string id', record.id, context, 'invalid_type');
      id = record.id;
      raw = record.value;
      itemPath = joinPath(itemPath, 'value');
    }
    const value = raw instanceof ExactDecimal ? (raw as Decimal) : toDecimal(raw, itemPath);
    if (!allowNegative && value.isNegative() && !value.isZero()) fail(itemPath, 'a value ≥ 0', raw, context);
    values[index] = value;
    ids[index] = id;
    total = total.plus(value);
  }
  return { values, ids, total };
}

/**
 * A double close to a decimal (relative error below 1e-13), read from its digits (decimal.js'
 * documented `d`, `e`, `s` properties) without going through a string.
 */
export function approximate(value: Decimal): number {
  const limbs = value.d;
  if (!limbs || limbs.length === 0) return 0;
  const first = limbs[0]!;
  const digits =
    first >= 1e6 ? 7 : first >= 1e5 ? 6 : first >= 1e4 ? 5 : first >= 1e3 ? 4 : first >= 100 ? 3 : first >= 10 ? 2 : 1;
  const coefficient = first + (limbs[1] ?? 0) / 1e7 + (limbs[2] ?? 0) / 1e14;
  return value.s * coefficient * 10 ** (value.e - digits + 1);
}

/**
 * Indices ordered by value, largest first; equal values keep their input order, so the order is
 * the same on every run and every runtime. Compares doubles where they are far enough apart to
 * be sure (1e-9 relative, far above their error) and the exact decimals otherwise, so the order
 * is exact and a million values sort in about a second.
 */
export function largestFirst(values: readonly Decimal[]): number[] {
  const n = values.length;
  const keys = new Float64Array(n);
  for (let index = 0; index < n; index++) keys[index] = approximate(values[index]!);
  const order = Array.from({ length: n }, (_, index) => index);
  order.sort((a, b) => {
    const fa = keys[a]!;
    const fb = keys[b]!;
    const difference = fb - fa;
    if (Math.abs(difference) > 1e-9 * Math.max(Math.abs(fa), Math.abs(fb))) return difference;
    return values[b]!.cmp(values[a]!) || a - b;
  });
  return order;
}
