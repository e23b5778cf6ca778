/**
 * Reading lists of account values for the portfolio functions, and the one deterministic
 * "largest first" order they all share.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { fail, joinPath } from '../../shared/errors.js';
import { ZERO, isDecimal, toDecimal, type Numeric } from '../../shared/numeric.js';

/** An account's value for portfolio analytics: a bare number, or the account's id with its value. */
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
export function readAccountValues(input: unknown, path: string, context: string, allowNegative = false): ReadValues {
  if (!Array.isArray(input)) fail(path, 'an array of non-negative numbers or { id, value } objects', input, context);
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
      if (typeof record.id !== 'string') fail(joinPath(itemPath, 'id'), 'a string id', record.id, context);
      id = record.id;
      raw = record.value;
      itemPath = joinPath(itemPath, 'value');
    }
    const value = toDecimal(raw, itemPath);
    if (!allowNegative && value.isNegative() && !value.isZero()) fail(itemPath, 'a value ≥ 0', raw, context);
    values[index] = value;
    ids[index] = id;
    total = total.plus(value);
  }
  return { values, ids, total };
}

/**
 * Indices ordered by value, largest first; equal values keep their input order, so the order is
 * the same on every run and every runtime. Sorts on the doubles first (`toNumber` is correctly
 * rounded, hence monotone) and compares the exact decimals only where the doubles tie, so the
 * order is exact and a million values sort in about a second.
 */
export function largestFirst(values: readonly Decimal[]): number[] {
  const n = values.length;
  const approximate = new Float64Array(n);
  for (let index = 0; index < n; index++) approximate[index] = values[index]!.toNumber();
  const order = Array.from({ length: n }, (_, index) => index);
  order.sort((a, b) => approximate[b]! - approximate[a]! || values[b]!.cmp(values[a]!) || a - b);
  return order;
}
