import type { Decimal } from 'decimal.js';
import { isIterable, readId, toRecordError, type RecordError } from '../../shared/batch.js';
import { ValidationError, fail, makeIssue, describeValue } from '../../shared/errors.js';
import type { Labels } from '../../shared/labels.js';
import { ExactDecimal, ZERO, type Numeric } from '../../shared/numeric.js';
import {
  createScorer,
  potentialValueModel,
  type PortfolioOptions,
  type ScoreOptions,
  type Scorecard,
} from '../../scoring/index.js';
import { classifyValue } from '../matrix/classifyValue.js';
import { defaultValueMatrix } from '../matrix/defaultValueMatrix.js';
import {
  valueGrades,
  type ValueClassification,
  type ValueGrade,
  type ValueMatrix,
} from '../matrix/defineValueMatrix.js';
import { expectedNpv, isDivergent, type NpvHorizon, type NpvTiming } from '../internal/npv.js';
import { coverTarget } from '../internal/portfolioCore.js';
import {
  readHorizon,
  readObject,
  readProbability,
  readRate,
  readSeries,
  readShare,
  readTiming,
} from '../internal/read.js';
import { largestFirst } from '../internal/values.js';
import {
  concentrationOf,
  readConcentrationOptions,
  type ConcentrationOptions,
  type ConcentrationResult,
  type HhiBandEdition,
} from './concentrationRisk.js';
import { assignGrades } from '../value/gradeValues.js';
import type { ValueGrader } from '../value/defineValueGrader.js';
import { abcValueGrader } from '../value/valueGraderPresets.js';
import {
  portfolioLifetimeValue,
  readPortfolioLifetime,
  type PortfolioLifetimeValuation,
} from '../lifetime/internal/portfolioLifetime.js';
import { withDisplay } from '../../shared/display.js';

/**
 * One account for {@link assessPortfolio}.
 * @category Portfolio
 */
export interface PortfolioAccount {
  readonly id: string;
  /** Ratings of the potential-value scorecard's factors. */
  readonly ratings: object;
  /** Expected margin per period (a number, or a series whose last value carries on). */
  readonly margin?: Numeric | readonly Numeric[];
  /** This account's retention, overriding `options.valuation.retention`. */
  readonly retention?: Numeric | readonly Numeric[];
  /** Purchase history `{ frequency, recency, T, monetaryValue }`, read instead of `margin` and `retention` when
   * `options.lifetime` is set. */
  readonly history?: object;
}

/**
 * Options of {@link assessPortfolio}.
 * @category Portfolio
 */
export interface AssessPortfolioOptions {
  /** How current value is computed (see {@link currentValue}); `retention` may come from each record instead. */
  readonly valuation: {
    readonly discountRate: Numeric;
    readonly retention?: Numeric | readonly Numeric[];
    readonly horizon?: NpvHorizon;
    readonly timing?: NpvTiming;
  };
  /** The potential-value scorecard; default `potentialValueModel` (seed 002). */
  readonly scorecard?: Scorecard;
  /** Options for the scorecard (bands, missing-value policy, clamping); its grades must be A–D. */
  readonly scoreOptions?: ScoreOptions;
  /** How current values become grades A–D; default {@link abcValueGrader}. */
  readonly currentGrader?: ValueGrader;
  /** The value matrix; default {@link defaultValueMatrix}. */
  readonly matrix?: ValueMatrix;
  /** Share of current value the Pareto summary covers; default 0.8. */
  readonly targetShare?: Numeric;
  /** Top-N shares to report; default `[1, 5, 10]`. */
  readonly top?: readonly number[];
  /** HHI band edition; default `'2010'`. */
  readonly bands?: HhiBandEdition;
  /** Fitted lifetime-value models: current value becomes each account's CLV from its `history`
   * (`customerLifetimeValue`, discounted at `valuation.discountRate`). */
  readonly lifetime?: PortfolioLifetimeValuation;
  /** The field holding a record's id; default `'id'`. */
  readonly idField?: string;
}

/**
 * One assessed account.
 * @category Portfolio
 */
export interface AssessedAccount {
  readonly index: number;
  readonly id: string | undefined;
  /** Potential value: the scorecard total (0–100) and its grade. */
  readonly potential: { readonly score: Decimal; readonly grade: ValueGrade };
  /** Current value: the expected NPV and its grade within this portfolio. */
  readonly current: { readonly value: Decimal; readonly grade: ValueGrade };
  readonly customerClass: string;
  readonly segment: string;
  /** The full classification: labels, strategy, cell and matrix. */
  readonly classification: ValueClassification;
}

/**
 * Count and value of one customer class.
 * @category Portfolio
 */
export interface ClassSummary {
  readonly customerClass: string;
  readonly segment: string;
  readonly labels: Labels;
  readonly count: number;
  /** count / assessed accounts. */
  readonly accountShare: Decimal;
  /** Sum of the class's current values. */
  readonly value: Decimal;
  /** value / total current value (negative values count as 0 in the total). */
  readonly valueShare: Decimal;
}

/**
 * The portfolio summary of {@link assessPortfolio}.
 * @category Portfolio
 */
export interface PortfolioAssessmentSummary {
  readonly accounts: number;
  readonly failed: number;
  /** Sum of current values (negative values included). */
  readonly totalValue: Decimal;
  /** One entry per class of the matrix, in the matrix's order. */
  readonly byClass: readonly ClassSummary[];
  /** `cells[current][potential]`: accounts per cell of the matrix. */
  readonly cells: Readonly<Record<ValueGrade, Readonly<Record<ValueGrade, number>>>>;
  /** Pareto on current value; `null` when no account has a positive value. */
  readonly pareto: {
    readonly targetShare: Decimal;
    readonly count: number;
    readonly accountShare: Decimal;
    readonly valueShare: Decimal;
  } | null;
  /** Concentration of current value; `null` when no account has a positive value. */
  readonly concentration: Omit<ConcentrationResult, 'accounts' | 'total'> | null;
}

/**
 * What {@link assessPortfolio} returns.
 * @category Portfolio
 */
export interface PortfolioAssessment {
  readonly results: AssessedAccount[];
  readonly errors: RecordError[];
  readonly summary: PortfolioAssessmentSummary;
}

const GRADE_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(valueGrades);
const CONTEXT = 'assessPortfolio';

/** The options, read and checked once. */
interface AssessmentSettings {
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
}

function readSettings(options: AssessPortfolioOptions): AssessmentSettings {
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
  return {
    discountRate: readRate(valuation.discountRate, 'options.valuation.discountRate', CONTEXT),
    defaultRetention:
      valuation.retention === undefined
        ? null
        : readSeries(valuation.retention, 'options.valuation.retention', CONTEXT, (item, path) =>
            readProbability(item, path, CONTEXT),
          ),
    horizon: readHorizon(valuation.horizon, 'options.valuation.horizon', CONTEXT),
    timing: readTiming(valuation.timing, 'options.valuation.timing', CONTEXT),
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
  };
}

/** What each good record leaves behind, in parallel arrays (a million small objects fewer). */
interface KeptAccounts {
  readonly indices: number[];
  readonly ids: (string | undefined)[];
  readonly scores: Decimal[];
  readonly potentialGrades: ValueGrade[];
  readonly values: Decimal[];
  readonly errors: RecordError[];
}

/** Scores and values every record as it streams past; a bad record becomes an error, never an abort. */
function keepAccounts(records: Iterable<unknown>, settings: AssessmentSettings): KeptAccounts {
  if (!isIterable(records)) fail('records', 'an iterable of accounts', records, CONTEXT, 'invalid_type');
  const scoreOne = createScorer(settings.scorecard, settings.scoreOptions);
  const kept: KeptAccounts = { indices: [], ids: [], scores: [], potentialGrades: [], values: [], errors: [] };
  let index = 0;
  for (const record of records) {
    const outcome = scoreOne(record, index++);
    if (!outcome.ok) {
      kept.errors.push(outcome.error);
      continue;
    }
    try {
      const grade = outcome.result.grade;
      if (grade === null || !GRADE_SET.has(grade)) {
        throw new ValidationError(
          [
            makeIssue(
              'ratings',
              'ratings whose potential-value grade is A, B, C or D',
              `grade ${describeValue(grade)}`,
            ),
          ],
          CONTEXT,
        );
      }
      const value = currentValueOf(record as Record<string, unknown>, settings);
      kept.indices.push(outcome.index);
      kept.ids.push(outcome.id);
      kept.scores.push(outcome.result.total);
      kept.potentialGrades.push(grade as ValueGrade);
      kept.values.push(value);
    } catch (error) {
      kept.errors.push(toRecordError(error, outcome.index, outcome.id ?? readId(record, settings.idField)));
    }
  }
  return kept;
}

/** The account's expected NPV, by the same arithmetic as {@link currentValue}. */
function currentValueOf(record: Record<string, unknown>, settings: AssessmentSettings): Decimal {
  if (settings.lifetime !== null) return portfolioLifetimeValue(record, settings.lifetime, settings.discountRate);
  const margins = readSeries(record.margin, 'margin', CONTEXT);
  const retentions =
    record.retention !== undefined
      ? readSeries(record.retention, 'retention', CONTEXT, (item, path) => readProbability(item, path, CONTEXT))
      : (settings.defaultRetention ??
        fail('retention', 'a retention on the record or in options.valuation.retention', undefined, CONTEXT));
  try {
    return expectedNpv(margins, retentions, settings.discountRate, settings.horizon, settings.timing).value;
  } catch (error) {
    if (isDivergent(error)) {
      fail(
        'retention',
        'a retention below 1 + discountRate, so that the perpetuity converges',
        record.retention ?? settings.givenRetention,
        CONTEXT,
      );
    }
    throw error;
  }
}

/** Totals, the weights shares use (negative values weigh 0), one shared sort, and each account's grade index. */
function rankValues(values: readonly Decimal[], grader: ValueGrader) {
  let totalValue = ZERO;
  let hasNegative = false;
  for (const value of values) {
    totalValue = totalValue.plus(value);
    if (value.isNegative() && !value.isZero()) hasNegative = true;
  }
  const weights = hasNegative ? values.map((value) => (value.isNegative() ? ZERO : value)) : values;
  const positiveTotal = hasNegative ? weights.reduce((total, weight) => total.plus(weight), ZERO) : totalValue;
  // one sort serves the grader, Pareto and the top-N shares (values and weights sort alike unless
  // some values are negative, and then only quantile grading needs their own order)
  const order = largestFirst(weights);
  const gradeIndex =
    grader.method === 'cumulativeShare'
      ? assignGrades(weights, positiveTotal, grader, order)
      : assignGrades(values, positiveTotal, grader, grader.method === 'quantiles' && !hasNegative ? order : undefined);
  return { totalValue, weights, positiveTotal, order, gradeIndex };
}

/** Places every kept account in the matrix and counts per cell and per class. */
function classifyAccounts(
  kept: KeptAccounts,
  gradeIndex: ArrayLike<number>,
  positiveTotal: Decimal,
  settings: AssessmentSettings,
) {
  const { grader, matrix } = settings;
  const cells = Object.fromEntries(
    valueGrades.map((row) => [row, Object.fromEntries(valueGrades.map((column) => [column, 0]))]),
  ) as Record<ValueGrade, Record<ValueGrade, number>>;
  const classTotals = new Map(matrix.classes.map((item) => [item.id, { count: 0, value: ZERO }]));
  const n = kept.values.length;
  const results: AssessedAccount[] = new Array<AssessedAccount>(n);
  for (let k = 0; k < n; k++) {
    const potentialGrade = kept.potentialGrades[k]!;
    const value = kept.values[k]!;
    const currentGrade = grader.grades[gradeIndex[k]!]!.id as ValueGrade;
    const classification = matrix.lookup[currentGrade][potentialGrade];
    cells[currentGrade][potentialGrade]++;
    const totals = classTotals.get(classification.customerClass)!;
    totals.count++;
    totals.value = totals.value.plus(value);
    results[k] = {
      index: kept.indices[k]!,
      id: kept.ids[k],
      potential: { score: kept.scores[k]!, grade: potentialGrade },
      current: { value, grade: currentGrade },
      customerClass: classification.customerClass,
      segment: classification.segment,
      classification,
    };
  }
  const byClass = matrix.classes.map((item) => {
    const totals = classTotals.get(item.id)!;
    return {
      customerClass: item.id,
      segment: item.segment,
      labels: item.labels,
      count: totals.count,
      accountShare: n === 0 ? ZERO : new ExactDecimal(totals.count).div(n),
      value: totals.value,
      valueShare: positiveTotal.isZero() ? ZERO : totals.value.div(positiveTotal),
    };
  });
  return { results, cells, byClass };
}

/**
 * Assesses a whole portfolio in one call (SPEC §2; seeds 001, 002, 003): scores each account's
 * potential value on the scorecard, computes its current value as an expected NPV, grades
 * current values across the portfolio, places every account in the value matrix, and summarises
 * the portfolio — counts and value per class, accounts per cell, Pareto and concentration.
 *
 * Every bad record (invalid ratings, a non-numeric margin, a diverging perpetuity, a potential
 * grade outside A–D) is reported in `errors` with its index and id; every good record is assessed.
 * Current grades are relative to the good records. Accounts with a negative current value count
 * as 0 in shares, Pareto and concentration (they are still graded and classified).
 *
 * @param records - `{ id, ratings, margin, retention? }` per account, or `{ id, ratings, history }` with
 * `options.lifetime`; any iterable.
 * @param options - `valuation` (discount rate and default retention) and optional models.
 * @throws {ValidationError} only for bad options (records never throw).
 * @example
 * ```ts
 * import { assessPortfolio, potentialValueModel } from 'clientele';
 * const top = Object.fromEntries(potentialValueModel.factors.map((f) => [f.id, f.max]));
 * const low = Object.fromEntries(potentialValueModel.factors.map((f) => [f.id, f.min]));
 * const { results, errors, summary } = assessPortfolio(
 *   [
 *     { id: 'volkswagen', ratings: top, margin: 900000 },
 *     { id: 'local-shop', ratings: low, margin: 5000 },
 *     { id: 'broken', ratings: low, margin: 'n/a' },
 *   ],
 *   { valuation: { retention: 0.8, discountRate: 0.1 } },
 * );
 * results.map((r) => `${r.id}: ${r.segment}`); // ['volkswagen: high-value', 'local-shop: low-value']
 * errors[0]?.id; // 'broken'
 * summary.byClass.map((c) => c.count); // [1, 0, 0, 1]
 * ```
 * @category Portfolio
 */
export function assessPortfolio(records: Iterable<unknown>, options: AssessPortfolioOptions): PortfolioAssessment {
  const settings = readSettings(options);
  const kept = keepAccounts(records, settings);
  kept.errors.sort((a, b) => a.index - b.index);
  const { totalValue, weights, positiveTotal, order, gradeIndex } = rankValues(kept.values, settings.grader);
  const { results, cells, byClass } = classifyAccounts(kept, gradeIndex, positiveTotal, settings);
  const n = kept.values.length;
  let pareto: PortfolioAssessmentSummary['pareto'] = null;
  let concentration: PortfolioAssessmentSummary['concentration'] = null;
  if (!positiveTotal.isZero()) {
    const { count, covered } = coverTarget(weights, order, settings.targetShare.times(positiveTotal));
    pareto = {
      targetShare: settings.targetShare,
      count,
      accountShare: new ExactDecimal(count).div(n),
      valueShare: covered.div(positiveTotal),
    };
    concentration = concentrationOf(weights, order, positiveTotal, settings.top, settings.edition);
  }
  return withDisplay(
    {
      results,
      errors: kept.errors,
      summary: { accounts: n, failed: kept.errors.length, totalValue, byClass, cells, pareto, concentration },
    },
    'Portfolio assessment',
  );
}

function ratingsOf(record: unknown): unknown {
  if (typeof record !== 'object' || record === null) return record;
  return (record as { ratings?: unknown }).ratings;
}
