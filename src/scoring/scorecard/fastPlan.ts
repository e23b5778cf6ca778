/**
 * The fast exact path, read from the scorecard's plan (plan.ts). Ratings that are plain numbers
 * with at most six decimals become integers of millionths (through the plan's exactness guard),
 * every category's points per unit is the plan's integer multiplier, and the total is an integer
 * numerator N with `total = N / (denominator × 10^6)` — exact, with grade edges compared as
 * integers.
 * Decimals for the explanation are interned per factor and per value, so a portfolio of a million
 * accounts builds only a few hundred distinct Decimal objects.
 *
 * Used whenever a record is complete (no imputed or excluded factor) and the model's numbers fit
 * in 53 bits; otherwise the exact rational path in evaluate.ts runs. Both give identical results
 * (a differential property test checks this).
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal, ONE } from '../../shared/numeric.js';
import { rational, rationalToDecimal, tenTo } from '../../shared/rational.js';
import type { GradeBands } from '../grades/types.js';
import {
  MILLIONTHS_DIGITS,
  gradeTotal,
  integerThreshold,
  rankOf,
  rationalToMillionths,
  type ScorecardPlan,
} from './plan.js';
import type { RecordReading } from './readRecord.js';
import type { Normalisation } from './scorecardSchema.js';
import type { CategoryScore, FactorScore, ScoreResult, Scorecard } from './types.js';

const CACHE_LIMIT = 4096;
const MILLION_BIG = tenTo(MILLIONTHS_DIGITS);

/** Exact decimal of `n / denominator` for integer n, memoised. */
class DecimalMaker {
  private readonly cache = new Map<number, Decimal>();
  private readonly factor: bigint | null;
  private readonly exponent: number;
  private readonly denominator: Decimal;

  constructor(denominator: bigint) {
    this.denominator = new ExactDecimal(denominator.toString());
    // When the denominator divides a power of ten, n / d = n·f × 10^-m exactly.
    let m = 0;
    while (m <= 40 && tenTo(m) % denominator !== 0n) m++;
    this.factor = m <= 40 ? tenTo(m) / denominator : null;
    this.exponent = m;
  }

  make(n: number): Decimal {
    let value = this.cache.get(n);
    if (value !== undefined) return value;
    if (this.factor !== null) {
      value = new ExactDecimal(`${(BigInt(n) * this.factor).toString()}e-${this.exponent}`);
    } else {
      value = new ExactDecimal(n).div(this.denominator);
    }
    if (this.cache.size < CACHE_LIMIT) this.cache.set(n, value);
    return value;
  }
}

interface FastFactor {
  readonly id: string;
  readonly categoryId: string;
  readonly category: number;
  readonly min: number;
  readonly max: number;
  readonly base: number;
  readonly coefficient: number;
  readonly minDecimal: Decimal;
  readonly maxDecimal: Decimal;
  readonly maxContribution: Decimal;
  readonly ratings: DecimalMaker;
  readonly contributions: Map<number, { contribution: Decimal; shortfall: Decimal }>;
}

interface FastCategory {
  /** Indexes of the category's factors. */
  readonly factors: readonly number[];
  readonly coefficient: number;
  readonly base: number;
  readonly span: number;
  readonly weight: Decimal;
  readonly minSum: Decimal;
  readonly maxSum: Decimal;
  readonly maxContribution: Decimal;
  readonly sums: DecimalMaker;
  readonly ratios: DecimalMaker;
  readonly cache: Map<number, { ratio: Decimal; contribution: Decimal }>;
}

/** A model's fast path for one normalisation. */
export interface FastPlan {
  readonly normalisation: Normalisation;
  readonly categoryIds: readonly string[];
  /** Common denominator: total = N / denominator. */
  readonly denominator: bigint;
  readonly factors: readonly FastFactor[];
  readonly categories: readonly FastCategory[];
  readonly totals: DecimalMaker;
  /** Per grade-band set: integer thresholds on N, best band first. */
  thresholds(bands: GradeBands): readonly number[];
}

/** Builds the fast path from a plan, or `null` when the model's numbers do not fit 53-bit integers. */
export function buildFastPlan(plan: ScorecardPlan): FastPlan | null {
  // total·denominator·10^6 = Σ multiplier_c × Σ (s_f − base_f), s in millionths
  const totalDenominator = plan.denominator * MILLION_BIG;
  const categories: FastCategory[] = [];
  let maxN = 0n;
  for (const category of plan.categories) {
    const coefficient = category.multiplier;
    const max = rationalToMillionths(category.maxSum);
    const base = rationalToMillionths(category.base);
    if (max === null || base === null || rationalToMillionths(category.minSum) === null) return null;
    maxN += coefficient * BigInt(max - base);
    if (coefficient > BigInt(Number.MAX_SAFE_INTEGER)) return null;
    const span = max - base;
    categories.push({
      factors: category.factors,
      coefficient: Number(coefficient),
      base,
      span,
      weight: rationalToDecimal(category.weight),
      minSum: rationalToDecimal(category.minSum),
      maxSum: rationalToDecimal(category.maxSum),
      maxContribution: rationalToDecimal({
        numerator: category.weight.numerator * 100n,
        denominator: category.weight.denominator,
      }),
      sums: new DecimalMaker(MILLION_BIG),
      ratios: new DecimalMaker(BigInt(span)),
      cache: new Map(),
    });
  }
  if (maxN > BigInt(Number.MAX_SAFE_INTEGER) || totalDenominator > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const totals = new DecimalMaker(totalDenominator);
  const factors: FastFactor[] = [];
  for (const factor of plan.factors) {
    const min = rationalToMillionths(factor.min);
    const max = rationalToMillionths(factor.max);
    const base = rationalToMillionths(factor.base);
    if (min === null || max === null || base === null) return null;
    const coefficient = categories[factor.category]!.coefficient;
    factors.push({
      id: factor.id,
      categoryId: plan.categories[factor.category]!.id,
      category: factor.category,
      min,
      max,
      base,
      coefficient,
      minDecimal: rationalToDecimal(factor.min),
      maxDecimal: rationalToDecimal(factor.max),
      maxContribution: totals.make(coefficient * (max - base)),
      ratings: new DecimalMaker(MILLION_BIG),
      contributions: new Map(),
    });
  }
  const thresholdCache = new WeakMap<GradeBands, number[]>();
  return {
    normalisation: plan.normalisation,
    categoryIds: plan.categories.map((category) => category.id),
    denominator: totalDenominator,
    factors,
    categories,
    totals,
    thresholds(bands: GradeBands): readonly number[] {
      let found = thresholdCache.get(bands);
      if (!found) {
        found = bands.bands.map((band) => integerThreshold(band.interval.lower, totalDenominator));
        thresholdCache.set(bands, found);
      }
      return found;
    },
  };
}

/**
 * Explains a complete record from its ratings in millionths: the integer form of the plan's
 * arithmetic, with the same result as the exact path in evaluate.ts (a differential property
 * test checks this). The total, grade and bounds are computed at once; the per-category and
 * per-factor lines are computed when first read (cached getters that turn into plain data
 * properties), so a bulk run that reads only totals and grades never builds them, while the
 * result still explains itself fully and its JSON is byte-identical.
 */
export function explainFast(
  model: Scorecard,
  plan: FastPlan,
  reading: RecordReading,
  bands: GradeBands | null,
): ScoreResult {
  const scaledRatings = reading.scaled;
  let n = 0;
  for (let c = 0; c < plan.categories.length; c++) {
    const category = plan.categories[c]!;
    let sum = 0;
    for (const index of category.factors) sum += scaledRatings[index]!;
    n += category.coefficient * (sum - category.base);
  }
  const total = plan.totals.make(n);
  const { grade: gradeId, nextGrade } = gradeTotal(
    () => rational(BigInt(n), plan.denominator),
    bands,
    bands ? rankOf(n, plan.thresholds(bands)) : undefined,
  );
  const result = {
    model: identityOf(model),
    bands: bands ? identityOf(bands) : null,
    normalisation: plan.normalisation,
    total,
    grade: gradeId,
    nextGrade,
    pointsToNextGrade: nextGrade ? nextGrade.points : null,
    complete: true,
    coverage: ONE,
    bounds: { lower: total, upper: total },
    categories: [] as CategoryScore[],
    factors: [] as FactorScore[],
  };
  lazy(result, 'categories', () => categoryLines(plan, scaledRatings));
  lazy(result, 'factors', () => factorLines(plan, reading));
  return result;
}

/** Identity objects of models and bands, shared by every result that cites them. */
const identities = new WeakMap<
  object,
  { readonly id: string; readonly version: string; readonly fingerprint: string }
>();

function identityOf(model: { readonly id: string; readonly version: string; readonly fingerprint: string }) {
  let identity = identities.get(model);
  if (identity === undefined) {
    identity = Object.freeze({ id: model.id, version: model.version, fingerprint: model.fingerprint });
    identities.set(model, identity);
  }
  return identity;
}

/** Turns `key` into a getter that computes its value on first read and then keeps it as data. */
function lazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(this: T): T[K] {
      const value = compute();
      Object.defineProperty(this, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}

/** The per-factor lines of a complete record. */
function factorLines(plan: FastPlan, reading: RecordReading): FactorScore[] {
  const { scaled: scaledRatings, raws, rules, statuses } = reading;
  const factorScores: FactorScore[] = new Array<FactorScore>(plan.factors.length);
  for (let index = 0; index < plan.factors.length; index++) {
    const factor = plan.factors[index]!;
    const s = scaledRatings[index]!;
    let points = factor.contributions.get(s);
    if (points === undefined) {
      const contribution = plan.totals.make(factor.coefficient * (s - factor.base));
      points = { contribution, shortfall: plan.totals.make(factor.coefficient * (factor.max - s)) };
      if (factor.contributions.size < CACHE_LIMIT) factor.contributions.set(s, points);
    }
    factorScores[index] = {
      id: factor.id,
      categoryId: factor.categoryId,
      raw: raws[index]!,
      rating: factor.ratings.make(s),
      min: factor.minDecimal,
      max: factor.maxDecimal,
      status: statuses[index]!,
      rule: rules[index] ?? null,
      contribution: points.contribution,
      maxContribution: factor.maxContribution,
      shortfall: points.shortfall,
    };
  }
  return factorScores;
}

/** The per-category lines of a complete record. */
function categoryLines(plan: FastPlan, scaledRatings: Float64Array): CategoryScore[] {
  const categoryScores: CategoryScore[] = new Array<CategoryScore>(plan.categories.length);
  for (let c = 0; c < plan.categories.length; c++) {
    const category = plan.categories[c]!;
    let sum = 0;
    for (const index of category.factors) sum += scaledRatings[index]!;
    const points = category.coefficient * (sum - category.base);
    let cached = category.cache.get(sum);
    if (cached === undefined) {
      cached = { ratio: category.ratios.make(sum - category.base), contribution: plan.totals.make(points) };
      if (category.cache.size < CACHE_LIMIT) category.cache.set(sum, cached);
    }
    categoryScores[c] = {
      id: plan.categoryIds[c]!,
      weight: category.weight,
      effectiveWeight: category.weight,
      ratingSum: category.sums.make(sum),
      minSum: category.minSum,
      maxSum: category.maxSum,
      ratio: cached.ratio,
      contribution: cached.contribution,
      maxContribution: category.maxContribution,
      coverage: ONE,
    };
  }
  return categoryScores;
}
