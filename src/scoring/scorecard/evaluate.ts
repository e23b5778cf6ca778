/**
 * The exact evaluation behind `score`: ratings in, the explained result out, with every quantity
 * an exact rational until the one conversion to decimal at the end.
 * @module
 */
import { ValidationError, makeIssue } from '../../shared/errors.js';
import { readingFailed } from '../../shared/input.js';
import {
  add,
  compare,
  divide,
  multiply,
  rational,
  rationalToDecimal,
  subtract,
  type Rational,
} from '../../shared/rational.js';
import type { GradeBands } from '../grades/types.js';
import { fastPlanOf, planOf, type Core } from './core.js';
import { explainFast } from './fastPlan.js';
import { gradeTotal, planTotal, pointsPerUnit, type ScorecardPlan } from './plan.js';
import { ratingAt, rawAt, readRecord, ruleAt, statusAt, type RecordReading } from './readRecord.js';
import type { Normalisation } from './scorecardSchema.js';
import type { CategoryScore, FactorScore, MissingPolicy, ScoreResult, ScoreSummary, Scorecard } from './types.js';

const ZERO_Q = /* @__PURE__ */ rational(0n);
const ONE_Q = /* @__PURE__ */ rational(1n);
const HUNDRED_Q = /* @__PURE__ */ rational(100n);

/** Resolved options, shared by the single and batch paths. */
export interface Settings {
  readonly normalisation: Normalisation;
  readonly missing: MissingPolicy;
  readonly clamp: boolean;
  readonly bands: GradeBands | null;
  readonly ignoreUnknown: boolean;
  /** `false`: results without the explanation lines (`ScoreSummary`). */
  readonly explain: boolean;
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
function keptCategories(core: Core, reading: RecordReading): { kept: boolean[]; keptWeight: Rational } {
  let keptWeight = ZERO_Q;
  const kept = core.categories.map((category) => {
    const any = category.factors.some((index) => statusAt(reading, index) !== 'excluded');
    if (any) keptWeight = add(keptWeight, category.weight);
    return any;
  });
  if (keptWeight.numerator === 0n) {
    throw new ValidationError([makeIssue('', 'at least one rated factor', 'every factor missing', 'missing')], 'score');
  }
  return { kept, keptWeight };
}

/** A category's sums over the factors it kept, and whether it lost any. */
interface CategorySums {
  minSum: Rational;
  maxSum: Rational;
  ratingSum: Rational;
  observedSpan: Rational;
  excluded: boolean;
}

function categorySums(core: Core, plan: ScorecardPlan, c: number, reading: RecordReading): CategorySums {
  const minmax = plan.normalisation === 'minmax';
  const sums: CategorySums = {
    minSum: ZERO_Q,
    maxSum: ZERO_Q,
    ratingSum: ZERO_Q,
    observedSpan: ZERO_Q,
    excluded: false,
  };
  for (const index of plan.categories[c]!.factors) {
    const factor = core.factors[index]!;
    const status = statusAt(reading, index);
    if (status === 'excluded') {
      sums.excluded = true;
      continue;
    }
    sums.minSum = add(sums.minSum, factor.min);
    sums.maxSum = add(sums.maxSum, factor.max);
    sums.ratingSum = add(sums.ratingSum, ratingAt(reading, index)!);
    if (status !== 'imputed')
      sums.observedSpan = add(sums.observedSpan, minmax ? subtract(factor.max, factor.min) : factor.max);
  }
  return sums;
}

/** Explains one category into the tally: its factors' lines and its own line. */
function explainCategory(
  core: Core,
  plan: ScorecardPlan,
  c: number,
  reading: RecordReading,
  kept: boolean,
  keptWeight: Rational,
  tally: Tally,
): void {
  const minmax = plan.normalisation === 'minmax';
  const category = plan.categories[c]!;
  const renormalised = compare(keptWeight, ONE_Q) !== 0;
  const effectiveWeight = kept ? (renormalised ? divide(category.weight, keptWeight) : category.weight) : ZERO_Q;
  const { minSum, maxSum, ratingSum, observedSpan, excluded } = categorySums(core, plan, c, reading);
  const categoryCoverage = divide(observedSpan, subtract(category.maxSum, category.base));
  tally.coverage = add(tally.coverage, multiply(category.weight, categoryCoverage));
  let k: Rational;
  if (!kept) k = ZERO_Q;
  else if (!excluded && !renormalised) k = category.coefficient;
  else k = pointsPerUnit(effectiveWeight, minmax ? subtract(maxSum, minSum) : maxSum);
  let contribution = ZERO_Q;
  for (const index of category.factors) {
    const factor = plan.factors[index]!;
    const status = statusAt(reading, index);
    const rating = status === 'excluded' ? null : ratingAt(reading, index);
    if (status === 'imputed' || status === 'excluded') tally.complete = false;
    const maxPoints = status === 'excluded' ? ZERO_Q : multiply(k, subtract(factor.max, factor.base));
    const points = rating === null ? ZERO_Q : multiply(k, subtract(rating, factor.base));
    contribution = add(contribution, points);
    tally.factorScores[index] = {
      id: factor.id,
      categoryId: category.id,
      raw: rawAt(reading, index),
      rating: rating === null ? null : rationalToDecimal(rating),
      min: rationalToDecimal(factor.min),
      max: rationalToDecimal(factor.max),
      status,
      rule: ruleAt(reading, index),
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

/** The lowest and highest totals still possible once the imputed and excluded ratings are known. */
function boundsOf(core: Core, plan: ScorecardPlan, reading: RecordReading, at: 'min' | 'max'): Rational {
  return planTotal(
    plan,
    core.factors.map((factor, index) => {
      const status = statusAt(reading, index);
      return status === 'imputed' || status === 'excluded' ? factor[at] : ratingAt(reading, index)!;
    }),
  );
}

/** Explains a record in exact rationals: any record, whatever was imputed or excluded. */
function explainExact(model: Scorecard, core: Core, reading: RecordReading, settings: Settings): ScoreResult {
  const plan = planOf(core, settings.normalisation);
  const { kept, keptWeight } = keptCategories(core, reading);
  const tally: Tally = {
    total: ZERO_Q,
    coverage: ZERO_Q,
    complete: true,
    factorScores: new Array<FactorScore>(core.factors.length),
    categoryScores: [],
  };
  core.categories.forEach((_, c) => explainCategory(core, plan, c, reading, kept[c]!, keptWeight, tally));
  const { total, complete } = tally;
  const totalDecimal = rationalToDecimal(total);
  // frozen, as the integer path's (which shares them between results of one total)
  const bounds = Object.freeze(
    complete
      ? { lower: totalDecimal, upper: totalDecimal }
      : {
          lower: rationalToDecimal(boundsOf(core, plan, reading, 'min')),
          upper: rationalToDecimal(boundsOf(core, plan, reading, 'max')),
        },
  );
  const bands = settings.bands;
  const graded = gradeTotal(() => total, bands);
  const grade = graded.grade;
  const nextGrade = graded.nextGrade && Object.freeze(graded.nextGrade);
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

/**
 * The one explainer: the result of a read record under the plan. A record whose every rating is
 * carried in millionths takes the plan's integer form (fastPlan.ts), any other the exact rational
 * form; both give the same result to the byte (a differential property test checks this).
 */
export function explain(
  model: Scorecard,
  core: Core,
  reading: RecordReading,
  settings: Settings,
): ScoreResult | ScoreSummary {
  if (reading.integral) {
    const fast = fastPlanOf(core, settings.normalisation);
    if (fast !== null) return explainFast(model, fast, reading, settings.bands, settings.explain);
  }
  const result = explainExact(model, core, reading, settings);
  return settings.explain ? result : summaryOf(result);
}

/** A result without its lines: its other fields, in its order. */
function summaryOf(result: ScoreResult): ScoreSummary {
  const { categories, factors, ...summary } = result;
  void categories;
  void factors;
  return summary;
}

/** Scores one record: read once, explained once (`skipKey`: a key of the record that is not a rating). */
export function evaluate(
  model: Scorecard,
  core: Core,
  settings: Settings,
  ratings: unknown,
  skipKey?: string,
): ScoreResult | ScoreSummary {
  try {
    const reading = readRecord(core, fastPlanOf(core, settings.normalisation), ratings, settings, skipKey);
    return explain(model, core, reading, settings);
  } catch (error) {
    // a throwing getter or proxy trap: a ValidationError at `ratings` (inline, not a closure per record)
    return readingFailed('ratings', 'score', error);
  }
}
