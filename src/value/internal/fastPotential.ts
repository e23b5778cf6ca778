/**
 * The portfolio's fast path to a record's potential score: for the common record — a ratings
 * object holding exactly the model's factors, each a plain number in range with at most six
 * decimals — the total is computed on integers from the scorecard's public plan
 * (`scorecardPlan`), as `score` computes it, and graded once per distinct total. Any other record
 * returns `null`, and the caller scores it with the full scorer, which then reports what is wrong.
 *
 * Only models whose totals are exact decimals (the plan's denominator has no prime factor but 2
 * and 5) and fit 53-bit integers take this path, so the total and grade are the scorer's to the
 * byte (a differential property test compares both on random and adversarial records).
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { rational, rationalToDecimal, terminatingScale, type Rational } from '../../shared/rational.js';
import { toMillionths } from '../../shared/millionths.js';
import {
  grade,
  isGradeBands,
  scorecardPlan,
  type GradeBands,
  type PortfolioOptions,
  type Scorecard,
} from '../../scoring/index.js';

/** A record's potential score and grade, as the scorer would give them. */
export interface FastPotential {
  readonly total: Decimal;
  readonly grade: string;
}

/** Scores one record, or `null` when the full scorer must read it. */
export type FastPotentialScorer = (ratings: unknown) => FastPotential | null;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** An exact rational as a safe-integer count of millionths, or `null`. */
function rationalMillionths(value: Rational): number | null {
  const numerator = value.numerator * 1_000_000n;
  if (numerator % value.denominator !== 0n) return null;
  const n = numerator / value.denominator;
  return n >= -SAFE && n <= SAFE ? Number(n) : null;
}

interface Limits {
  readonly ids: readonly string[];
  /** Each factor id's position in `ids`. */
  readonly position: ReadonlyMap<string, number>;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Per factor: its category's multiplier. */
  readonly multiplier: Float64Array;
  /** Σ_c multiplier_c × base_c, in millionths. */
  readonly offset: number;
}

/** The plan's numbers as safe integers, or `null` when one does not fit. */
function limitsOf(model: Scorecard, options: PortfolioOptions): { limits: Limits; denominator: bigint } | null {
  const plan = scorecardPlan(model, options.normalisation ?? model.normalisation);
  const denominator = plan.denominator * 1_000_000n;
  if (terminatingScale(denominator) === null || denominator > SAFE) return null;
  const count = plan.factors.length;
  const min = new Float64Array(count);
  const max = new Float64Array(count);
  const multiplier = new Float64Array(count);
  let offset = 0n;
  let reach = 0n;
  for (const category of plan.categories) {
    const base = rationalMillionths(category.base);
    if (base === null || category.multiplier > SAFE) return null;
    offset += category.multiplier * BigInt(base);
  }
  for (let index = 0; index < count; index++) {
    const factor = plan.factors[index]!;
    const low = rationalMillionths(factor.min);
    const high = rationalMillionths(factor.max);
    if (factor.scale !== null || low === null || high === null) return null;
    min[index] = low;
    max[index] = high;
    const factorMultiplier = plan.categories[factor.category]!.multiplier;
    multiplier[index] = Number(factorMultiplier);
    reach += factorMultiplier * BigInt(Math.max(Math.abs(low), Math.abs(high)));
  }
  // every partial sum of the numerator stays a safe integer, whatever order the terms come in
  if (reach + (offset < 0n ? -offset : offset) > SAFE) return null;
  const ids = plan.factors.map((factor) => factor.id);
  const position = new Map(ids.map((id, index) => [id, index]));
  return { limits: { ids, position, min, max, multiplier, offset: Number(offset) }, denominator };
}

/**
 * The numerator N (total = N / denominator) of a common record, or NaN for any other. One pass
 * over the record's keys: each own key must be a factor (usually the next one in the model's
 * order, else found by name), its value a number in range; a common record has exactly the
 * model's factors as own keys, so counting them tells whether one is missing. Every term is an
 * integer and every partial sum a safe integer (see `limitsOf`), so the order of the keys does
 * not change N.
 */
function numeratorOf(limits: Limits, ratings: unknown): number {
  if (typeof ratings !== 'object' || ratings === null || Array.isArray(ratings)) return Number.NaN;
  const record = ratings as Record<string, unknown>;
  const { ids, min, max, multiplier } = limits;
  let n = -limits.offset;
  let count = 0;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const index = key === ids[count] ? count : (limits.position.get(key) ?? -1);
    if (index < 0) return Number.NaN;
    const value = record[key];
    if (typeof value !== 'number') return Number.NaN;
    const s = toMillionths(value);
    if (!(s >= min[index]! && s <= max[index]!)) return Number.NaN;
    n += multiplier[index]! * s;
    count++;
  }
  return count === ids.length ? n : Number.NaN;
}

/**
 * The fast scorer of a model under the portfolio's score options, or `null` when the model or
 * the options need the full scorer for every record (scales, a non-terminating denominator,
 * numbers past 53 bits, no grade bands).
 */
export function fastPotentialScorer(model: Scorecard, options: PortfolioOptions): FastPotentialScorer | null {
  const bands: unknown = options.bands === undefined ? model.grades : options.bands;
  if (!isGradeBands(bands)) return null;
  let found: ReturnType<typeof limitsOf>;
  try {
    found = limitsOf(model, options);
  } catch {
    return null; // the full scorer reports bad options
  }
  if (found === null) return null;
  const { limits, denominator } = found;
  const totals = new Map<number, FastPotential | null>();
  return (ratings) => {
    let n: number;
    try {
      n = numeratorOf(limits, ratings);
    } catch {
      return null; // an unreadable record: the full scorer says why
    }
    if (Number.isNaN(n)) return null;
    let known = totals.get(n);
    if (known === undefined) {
      known = gradeOf(rationalToDecimal(rational(BigInt(n), denominator)), bands);
      if (totals.size < 65_536) totals.set(n, known);
    }
    return known;
  };
}

/** A total and its grade, or `null` when grading fails (the full scorer reports it). */
function gradeOf(total: Decimal, bands: GradeBands): FastPotential | null {
  try {
    return { total, grade: grade(total, bands) };
  } catch {
    return null;
  }
}
