/**
 * The exact evaluation behind `score`: ratings in, the explained result out, with every quantity
 * an exact rational until the one conversion to decimal at the end.
 * @module
 */
import { ValidationError, describeValue, joinPath, makeIssue, type Issue } from '../../shared/errors.js';
import { readingInput } from '../../shared/input.js';
import { tryDecimal } from '../../shared/numeric.js';
import {
  add,
  compare,
  divide,
  fromDecimal,
  multiply,
  rational,
  rationalToDecimal,
  subtract,
  type Rational,
} from '../../shared/rational.js';
import type { GradeBands } from '../grades/types.js';
import { fastPlanOf, planOf, type Core } from './core.js';
import { explainFast, readFast } from './fastPlan.js';
import { gradeTotal, pointsPerUnit, type ScorecardPlan } from './plan.js';
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

/** Reads one factor's value into `reading`; returns its issues (none when it was read). */
function readFactor(
  factor: Core['factors'][number],
  value: unknown,
  settings: Settings,
  path: string,
  reading: Reading,
): Issue[] {
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
        if (error instanceof ValidationError) return [...error.issues];
        throw error;
      }
    } else {
      rating = readRating(value);
      if (rating === undefined)
        return [makeIssue(path, 'a finite number, decimal string or Decimal', describeValue(value), 'not_numeric')];
    }
  }
  if (rating === undefined) {
    if (settings.missing === 'error')
      return [
        makeIssue(path, 'a rating (or a missing-value policy: missing: "min" | "exclude")', describeValue(value)),
      ];
    if (settings.missing === 'min') {
      reading.rating = factor.min;
      reading.status = 'imputed';
    } else {
      reading.status = 'excluded';
    }
    return [];
  }
  if (compare(rating, factor.min) < 0 || compare(rating, factor.max) > 0) {
    if (!settings.clamp) {
      const range = `[${rationalToDecimal(factor.min).toFixed()}, ${rationalToDecimal(factor.max).toFixed()}]`;
      return [makeIssue(path, `a rating within ${range} (or clamp: true)`, describeValue(value), 'out_of_range')];
    }
    rating = compare(rating, factor.min) < 0 ? factor.min : factor.max;
    reading.status = 'clamped';
  }
  reading.rating = rating;
  return [];
}

/** Reads every factor of one record; throws one `ValidationError` listing every bad field. */
function readRatings(core: Core, ratings: unknown, settings: Settings, base: string, skipKey?: string): Reading[] {
  if (typeof ratings !== 'object' || ratings === null || Array.isArray(ratings)) {
    throw new ValidationError(
      [makeIssue(base, 'an object of ratings keyed by factor id', describeValue(ratings), 'invalid_type')],
      'score',
    );
  }
  const issues: Issue[] = [];
  const record = ratings as Record<string, unknown>;
  if (!settings.ignoreUnknown) {
    for (const key of Object.keys(record)) {
      if (!core.factorIndex.has(key) && key !== skipKey)
        issues.push(
          makeIssue(
            joinPath(base, key),
            'a factor id of this model (or ignoreUnknown: true)',
            'an unknown key',
            'unknown_key',
          ),
        );
    }
  }
  const readings = core.factors.map((factor) => {
    const value = Object.prototype.hasOwnProperty.call(record, factor.id) ? record[factor.id] : undefined;
    const reading: Reading = { raw: rawForDisplay(value), rating: null, status: 'rated', rule: null };
    issues.push(...readFactor(factor, value, settings, joinPath(base, factor.id), reading));
    return reading;
  });
  if (issues.length > 0) throw new ValidationError(issues, 'score');
  return readings;
}

/** The exact total of a complete rating vector under the plan's fixed coefficients. */
function exactTotal(plan: ScorecardPlan, ratings: readonly Rational[]): Rational {
  let total = ZERO_Q;
  for (const category of plan.categories) {
    let sum = ZERO_Q;
    for (const index of category.factors) sum = add(sum, ratings[index]!);
    total = add(total, multiply(category.coefficient, subtract(sum, category.base)));
  }
  return total;
}

/** The running state of one explanation. */
interface Tally {
  total: Rational;
  coverage: Rational;
  complete: boolean;
  readonly factorScores: FactorScore[];
  readonly categoryScores: CategoryScore[];
}

/** Which categories kept at least one factor (only `exclude` drops whole ones), and their weight. */
function keptCategories(core: Core, readings: readonly Reading[]): { kept: boolean[]; keptWeight: Rational } {
  let keptWeight = ZERO_Q;
  const kept = core.categories.map((category) => {
    const any = category.factors.some((index) => readings[index]!.status !== 'excluded');
    if (any) keptWeight = add(keptWeight, category.weight);
    return any;
  });
  if (keptWeight.numerator === 0n) {
    throw new ValidationError([makeIssue('', 'at least one rated factor', 'every factor missing', 'missing')], 'score');
  }
  return { kept, keptWeight };
}

/** Explains one category into the tally: its factors' lines and its own line. */
function explainCategory(
  core: Core,
  plan: ScorecardPlan,
  c: number,
  readings: readonly Reading[],
  kept: boolean,
  keptWeight: Rational,
  tally: Tally,
): void {
  const minmax = plan.normalisation === 'minmax';
  const category = plan.categories[c]!;
  const renormalised = compare(keptWeight, ONE_Q) !== 0;
  const effectiveWeight = kept ? (renormalised ? divide(category.weight, keptWeight) : category.weight) : ZERO_Q;
  let minSum = ZERO_Q;
  let maxSum = ZERO_Q;
  let ratingSum = ZERO_Q;
  let observedSpan = ZERO_Q;
  let excluded = false;
  for (const index of category.factors) {
    const factor = core.factors[index]!;
    const reading = readings[index]!;
    if (reading.status === 'excluded') {
      excluded = true;
      continue;
    }
    minSum = add(minSum, factor.min);
    maxSum = add(maxSum, factor.max);
    ratingSum = add(ratingSum, reading.rating!);
    if (reading.status !== 'imputed')
      observedSpan = add(observedSpan, minmax ? subtract(factor.max, factor.min) : factor.max);
  }
  const categoryCoverage = divide(observedSpan, subtract(category.maxSum, category.base));
  tally.coverage = add(tally.coverage, multiply(category.weight, categoryCoverage));
  let k: Rational;
  if (!kept) k = ZERO_Q;
  else if (!excluded && !renormalised) k = category.coefficient;
  else k = pointsPerUnit(effectiveWeight, minmax ? subtract(maxSum, minSum) : maxSum);
  let contribution = ZERO_Q;
  for (const index of category.factors) {
    const factor = plan.factors[index]!;
    const reading = readings[index]!;
    if (reading.status === 'imputed' || reading.status === 'excluded') tally.complete = false;
    const maxPoints = reading.status === 'excluded' ? ZERO_Q : multiply(k, subtract(factor.max, factor.base));
    const points =
      reading.rating === null || reading.status === 'excluded'
        ? ZERO_Q
        : multiply(k, subtract(reading.rating, factor.base));
    contribution = add(contribution, points);
    tally.factorScores[index] = {
      id: factor.id,
      categoryId: category.id,
      raw: reading.raw,
      rating: reading.status === 'excluded' ? null : rationalToDecimal(reading.rating!),
      min: rationalToDecimal(factor.min),
      max: rationalToDecimal(factor.max),
      status: reading.status,
      rule: reading.rule,
      contribution: rationalToDecimal(points),
      maxContribution: rationalToDecimal(maxPoints),
      shortfall: rationalToDecimal(subtract(maxPoints, points)),
    };
  }
  tally.total = add(tally.total, contribution);
  const ratio = !kept
    ? ZERO_Q
    : divide(minmax ? subtract(ratingSum, minSum) : ratingSum, minmax ? subtract(maxSum, minSum) : maxSum);
  tally.categoryScores.push({
    id: category.id,
    weight: rationalToDecimal(category.weight),
    effectiveWeight: rationalToDecimal(effectiveWeight),
    ratingSum: rationalToDecimal(ratingSum),
    minSum: rationalToDecimal(minSum),
    maxSum: rationalToDecimal(maxSum),
    ratio: rationalToDecimal(ratio),
    contribution: rationalToDecimal(contribution),
    maxContribution: rationalToDecimal(multiply(HUNDRED_Q, effectiveWeight)),
    coverage: rationalToDecimal(categoryCoverage),
  });
}

/** Builds the full explained result from readings, exactly. */
export function explain(model: Scorecard, core: Core, readings: readonly Reading[], settings: Settings): ScoreResult {
  const plan = planOf(core, settings.normalisation);
  const { kept, keptWeight } = keptCategories(core, readings);
  const tally: Tally = {
    total: ZERO_Q,
    coverage: ZERO_Q,
    complete: true,
    factorScores: new Array<FactorScore>(readings.length),
    categoryScores: [],
  };
  core.categories.forEach((_, c) => explainCategory(core, plan, c, readings, kept[c]!, keptWeight, tally));
  const { total, complete } = tally;
  const imputed = (reading: Reading): boolean => reading.status === 'imputed' || reading.status === 'excluded';
  const totalDecimal = rationalToDecimal(total);
  const bounds = complete
    ? { lower: totalDecimal, upper: totalDecimal }
    : {
        lower: rationalToDecimal(
          exactTotal(
            plan,
            readings.map((reading, index) => (imputed(reading) ? core.factors[index]!.min : reading.rating!)),
          ),
        ),
        upper: rationalToDecimal(
          exactTotal(
            plan,
            readings.map((reading, index) => (imputed(reading) ? core.factors[index]!.max : reading.rating!)),
          ),
        ),
      };
  const bands = settings.bands;
  const { grade, nextGrade } = gradeTotal(() => total, bands);
  return {
    model: { id: model.id, version: model.version, fingerprint: model.fingerprint },
    bands: bands ? { id: bands.id, version: bands.version, fingerprint: bands.fingerprint } : null,
    normalisation: settings.normalisation,
    total: totalDecimal,
    grade,
    nextGrade,
    pointsToNextGrade: nextGrade ? nextGrade.points : null,
    complete,
    coverage: rationalToDecimal(tally.coverage),
    bounds,
    categories: tally.categoryScores,
    factors: tally.factorScores,
  };
}

/** Scores one record: the fast integer path when it applies, the exact rational path otherwise. */
export function evaluate(
  model: Scorecard,
  core: Core,
  settings: Settings,
  ratings: unknown,
  skipKey?: string,
): ScoreResult {
  return readingInput('ratings', 'score', () => {
    const fast = fastPlanOf(core, settings.normalisation);
    if (fast !== null) {
      const reading = readFast(core, fast, ratings, settings.clamp, settings.ignoreUnknown, skipKey);
      if (reading !== null) return explainFast(model, fast, reading, settings.bands);
    }
    return explain(model, core, readRatings(core, ratings, settings, 'ratings', skipKey), settings);
  });
}
