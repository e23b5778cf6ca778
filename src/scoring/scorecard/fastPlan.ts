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
import { asResultClass } from '../../shared/display.js';
import { ExactDecimal, ONE } from '../../shared/numeric.js';
import {
  rational,
  rationalToDecimal,
  subtract,
  tenTo,
  terminatingScale,
  type Rational,
} from '../../shared/rational.js';
import type { GradeBands, NextGrade } from '../grades/types.js';
import { MILLIONTHS_DIGITS, integerThreshold, rankOf, rationalToMillionths, type ScorecardPlan } from './plan.js';
import { rawAt, ruleAt, statusAt, type RecordReading } from './readRecord.js';
import type { Normalisation } from './scorecardSchema.js';
import type { CategoryScore, FactorScore, ScoreResult, ScoreSummary, Scorecard } from './types.js';

const CACHE_LIMIT = 4096;
const MILLION_BIG = /* @__PURE__ */ tenTo(MILLIONTHS_DIGITS);

/** Exact decimal of `n / denominator` for integer n, memoised. */
class DecimalMaker {
  private readonly cache = new Map<number, Decimal>();
  private readonly factor: bigint | null;
  private readonly exponent: number;
  private readonly denominator: Decimal;

  constructor(denominator: bigint) {
    this.denominator = new ExactDecimal(denominator.toString());
    // When the denominator divides a power of ten (up to 10^40), n / d = n·f × 10^-m exactly.
    const scale = terminatingScale(denominator);
    this.factor = scale !== null && scale.exponent <= 40 ? scale.multiplier : null;
    this.exponent = scale?.exponent ?? 0;
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
  /**
   * Each factor's range in millionths, `[min₀, max₀, min₁, max₁, …]`, for the record reader's common
   * path; `NaN` for a factor with a scale (its value is a raw measure, never a rating as it stands).
   */
  readonly limits: Float64Array;
  /**
   * Each factor's multiplier (its category's coefficient), for the reader to sum the numerator as it
   * reads: `N = Σ_f weights_f × s_f − offset`. All `0` when some partial sum could leave the safe
   * integers (then {@link numeratorOf} sums the ratings after reading).
   */
  readonly weights: Float64Array;
  /** `Σ_c coefficient_c × base_c`: what the reader's running sum is over the numerator N. */
  readonly offset: number;
  /** Whether the reader's running sum is exact (`weights` are set). */
  readonly fused: boolean;
  readonly categories: readonly FastCategory[];
  readonly totals: DecimalMaker;
  /** Per grade-band set: integer thresholds on N, best band first. */
  thresholds(bands: GradeBands): readonly number[];
  /** Per grade-band set: the thresholds and each band's lower edge as a whole numerator (or `null`). */
  grading(bands: GradeBands): FastGrading;
  /** The outcomes of the numerators scored last without bands. */
  readonly ungraded: Outcomes;
}

/** How the fast path grades a numerator N under one set of bands. */
interface FastGrading {
  /** Integer thresholds on N, best band first (`integerThreshold`). */
  readonly thresholds: readonly number[];
  /** Each band's lower edge times the denominator when that is a safe integer, else `null`. */
  readonly edges: readonly (number | null)[];
  /** The bands' identity as results cite it. */
  readonly identity: ScoreResult['bands'];
  /** The bands, best first, read once (a preset's fields are getters). */
  readonly bands: GradeBands['bands'];
  /** The outcomes of the numerators graded last under these bands. */
  readonly outcomes: Outcomes;
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
  const grading = gradingOf(totalDenominator);
  const fusion = fusionOf(factors, categories);
  return {
    normalisation: plan.normalisation,
    categoryIds: plan.categories.map((category) => category.id),
    denominator: totalDenominator,
    factors,
    limits: Float64Array.from(
      factors.flatMap((factor, index) =>
        plan.factors[index]!.scale ? [Number.NaN, Number.NaN] : [factor.min, factor.max],
      ),
    ),
    ...fusion,
    categories,
    totals,
    grading,
    ungraded: new Outcomes(),
    thresholds: (bands: GradeBands): readonly number[] => grading(bands).thresholds,
  };
}

/**
 * The reader's running numerator: `Σ_f coefficient_f × s_f` as it reads each rating, less the
 * categories' bases at the end. Exact when the largest magnitude any partial sum can reach,
 * `Σ_f coefficient_f × max(|min_f|, |max_f|)`, and the offset are safe integers (every rating on the
 * common path is in range); otherwise the weights are zero and the numerator is summed after reading.
 */
function fusionOf(
  factors: readonly FastFactor[],
  categories: readonly FastCategory[],
): Pick<FastPlan, 'weights' | 'offset' | 'fused'> {
  let reach = 0n;
  for (const factor of factors)
    reach += BigInt(factor.coefficient) * BigInt(Math.max(Math.abs(factor.min), Math.abs(factor.max)));
  let offset = 0n;
  for (const category of categories) offset += BigInt(category.coefficient) * BigInt(category.base);
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  const fused = reach <= safe && offset <= safe && offset >= -safe;
  return {
    weights: Float64Array.from(factors, (factor) => (fused ? factor.coefficient : 0)),
    offset: fused ? Number(offset) : 0,
    fused,
  };
}

/** How to grade numerators over `totalDenominator` under a set of bands, worked out once per set. */
function gradingOf(totalDenominator: bigint): (bands: GradeBands) => FastGrading {
  const gradings = new WeakMap<GradeBands, FastGrading>();
  // the bands graded last: a loop over many accounts grades under one set of bands
  let lastBands: GradeBands | null = null;
  let lastGrading: FastGrading | null = null;
  return (bands: GradeBands): FastGrading => {
    if (bands === lastBands) return lastGrading!;
    let found = gradings.get(bands);
    if (!found) {
      found = {
        thresholds: bands.bands.map((band) => integerThreshold(band.interval.lower, totalDenominator)),
        edges: bands.bands.map((band) =>
          band.interval.lower ? wholeNumerator(band.interval.lower.exact, totalDenominator) : null,
        ),
        identity: identityOf(bands),
        bands: bands.bands,
        outcomes: new Outcomes(),
      };
      gradings.set(bands, found);
    }
    lastBands = bands;
    lastGrading = found;
    return found;
  };
}

/** `value × denominator` when it is a safe integer, else `null`. */
function wholeNumerator(value: Rational, denominator: bigint): number | null {
  const scaled = value.numerator * denominator;
  if (scaled % value.denominator !== 0n) return null;
  const whole = scaled / value.denominator;
  return whole >= BigInt(Number.MIN_SAFE_INTEGER) && whole <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(whole) : null;
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
  lines: boolean,
): ScoreResult | ScoreSummary {
  const n = Number.isNaN(reading.numerator) ? numeratorOf(plan, reading.scaled) : reading.numerator;
  const grading = bands === null ? null : plan.grading(bands);
  const outcomes = grading === null ? plan.ungraded : grading.outcomes;
  const outcome = outcomes.get(n) ?? outcomes.set(n, outcomeOf(plan, grading, n));
  const identity = grading === null ? null : grading.identity;
  return lines
    ? new FastResult(identityOf(model), identity, plan, outcome, reading)
    : new FastSummary(identityOf(model), identity, plan, outcome);
}

/** What a result of numerator N says under one grading: the same for every record with that N. */
interface Outcome {
  readonly total: Decimal;
  readonly grade: string | null;
  readonly nextGrade: NextGrade | null;
  readonly bounds: { readonly lower: Decimal; readonly upper: Decimal };
}

/** The outcome of numerator `n` (`grading` `null`: no bands), its shared objects frozen. */
function outcomeOf(plan: FastPlan, grading: FastGrading | null, n: number): Outcome {
  const total = plan.totals.make(n);
  const bounds = Object.freeze({ lower: total, upper: total });
  if (grading === null) return { total, grade: null, nextGrade: null, bounds };
  const at = rankOf(n, grading.thresholds);
  const nextGrade = nextGradeFast(plan, grading, n, at);
  return { total, grade: grading.bands[at]!.id, nextGrade: nextGrade && Object.freeze(nextGrade), bounds };
}

/** Bits of an {@link Outcomes} table's slot number: 4,096 slots. */
const OUTCOME_BITS = 12;
/** Lookups per window over which an {@link Outcomes} table counts its hits. */
const OUTCOME_WINDOW = 4096;
/** Lookups an {@link Outcomes} table sits out after its first window with few hits (doubled after each further one). */
const OUTCOME_REST = 16 * OUTCOME_WINDOW;
/** The longest rest: about 16 million lookups. */
const OUTCOME_REST_LIMIT = 4096 * OUTCOME_WINDOW;

/**
 * The outcomes of the numerators seen last, one per slot of a direct-mapped table (the slot by a
 * multiplicative hash of N, so numerators that are all multiples of a power of two still spread):
 * a portfolio of half-point ratings has a few thousand distinct totals, and each record's outcome is
 * one lookup instead of a rank search, the next grade and three objects. Allocated at the first
 * outcome it keeps. When fewer than a quarter of a window's lookups hit (ratings with many decimals,
 * whose totals rarely repeat), the table is left alone for a while, twice as long after each such
 * window in a row: filling it then costs more than it saves (each kept outcome outlives the young
 * generation).
 */
class Outcomes {
  private numerators: Float64Array | null = null;
  private outcomes: (Outcome | undefined)[] | null = null;
  private lookups = 0;
  private hits = 0;
  /** Lookups left before the table is consulted again (after a window with few hits). */
  private resting = 0;
  /** How long the next rest lasts. */
  private rest = OUTCOME_REST;

  get(n: number): Outcome | undefined {
    if (this.resting > 0) {
      this.resting--;
      return undefined;
    }
    const numerators = this.numerators;
    if (numerators === null) return undefined;
    const slot = Math.imul(n | 0, 0x9e3779b1) >>> (32 - OUTCOME_BITS);
    if (++this.lookups === OUTCOME_WINDOW) {
      if (this.hits * 4 >= OUTCOME_WINDOW) this.rest = OUTCOME_REST;
      else {
        this.resting = this.rest;
        this.rest = Math.min(2 * this.rest, OUTCOME_REST_LIMIT);
      }
      this.lookups = 0;
      this.hits = 0;
    }
    if (numerators[slot] !== n) return undefined;
    this.hits++;
    return this.outcomes![slot];
  }

  set(n: number, outcome: Outcome): Outcome {
    if (this.resting > 0) return outcome;
    const slot = Math.imul(n | 0, 0x9e3779b1) >>> (32 - OUTCOME_BITS);
    const numerators = (this.numerators ??= new Float64Array(1 << OUTCOME_BITS).fill(Number.NaN));
    const outcomes = (this.outcomes ??= new Array<Outcome | undefined>(1 << OUTCOME_BITS).fill(undefined));
    numerators[slot] = n;
    outcomes[slot] = outcome;
    return outcome;
  }
}

/** The integer numerator N of a complete record's total (total = N / denominator). */
function numeratorOf(plan: FastPlan, scaledRatings: readonly number[]): number {
  let n = 0;
  for (let c = 0; c < plan.categories.length; c++) {
    const category = plan.categories[c]!;
    const factors = category.factors;
    let sum = 0;
    // an indexed loop: iterating the (frozen) index list with for…of cost more than the sum
    for (let f = 0; f < factors.length; f++) sum += scaledRatings[factors[f]!]!;
    n += category.coefficient * (sum - category.base);
  }
  return n;
}

/**
 * The next better band of a numerator of rank `at` and the points to it: `(edge − N) / denominator`
 * when the edge is a whole numerator (every edge with at most six decimals), else from the exact
 * edge. Equal to `gradeTotal`.
 */
function nextGradeFast(plan: FastPlan, grading: FastGrading, n: number, at: number): NextGrade | null {
  const better = grading.bands[at - 1];
  if (!better || !better.interval.lower) return null;
  const edge = grading.edges[at - 1]!;
  const points =
    edge !== null && Number.isSafeInteger(edge - n)
      ? plan.totals.make(edge - n)
      : rationalToDecimal(subtract(better.interval.lower.exact, rational(BigInt(n), plan.denominator)));
  return { grade: better.id, points, edgeInclusive: better.interval.lower.inclusive };
}

// The lines of a fast result, built the first time either is read and kept: one pair of getters
// shared by every result (so results keep one shape), reading the result's private state. Defined
// one by one (`defineProperties` costs more per result); they stay getters once read (turning them
// into data properties cost more than building the lines).
const CATEGORY_LINES: PropertyDescriptor = { get: categoriesOf, enumerable: true, configurable: true };
const FACTOR_LINES: PropertyDescriptor = { get: factorsOf, enumerable: true, configurable: true };

function categoriesOf(this: FastScoreResult): readonly CategoryScore[] {
  return FastScoreResult.categoryLines(this);
}

function factorsOf(this: FastScoreResult): readonly FactorScore[] {
  return FastScoreResult.factorLines(this);
}

/**
 * A result of the fast path: its fields own data properties in the order of every score
 * result's JSON, its `categories` and `factors` own enumerable getters that compute the lines on
 * first read and keep them. What it needs for the lines is held in private fields (no key of its
 * own that JSON, `Object.keys` or `Reflect.ownKeys` would show); its prototype carries only the
 * notebook display every `score` result has.
 */
class FastScoreResult {
  readonly model: ScoreResult['model'];
  readonly bands: ScoreResult['bands'];
  readonly normalisation: Normalisation;
  readonly total: Decimal;
  readonly grade: string | null;
  readonly nextGrade: NextGrade | null;
  readonly pointsToNextGrade: Decimal | null;
  readonly complete = true;
  readonly coverage = ONE;
  readonly bounds: { readonly lower: Decimal; readonly upper: Decimal };
  declare readonly categories: readonly CategoryScore[];
  declare readonly factors: readonly FactorScore[];
  readonly #plan: FastPlan;
  readonly #reading: RecordReading;
  #categories: CategoryScore[] | undefined;
  #factors: FactorScore[] | undefined;

  constructor(
    model: ScoreResult['model'],
    bands: ScoreResult['bands'],
    plan: FastPlan,
    outcome: Outcome,
    reading: RecordReading,
  ) {
    this.model = model;
    this.bands = bands;
    this.normalisation = plan.normalisation;
    this.total = outcome.total;
    this.grade = outcome.grade;
    this.nextGrade = outcome.nextGrade;
    this.pointsToNextGrade = outcome.nextGrade ? outcome.nextGrade.points : null;
    this.bounds = outcome.bounds;
    this.#plan = plan;
    this.#reading = reading;
    Object.defineProperty(this, 'categories', CATEGORY_LINES);
    Object.defineProperty(this, 'factors', FACTOR_LINES);
  }

  /** The category lines of a result, from its private state. */
  static categoryLines(result: FastScoreResult): CategoryScore[] {
    return (result.#categories ??= categoryLines(result.#plan, result.#reading.scaled));
  }

  /** The factor lines of a result, from its private state. */
  static factorLines(result: FastScoreResult): FactorScore[] {
    return (result.#factors ??= factorLines(result.#plan, result.#reading));
  }
}

/** The class, its prototype shaped like every other score result's display prototype. */
const FastResult = /* @__PURE__ */ asResultClass(FastScoreResult, 'Score');

/**
 * A result of the fast path under `explain: false`: the fields of {@link FastScoreResult} in its
 * order, without the lines (and without the two own getters, which cost more to add than the rest
 * of scoring a record). A class of its own rather than a base of {@link FastScoreResult}: the
 * display prototype of a result must sit directly on `Object.prototype` (`roundForDisplay` copies
 * only such results field by field), so the two declare the same fields.
 */
class FastScoreSummary {
  readonly model: ScoreResult['model'];
  readonly bands: ScoreResult['bands'];
  readonly normalisation: Normalisation;
  readonly total: Decimal;
  readonly grade: string | null;
  readonly nextGrade: NextGrade | null;
  readonly pointsToNextGrade: Decimal | null;
  readonly complete = true;
  readonly coverage = ONE;
  readonly bounds: { readonly lower: Decimal; readonly upper: Decimal };

  constructor(model: ScoreResult['model'], bands: ScoreResult['bands'], plan: FastPlan, outcome: Outcome) {
    this.model = model;
    this.bands = bands;
    this.normalisation = plan.normalisation;
    this.total = outcome.total;
    this.grade = outcome.grade;
    this.nextGrade = outcome.nextGrade;
    this.pointsToNextGrade = outcome.nextGrade ? outcome.nextGrade.points : null;
    this.bounds = outcome.bounds;
  }
}

const FastSummary = /* @__PURE__ */ asResultClass(FastScoreSummary, 'Score');

/** Identity objects of models and bands, shared by every result that cites them. */
const identities = new WeakMap<
  object,
  { readonly id: string; readonly version: string; readonly fingerprint: string }
>();

let lastCited: object | null = null;
let lastIdentity: { readonly id: string; readonly version: string; readonly fingerprint: string } | null = null;

function identityOf(model: { readonly id: string; readonly version: string; readonly fingerprint: string }) {
  // the model cited last: a loop over many accounts cites one model
  if (model === lastCited) return lastIdentity!;
  let identity = identities.get(model);
  if (identity === undefined) {
    identity = Object.freeze({ id: model.id, version: model.version, fingerprint: model.fingerprint });
    identities.set(model, identity);
  }
  lastCited = model;
  lastIdentity = identity;
  return identity;
}

/** The per-factor lines of a complete record. */
function factorLines(plan: FastPlan, reading: RecordReading): FactorScore[] {
  const scaledRatings = reading.scaled;
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
      raw: rawAt(reading, index),
      rating: factor.ratings.make(s),
      min: factor.minDecimal,
      max: factor.maxDecimal,
      status: statusAt(reading, index),
      rule: ruleAt(reading, index),
      contribution: points.contribution,
      maxContribution: factor.maxContribution,
      shortfall: points.shortfall,
    };
  }
  return factorScores;
}

/** The per-category lines of a complete record. */
function categoryLines(plan: FastPlan, scaledRatings: readonly number[]): CategoryScore[] {
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
