/**
 * The first pass of `assessPortfolio`: its options read once, then every record scored and
 * valued as it streams past, keeping only the few facts the assessment needs per account.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { isIterable, readId, toRecordError, type RecordError } from '../../shared/batch.js';
import { ValidationError, fail, makeIssue, describeValue } from '../../shared/errors.js';
import { ExactDecimal, ONE, ZERO } from '../../shared/numeric.js';
import {
  createScorer,
  potentialValueModel,
  type PortfolioOptions,
  type ScoreOptions,
  type Scorecard,
} from '../../scoring/index.js';
import { classifyValue } from '../matrix/classifyValue.js';
import { defaultValueMatrix } from '../matrix/defaultValueMatrix.js';
import { valueGrades, type ValueGrade, type ValueMatrix } from '../matrix/defineValueMatrix.js';
import { expectedNpv, isDivergent, type NpvHorizon, type NpvTiming } from '../internal/npv.js';
import {
  readHorizon,
  readObject,
  readProbability,
  readRate,
  readSeries,
  readShare,
  readTiming,
} from '../internal/read.js';
import { readConcentrationOptions, type ConcentrationOptions, type HhiBandEdition } from './concentrationRisk.js';
import type { ValueGrader } from '../value/defineValueGrader.js';
import { abcValueGrader } from '../value/valueGraderPresets.js';
import {
  portfolioLifetimeValue,
  readPortfolioLifetime,
  type PortfolioLifetimeValuation,
} from '../lifetime/internal/portfolioLifetime.js';
import type { AssessPortfolioOptions } from './assessTypes.js';
import { perpetuityValuer, type PerpetuityValuer } from '../internal/perpetuity.js';
import { fastPotentialScorer, type FastPotential, type FastPotentialScorer } from '../internal/fastPotential.js';

const GRADE_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(valueGrades);
export const CONTEXT = 'assessPortfolio';

/** The options, read and checked once. */
export interface AssessmentSettings {
  readonly discountRate: Decimal;
  readonly defaultRetention: readonly Decimal[] | null;
  readonly horizon: NpvHorizon;
  readonly timing: NpvTiming;
  readonly grader: ValueGrader;
  readonly matrix: ValueMatrix;
  readonly targetShare: Decimal;
  readonly top: readonly number[];
  readonly edition: HhiBandEdition;
  readonly idField: string;
  readonly scorecard: Scorecard;
  readonly scoreOptions: PortfolioOptions;
  /** As given, for error messages. */
  readonly givenRetention: unknown;
  readonly lifetime: PortfolioLifetimeValuation | null;
  /** The default retention's closed form (see {@link perpetuityOf}), or `null`. */
  readonly perpetuity: {
    readonly retention: Decimal;
    readonly divisor: Decimal;
    /** The same value on integers, for a margin that is exactly a count of millionths. */
    readonly value: PerpetuityValuer | null;
  } | null;
}

export function readSettings(options: AssessPortfolioOptions): AssessmentSettings {
  const settings = readObject(options, 'options', CONTEXT);
  const valuation = readObject(settings.valuation, 'options.valuation', CONTEXT);
  const grader = (settings.currentGrader as ValueGrader | undefined) ?? abcValueGrader;
  if (grader.kind !== 'valueGrader')
    fail('options.currentGrader', 'a grader made by defineValueGrader', grader, CONTEXT, 'not_a_model');
  if (grader.grades.some((grade) => !GRADE_SET.has(grade.id))) {
    fail(
      'options.currentGrader',
      'a grader whose grades are A, B, C, D',
      grader.grades.map((grade) => grade.id).join(','),
      CONTEXT,
    );
  }
  const matrix = (settings.matrix as ValueMatrix | undefined) ?? defaultValueMatrix;
  classifyValue('A', 'A', matrix); // validates the matrix
  const { top, edition } = readConcentrationOptions(settings as ConcentrationOptions, CONTEXT);
  const idField = (settings.idField as string | undefined) ?? 'id';
  const discountRate = readRate(valuation.discountRate, 'options.valuation.discountRate', CONTEXT);
  const defaultRetention =
    valuation.retention === undefined
      ? null
      : readSeries(valuation.retention, 'options.valuation.retention', CONTEXT, (item, path) =>
          readProbability(item, path, CONTEXT),
        );
  const horizon = readHorizon(valuation.horizon, 'options.valuation.horizon', CONTEXT);
  const timing = readTiming(valuation.timing, 'options.valuation.timing', CONTEXT);
  return {
    discountRate,
    defaultRetention,
    horizon,
    timing,
    grader,
    matrix,
    targetShare:
      settings.targetShare === undefined
        ? new ExactDecimal('0.8')
        : readShare(settings.targetShare, 'options.targetShare', CONTEXT),
    top,
    edition,
    idField,
    scorecard: (settings.scorecard as Scorecard | undefined) ?? potentialValueModel,
    scoreOptions: { ...(settings.scoreOptions as ScoreOptions | undefined), idField, ratings: ratingsOf },
    givenRetention: valuation.retention,
    lifetime: readPortfolioLifetime(settings.lifetime, CONTEXT),
    perpetuity: perpetuityOf(discountRate, defaultRetention, horizon, timing),
  };
}

/** What each good record leaves behind, in parallel arrays (a million small objects fewer). */
export interface KeptAccounts {
  readonly indices: number[];
  readonly ids: (string | undefined)[];
  readonly scores: Decimal[];
  readonly potentialGrades: ValueGrade[];
  readonly values: Decimal[];
  readonly errors: RecordError[];
}

/** Scores and values every record as it streams past; a bad record becomes an error, never an abort. */
export function keepAccounts(records: Iterable<unknown>, settings: AssessmentSettings): KeptAccounts {
  if (!isIterable(records)) fail('records', 'an iterable of accounts', records, CONTEXT, 'invalid_type');
  const scoreOne = createScorer(settings.scorecard, settings.scoreOptions);
  const fast = fastPotentialScorer(settings.scorecard, settings.scoreOptions);
  const kept: KeptAccounts = { indices: [], ids: [], scores: [], potentialGrades: [], values: [], errors: [] };
  let index = 0;
  for (const record of records) {
    const at = index++;
    if (fast !== null && typeof record === 'object' && record !== null) {
      const id = readId(record, settings.idField);
      const potential = fastScore(fast, record);
      if (potential !== null) {
        keepAccount(kept, record, at, id, potential, settings);
        continue;
      }
    }
    const outcome = scoreOne(record, at);
    if (outcome.ok) keepAccount(kept, record, at, outcome.id, outcome.result, settings);
    else kept.errors.push(outcome.error);
  }
  return kept;
}

/** The fast path's score of a common record (an object), or `null` (the full scorer then reads it). */
function fastScore(fast: FastPotentialScorer, record: object): FastPotential | null {
  let ratings: unknown;
  try {
    ratings = ratingsOf(record);
  } catch {
    return null;
  }
  return fast(ratings);
}

/** Keeps a scored record's facts, or its error when its grade or current value is bad. */
function keepAccount(
  kept: KeptAccounts,
  record: unknown,
  index: number,
  id: string | undefined,
  potential: { readonly total: Decimal; readonly grade: string | null },
  settings: AssessmentSettings,
): void {
  try {
    const grade = potential.grade;
    if (grade === null || !GRADE_SET.has(grade)) {
      throw new ValidationError(
        [makeIssue('ratings', 'ratings whose potential-value grade is A, B, C or D', `grade ${describeValue(grade)}`)],
        CONTEXT,
      );
    }
    const value = currentValueOf(record as Record<string, unknown>, settings);
    kept.indices.push(index);
    kept.ids.push(id);
    kept.scores.push(potential.total);
    kept.potentialGrades.push(grade as ValueGrade);
    kept.values.push(value);
  } catch (error) {
    kept.errors.push(toRecordError(error, index, id ?? readId(record, settings.idField)));
  }
}

/** The account's expected NPV, by the same arithmetic as {@link currentValue}. */
function currentValueOf(record: Record<string, unknown>, settings: AssessmentSettings): Decimal {
  if (settings.lifetime !== null) return portfolioLifetimeValue(record, settings.lifetime, settings.discountRate);
  const margin = record.margin;
  const retention = record.retention;
  const perpetuity = settings.perpetuity;
  if (perpetuity !== null && retention === undefined && typeof margin === 'number' && Number.isFinite(margin)) {
    // the constant end-timing perpetuity m·r/(1+d−r), as expectedNpv computes it, its divisor computed once
    const fast = perpetuity.value === null ? null : perpetuity.value(margin);
    if (fast !== null) return fast;
    const m = new ExactDecimal(margin);
    return m.isZero() || perpetuity.retention.isZero() ? ZERO : m.times(perpetuity.retention).div(perpetuity.divisor);
  }
  const margins = readSeries(margin, 'margin', CONTEXT);
  const retentions =
    retention !== undefined
      ? readSeries(retention, 'retention', CONTEXT, (item, path) => readProbability(item, path, CONTEXT))
      : (settings.defaultRetention ??
        fail('retention', 'a retention on the record or in options.valuation.retention', undefined, CONTEXT));
  try {
    return expectedNpv(margins, retentions, settings.discountRate, settings.horizon, settings.timing).value;
  } catch (error) {
    if (isDivergent(error)) {
      fail(
        'retention',
        'a retention below 1 + discountRate, so that the perpetuity converges',
        retention ?? settings.givenRetention,
        CONTEXT,
      );
    }
    throw error;
  }
}

/**
 * The default retention's constant end-timing perpetuity, when the options give one that
 * converges: its retention r and divisor 1 + d − r, for records with a single margin.
 */
function perpetuityOf(
  discountRate: Decimal,
  retention: readonly Decimal[] | null,
  horizon: NpvHorizon,
  timing: NpvTiming,
): AssessmentSettings['perpetuity'] {
  if (retention === null || retention.length !== 1 || horizon !== 'perpetuity' || timing !== 'end') return null;
  const divisor = ONE.plus(discountRate).minus(retention[0]!);
  if (!divisor.isPositive() || divisor.isZero()) return null;
  return { retention: retention[0]!, divisor, value: perpetuityValuer(retention[0]!, divisor) };
}

function ratingsOf(record: unknown): unknown {
  if (typeof record !== 'object' || record === null) return record;
  return (record as { ratings?: unknown }).ratings;
}
