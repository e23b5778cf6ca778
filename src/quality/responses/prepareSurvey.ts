import type { Decimal } from 'decimal.js';
import { toRecordError, readId, type BatchResult, type RecordError } from '../../shared/batch.js';
import { ValidationError, describeValue, joinPath, makeIssue, type Issue } from '../../shared/errors.js';
import { ExactDecimal, ZERO, tryDecimal } from '../../shared/numeric.js';
import type { CompiledInstrument } from '../internal/compiled.js';
import { compiledInstrumentOf } from '../instrument/defineInstrument.js';
import type { Instrument } from '../instrument/defineInstrument.js';
import type { ModelRef } from '../../shared/model.js';
import { readingInput } from '../../shared/input.js';

/** One survey response as collected: a respondent id, optional group and period, and the answers. @category Quality */
export interface SurveyResponseInput {
  /** The respondent's id (a string, or a number that is stringified). */
  readonly id: string | number;
  /** One of the instrument's respondent groups (e.g. `'external-client'`). */
  readonly group?: string | undefined;
  /** Free-form period label, e.g. `'2026-Q3'`; used by period comparisons. */
  readonly period?: string | undefined;
  /** Answers by item id (perception and expectation items); `null` or absent = not answered. */
  readonly answers: Readonly<Record<string, number | string | Decimal | null | undefined>>;
  /** The respondent's own importance allocation: 100 points across dimensions (absent dimensions get 0). */
  readonly importance?: Readonly<Record<string, number | string | Decimal>> | undefined;
}

/** A respondent whose response passed validation. @category Quality */
export interface SurveyRespondent {
  /** Position in the input. */
  readonly index: number;
  readonly id: string;
  readonly group: string | undefined;
  readonly period: string | undefined;
  /** Perception items answered. */
  readonly answered: number;
  /** Expectation items answered. */
  readonly expectationsAnswered: number;
}

/**
 * Validated survey responses in the compact column form every measure reads, plus the per-respondent
 * errors. Make it once with {@link prepareSurvey} and pass it to several measures.
 * @category Quality
 */
export interface SurveyData extends BatchResult<SurveyRespondent> {
  readonly instrument: ModelRef;
}

/** The column form behind a `SurveyData`. @internal */
export interface SurveyColumns {
  readonly compiled: CompiledInstrument;
  readonly fingerprint: string;
  readonly rows: number;
  /** rows × items, answers × 10^decimals after reverse coding; NaN = missing. */
  readonly perception: Float64Array;
  /** rows × expectation items, same coding. */
  readonly expectation: Float64Array;
  /** Per row: normalised importance weights per dimension (sum 1) or null. */
  readonly importance: readonly (readonly Decimal[] | null)[];
  readonly groups: readonly (string | undefined)[];
  readonly periods: readonly (string | undefined)[];
}

const columnsOfSurvey = /* @__PURE__ */ new WeakMap<object, SurveyColumns>();

/** The column form of a `SurveyData`, or undefined. @internal */
export function surveyColumns(data: unknown): SurveyColumns | undefined {
  return typeof data === 'object' && data !== null ? columnsOfSurvey.get(data) : undefined;
}

const CONTEXT = 'prepareSurvey';

/**
 * Validates survey responses against an instrument, respondent by respondent, and stores the good
 * ones in a compact column form. Never aborts: every good respondent is kept and every bad one is
 * reported with its index and id, each issue naming the item (`answers["reliability.quotes"]`).
 *
 * Checked per respondent: an id (unique in the batch), a known group, answers that are known item
 * ids, within the item's scale, and whole numbers when the scale has no decimals; an importance
 * allocation of known dimensions adding up to exactly 100. Reverse-coded items (and their
 * expectation items) are flipped within the item's own bounds here, once.
 *
 * @param instrument - A model from {@link defineInstrument}.
 * @param responses - The raw responses (see {@link SurveyResponseInput}).
 * @returns `{ results, errors, instrument }`: the respondents kept, the errors, the instrument's identity.
 * @throws {ValidationError} when `instrument` is not a compiled instrument or `responses` is not an array.
 * @example
 * ```ts
 * import { prepareSurvey, serviceQualityInstrument } from 'clientele';
 * const data = prepareSurvey(serviceQualityInstrument, [
 *   { id: 'acme', answers: { 'reliability.promises': 4, 'reliability.quotes': 5 } },
 *   { id: 'bolt', answers: { 'reliability.promises': 9 } },
 * ]);
 * [data.results.length, data.errors[0]?.issues[0]?.path]; // 1 answers["reliability.promises"]
 * ```
 * @category Quality
 */
export function prepareSurvey(instrument: Instrument, responses: readonly unknown[]): SurveyData {
  return prepareSurveyRows(instrument, responses, new Set(), 0);
}

/**
 * {@link prepareSurvey} on one chunk of a longer stream: ids are checked against `seen` (shared
 * by the chunks), and indices count from `first`. @internal
 */
export function prepareSurveyRows(
  instrument: Instrument,
  responses: readonly unknown[],
  seen: Set<string>,
  first: number,
): SurveyData {
  const compiled = compiledInstrumentOf(instrument, CONTEXT);
  if (!readingInput('responses', CONTEXT, () => Array.isArray(responses))) {
    throw new ValidationError(
      [makeIssue('responses', 'an array of responses', describeValue(responses), 'invalid_type')],
      CONTEXT,
    );
  }
  const itemCount = compiled.itemIds.length;
  const expectationCount = compiled.expectationIds.length;
  let perception = new Float64Array(responses.length * itemCount);
  let expectation = new Float64Array(responses.length * expectationCount);
  const rowPerception = new Float64Array(itemCount);
  const rowExpectation = new Float64Array(expectationCount);
  const results: SurveyRespondent[] = [];
  const errors: RecordError[] = [];
  const importance: (readonly Decimal[] | null)[] = [];
  const groups: (string | undefined)[] = [];
  const periods: (string | undefined)[] = [];
  for (let index = 0; index < responses.length; index++) {
    let response: unknown;
    let id: string | undefined;
    try {
      response = responses[index];
      id = readId(response, 'id');
      for (let i = 0; i < itemCount; i++) rowPerception[i] = Number.NaN;
      for (let i = 0; i < expectationCount; i++) rowExpectation[i] = Number.NaN;
      const parsed = readResponse(compiled, response, first + index, id, seen, rowPerception, rowExpectation);
      const row = results.length;
      const perceptionBase = row * itemCount;
      for (let i = 0; i < itemCount; i++) perception[perceptionBase + i] = rowPerception[i]!;
      const expectationBase = row * expectationCount;
      for (let i = 0; i < expectationCount; i++) expectation[expectationBase + i] = rowExpectation[i]!;
      seen.add(parsed.respondent.id);
      results.push(parsed.respondent);
      importance.push(parsed.importance);
      groups.push(parsed.respondent.group);
      periods.push(parsed.respondent.period);
    } catch (error) {
      errors.push(toRecordError(error, first + index, id));
    }
  }
  if (results.length < responses.length) {
    perception = perception.slice(0, results.length * itemCount);
    expectation = expectation.slice(0, results.length * expectationCount);
  }
  const data: SurveyData = Object.freeze({
    results,
    errors,
    instrument: Object.freeze({ id: instrument.id, version: instrument.version, fingerprint: instrument.fingerprint }),
  });
  columnsOfSurvey.set(data, {
    compiled,
    fingerprint: instrument.fingerprint,
    rows: results.length,
    perception,
    expectation,
    importance,
    groups,
    periods,
  });
  return data;
}

function readResponse(
  compiled: CompiledInstrument,
  response: unknown,
  index: number,
  id: string | undefined,
  seen: ReadonlySet<string>,
  perception: Float64Array,
  expectation: Float64Array,
): { respondent: SurveyRespondent; importance: readonly Decimal[] | null } {
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    throw new ValidationError([makeIssue('', 'a response object { id, answers }', describeValue(response))]);
  }
  const record = response as Record<string, unknown>;
  const issues: Issue[] = [];
  const { group, period } = readIdentity(compiled, record, id, seen, issues);
  const { answered, expectationsAnswered } = readAnswers(compiled, record['answers'], perception, expectation, issues);
  const importance = readImportance(compiled, record['importance'], issues);
  if (issues.length > 0)
    throw new ValidationError(issues, id === undefined ? 'response' : `response ${JSON.stringify(id)}`);
  return {
    respondent: { index, id: id!, group, period, answered, expectationsAnswered },
    importance,
  };
}

/** A response's id, group and period, each checked; problems go to `issues`. */
function readIdentity(
  compiled: CompiledInstrument,
  record: Record<string, unknown>,
  id: string | undefined,
  seen: ReadonlySet<string>,
  issues: Issue[],
): { group: string | undefined; period: string | undefined } {
  if (id === undefined) issues.push(makeIssue('id', 'a respondent id (string or number)', describeValue(record['id'])));
  else if (seen.has(id))
    issues.push(
      makeIssue('id', 'a respondent id not used before in this batch', describeValue(record['id']), 'duplicate'),
    );
  const group = record['group'];
  if (
    group !== undefined &&
    (typeof group !== 'string' || (compiled.groupIds.size > 0 && !compiled.groupIds.has(group)))
  ) {
    const known =
      compiled.groupIds.size > 0
        ? `one of ${[...compiled.groupIds].map((g) => JSON.stringify(g)).join(', ')}`
        : 'a group name';
    issues.push(makeIssue('group', known, describeValue(group)));
  }
  const period = record['period'];
  if (period !== undefined && (typeof period !== 'string' || period.length === 0))
    issues.push(makeIssue('period', 'a non-empty period label', describeValue(period)));
  return { group: group as string | undefined, period: period as string | undefined };
}

/**
 * A response's answers, scaled to integers and reverse-coded into this row's `perception` and
 * `expectation` columns; problems go to `issues`. Returns how many of each were answered.
 */
function readAnswers(
  compiled: CompiledInstrument,
  answers: unknown,
  perception: Float64Array,
  expectation: Float64Array,
  issues: Issue[],
): { answered: number; expectationsAnswered: number } {
  let answered = 0;
  let expectationsAnswered = 0;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    issues.push(makeIssue('answers', 'an object of answers by item id', describeValue(answers), 'invalid_type'));
    return { answered, expectationsAnswered };
  }
  const record = answers as Record<string, unknown>;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const raw = record[key];
    // instrument ids never include prototype keys, so the map answers `undefined` for them
    const column = compiled.columnOf.get(key);
    if (column === undefined) {
      issues.push(makeIssue(joinPath('answers', key), 'an item id of the instrument', 'an unknown item id'));
      continue;
    }
    if (raw === null || raw === undefined) continue;
    const item = column >= 0 ? column : compiled.expectationItem[-column - 1]!;
    const scale = compiled.itemScale[item]!;
    const scaled = readAnswer(raw, scale.factor);
    if (scaled === undefined || scaled < scale.min || scaled > scale.max) {
      issues.push(makeIssue(joinPath('answers', key), answerExpected(scale, scaled === undefined), describeValue(raw)));
      continue;
    }
    const coded = compiled.itemReverse[item] === 1 ? scale.min + scale.max - scaled : scaled;
    if (column >= 0) {
      perception[column] = coded;
      answered++;
    } else {
      expectation[-column - 1] = coded;
      expectationsAnswered++;
    }
  }
  return { answered, expectationsAnswered };
}

/** What an answer on `scale` must be: a number of the right form (`malformed`) or within range. */
function answerExpected(scale: { min: number; max: number; factor: number; decimals: number }, malformed: boolean) {
  const low = scale.min / scale.factor;
  const high = scale.max / scale.factor;
  if (!malformed) return `an answer from ${low} to ${high}`;
  return scale.decimals === 0
    ? `a whole number from ${scale.min} to ${scale.max}`
    : `a number from ${low} to ${high} with at most ${scale.decimals} decimals`;
}

/** An answer × 10^decimals as an integer, or undefined when it is not numeric or has too many decimals. */
function readAnswer(raw: unknown, factor: number): number | undefined {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return undefined;
    if (factor === 1) return Number.isInteger(raw) ? raw : undefined;
  }
  const decimal = tryDecimal(raw);
  if (decimal === undefined) return undefined;
  const scaled = decimal.times(factor);
  return scaled.isInteger() ? scaled.toNumber() : undefined;
}

function readImportance(compiled: CompiledInstrument, raw: unknown, issues: Issue[]): readonly Decimal[] | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    issues.push(makeIssue('importance', 'an object of points by dimension id', describeValue(raw), 'invalid_type'));
    return null;
  }
  const points = compiled.dimensionIds.map(() => ZERO);
  let total = ZERO;
  let bad = false;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const path = joinPath('importance', key);
    const d = compiled.dimensionIds.indexOf(key);
    if (d < 0) {
      issues.push(makeIssue(path, 'a dimension id of the instrument', 'an unknown dimension id'));
      bad = true;
      continue;
    }
    const decimal = tryDecimal(value);
    if (decimal === undefined || decimal.isNegative()) {
      issues.push(makeIssue(path, 'points ≥ 0', describeValue(value)));
      bad = true;
      continue;
    }
    points[d] = decimal;
    total = total.plus(decimal);
  }
  if (bad) return null;
  if (!total.eq(100)) {
    issues.push(
      makeIssue(
        'importance',
        'points adding up to exactly 100',
        `points adding up to ${total.toFixed()}`,
        'inconsistent',
      ),
    );
    return null;
  }
  return Object.freeze(points.map((value) => new ExactDecimal(value).div(100)));
}
