/**
 * The exact evaluation behind `score`: ratings in, the explained result out, with every quantity
 * an exact rational until the one conversion to decimal at the end.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ValidationError, describeValue, joinPath, makeIssue, type Issue } from '../../shared/errors.js';
import { readingInput } from '../../shared/input.js';
import { ZERO, tryDecimal } from '../../shared/numeric.js';
import { add, compare, divide, fromDecimal, multiply, rational, subtract, toDecimal, type Rational } from '../../shared/rational.js';
import { findBand } from '../grades/grade.js';
import type { GradeBands, NextGrade } from '../grades/types.js';
import { coefficient, fastPlanOf, type Core } from './core.js';
import { explainFast, readFast } from './fastPlan.js';
import type { Normalisation } from './scorecardSchema.js';
import type { CategoryScore, FactorScore, FactorStatus, MissingPolicy, ScoreResult, Scorecard } from './types.js';

const ZERO_Q = rational(0n);
const ONE_Q = rational(1n);
const HUNDRED_Q = rational(100n);

/** Resolved options, shared by the single and batch paths. */
export interface Settings {
  readonly normalisation: Normalisation;
  readonly missing: MissingPolicy;
  readonly clamp: boolean;
  readonly bands: GradeBands | null;
  readonly ignoreUnknown: boolean;
}

interface Reading {
  raw: string | number | boolean | null;
  rating: Rational | null;
  status: FactorStatus;
  rule: string | null;
}

function rawForDisplay(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  const decimal = tryDecimal(value);
  return decimal ? decimal.toFixed() : describeValue(value);
}

/** Reads a rating that is a plain number quickly and exactly. */
function readRating(value: unknown): Rational | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return { numerator: BigInt(value), denominator: 1n };
  const decimal = tryDecimal(value);
  return decimal === undefined ? undefined : fromDecimal(decimal);
}

/** Reads every factor of one record; throws one `ValidationError` listing every bad field. */
export function readRatings(core: Core, ratings: unknown, settings: Settings, base: string, skipKey?: string): Reading[] {
  if (typeof ratings !== 'object' || ratings === null || Array.isArray(ratings)) {
    throw new ValidationError([makeIssue(base, 'an object of ratings keyed by factor id', describeValue(ratings), 'invalid_type')], 'score');
  }
  const issues: Issue[] = [];
  const record = ratings as Record<string, unknown>;
  if (!settings.ignoreUnknown) {
    for (const key of Object.keys(record)) {
      if (!core.factorIndex.has(key) && key !== skipKey) issues.push(makeIssue(joinPath(base, key), 'a factor id of this model (or ignoreUnknown: true)', 'an unknown key', 'unknown_key'));
    }
  }
  const readings: Reading[] = [];
  for (const factor of core.factors) {
    const path = joinPath(base, factor.id);
    const value = Object.prototype.hasOwnProperty.call(record, factor.id) ? record[factor.id] : undefined;
    const reading: Reading = { raw: rawForDisplay(value), rating: null, status: 'rated', rule: null };
    readings.push(reading);
    let rating: Rational | undefined;
    if (value !== undefined && value !== null) {
      if (factor.scale) {
        try {
          const outcome = factor.scale.apply(value, path, settings.clamp);
          reading.rule = outcome.rule;
          if (outcome.kind === 'rating') {
            rating = outcome.rating;
            if (outcome.clamped) reading.status = 'clamped';
          }
        } catch (error) {
          if (error instanceof ValidationError) {
            issues.push(...error.issues);
            continue;
          }
          throw error;
        }
      } else {
        rating = readRating(value);
        if (rating === undefined) {
          issues.push(makeIssue(path, 'a finite number, decimal string or Decimal', describeValue(value), 'not_numeric'));
          continue;
        }
      }
    }
    if (rating === undefined) {
      if (settings.missing === 'error') {
        issues.push(makeIssue(path, 'a rating (or a missing-value policy: missing: "min" | "exclude")', describeValue(value)));
      } else if (settings.missing === 'min') {
        reading.rating = factor.min;
        reading.status = 'imputed';
      } else {
        reading.status = 'excluded';
      }
      continue;
    }
    if (compare(rating, factor.min) < 0 || compare(rating, factor.max) > 0) {
      if (!settings.clamp) {
        issues.push(makeIssue(path, `a rating within [${toDecimal(factor.min).toFixed()}, ${toDecimal(factor.max).toFixed()}] (or clamp: true)`, describeValue(value), 'out_of_range'));
        continue;
      }
      rating = compare(rating, factor.min) < 0 ? factor.min : factor.max;
      reading.status = 'clamped';
    }
    reading.rating = rating;
  }
  if (issues.length > 0) throw new ValidationError(issues, 'score');
  return readings;
}

/** The exact total of a complete rating vector under the model's fixed coefficients. */
function exactTotal(core: Core, ratings: readonly Rational[], normalisation: Normalisation): Rational {
  let total = ZERO_Q;
  for (const category of core.categories) {
    let sum = ZERO_Q;
    for (const index of category.factors) sum = add(sum, ratings[index]!);
    if (normalisation === 'minmax') sum = subtract(sum, category.minSum);
    total = add(total, multiply(category.coefficient[normalisation], sum));
  }
  return total;
}

/** Builds the full explained result from readings. */
export function explain(model: Scorecard, core: Core, readings: readonly Reading[], settings: Settings): ScoreResult {
  const { normalisation } = settings;
  const minmax = normalisation === 'minmax';
  // Weight that still has at least one factor (only `exclude` can drop whole categories).
  let keptWeight = ZERO_Q;
  const kept: boolean[] = core.categories.map((category) => {
    const any = category.factors.some((index) => readings[index]!.status !== 'excluded');
    if (any) keptWeight = add(keptWeight, category.weight);
    return any;
  });
  if (keptWeight.numerator === 0n) {
    throw new ValidationError([makeIssue('', 'at least one rated factor', 'every factor missing', 'missing')], 'score');
  }
  const renormalised = compare(keptWeight, ONE_Q) !== 0;
  let total = ZERO_Q;
  let coverage = ZERO_Q;
  let complete = true;
  const factorScores: FactorScore[] = new Array<FactorScore>(readings.length);
  const categoryScores: CategoryScore[] = [];
  core.categories.forEach((category, c) => {
    let effectiveWeight = kept[c] ? (renormalised ? divide(category.weight, keptWeight) : category.weight) : ZERO_Q;
    let minSum = ZERO_Q;
    let maxSum = ZERO_Q;
    let ratingSum = ZERO_Q;
    let observedSpan = ZERO_Q;
    let excluded = false;
    for (const index of category.factors) {
      const factor = core.factors[index]!;
      const reading = readings[index]!;
      const span = minmax ? subtract(factor.max, factor.min) : factor.max;
      if (reading.status === 'excluded') {
        excluded = true;
        continue;
      }
      minSum = add(minSum, factor.min);
      maxSum = add(maxSum, factor.max);
      ratingSum = add(ratingSum, reading.rating!);
      if (reading.status !== 'imputed') observedSpan = add(observedSpan, span);
    }
    const fullSpan = minmax ? subtract(category.maxSum, category.minSum) : category.maxSum;
    const categoryCoverage = divide(observedSpan, fullSpan);
    coverage = add(coverage, multiply(category.weight, categoryCoverage));
    let k: Rational;
    if (!kept[c]) k = ZERO_Q;
    else if (!excluded && !renormalised) k = category.coefficient[normalisation];
    else k = coefficient(effectiveWeight, minmax ? subtract(maxSum, minSum) : maxSum);
    let contribution = ZERO_Q;
    for (const index of category.factors) {
      const factor = core.factors[index]!;
      const reading = readings[index]!;
      if (reading.status === 'imputed' || reading.status === 'excluded') complete = false;
      const base = minmax ? factor.min : ZERO_Q;
      const maxPoints = reading.status === 'excluded' ? ZERO_Q : multiply(k, subtract(factor.max, base));
      const points = reading.rating === null || reading.status === 'excluded' ? ZERO_Q : multiply(k, subtract(reading.rating, base));
      contribution = add(contribution, points);
      factorScores[index] = {
        id: factor.id,
        categoryId: category.id,
        raw: reading.raw,
        rating: reading.status === 'excluded' ? null : toDecimal(reading.rating!),
        min: toDecimal(factor.min),
        max: toDecimal(factor.max),
        status: reading.status,
        rule: reading.rule,
        contribution: toDecimal(points),
        maxContribution: toDecimal(maxPoints),
        shortfall: toDecimal(subtract(maxPoints, points)),
      };
    }
    total = add(total, contribution);
    const ratio = !kept[c] ? ZERO_Q : divide(minmax ? subtract(ratingSum, minSum) : ratingSum, minmax ? subtract(maxSum, minSum) : maxSum);
    if (!kept[c]) effectiveWeight = ZERO_Q;
    categoryScores.push({
      id: category.id,
      weight: toDecimal(category.weight),
      effectiveWeight: toDecimal(effectiveWeight),
      ratingSum: toDecimal(ratingSum),
      minSum: toDecimal(minSum),
      maxSum: toDecimal(maxSum),
      ratio: toDecimal(ratio),
      contribution: toDecimal(contribution),
      maxContribution: toDecimal(multiply(HUNDRED_Q, effectiveWeight)),
      coverage: toDecimal(categoryCoverage),
    });
  });

  let lower = total;
  let upper = total;
  if (!complete) {
    const atMin = readings.map((reading, index) => (reading.status === 'imputed' || reading.status === 'excluded' ? core.factors[index]!.min : reading.rating!));
    const atMax = readings.map((reading, index) => (reading.status === 'imputed' || reading.status === 'excluded' ? core.factors[index]!.max : reading.rating!));
    lower = exactTotal(core, atMin, normalisation);
    upper = exactTotal(core, atMax, normalisation);
  }

  const bands = settings.bands;
  let gradeId: string | null = null;
  let nextGrade: NextGrade | null = null;
  if (bands) {
    const band = findBand(total, bands);
    gradeId = band.id;
    const better = bands.bands[band.rank - 1];
    if (better && better.interval.lower) {
      nextGrade = {
        grade: better.id,
        points: toDecimal(subtract(better.interval.lower.exact, total)),
        edgeInclusive: better.interval.lower.inclusive,
      };
    }
  }
  const totalDecimal = toDecimal(total);
  return {
    model: { id: model.id, version: model.version, fingerprint: model.fingerprint },
    bands: bands ? { id: bands.id, version: bands.version, fingerprint: bands.fingerprint } : null,
    normalisation,
    total: totalDecimal,
    grade: gradeId,
    nextGrade,
    pointsToNextGrade: nextGrade ? nextGrade.points : null,
    complete,
    coverage: toDecimal(coverage),
    bounds: complete ? { lower: totalDecimal, upper: totalDecimal } : { lower: toDecimal(lower), upper: toDecimal(upper) },
    categories: categoryScores,
    factors: factorScores,
  };
}

/** Scores one record: the fast integer path when it applies, the exact rational path otherwise. */
export function evaluate(model: Scorecard, core: Core, settings: Settings, ratings: unknown, skipKey?: string): ScoreResult {
  return readingInput('ratings', 'score', () => {
    const plan = fastPlanOf(core, settings.normalisation);
    if (plan !== null) {
      const reading = readFast(core, plan, ratings, settings.clamp, settings.ignoreUnknown, skipKey);
      if (reading !== null) return explainFast(model, plan, reading.scaled, reading.raws, reading.rules, reading.clamped, settings.bands, core);
    }
    return explain(model, core, readRatings(core, ratings, settings, 'ratings', skipKey), settings);
  });
}

export { ZERO };
export type { Decimal };
