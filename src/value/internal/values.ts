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
import type { DecimalDigits } from './roundedSum.js';

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
 * the same on every run and every runtime. The order is the exact one: doubles close to the
 * values (relative error below 1e-13; from their digits when read already) place them, and
 * wherever two neighbours are within 1e-9 of each other (far above that error) their exact
 * decimals decide.
 */
export function largestFirst(values: readonly Decimal[], digits?: DecimalDigits): number[] {
  const n = values.length;
  const keys = new Float64Array(n);
  let wellScaled = true;
  for (let index = 0; index < n; index++) {
    let key = digits === undefined ? Number.NaN : digits.approximate(index);
    if (Number.isNaN(key)) key = approximate(values[index]!);
    keys[index] = key;
    const size = Math.abs(key);
    if (!(size < 1e290) || (size !== 0 && size < 1e-290)) wellScaled = false;
  }
  const exactly = (a: number, b: number) => compareExact(values[b]!, values[a]!) || a - b;
  // equal values (the common close neighbours) are told by their digits, when read already
  const inRuns =
    digits === undefined ? exactly : (a: number, b: number) => (digits.equal(a, b) ? a - b : exactly(a, b));
  if (!wellScaled) {
    // doubles out of their comfortable range: compare as before, pair by pair
    return Array.from({ length: n }, (_, index) => index).sort((a, b) => {
      const difference = keys[b]! - keys[a]!;
      if (Math.abs(difference) > 1e-9 * Math.max(Math.abs(keys[a]!), Math.abs(keys[b]!))) return difference;
      return exactly(a, b);
    });
  }
  const order = radixOrder(keys);
  // runs of neighbours too close for the doubles to be sure: sorted on the exact decimals
  let start = 0;
  for (let k = 1; k <= n; k++) {
    if (k < n) {
      const a = keys[order[k - 1]!]!;
      const b = keys[order[k]!]!;
      if (Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) continue;
    }
    if (k - start > 1 && !inOrder(order, start, k, inRuns)) {
      const run = order.slice(start, k).sort(inRuns);
      for (let j = 0; j < run.length; j++) order[start + j] = run[j]!;
    }
    start = k;
  }
  return order;
}

/** True when `order[start..end)` is already ordered by `compare`. */
function inOrder(order: number[], start: number, end: number, compare: (a: number, b: number) => number): boolean {
  for (let k = start + 1; k < end; k++) if (compare(order[k - 1]!, order[k]!) > 0) return false;
  return true;
}

/**
 * `x.cmp(y)` for two finite decimals, read from their digits (decimal.js' documented `d`, `e`,
 * `s`) without the copy `cmp` makes of its argument: sign, then exponent, then the base-10^7
 * digits, which equal exponents align alike.
 */
export function compareExact(x: Decimal, y: Decimal): number {
  const xs = x.d[0] === 0 ? 0 : x.s;
  const ys = y.d[0] === 0 ? 0 : y.s;
  if (xs !== ys) return xs > ys ? 1 : -1;
  if (xs === 0) return 0;
  if (x.e !== y.e) return x.e > y.e === xs > 0 ? 1 : -1;
  const xd = x.d;
  const yd = y.d;
  const n = Math.max(xd.length, yd.length);
  for (let index = 0; index < n; index++) {
    const a = xd[index] ?? 0;
    const b = yd[index] ?? 0;
    if (a !== b) return a > b === xs > 0 ? 1 : -1;
  }
  return 0;
}

/**
 * Indices by key, largest first, ties in index order: a stable least-significant-digit radix sort
 * on the bits of −key, made to sort as unsigned integers (16 bits a pass; a pass whose digit is
 * the same for every key is skipped). The words travel with the indices, so every pass reads in order.
 */
function radixOrder(keys: Float64Array): number[] {
  const n = keys.length;
  const bits = new Float64Array(n);
  for (let index = 0; index < n; index++) bits[index] = -keys[index]! + 0; // + 0: −0 becomes 0
  const words = new Uint32Array(bits.buffer);
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  let low = new Uint32Array(n);
  let high = new Uint32Array(n);
  let from = new Uint32Array(n);
  for (let index = 0; index < n; index++) {
    const lo = words[2 * index + (little ? 0 : 1)]!;
    const hi = words[2 * index + (little ? 1 : 0)]!;
    const negative = hi >>> 31 === 1;
    low[index] = negative ? ~lo >>> 0 : lo;
    high[index] = negative ? ~hi >>> 0 : (hi | 0x80000000) >>> 0;
    from[index] = index;
  }
  let lowTo = new Uint32Array(n);
  let highTo = new Uint32Array(n);
  let to = new Uint32Array(n);
  const counts = new Uint32Array(65_536);
  for (let pass = 0; pass < 4; pass++) {
    const shift = pass % 2 === 0 ? 0 : 16;
    const word = pass < 2 ? low : high;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(word[k]! >>> shift) & 0xffff]!++;
    if (counts[(word[0]! >>> shift) & 0xffff] === n) continue;
    let total = 0;
    for (let digit = 0; digit < 65_536; digit++) {
      const count = counts[digit]!;
      counts[digit] = total;
      total += count;
    }
    for (let k = 0; k < n; k++) {
      const at = counts[(word[k]! >>> shift) & 0xffff]!++;
      to[at] = from[k]!;
      lowTo[at] = low[k]!;
      highTo[at] = high[k]!;
    }
    [from, to, low, lowTo, high, highTo] = [to, from, lowTo, low, highTo, high];
  }
  return Array.from(from);
}
