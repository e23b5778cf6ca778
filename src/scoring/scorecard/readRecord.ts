/**
 * The one reader of a record's ratings, for every record-oriented path (`score`, the batch forms,
 * and the rows `scoreColumns` hands back to the row path): each factor is read once, through its
 * scale when it has one, checked against its range (clamped on request), and the missing-value
 * policy applied. A rating the plan's exactness guard admits is kept as an integer count of
 * millionths for the integer form of the plan; any other is kept as an exact rational. Every bad
 * field is reported at once in one `ValidationError`.
 * @module
 */
import { ValidationError, describeValue, joinPath, makeIssue, type Issue } from '../../shared/errors.js';
import { tryDecimal } from '../../shared/numeric.js';
import { compare, fromDecimal, rationalToDecimal, type Rational } from '../../shared/rational.js';
import type { Core } from './core.js';
import type { Settings } from './evaluate.js';
import type { FastPlan } from './fastPlan.js';
import { rationalToMillionths, toMillionths } from './plan.js';
import type { FactorStatus } from './types.js';

/** One record as read: per factor, in the model's factor order. */
export interface RecordReading {
  /** The value the caller passed, for display (`null` when missing). */
  readonly raws: (string | number | boolean | null)[];
  /** The scale rule that applied, or `null`. */
  readonly rules: (string | null)[];
  readonly statuses: FactorStatus[];
  /** The rating in millionths when the integer form of the plan can carry it, else `NaN`. */
  readonly scaled: number[];
  /**
   * The exact rating; `null` when excluded; `undefined` (or the whole array `null`, as when every
   * rating is a plain number in range): the plain number in `raws`, read on demand.
   */
  ratings: (Rational | null | undefined)[] | null;
  /** True when every factor was rated or clamped and is carried in millionths. */
  integral: boolean;
}

/** A rating given as a plain value (a number, a decimal string or a Decimal), exactly. */
export function readRating(value: unknown): Rational | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return { numerator: BigInt(value), denominator: 1n };
  const decimal = tryDecimal(value);
  return decimal === undefined ? undefined : fromDecimal(decimal);
}

/** The exact rating of factor `index` of a reading (`null` when excluded). */
export function ratingAt(reading: RecordReading, index: number): Rational | null {
  const rating = reading.ratings === null ? undefined : reading.ratings[index];
  return rating === undefined ? readRating(reading.raws[index])! : rating;
}

function rawForDisplay(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  const decimal = tryDecimal(value);
  return decimal ? decimal.toFixed() : describeValue(value);
}

/** Paths of a model's factors under `ratings`, built once per model. */
const factorPaths = new WeakMap<Core, readonly string[]>();

function pathOf(core: Core, index: number): string {
  let paths = factorPaths.get(core);
  if (paths === undefined) {
    paths = core.factors.map((factor) => joinPath('ratings', factor.id));
    factorPaths.set(core, paths);
  }
  return paths[index]!;
}

/** Issues for keys that are not factors of the model. */
function unknownKeys(core: Core, record: object, skipKey: string | undefined): Issue[] {
  const issues: Issue[] = [];
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key) || core.factorIndex.has(key) || key === skipKey) continue;
    issues.push(
      makeIssue(
        joinPath('ratings', key),
        'a factor id of this model (or ignoreUnknown: true)',
        'an unknown key',
        'unknown_key',
      ),
    );
  }
  return issues;
}

/** The reading's exact ratings, allocated on first use. */
function ratingsOf(reading: RecordReading): (Rational | null | undefined)[] {
  return (reading.ratings ??= new Array<Rational | null | undefined>(reading.raws.length));
}

/** What reading one factor gives: a rating (exact, and in millionths when it fits), or nothing. */
interface FactorValue {
  rating: Rational | undefined;
  rule: string | null;
  scaled: number;
  clamped: boolean;
}

/** Scratch space of `readRecord` (reading is synchronous and never re-entered). */
const out: FactorValue = { rating: undefined, rule: null, scaled: Number.NaN, clamped: false };

/** Reads the value of factor `index` into `out`; returns its issue, or `null`. */
function readValue(core: Core, index: number, value: unknown, settings: Settings, out: FactorValue): Issue[] | null {
  const factor = core.factors[index]!;
  out.rating = undefined;
  out.rule = null;
  out.scaled = Number.NaN;
  out.clamped = false;
  if (factor.scale) {
    try {
      const outcome = factor.scale.apply(value, pathOf(core, index), settings.clamp);
      out.rule = outcome.rule;
      if (outcome.kind === 'rating') {
        out.rating = outcome.rating;
        out.clamped = outcome.clamped;
        out.scaled = rationalToMillionths(outcome.rating) ?? Number.NaN;
      }
      return null;
    } catch (error) {
      if (error instanceof ValidationError) return [...error.issues];
      throw error;
    }
  }
  if (typeof value === 'number') out.scaled = toMillionths(value);
  if (Number.isNaN(out.scaled)) {
    out.rating = readRating(value);
    if (out.rating === undefined) {
      const path = pathOf(core, index);
      return [makeIssue(path, 'a finite number, decimal string or Decimal', describeValue(value), 'not_numeric')];
    }
  }
  return null;
}

/** Checks a read rating against its factor's range (clamping on request); returns its issue, or `null`. */
function checkRange(
  core: Core,
  fast: FastPlan | null,
  index: number,
  value: unknown,
  clamp: boolean,
  out: FactorValue,
): Issue | null {
  const factor = core.factors[index]!;
  let below: boolean;
  let above: boolean;
  if (fast !== null && !Number.isNaN(out.scaled)) {
    const limits = fast.factors[index]!;
    below = out.scaled < limits.min;
    above = out.scaled > limits.max;
  } else {
    out.rating ??= readRating(value)!;
    below = compare(out.rating, factor.min) < 0;
    above = compare(out.rating, factor.max) > 0;
  }
  if (!below && !above) return null;
  if (!clamp) {
    const range = `[${rationalToDecimal(factor.min).toFixed()}, ${rationalToDecimal(factor.max).toFixed()}]`;
    return makeIssue(
      pathOf(core, index),
      `a rating within ${range} (or clamp: true)`,
      describeValue(value),
      'out_of_range',
    );
  }
  out.rating = below ? factor.min : factor.max;
  out.scaled = fast === null ? Number.NaN : below ? fast.factors[index]!.min : fast.factors[index]!.max;
  out.clamped = true;
  return null;
}

/**
 * Reads every factor of one record (`skipKey`: a key that is not a rating, such as the id field
 * of a flat row). Throws one `ValidationError` listing every bad field.
 */
export function readRecord(
  core: Core,
  fast: FastPlan | null,
  ratings: unknown,
  settings: Settings,
  skipKey?: string,
): RecordReading {
  if (typeof ratings !== 'object' || ratings === null || Array.isArray(ratings)) {
    throw new ValidationError(
      [makeIssue('ratings', 'an object of ratings keyed by factor id', describeValue(ratings), 'invalid_type')],
      'score',
    );
  }
  const record = ratings as Record<string, unknown>;
  const issues = settings.ignoreUnknown ? [] : unknownKeys(core, record, skipKey);
  const count = core.factors.length;
  const reading: RecordReading = {
    raws: new Array<string | number | boolean | null>(count),
    rules: new Array<string | null>(count),
    statuses: new Array<FactorStatus>(count),
    // a plain array: allocating a 13-element Float64Array costs more than reading the record
    scaled: new Array<number>(count),
    ratings: null,
    integral: fast !== null,
  };
  for (let index = 0; index < count; index++) {
    const factor = core.factors[index]!;
    const value = Object.prototype.hasOwnProperty.call(record, factor.id) ? record[factor.id] : undefined;
    if (fast !== null && typeof value === 'number' && factor.scale === null) {
      // the common case, written out: a plain number in range with at most six decimals
      const s = toMillionths(value);
      const limits = fast.factors[index]!;
      if (s >= limits.min && s <= limits.max) {
        reading.raws[index] = value;
        reading.rules[index] = null;
        reading.statuses[index] = 'rated';
        reading.scaled[index] = s;
        continue;
      }
    }
    reading.raws[index] = rawForDisplay(value);
    reading.rules[index] = null;
    const missing = value === undefined || value === null;
    const problems = missing ? null : readValue(core, index, value, settings, out);
    if (problems !== null) {
      issues.push(...problems);
      continue;
    }
    if (!missing) reading.rules[index] = out.rule;
    if (missing || (out.rating === undefined && Number.isNaN(out.scaled))) {
      const issue = applyMissing(core, index, value, settings, reading);
      if (issue) issues.push(issue);
      continue;
    }
    const issue = checkRange(core, fast, index, value, settings.clamp, out);
    if (issue) {
      issues.push(issue);
      continue;
    }
    reading.statuses[index] = out.clamped ? 'clamped' : 'rated';
    reading.scaled[index] = out.scaled;
    if (out.rating !== undefined) ratingsOf(reading)[index] = out.rating;
    if (Number.isNaN(out.scaled)) reading.integral = false;
  }
  if (issues.length > 0) throw new ValidationError(issues, 'score');
  return reading;
}

/** The missing-value policy for factor `index`; returns the issue under `missing: 'error'`. */
function applyMissing(
  core: Core,
  index: number,
  value: unknown,
  settings: Settings,
  reading: RecordReading,
): Issue | null {
  reading.integral = false;
  reading.scaled[index] = Number.NaN;
  if (settings.missing === 'error')
    return makeIssue(
      pathOf(core, index),
      'a rating (or a missing-value policy: missing: "min" | "exclude")',
      describeValue(value),
    );
  reading.statuses[index] = settings.missing === 'min' ? 'imputed' : 'excluded';
  ratingsOf(reading)[index] = settings.missing === 'min' ? core.factors[index]!.min : null;
  return null;
}
