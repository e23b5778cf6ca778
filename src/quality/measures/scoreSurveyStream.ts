/**
 * The streaming form of `scoreSurvey`: responses from any iterable, validated and scored a chunk
 * at a time, so neither the raw responses nor their answer matrix are ever held whole.
 *
 * @module
 */
import { isIterable, type RecordError } from '../../shared/batch.js';
import { fail } from '../../shared/errors.js';
import { readInput } from '../../shared/input.js';
import { add, divide, multiply, rational, type Rational } from '../../shared/rational.js';
import { readLevel } from '../internal/checks.js';
import { accumulateDimensions, type Accumulation } from '../internal/dimensionScores.js';
import { readPolicy, selectRows } from '../internal/survey.js';
import { compiledInstrumentOf, type Instrument } from '../instrument/defineInstrument.js';
import { prepareSurveyRows, surveyColumns } from '../responses/prepareSurvey.js';
import { surveyScoreOf, type ScoreSurveyOptions, type SurveyScore } from './scoreSurvey.js';

/** Responses validated and accumulated together. */
const CHUNK = 4_096;

/** Growable Float64 column. */
class Column {
  values = new Float64Array(1_024);
  length = 0;
  append(more: Float64Array): void {
    if (this.length + more.length > this.values.length) {
      const grown = new Float64Array(Math.max(this.values.length * 2, this.length + more.length));
      grown.set(this.values.subarray(0, this.length));
      this.values = grown;
    }
    this.values.set(more, this.length);
    this.length += more.length;
  }
}

/**
 * The chunks' accumulations merged into the one `accumulateDimensions` would give for all rows at
 * once: counts add up, the exact mean is Σ (chunk mean × chunk n) / n, and the respondent scores
 * follow one another in input order (the spread reads them in that order, as the array form does).
 */
class Merged {
  readonly n: number[];
  readonly answers: number[];
  readonly topBox: number[];
  readonly bottomBox: number[];
  readonly weighted: Rational[];
  readonly scores: Column[];
  respondents = 0;
  rows = 0;
  constructor(dimensions: number) {
    this.n = new Array<number>(dimensions).fill(0);
    this.answers = new Array<number>(dimensions).fill(0);
    this.topBox = new Array<number>(dimensions).fill(0);
    this.bottomBox = new Array<number>(dimensions).fill(0);
    this.weighted = Array.from({ length: dimensions }, () => rational(0n));
    this.scores = Array.from({ length: dimensions }, () => new Column());
  }
  add(chunk: Accumulation, rows: number): void {
    this.rows += rows;
    this.respondents += chunk.respondents;
    chunk.dimensions.forEach((dimension, d) => {
      if (dimension.n === 0) return;
      this.n[d]! += dimension.n;
      this.answers[d]! += dimension.answers;
      this.topBox[d]! += dimension.topBox;
      this.bottomBox[d]! += dimension.bottomBox;
      this.weighted[d] = add(this.weighted[d]!, multiply(dimension.mean!, rational(BigInt(dimension.n))));
      this.scores[d]!.append(dimension.scores);
    });
  }
  result(): Accumulation {
    return {
      respondents: this.respondents,
      dimensions: this.n.map((n, d) => ({
        n,
        scores: this.scores[d]!.values.subarray(0, n),
        mean: n === 0 ? null : divide(this.weighted[d]!, rational(BigInt(n))),
        answers: this.answers[d]!,
        topBox: this.topBox[d]!,
        bottomBox: this.bottomBox[d]!,
      })),
    };
  }
}

/**
 * Scores a survey read from any iterable of raw responses (a generator, a database cursor
 * wrapped in one), with the same result as {@link scoreSurvey} on the same responses in an array —
 * byte-identical as JSON, errors and their indices included.
 *
 * What streams: responses are validated and scored 4,096 at a time and then dropped. What is kept
 * to the end, because the result needs it: each respondent's id (ids must be unique across the
 * whole survey), each counted respondent's score per dimension as one double (the standard
 * deviation and intervals are computed from them in input order), the errors, and a few exact sums
 * per dimension. That is roughly 100 bytes per respondent instead of the responses themselves.
 *
 * @param instrument - A model from {@link defineInstrument}.
 * @param responses - Raw responses (see {@link SurveyResponseInput}), any iterable; read once.
 * @param options - As for {@link scoreSurvey}: `{ missing, level, boxes, where }`.
 * @throws {ValidationError} on an invalid instrument or options, or when `responses` is not iterable
 *   (a bad response is an entry of `errors`, never a throw).
 * @example
 * ```ts
 * import { scoreSurveyStream, serviceQualityInstrument } from 'clientele';
 * function* responses() {
 *   for (let k = 0; k < 10_000; k++) {
 *     const answers = { 'reliability.promises': k % 2 === 0 ? 5 : 3, 'reliability.quotes': 4 };
 *     yield { id: `r${k}`, answers: { ...answers, 'reliability.accuracy': 4, 'reliability.surprises': 2 } };
 *   }
 * }
 * const score = scoreSurveyStream(serviceQualityInstrument, responses());
 * const reliability = score.dimensions.find((d) => d.dimension === 'reliability');
 * [score.respondents, reliability?.mean?.toString()]; // [10000, '4']
 * ```
 * @category Quality
 */
export function scoreSurveyStream(
  instrument: Instrument,
  responses: Iterable<unknown>,
  givenOptions?: ScoreSurveyOptions,
): SurveyScore {
  return scoreSurveyInChunks(instrument, responses, givenOptions, CHUNK);
}

/** {@link scoreSurveyStream} with the chunk size given (tests cross chunk boundaries with small ones). @internal */
export function scoreSurveyInChunks(
  instrument: Instrument,
  responses: Iterable<unknown>,
  givenOptions: ScoreSurveyOptions | undefined,
  chunkSize: number,
): SurveyScore {
  const context = 'scoreSurveyStream';
  const options = readInput(givenOptions, 'options', context);
  const level = readLevel(options, context);
  const policy = readPolicy(options?.missing, context);
  const compiled = compiledInstrumentOf(instrument, context);
  const boxes = options?.boxes ?? 2;
  const span = Math.min(...compiled.dimensionScale.map((scale) => (scale.max - scale.min) / scale.factor));
  if (!Number.isInteger(boxes) || boxes < 1 || boxes > span)
    fail('options.boxes', `a whole number of scale points from 1 to ${span}`, boxes, context);
  if (!isIterable(responses)) fail('responses', 'an iterable of responses', responses, context, 'invalid_type');
  const merged = new Merged(compiled.dimensionIds.length);
  const seen = new Set<string>();
  const errors: RecordError[] = [];
  let chunk: unknown[] = [];
  let first = 0;
  const flush = () => {
    const data = prepareSurveyRows(instrument, chunk, seen, first);
    for (const error of data.errors) errors.push(error);
    const columns = surveyColumns(data)!;
    const rows = selectRows(columns, options?.where, context);
    merged.add(accumulateDimensions(columns, rows, policy, boxes), rows.length);
    first += chunk.length;
    chunk = [];
  };
  for (const response of responses) {
    chunk.push(response);
    if (chunk.length === chunkSize) flush();
  }
  flush();
  const reference = Object.freeze({
    id: instrument.id,
    version: instrument.version,
    fingerprint: instrument.fingerprint,
  });
  return surveyScoreOf(instrument, compiled, merged.result(), {
    level,
    policy,
    rows: merged.rows,
    data: { instrument: reference, errors },
  });
}
