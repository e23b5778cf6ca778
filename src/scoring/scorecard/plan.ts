/**
 * The one exact plan of a scorecard: the arithmetic every scoring path reads.
 *
 * A total is `100 × Σ_c w_c × (Σ ratings_c − base_c) / span_c` (seed 002, 客户潜在价值计算表; `base`
 * is 0 under `ratio` and Σ min under `minmax`). Each category's points per rating unit,
 * `k_c = 100·w_c / span_c`, is an exact fraction; over their least common denominator `D` every
 * `k_c = M_c / D` with an integer multiplier `M_c`, so a total is `N / D` with the integer (or
 * exact decimal) numerator `N = Σ_c M_c × (Σ ratings_c − base_c)`. Grade edges compare on `N`.
 *
 * This file is where the scoring semantics live: the plan itself, the exactness guard that
 * admits a floating-point rating to the integer path, the integer grade thresholds and the grade
 * (with the distance to the next band) of a total. `score`,
 * the batch forms, `scoreColumns` (through `fastPlan.ts`) and `toSql` (through the public
 * {@link scorecardPlan}) all read it. Rounding of a non-terminating result is `rationalToDecimal`
 * in `shared/rational.ts`.
 * @module
 */
import {
  add,
  lcm,
  multiply,
  rational,
  rationalToDecimal,
  subtract,
  tenTo,
  type Rational,
} from '../../shared/rational.js';
import { findBand } from '../grades/grade.js';
import type { GradeBands, NextGrade } from '../grades/types.js';
import type { Edge as IntervalEdge } from '../intervals.js';
import type { Normalisation } from './scorecardSchema.js';

/** One edge of a raw interval, exactly. @category Scorecard */
export interface PlanEdge {
  readonly value: Rational;
  readonly inclusive: boolean;
}

/** A special value of a scale and its rating (`null`: the value means "missing"). @category Scorecard */
export interface SpecialRule {
  readonly value: string;
  readonly rating: Rational | null;
}

/**
 * A factor's scale as exact data: what the compiled scale applies, and what `toSql` writes as
 * `CASE` branches. Bands keep the order of the definition.
 * @category Scorecard
 */
export type ScaleRule =
  | {
      readonly type: 'bands';
      readonly bands: readonly {
        readonly lower: PlanEdge | null;
        readonly upper: PlanEdge | null;
        readonly rating: Rational;
      }[];
      readonly special: readonly SpecialRule[];
    }
  | {
      readonly type: 'linear';
      readonly from: { readonly raw: Rational; readonly rating: Rational };
      readonly to: { readonly raw: Rational; readonly rating: Rational };
      readonly special: readonly SpecialRule[];
    }
  | {
      readonly type: 'categorical';
      readonly categories: readonly { readonly value: string; readonly rating: Rational }[];
      readonly default: Rational | null;
      readonly special: readonly SpecialRule[];
    }
  | {
      readonly type: 'boolean';
      readonly true: Rational;
      readonly false: Rational;
      readonly special: readonly SpecialRule[];
    };

/** One category of a plan. @category Scorecard */
export interface PlanCategory {
  readonly id: string;
  readonly weight: Rational;
  /** Indexes of the category's factors in {@link ScorecardPlan.factors}. */
  readonly factors: readonly number[];
  readonly minSum: Rational;
  readonly maxSum: Rational;
  /** The ratings sum at zero points: 0 under `ratio`, `minSum` under `minmax`. */
  readonly base: Rational;
  /** `k = 100 × weight / (maxSum − base)`: points per rating unit. */
  readonly coefficient: Rational;
  /** `M = k × denominator`, an integer: numerator points per rating unit. */
  readonly multiplier: bigint;
}

/** One factor of a plan. @category Scorecard */
export interface PlanFactor {
  readonly id: string;
  /** Index of its category in {@link ScorecardPlan.categories}. */
  readonly category: number;
  readonly min: Rational;
  readonly max: Rational;
  /** The rating at zero points: 0 under `ratio`, `min` under `minmax`. */
  readonly base: Rational;
  /** The raw-measure scale, or `null` when the factor takes ratings directly. */
  readonly scale: ScaleRule | null;
}

/**
 * A scorecard compiled for one normalisation: per-category integer multipliers over one common
 * denominator, so `total = Σ_c multiplier_c × (Σ ratings_c − base_c) / denominator` exactly.
 * Read it with {@link scorecardPlan}; the numbers are exact fractions (`bigint` numerator and
 * denominator).
 * @category Scorecard
 */
export interface ScorecardPlan {
  readonly normalisation: Normalisation;
  /** `D`, the least common denominator of every category's points per rating unit. */
  readonly denominator: bigint;
  readonly categories: readonly PlanCategory[];
  readonly factors: readonly PlanFactor[];
}

/** What the plan is built from: the model's exact numbers, one entry per category and factor. */
export interface PlanSource {
  readonly categories: readonly {
    readonly id: string;
    readonly weight: Rational;
    readonly factors: readonly number[];
    readonly minSum: Rational;
    readonly maxSum: Rational;
  }[];
  readonly factors: readonly {
    readonly id: string;
    readonly category: number;
    readonly min: Rational;
    readonly max: Rational;
    readonly scale: { readonly rule: ScaleRule } | null;
  }[];
}

const ZERO = /* @__PURE__ */ rational(0n);

/** `100 × weight / span`, exactly. */
export function pointsPerUnit(weight: Rational, span: Rational): Rational {
  return rational(weight.numerator * 100n * span.denominator, weight.denominator * span.numerator);
}

/** Builds the plan of a model for one normalisation. */
export function buildPlan(source: PlanSource, normalisation: Normalisation): ScorecardPlan {
  const minmax = normalisation === 'minmax';
  const coefficients = source.categories.map((category) => {
    return pointsPerUnit(category.weight, minmax ? subtract(category.maxSum, category.minSum) : category.maxSum);
  });
  const denominator = coefficients.reduce((d, k) => lcm(d, k.denominator), 1n);
  const categories = source.categories.map((category, c): PlanCategory => {
    const k = coefficients[c]!;
    return Object.freeze({
      id: category.id,
      weight: category.weight,
      factors: Object.freeze([...category.factors]),
      minSum: category.minSum,
      maxSum: category.maxSum,
      base: minmax ? category.minSum : ZERO,
      coefficient: k,
      multiplier: (k.numerator * denominator) / k.denominator,
    });
  });
  const factors = source.factors.map((factor): PlanFactor =>
    Object.freeze({
      id: factor.id,
      category: factor.category,
      min: factor.min,
      max: factor.max,
      base: minmax ? factor.min : ZERO,
      scale: factor.scale ? factor.scale.rule : null,
    }),
  );
  return Object.freeze({
    normalisation,
    denominator,
    categories: Object.freeze(categories),
    factors: Object.freeze(factors),
  });
}

/**
 * The exact total of a complete rating vector (one exact rating per factor, in plan order):
 * `Σ_c k_c × (Σ ratings_c − base_c)`, the plan's formula in rationals.
 */
export function planTotal(plan: ScorecardPlan, ratings: readonly Rational[]): Rational {
  let total = ZERO;
  for (const category of plan.categories) {
    let sum = ZERO;
    for (const index of category.factors) sum = add(sum, ratings[index]!);
    total = add(total, multiply(category.coefficient, subtract(sum, category.base)));
  }
  return total;
}

/** Decimal places the integer path keeps: ratings become integers of millionths. */
export const MILLIONTHS_DIGITS = 6;
/** 10^6: a rating in millionths times this is the rating. */
export const MILLION = 10 ** MILLIONTHS_DIGITS;
const MILLION_BIG = /* @__PURE__ */ tenTo(MILLIONTHS_DIGITS);

/**
 * The exactness guard: a plain number as an integer count of millionths, or `NaN` when that is
 * not its exact decimal value.
 *
 * Proof. Let `s = round(value × 10^6)`. If the check `s / 10^6 === value` holds, the double
 * `value` is the double nearest to the decimal `s × 10^-6`. With `|s| ≤ 2^50` the decimals
 * `s × 10^-6` and `(s ± 1) × 10^-6` differ by 10^-6, while doubles of magnitude up to
 * 2^50 × 10^-6 < 2^31 are spaced at most 2^-22 < 10^-6 / 2 apart, so two different candidate
 * decimals can never round to the same double: the decimal the caller wrote (with at most six
 * places) is exactly `s × 10^-6`. Every scoring path that reads a number as millionths calls this.
 */
export function toMillionths(value: number): number {
  // a multiple of 1/64 in int32 sixty-fourths (every whole or half rating): value × 64 is exact, and
  // its millionths are u × 15625 (no rounding, no division)
  const u = value * 64;
  if ((u | 0) === u) return u * 15625;
  const s = Math.round(value * MILLION);
  // NaN rather than null: a number-only return keeps the columnar hot loop monomorphic (3× faster)
  return s / MILLION === value && Math.abs(s) <= 2 ** 50 ? s : Number.NaN;
}

/** An exact rational as a safe-integer count of millionths, or `null` when it is not one. */
export function rationalToMillionths(value: Rational): number | null {
  const numerator = value.numerator * MILLION_BIG;
  if (numerator % value.denominator !== 0n) return null;
  const n = numerator / value.denominator;
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : null;
}

/**
 * The grade threshold on numerators: the smallest integer `N` with `N / denominator` inside a
 * band's lower edge (`−Infinity` for an unbounded band). A total is in the band or above it
 * exactly when its integer numerator is at least this.
 */
export function integerThreshold(lower: IntervalEdge | null, denominator: bigint): number {
  if (!lower) return -Infinity;
  const numerator = lower.exact.numerator * denominator;
  const d = lower.exact.denominator;
  const floor = numerator >= 0n ? numerator / d : -((-numerator + d - 1n) / d);
  const exact = floor * d === numerator;
  return Number(lower.inclusive && exact ? floor : floor + 1n);
}

/** The rank (0 = best) of the band a numerator falls in, from the thresholds of `integerThreshold`. */
export function rankOf(numerator: number, thresholds: readonly number[]): number {
  const last = thresholds.length - 1;
  for (let rank = 0; rank < last; rank++) {
    if (numerator >= thresholds[rank]!) return rank;
  }
  return last;
}

/**
 * A total's grade and how far it is from the next better band. The integer paths pass the `rank`
 * they found on the thresholds; the exact path lets the bands' exact edges decide.
 */
export function gradeTotal(
  total: () => Rational,
  bands: GradeBands | null,
  rank?: number,
): { grade: string | null; nextGrade: NextGrade | null } {
  if (!bands) return { grade: null, nextGrade: null };
  const at = rank ?? findBand(total(), bands).rank;
  const better = bands.bands[at - 1];
  const grade = bands.bands[at]!.id;
  if (!better || !better.interval.lower) return { grade, nextGrade: null };
  const edge = better.interval.lower;
  return {
    grade,
    nextGrade: {
      grade: better.id,
      points: rationalToDecimal(subtract(edge.exact, total())),
      edgeInclusive: edge.inclusive,
    },
  };
}
