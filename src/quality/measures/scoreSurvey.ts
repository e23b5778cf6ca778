import { readInput } from '../../shared/input.js';
import type { Decimal } from 'decimal.js';
import type { RecordError } from '../../shared/batch.js';
import { fail } from '../../shared/errors.js';
import type { Labels } from '../../shared/labels.js';
import {
  add,
  compare,
  divide,
  fromDecimal,
  multiply,
  rational,
  subtract,
  type Rational,
} from '../../shared/rational.js';
import { readLevel } from '../internal/checks.js';
import { accumulateDimensions, type Accumulation } from '../internal/dimensionScores.js';
import {
  asDecimal,
  readPolicy,
  openSurvey,
  type CompiledPolicy,
  type RespondentFilter,
  type SurveyMissingPolicy,
} from '../internal/survey.js';
import type { Instrument } from '../instrument/defineInstrument.js';
import type { SurveyColumns, SurveyData } from '../responses/prepareSurvey.js';
import { intervalFromSample } from '../statistics/meanConfidenceInterval.js';
import type { ModelRef } from '../../shared/model.js';
import { withDisplay } from '../../shared/display.js';

/** Options of {@link scoreSurvey}. @category Quality */
export interface ScoreSurveyOptions {
  /** Missing-answer policy; default `'pairwise'`. */
  readonly missing?: SurveyMissingPolicy | undefined;
  /** Confidence level of the mean intervals; default 0.95. */
  readonly level?: number | undefined;
  /** Width of the top and bottom boxes in scale points; default 2 (top-2-box: 4–5 on a 1–5 scale). */
  readonly boxes?: number | undefined;
  /** Only these respondents (a group, a period, or both). */
  readonly where?: RespondentFilter | undefined;
}

/** One dimension's score. Exact decimals where the quantity is rational; doubles for spread and intervals. @category
 * Quality */
export interface DimensionScore {
  readonly dimension: string;
  readonly labels: Labels;
  /** Respondents counted under the missing-answer policy. */
  readonly n: number;
  /** Mean of the respondents' dimension scores, on the answer scale; exact; `null` when n = 0. */
  readonly mean: Decimal | null;
  /** Sample standard deviation of the respondents' dimension scores; `null` below two respondents. */
  readonly sd: number | null;
  /** Student t interval of the mean; bounds `null` below two respondents. */
  readonly ci: { readonly lower: number | null; readonly upper: number | null; readonly level: number };
  /** The mean on 0–100: 100·(mean − min)/(max − min); exact. */
  readonly index: Decimal | null;
  /** Share of the counted item answers in the top box (exact), `null` without answers. */
  readonly topBoxShare: Decimal | null;
  /** Share of the counted item answers in the bottom box (exact), `null` without answers. */
  readonly bottomBoxShare: Decimal | null;
  /** Item answers behind the box shares. */
  readonly answers: number;
  /** True when the index is below the instrument's standard; `null` when there is no index. */
  readonly belowStandard: boolean | null;
  readonly reason?: string | undefined;
}

/** The overall service-quality index. @category Quality */
export interface OverallQualityIndex {
  /** Σ weight × dimension index over the dimensions that have a score, renormalised; exact; 0–100. */
  readonly index: Decimal | null;
  /** True when the instrument's importance weights were used, false for equal weights. */
  readonly weighted: boolean;
  /** The weights used, renormalised over the scored dimensions. */
  readonly weights: Readonly<Record<string, Decimal>>;
  /** Share of the total weight that had a score (1 when every dimension was scored). */
  readonly coverage: Decimal;
  readonly belowStandard: boolean | null;
  /** Respondents who counted for at least one dimension. */
  readonly n: number;
}

/** What {@link scoreSurvey} returns. @category Quality */
export interface SurveyScore {
  readonly instrument: ModelRef;
  readonly missing: 'listwise' | 'pairwise' | { readonly minimumShare: string };
  /** Respondents looked at (after the filter), before the missing-answer policy. */
  readonly respondents: number;
  readonly dimensions: readonly DimensionScore[];
  /** Dimension ids, lowest index first (ties in instrument order); unscored dimensions last. */
  readonly weakestFirst: readonly string[];
  readonly overall: OverallQualityIndex;
  readonly standard: Decimal;
  /** Responses that failed validation (empty when prepared data was passed). */
  readonly errors: readonly RecordError[];
}

/**
 * Scores a survey: per dimension the mean, standard deviation, n, Student t interval, top- and
 * bottom-box shares and a 0–100 index; the overall index weighted by the instrument's importance
 * (equal weights without); and the dimensions weakest first.
 *
 * A respondent's dimension score is the mean of their answers to its items (after reverse coding),
 * formed under the missing-answer policy; the dimension mean is the mean of those scores. Means,
 * indices and shares are exact decimals (an index of exactly 80 is 80); the spread and intervals are
 * doubles. Seed `000_314cca147d0dd30a.txt`: "the customer is the final judge of service value",
 * measured along six dimensions.
 *
 * @param instrument - A model from {@link defineInstrument}.
 * @param responses - Raw responses (validated here; bad ones land in `errors`) or {@link prepareSurvey} data.
 * @param options - `{ missing, level, boxes, where }`.
 * @throws {ValidationError} on an invalid instrument, options, or data prepared with another instrument.
 * @example
 * ```ts
 * import { scoreSurvey, serviceQualityInstrument } from 'clientele';
 * const score = scoreSurvey(serviceQualityInstrument, [
 *   {
 *     id: 'a',
 *     answers: {
 *       'reliability.promises': 4,
 *       'reliability.quotes': 5,
 *       'reliability.accuracy': 4,
 *       'reliability.surprises': 2,
 *     },
 *   },
 *   {
 *     id: 'b',
 *     answers: {
 *       'reliability.promises': 3,
 *       'reliability.quotes': 3,
 *       'reliability.accuracy': 4,
 *       'reliability.surprises': 1,
 *     },
 *   },
 * ]);
 * const reliability = score.dimensions.find((d) => d.dimension === 'reliability');
 * [reliability?.mean?.toString(), reliability?.index?.toString()]; // 4 75
 * ```
 * @category Quality
 */
export function scoreSurvey(
  instrument: Instrument,
  responses: SurveyData | readonly unknown[],
  givenOptions?: ScoreSurveyOptions,
): SurveyScore {
  const context = 'scoreSurvey';
  const options = readInput(givenOptions, 'options', context);
  const level = readLevel(options, context);
  const policy = readPolicy(options?.missing, context);
  const boxes = options?.boxes ?? 2;
  const { data, columns, compiled, rows } = openSurvey(instrument, responses, options?.where, context);
  const span = Math.min(...compiled.dimensionScale.map((scale) => (scale.max - scale.min) / scale.factor));
  if (!Number.isInteger(boxes) || boxes < 1 || boxes > span)
    fail('options.boxes', `a whole number of scale points from 1 to ${span}`, boxes, context);
  const accumulation = accumulateDimensions(columns, rows, policy, boxes);
  return surveyScoreOf(instrument, compiled, accumulation, { level, policy, rows: rows.length, data });
}

/**
 * The {@link SurveyScore} of accumulated dimensions: shared with the streaming form, which
 * accumulates chunk by chunk. @internal
 */
export function surveyScoreOf(
  instrument: Instrument,
  compiled: SurveyColumns['compiled'],
  accumulation: Accumulation,
  read: {
    readonly level: number;
    readonly policy: CompiledPolicy;
    readonly rows: number;
    readonly data: Pick<SurveyData, 'instrument' | 'errors'>;
  },
): SurveyScore {
  const { level, policy, data } = read;
  const accumulated = accumulation.dimensions;
  const standard = fromDecimal(instrument.standard);
  const indices: (Rational | null)[] = [];
  const dimensions: DimensionScore[] = accumulated.map((dimension, d) => {
    const scale = compiled.dimensionScale[d]!;
    const interval = intervalFromSample(dimension.scores, level);
    const index =
      dimension.mean === null ? null : toIndex(dimension.mean, scale.min / scale.factor, scale.max / scale.factor);
    indices.push(index);
    const meta = instrument.dimensions[d]!;
    return {
      dimension: meta.id,
      labels: meta.labels,
      n: dimension.n,
      mean: dimension.mean === null ? null : asDecimal(dimension.mean),
      sd: interval.sd,
      ci: { lower: interval.lower, upper: interval.upper, level },
      index: index === null ? null : asDecimal(index),
      topBoxShare:
        dimension.answers > 0 ? asDecimal(rational(BigInt(dimension.topBox), BigInt(dimension.answers))) : null,
      bottomBoxShare:
        dimension.answers > 0 ? asDecimal(rational(BigInt(dimension.bottomBox), BigInt(dimension.answers))) : null,
      answers: dimension.answers,
      belowStandard: index === null ? null : compare(index, standard) < 0,
      ...(dimension.n === 0
        ? { reason: 'no respondent met the missing-answer policy for this dimension' }
        : interval.reason
          ? { reason: interval.reason }
          : {}),
    };
  });
  const overall = overallIndex(compiled.importance, compiled.dimensionIds, indices, standard, accumulation.respondents);
  return withDisplay(
    {
      instrument: data.instrument,
      missing: policy.description,
      respondents: read.rows,
      dimensions,
      weakestFirst: weakestFirst(compiled.dimensionIds, indices),
      overall,
      standard: instrument.standard,
      errors: data.errors,
    },
    'Survey score',
  );
}

/** 100·(mean − min)/(max − min), exact. */
export function toIndex(mean: Rational, min: number, max: number): Rational {
  return divide(multiply(subtract(mean, rational(BigInt(min))), rational(100n)), rational(BigInt(max - min)));
}

/** Dimension ids ordered by index ascending; ties keep instrument order; missing indices last. */
export function weakestFirst(ids: readonly string[], indices: readonly (Rational | null)[]): string[] {
  return ids
    .map((id, position) => ({ id, position, index: indices[position] ?? null }))
    .sort((a, b) => {
      if (a.index === null || b.index === null)
        return a.index === null ? (b.index === null ? a.position - b.position : 1) : -1;
      return compare(a.index, b.index) || a.position - b.position;
    })
    .map((entry) => entry.id);
}

function overallIndex(
  importance: readonly Rational[] | null,
  ids: readonly string[],
  indices: readonly (Rational | null)[],
  standard: Rational,
  n: number,
): OverallQualityIndex {
  const raw = ids.map((_, d) => importance?.[d] ?? rational(1n, BigInt(ids.length)));
  let covered = rational(0n);
  let total = rational(0n);
  indices.forEach((index, d) => {
    if (index === null) return;
    covered = add(covered, raw[d]!);
    total = add(total, multiply(raw[d]!, index));
  });
  const weights: Record<string, Decimal> = {};
  const positive = covered.numerator > 0n;
  ids.forEach((id, d) => {
    weights[id] = asDecimal(indices[d] === null || !positive ? rational(0n) : divide(raw[d]!, covered));
  });
  const index = positive ? divide(total, covered) : null;
  return {
    index: index === null ? null : asDecimal(index),
    weighted: importance !== null,
    weights,
    coverage: asDecimal(covered),
    belowStandard: index === null ? null : compare(index, standard) < 0,
    n,
  };
}
