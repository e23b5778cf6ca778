/**
 * The row passes behind `scoreColumns`, read from the scorecard's plan (plan.ts).
 *
 * Pass 1 (every row, column by column, in blocks that stay in the CPU cache; `Float64Array` columns
 * four at a time, one numerator load and store a row for the four): a rating that is a plain number
 * with at most six decimals is an integer count of millionths `s` (the plan's exactness guard), and
 * the row's numerator `N = Σ_f M_f × (s_f − base_f)` is summed in integers. A row with any other cell
 * is flagged.
 *
 * Pass 2 (flagged rows only, block by block right after pass 1, while the block is in the cache;
 * a block of doubles beyond six decimals sums them in the same accumulator, so pass 1 already
 * holds their approximate numerators): any finite double and any decimal string is read without leaving
 * the columnar path. A double is the shortest decimal that round-trips to it (at most 17
 * significant digits), within half an ulp of the double itself; a decimal string's double is
 * within half an ulp of the string's value. So the row's numerator is known to within a bound
 * computed from the model (see {@link approximationMargin}): a grade edge farther than the bound
 * decides the grade at float speed, and only a total within the bound of an edge is decided
 * exactly, in BigInt rationals. Its exact total is worked out when `total(i)` is read. Rows that
 * need the missing-value policy, a scale or an error report go through `evaluate` (the exact path
 * `score` takes), so every result equals `score`'s.
 * @module
 */
import { compare, type Rational } from '../../shared/rational.js';
import { findBand } from '../grades/grade.js';
import type { GradeBands } from '../grades/types.js';
import type { Core } from './core.js';
import type { FastPlan } from './fastPlan.js';
import { planTotal, toMillionths, type ScorecardPlan } from './plan.js';
import { readRating } from './readRecord.js';

/** 2^52 + 2^51: adding and subtracting it rounds a double below 2^51 to the nearest integer. */
const ROUNDER = 6755399441055744;
const MILLION = 1e6;
/** Rows per block of pass 1: the block's numerators stay in the L1 cache across all factors. */
const BLOCK = 2048;
/** A plain decimal literal, as `toDecimal` accepts it (shared/numeric.ts). */
const DECIMAL_STRING = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A decimal literal with at most six decimals and no exponent: exact in millionths. */
const MILLIONTHS_STRING = /^[+-]?\d+(?:\.\d{0,6})?$/;
/** Strings longer than this go to the exact path (which applies the library's length limit). */
const MAX_TEXT = 64;

/** Row routes: how a row's total is read back. */
export const ROUTE_INTEGER = 0;
/** Pass 2 decided the grade; the exact total is computed from the kept cells when read. */
export const ROUTE_KEPT = 1;
/** `evaluate` scored the row (or reported it in `errors`). */
export const ROUTE_EXACT = 2;

/** What both passes read of the model, per factor, in plain numbers. */
export interface ColumnModel {
  readonly factorCount: number;
  /** Integer multiplier `M_f` of each factor's category (numerator units per millionth). */
  readonly multipliers: Float64Array;
  /** Each factor's range in millionths. */
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** Each factor's range as doubles (the nearest double to the exact edge). */
  readonly lowValue: Float64Array;
  readonly highValue: Float64Array;
  /** `M_f × 10^6` as a double: numerator units per rating unit. */
  readonly perUnit: Float64Array;
  /** Each factor's rating at zero points (`min` under `minmax`, else 0), in millionths and as a double. */
  readonly base: Float64Array;
  readonly baseValue: Float64Array;
  /** True when every factor takes ratings directly (no scale). */
  readonly direct: boolean;
  /** True when every partial sum of pass 1 stays a safe integer. */
  readonly safe: boolean;
  /** Absolute error bound of an approximate numerator (see {@link approximationMargin}). */
  readonly margin: number;
  /**
   * Each factor's grid of sixty-fourths for the fast loop of pass 1 ({@link exactFloat64Block}):
   * the lowest one in range `gridLow = ⌈min / 15625⌉`, how many more are in range (`gridSpan`;
   * −1 when the loop must take no cell), and the integer term of grid point `gridLow + u` as
   * `gridStep × u + gridOffset` (`gridStep = M × 15625`, `gridOffset = M × (15625 × gridLow − base)`).
   */
  readonly gridLow: Float64Array;
  readonly gridSpan: Float64Array;
  readonly gridStep: Float64Array;
  readonly gridOffset: Float64Array;
}

/**
 * The bound on the error of an approximate numerator `Σ_f perUnit_f × (v_f − base_f)`. Against
 * the exact `Σ_f M_f × 10^6 × (d_f − base_f)` (d the exact decimal) each term carries the cell's
 * half ulp, the rounding of `base_f`, of the difference, of `perUnit_f` and of the product, each
 * at most `2^-53` relative to `M_f × 10^6 × (|v_f| + |base_f|)`; the row's accumulator (the exact
 * integer terms of its other cells and these terms, one addition per cell) adds at most `F + 2`
 * roundings of partial sums. With `S = Σ_f M_f × 10^6 × (max(|min_f|, |max_f|) + |base_f|) + max |edge|` the
 * error is below `(F + 8) × 2^-53 × S`; the margin is eight times that and more.
 */
export function approximationMargin(factorCount: number, scale: number): number {
  return (factorCount + 6) * 2 ** -50 * scale;
}

/** The plain-number view of a plan for both passes. */
export function columnModel(core: Core, fast: FastPlan, edgeScale: number): ColumnModel {
  const count = fast.factors.length;
  const multipliers = new Float64Array(count);
  const low = new Float64Array(count);
  const high = new Float64Array(count);
  const lowValue = new Float64Array(count);
  const highValue = new Float64Array(count);
  const perUnit = new Float64Array(count);
  const base = new Float64Array(count);
  const baseValue = new Float64Array(count);
  let bound = 0;
  let scale = 0;
  fast.factors.forEach((factor, f) => {
    multipliers[f] = factor.coefficient;
    low[f] = factor.min;
    high[f] = factor.max;
    lowValue[f] = factor.min / MILLION;
    highValue[f] = factor.max / MILLION;
    perUnit[f] = factor.coefficient * MILLION;
    base[f] = factor.base;
    baseValue[f] = factor.base / MILLION;
    bound += factor.coefficient * Math.max(Math.abs(factor.min - factor.base), Math.abs(factor.max - factor.base));
    scale += factor.coefficient * (Math.max(Math.abs(factor.min), Math.abs(factor.max)) + Math.abs(factor.base));
  });
  const direct = core.factors.every((factor) => factor.scale === null);
  // the guards' proofs need |v| < 10^9 (so |s| < 2^50, plan.ts toMillionths), and every partial sum
  // must stay exact, with room for a replaced term that missed the range by up to 1/128
  const inGuard = fast.factors.every((factor) => Math.max(Math.abs(factor.min), Math.abs(factor.max)) < 1e15);
  const slack = fast.factors.reduce((total, factor) => total + factor.coefficient * 15625, 0);
  const safe = inGuard && bound + slack <= Number.MAX_SAFE_INTEGER;
  const margin = approximationMargin(count, scale + edgeScale);
  const { gridLow, gridSpan, gridStep, gridOffset } = gridOf(fast, bound);
  // one object literal without spreads: its hidden class then stays alive with the literal's site, so
  // a full collection between calls does not drop the passes' optimised code (see docs/performance.md)
  return {
    factorCount: count,
    multipliers,
    low,
    high,
    lowValue,
    highValue,
    perUnit,
    base,
    baseValue,
    direct,
    safe,
    margin,
    gridLow,
    gridSpan,
    gridStep,
    gridOffset,
  };
}

/**
 * The grids of sixty-fourths of {@link ColumnModel}. A factor gets none (`gridSpan = −1`) when its
 * range reaches below zero (then `v × 64 − gridLow` could round a tiny non-grid rating onto the
 * grid). No factor gets one unless every sum of grid terms (`gridStep × u` for `u ≤ gridSpan`, and
 * offsets) together with a partial row sum (at most `bound`) is an exact safe integer.
 */
function gridOf(fast: FastPlan, bound: number): Pick<ColumnModel, 'gridLow' | 'gridSpan' | 'gridStep' | 'gridOffset'> {
  const count = fast.factors.length;
  const [gridLow, gridSpan, gridStep, gridOffset] = [0, 1, 2, 3].map(() => new Float64Array(count)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  let reach = bound;
  fast.factors.forEach((factor, f) => {
    const low = Math.ceil(factor.min / 15625);
    const span = Math.floor(factor.max / 15625) - low;
    gridLow[f] = low;
    gridSpan[f] = low >= 0 ? span : -1;
    gridStep[f] = factor.coefficient * 15625;
    gridOffset[f] = factor.coefficient * (15625 * low - factor.base);
    reach += gridStep[f] * Math.max(span, 1) + Math.abs(gridOffset[f]);
  });
  if (!(reach <= Number.MAX_SAFE_INTEGER)) gridSpan.fill(-1);
  return { gridLow, gridSpan, gridStep, gridOffset };
}

/** Pass 1 flags: a cell was a double beyond six decimals, inside its range. */
export const FLAG_INEXACT = 1;
/** Pass 1 flags: a cell needs the row reader (a string, a missing value, out of range, not a number). */
export const FLAG_OTHER = 2;

/**
 * Pass 1: integer numerators of every row whose cells are plain numbers with at most six
 * decimals inside their range (flag 0). A double with more decimals, strictly inside its range,
 * adds its approximate term to the same accumulator instead (flag {@link FLAG_INEXACT}: the row's
 * numerator is then a float sum within the model's margin, see {@link approximationMargin}); any
 * other cell flags the row for the row reader ({@link FLAG_OTHER}).
 *
 * Rows are taken in blocks that stay in the CPU cache, column by column. A column whose last
 * block was mostly doubles beyond six decimals is read straight onto the bounded-error path for
 * the next block ({@link approximateBlock}); any other column block takes {@link exactBlock}.
 * Each block is graded, then handed to `afterBlock` (pass 2 of its flagged rows) while it is in
 * the cache.
 */
export function integerPass(
  model: ColumnModel,
  arrays: readonly ArrayLike<unknown>[],
  out: PassOutput,
  afterBlock: (start: number, end: number) => void,
): void {
  const { numerators, flags, grades, thresholds } = out;
  const count = numerators.length;
  // per column, how many cells of the last block were inexact: past half, the next block is read
  // on the bounded-error path directly (exact either way; only the row's numerator is then NaN)
  const inexactCells = new Int32Array(arrays.length);
  // the Float64Array columns of a block that take the grid loop, and those on the bounded-error
  // path, each read four at a time (gridColumns, approximateColumns)
  const gridded = new Int32Array(arrays.length);
  const approximated = new Int32Array(arrays.length);
  for (let start = 0; start < count; start += BLOCK) {
    const end = start + BLOCK < count ? start + BLOCK : count;
    let [grids, approximations, approximate] = [0, 0, false];
    for (let f = 0; f < arrays.length; f++) {
      const column = arrays[f]!;
      const typed = column instanceof Float64Array;
      if (inexactCells[f]! * 2 > end - start) {
        // stays in this mode: these cells are not counted again
        approximate = true;
        if (typed) approximated[approximations++] = f;
        else approximateBlock(model, f, column, out, start, end);
      } else if (typed && model.gridSpan[f]! >= 0) gridded[grids++] = f;
      else inexactCells[f] = exactBlock(model, f, column, out, start, end);
    }
    let g = 0;
    for (; g + 4 <= grids; g += 4) gridColumns(model, fourColumns(arrays, gridded, g), out, start, end, inexactCells);
    for (; g < grids; g++) {
      const f = gridded[g]!;
      inexactCells[f] = exactFloat64Block(model, f, arrays[f] as Float64Array, out, start, end);
    }
    for (g = 0; g + 4 <= approximations; g += 4)
      approximateColumns(model, fourColumns(arrays, approximated, g), out, start, end);
    for (; g < approximations; g++)
      approximateBlock(model, approximated[g]!, arrays[approximated[g]!]!, out, start, end);
    if (approximate) for (let i = start; i < end; i++) flags[i]! |= FLAG_INEXACT;
    if (thresholds.length > 0) gradeBlock(numerators, grades, thresholds, start, end);
    afterBlock(start, end);
  }
}

/**
 * Reads column `f` over rows `[start, end)` into `out` (its rows' numerators and flags); returns
 * how many of its cells were doubles beyond six decimals inside the range.
 */
type ColumnBlockReader = (
  model: ColumnModel,
  f: number,
  column: ArrayLike<unknown>,
  out: PassOutput,
  start: number,
  end: number,
) => number;

/** Column `f`'s multiplier, base and range (in millionths), as pass 1 reads them. */
function columnTerms(model: ColumnModel, f: number): { m: number; zero: number; lowest: number; highest: number } {
  return { m: model.multipliers[f]!, zero: model.base[f]!, lowest: model.low[f]!, highest: model.high[f]! };
}

/**
 * One column over rows `[start, end)`, read for integers: returns how many of its cells were
 * doubles beyond six decimals inside the range.
 *
 * The first test needs no division: `t = v × 64` is exact, and when it is an integer `n` (so
 * `n / 64`, also exact, equals `v`), `v` is the decimal `n / 64` itself (at most six decimals
 * and, below 10^9, at most 15 significant digits, so it is the shortest decimal that round-trips
 * to `v`, the one `score` reads), which is `s = 15625 n` millionths. Ratings on halves, quarters
 * and eighths pass here. Any other cell takes the plan's exactness guard (a division) in the
 * cold branch. Each cell adds one term to its row's accumulator, so a row of exact cells sums
 * integers only (every partial sum is a safe integer: `ColumnModel.safe`).
 */
const exactBlock: ColumnBlockReader = (model, f, column, out, start, end) => {
  if (column instanceof Float64Array) return exactFloat64Block(model, f, column, out, start, end);
  const { m, zero, lowest, highest } = columnTerms(model, f);
  const numerators = out.numerators;
  let inexact = 0;
  for (let i = start; i < end; i++) {
    const value = column[i] as number; // anything but a number fails the strict equality below
    const n = value * 64 + ROUNDER - ROUNDER;
    const s = n * 15625;
    if (n * 0.015625 === value && s >= lowest && s <= highest) numerators[i]! += m * (s - zero);
    else inexact += offGridCell(model, f, value, out, i);
  }
  return inexact;
};

/**
 * {@link exactBlock} over a `Float64Array`, in a loop of its own (monomorphic, and every cell is a
 * number, so no type test), with as few operations a cell as the test allows: `u = v × 64 − gridLow`
 * and one unsigned conversion, `(u >>> 0) === u` (an integer in `[0, 2^32)`: false for NaN, ±Infinity,
 * fractions and anything below the grid) and `u ≤ gridSpan`, then the term `gridStep × u + gridOffset`.
 * `v × 64` is exact; with `gridLow ≥ 0` a non-integer `v × 64` at or above `gridLow` keeps its
 * fraction after the subtraction (`gridLow` is a multiple of its ulp, the difference no larger than
 * it) and one below gives a negative `u`, so a cell passes exactly when `v` is the grid point
 * `(gridLow + u) / 64` in range: `s = 15625 (gridLow + u)` millionths, the cell `score` reads, and the
 * term is `M × (s − base)` exactly (`ColumnModel.gridSpan`). The loop stops at the first other cell;
 * {@link offGridRest} takes the rest of the block.
 */
function exactFloat64Block(
  model: ColumnModel,
  f: number,
  column: Float64Array,
  out: PassOutput,
  start: number,
  end: number,
): number {
  const [low, span, step, offset] = [model.gridLow[f]!, model.gridSpan[f]!, model.gridStep[f]!, model.gridOffset[f]!];
  const numerators = out.numerators;
  let i = start;
  for (; i < end; i++) {
    const u = column[i]! * 64 - low;
    if (u >>> 0 !== u || u > span) break;
    numerators[i]! += step * u + offset;
  }
  return i === end ? 0 : offGridRest(model, f, column, out, i, end);
}

/**
 * The rest of a `Float64Array` block from its first cell off the fast loop's grid (or the whole block
 * of a factor without a grid): a cell with `t = v × 64` an int32 (`(t | 0) === t`, false for NaN and
 * ±Infinity) is `n = t` sixty-fourths, the `n` and the term {@link exactBlock} finds for it; any other
 * cell goes to {@link offGridCell}, as there (an in-range multiple of 1/64 beyond the int32 range
 * gets the same term from the plan's guard: `|s| < 10^15 < 2^50`, `ColumnModel.safe`).
 */
function offGridRest(model: ColumnModel, f: number, column: Float64Array, out: PassOutput, start: number, end: number) {
  const { m, zero, lowest, highest } = columnTerms(model, f);
  const numerators = out.numerators;
  let inexact = 0;
  for (let i = start; i < end; i++) {
    const value = column[i]!;
    const n = value * 64;
    const s = n * 15625;
    if ((n | 0) === n && s >= lowest && s <= highest) numerators[i]! += m * (s - zero);
    else inexact += offGridCell(model, f, value, out, i);
  }
  return inexact;
}

/** Four column indices and their `Float64Array`s, read in one loop (gridColumns, approximateColumns). */
type FourColumns = readonly [
  readonly [number, number, number, number],
  readonly [Float64Array, Float64Array, Float64Array, Float64Array],
];

/** The columns `indices[g … g + 3]` (each a `Float64Array`). */
function fourColumns(arrays: readonly ArrayLike<unknown>[], indices: Int32Array, g: number): FourColumns {
  const f = [indices[g]!, indices[g + 1]!, indices[g + 2]!, indices[g + 3]!] as const;
  return [f, [f[0], f[1], f[2], f[3]].map((index) => arrays[index] as Float64Array) as unknown as FourColumns[1]];
}

/**
 * Four grid columns (`gridded[g … g + 3]`, `Float64Array`s with a grid) over rows `[start, end)` in
 * one loop: each cell takes {@link exactFloat64Block}'s test, and a row whose four cells all pass
 * adds their four terms and the four offsets in one addition to its numerator (one load and store
 * of it instead of four, and one loop's checks). Every partial sum of it is an exact safe integer
 * (`ColumnModel.gridSpan`: the steps, spans and offsets of all grids together leave room for it),
 * so the numerator is the one the four columns give one by one. The loop stops at the first row
 * with another cell; each column takes the rest of the block on its own, and writes its count of
 * inexact cells to `inexactCells`.
 */
function gridColumns(
  model: ColumnModel,
  four: FourColumns,
  out: PassOutput,
  start: number,
  end: number,
  inexactCells: Int32Array,
): void {
  const [[a, b, c, d], [va, vb, vc, vd]] = four;
  const { gridLow: low, gridSpan: span, gridStep: step, gridOffset: offset } = model;
  const [la, lb, lc, ld] = [low[a]!, low[b]!, low[c]!, low[d]!];
  const [sa, sb, sc, sd] = [span[a]!, span[b]!, span[c]!, span[d]!];
  const [ka, kb, kc, kd] = [step[a]!, step[b]!, step[c]!, step[d]!];
  const offsets = offset[a]! + offset[b]! + offset[c]! + offset[d]!;
  const numerators = out.numerators;
  let i = start;
  for (; i < end; i++) {
    const ua = va[i]! * 64 - la;
    const ub = vb[i]! * 64 - lb;
    const uc = vc[i]! * 64 - lc;
    const ud = vd[i]! * 64 - ld;
    if (ua >>> 0 !== ua || ua > sa || ub >>> 0 !== ub || ub > sb) break;
    if (uc >>> 0 !== uc || uc > sc || ud >>> 0 !== ud || ud > sd) break;
    numerators[i]! += ka * ua + kb * ub + kc * uc + kd * ud + offsets;
  }
  const [indices, columns] = four;
  for (let k = 0; k < 4; k++)
    inexactCells[indices[k]!] = i === end ? 0 : exactFloat64Block(model, indices[k]!, columns[k]!, out, i, end);
}

/**
 * The cold branch of pass 1, one cell of column `f` in row `i` that is not an in-range multiple of
 * 1/64: a number with at most six decimals in range adds its integer term; a double beyond six
 * decimals strictly inside the range adds its approximate term and flags the row
 * {@link FLAG_INEXACT} (returns 1); anything else flags it {@link FLAG_OTHER}. Returns 0 but for
 * the inexact case.
 */
function offGridCell(model: ColumnModel, f: number, value: unknown, out: PassOutput, i: number): number {
  if (typeof value !== 'number') {
    out.flags[i]! |= FLAG_OTHER;
    return 0;
  }
  const u = toMillionths(value); // the plan's exactness guard (NaN fails both comparisons)
  if (u >= model.low[f]! && u <= model.high[f]!) {
    out.numerators[i]! += model.multipliers[f]! * (u - model.base[f]!);
    return 0;
  }
  if (value > model.lowValue[f]! && value < model.highValue[f]!) {
    out.numerators[i]! += model.perUnit[f]! * (value - model.baseValue[f]!);
    out.flags[i]! |= FLAG_INEXACT;
    return 1;
  }
  out.flags[i]! |= FLAG_OTHER;
  return 0;
}

/**
 * One column over rows `[start, end)` on the bounded-error path: each cell strictly inside its
 * range (or exactly at an edge) adds `perUnit × (v − base)`; any other cell flags its row for the
 * row reader. The caller flags every row of the block inexact.
 */
const approximateBlock: ColumnBlockReader = (model, f, column, out, start, end) => {
  const { numerators, flags } = out;
  const [k, zero] = [model.perUnit[f]!, model.baseValue[f]!];
  const [lowestValue, highestValue] = [model.lowValue[f]!, model.highValue[f]!];
  for (let i = start; i < end; i++) {
    const value = column[i] as number;
    if (typeof value !== 'number') flags[i]! |= FLAG_OTHER;
    else if (value > lowestValue && value < highestValue) numerators[i]! += k * (value - zero);
    else {
      const u = toMillionths(value); // the plan's exactness guard (NaN fails both comparisons)
      if (u >= model.low[f]! && u <= model.high[f]!)
        numerators[i]! += k * (value - zero); // exactly at an edge: still within the margin
      else flags[i]! |= FLAG_OTHER;
    }
  }
  return 0; // not counted: the column stays on this path
};

/**
 * Four `Float64Array` columns on the bounded-error path (`approximated[g … g + 3]`) over rows
 * `[start, end)` in one loop: a row whose four cells are all strictly inside their ranges adds
 * their four terms `perUnit × (v − base)` to its numerator in one addition (three roundings inside
 * the group and one into the accumulator: the same count as four additions, so the margin holds).
 * The loop stops at the first row with another cell; each column takes the rest of the block on its
 * own ({@link approximateBlock}).
 */
function approximateColumns(model: ColumnModel, four: FourColumns, out: PassOutput, start: number, end: number): void {
  const [[a, b, c, d], [va, vb, vc, vd]] = four;
  const { lowValue: low, highValue: high, perUnit, baseValue } = model;
  const [la, lb, lc, ld] = [low[a]!, low[b]!, low[c]!, low[d]!];
  const [ha, hb, hc, hd] = [high[a]!, high[b]!, high[c]!, high[d]!];
  const [ka, kb, kc, kd] = [perUnit[a]!, perUnit[b]!, perUnit[c]!, perUnit[d]!];
  const [za, zb, zc, zd] = [baseValue[a]!, baseValue[b]!, baseValue[c]!, baseValue[d]!];
  const numerators = out.numerators;
  let i = start;
  for (; i < end; i++) {
    const xa = va[i]!;
    const xb = vb[i]!;
    const xc = vc[i]!;
    const xd = vd[i]!;
    if (!(xa > la && xa < ha && xb > lb && xb < hb && xc > lc && xc < hc && xd > ld && xd < hd)) break;
    numerators[i]! += ka * (xa - za) + kb * (xb - zb) + kc * (xc - zc) + kd * (xd - zd);
  }
  if (i < end) for (let k = 0; k < 4; k++) approximateBlock(model, four[0][k]!, four[1][k]!, out, i, end);
}

/**
 * Grade ranks of one block's numerators (flagged rows are graded again later): rank `r` for the
 * first `r < last` with `N ≥ thresholds[r]`, else `last`. Up to four bands, the thresholds are
 * held in locals (`−Infinity` past `last`, so a number reaches `last` and NaN falls through to it).
 */
function gradeBlock(
  numerators: Float64Array,
  grades: Int32Array,
  thresholds: Float64Array,
  start: number,
  end: number,
): void {
  const last = thresholds.length - 1;
  if (last < 4) {
    const [t0, t1, t2] = [0, 1, 2].map((r) => (r < last ? thresholds[r]! : -Infinity)) as [number, number, number];
    for (let i = start; i < end; i++) {
      const n = numerators[i]!;
      grades[i] = n >= t0 ? 0 : n >= t1 ? 1 : n >= t2 ? 2 : last;
    }
    return;
  }
  for (let i = start; i < end; i++) {
    const n = numerators[i]!;
    let rank = 0;
    while (rank < last && !(n >= thresholds[rank]!)) rank++;
    grades[i] = rank;
  }
}

/** What pass 1 writes. */
export interface PassOutput {
  /** Integer numerators; the float sum (within the margin) of a row flagged inexact. */
  readonly numerators: Float64Array;
  readonly flags: Uint8Array;
  readonly grades: Int32Array;
  /** Integer thresholds of the bands, best first (empty: ungraded). */
  readonly thresholds: Float64Array;
}

/** One row as pass 2 reads it: the exact part, the approximate part, and whether any is approximate. */
interface RowSum {
  exact: number;
  approximate: number;
  inexact: boolean;
}

/**
 * Reads one cell into `sum`; false when the row needs the exact path (a missing value, a value
 * out of range without clamping, a non-numeric value, a string past the fast reader).
 */
function readCell(model: ColumnModel, f: number, cell: unknown, clamp: boolean, sum: RowSum): boolean {
  let value: number;
  let text = false;
  if (typeof cell === 'number') value = cell;
  else if (typeof cell === 'string') {
    const trimmed = cell.length <= MAX_TEXT ? cell.trim() : '';
    if (!DECIMAL_STRING.test(trimmed)) return false;
    value = Number(trimmed);
    if (value === 0 && !MILLIONTHS_STRING.test(trimmed)) return false; // an underflow such as 1e-2000
    text = !MILLIONTHS_STRING.test(trimmed);
  } else return false;
  const s = text ? Number.NaN : toMillionths(value);
  const m = model.multipliers[f]!;
  if (!Number.isNaN(s)) {
    // exactly s millionths (the plan's exactness guard)
    if (s >= model.low[f]! && s <= model.high[f]!) sum.exact += m * (s - model.base[f]!);
    else if (clamp) sum.exact += m * ((s < model.low[f]! ? model.low[f]! : model.high[f]!) - model.base[f]!);
    else return false;
    return true;
  }
  if (value > model.lowValue[f]! && value < model.highValue[f]!) {
    // strictly between the edges' doubles, so the exact value is strictly inside the range
    sum.approximate += model.perUnit[f]! * (value - model.baseValue[f]!);
    sum.inexact = true;
    return true;
  }
  if (!clamp || value !== value || value - value !== 0) return false;
  if (value === model.lowValue[f]! || value === model.highValue[f]!) return false; // at an edge: let exact decide
  sum.exact += m * ((value < model.lowValue[f]! ? model.low[f]! : model.high[f]!) - model.base[f]!);
  return true;
}

/** What pass 2 needs besides the model. */
export interface RowContext {
  readonly model: ColumnModel;
  readonly arrays: readonly ArrayLike<unknown>[];
  readonly clamp: boolean;
  readonly bands: GradeBands | null;
  /** Integer thresholds on the numerator (plan.ts `integerThreshold`), best band first. */
  readonly thresholds: readonly number[];
  /** The bands' lower edges in numerator units, as doubles (`-Infinity` when unbounded). */
  readonly edges: readonly number[];
  /** The exact total of a row from its cells, for grades within the margin of an edge. */
  readonly exactTotal: (cells: readonly unknown[]) => Rational;
}

/**
 * Pass 2 for one flagged row: its grade rank (−1 ungraded), or `null` when the row needs the exact
 * path. A row whose cells are all exact is graded on its integer numerator; otherwise on the
 * approximate numerator where the margin allows, else on the exact total.
 */
export function gradeFlaggedRow(context: RowContext, row: number, cells: unknown[], sum: RowSum): number | null {
  const { model, arrays, clamp, bands } = context;
  sum.exact = 0;
  sum.approximate = 0;
  sum.inexact = false;
  if (!model.direct) return null;
  for (let f = 0; f < arrays.length; f++) {
    const cell = arrays[f]![row];
    cells[f] = cell;
    if (!readCell(model, f, cell, clamp, sum)) return null;
  }
  if (!bands) return -1;
  const { thresholds, edges } = context;
  const last = thresholds.length - 1;
  if (!sum.inexact) {
    const n = sum.exact;
    for (let rank = 0; rank < last; rank++) if (n >= thresholds[rank]!) return rank;
    return last;
  }
  const rank = rankOfApproximate(sum.exact + sum.approximate, edges, model.margin);
  return rank === -2 ? findBand(context.exactTotal(cells), bands).rank : rank;
}

/**
 * The grade rank of an approximate numerator `x` (within the model's margin of the exact one), or
 * `-2` when an edge is too close to call in floats.
 */
export function rankOfApproximate(x: number, edges: readonly number[], margin: number): number {
  const last = edges.length - 1;
  for (let rank = 0; rank < last; rank++) {
    const edge = edges[rank]!;
    if (x >= edge + margin) return rank;
    if (x > edge - margin) return -2;
  }
  return last;
}

/** A fresh accumulator for {@link gradeFlaggedRow}. */
export function rowSum(): RowSum {
  return { exact: 0, approximate: 0, inexact: false };
}

/**
 * The exact total of one row from its cells, read as `score` reads them (a number as its shortest
 * round-trip decimal, a string as written), clamped when `clamp` is on: `Σ_c k_c × (Σ ratings − base_c)`.
 */
export function exactRowTotal(plan: ScorecardPlan, cells: readonly unknown[], clamp: boolean): Rational {
  const ratings = plan.factors.map((factor, f) => {
    let rating = readRating(cells[f]);
    if (rating === undefined) throw new RangeError('exactRowTotal: a cell pass 2 accepted is not numeric');
    if (clamp && compare(rating, factor.min) < 0) rating = factor.min;
    if (clamp && compare(rating, factor.max) > 0) rating = factor.max;
    return rating;
  });
  return planTotal(plan, ratings);
}

/**
 * Grades the rows of `[start, end)` that pass 1 flagged: a row of in-range doubles from its
 * approximate numerator (or exactly, near an edge), any other row through the row reader, or
 * `evaluate` when that declines. Returns the number of rows kept for lazy totals.
 */
export function resolveFlaggedRows(
  context: RowContext,
  rows: Pick<PassOutput, 'numerators' | 'grades' | 'flags'>,
  exactRow: (i: number) => void,
  start: number,
  end: number,
): number {
  const { numerators, grades, flags: routes } = rows;
  const { bands, edges, arrays } = context;
  const margin = context.model.margin;
  const sum = rowSum();
  const cells = new Array<unknown>(arrays.length);
  let kept = 0;
  for (let i = start; i < end; i++) {
    const flag = routes[i]!;
    if (flag === 0) continue;
    const x = numerators[i]!;
    numerators[i] = Number.NaN;
    let rank: number | null;
    if (flag === FLAG_INEXACT) {
      rank = bands ? rankOfApproximate(x, edges, margin) : -1;
      if (rank === -2) {
        for (let f = 0; f < arrays.length; f++) cells[f] = arrays[f]![i];
        rank = findBand(context.exactTotal(cells), bands!).rank;
      }
    } else rank = gradeFlaggedRow(context, i, cells, sum);
    if (rank === null) exactRow(i);
    else {
      routes[i] = ROUTE_KEPT;
      grades[i] = rank;
      kept++;
    }
  }
  return kept;
}
