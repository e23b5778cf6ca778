/**
 * Σv and Σv² of a list of non-negative decimals, exactly, on doubles: the HHI's integers without
 * a BigInt per value.
 *
 * How. decimal.js keeps a value's digits in base-10^7 limbs aligned to absolute powers of ten:
 * the limb `d[i]` stands for `d[i] × 10^(7(K − i))` with K = ⌊e / 7⌋. So every value's limbs
 * already sit in common columns (one per power 10^(7c)), and so do the limb products of its
 * square (column c + c'). The sums are kept column by column as doubles: a value adds below
 * 10^7 to a column of Σv and below (its limb count) × 10^14 to a column of Σv²; the columns are
 * carried to base 10^7 again often enough that none ever reaches 2^53, so every addition is
 * exact. The two sums come out as BigInts (coefficients of 10^(7·lowest) and 10^(14·lowest)),
 * whose ratio Σv² / (Σv)² is the ratio of the values' own sums.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';

const BASE = 1e7;
const BIG_BASE = 10_000_000n;
/** Below 2^53 with room for one more batch of products: the columns are carried before passing it. */
const HEADROOM = 8e15;
/** The widest spread of limb positions kept in columns (values from 10^-140 to 10^140 and more). */
const MAX_COLUMNS = 40;

/** Σv and Σv² as integers in units of 10^(7·lowest) and 10^(14·lowest). */
export interface LimbSums {
  readonly sum: bigint;
  readonly squares: bigint;
}

/**
 * The exact Σv and Σv² of `values` (scaled alike, see {@link LimbSums}), or `null` when a value is
 * negative or the values' digits spread over too many columns (the caller then sums on BigInt).
 */
export function limbSums(values: readonly Decimal[]): LimbSums | null {
  let lowest = Infinity;
  let highest = -Infinity;
  let widest = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    const d = value.d;
    if (!d || d.length === 0 || d[0] === 0) continue;
    if (value.s < 0) return null;
    const top = Math.floor(value.e / 7);
    if (top > highest) highest = top;
    if (top - d.length + 1 < lowest) lowest = top - d.length + 1;
    if (d.length > widest) widest = d.length;
  }
  if (widest === 0) return { sum: 0n, squares: 0n };
  const span = highest - lowest + 1;
  if (span > MAX_COLUMNS || widest > MAX_COLUMNS) return null;
  // one more column each for the carries out of the top
  const sum = new Float64Array(span + 2);
  const squares = new Float64Array(2 * span + 2);
  const batch = Math.max(1, Math.floor(HEADROOM / (widest * 1e14)));
  let pending = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    const d = value.d;
    if (!d || d.length === 0 || d[0] === 0) continue;
    const top = Math.floor(value.e / 7) - lowest; // the column of d[0]
    const n = d.length;
    for (let i = 0; i < n; i++) {
      const limb = d[i]!;
      if (limb === 0) continue;
      const column = top - i;
      sum[column]! += limb;
      squares[2 * column]! += limb * limb;
      const twice = 2 * limb;
      for (let j = i + 1; j < n; j++) squares[2 * column - (j - i)]! += twice * d[j]!;
    }
    if (++pending === batch) {
      carry(sum);
      carry(squares);
      pending = 0;
    }
  }
  carry(sum);
  carry(squares);
  return { sum: bigOf(sum), squares: bigOf(squares) };
}

/** Carries every column but the top one to below 10^7, into the next (the top one never nears 2^53). */
function carry(columns: Float64Array): void {
  let over = 0;
  const top = columns.length - 1;
  for (let c = 0; c < top; c++) {
    const total = columns[c]! + over;
    const low = total % BASE;
    columns[c] = low;
    over = (total - low) / BASE;
  }
  columns[top]! += over;
}

/** The integer Σ columns[c] × 10^(7c), columns carried already. */
function bigOf(columns: Float64Array): bigint {
  let value = 0n;
  for (let c = columns.length - 1; c >= 0; c--) value = value * BIG_BASE + BigInt(columns[c]!);
  return value;
}
