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
import { MILLION, rationalToMillionths, toMillionths } from './plan.js';
import type { FactorStatus } from './types.js';

/**
 * One record as read: per factor, in the model's factor order. A factor read on the common path (a
 * plain number in range with at most six decimals, no scale) writes only its millionths; its entry
 * in `raws`, `rules` and `statuses` stays empty (those lists are `null` until some factor needs
 * one): read them through {@link rawAt}, {@link ruleAt} and {@link statusAt}.
 */
export interface RecordReading {
  /** The value the caller passed, for display (`null` when missing); empty: the plain number. */
  raws: (string | number | boolean | null)[] | null;
  /** The scale rule that applied, or `null`; empty: none. */
  rules: (string | null)[] | null;
  /** Empty: `rated`. */
  statuses: FactorStatus[] | null;
  /** The rating in millionths when the integer form of the plan can carry it, else `NaN`. */
  readonly scaled: number[];
  /**
   * The exact rating; `null` when excluded; `undefined` (or the whole array `null`, as when every
   * rating is a plain number in range): the plain number of {@link rawAt}, read on demand.
   */
  ratings: (Rational | null | undefined)[] | null;
  /** True when every factor was rated or clamped and is carried in millionths. */
  integral: boolean;
  /**
   * The integer numerator N of the total when every factor was read on the common path and the plan
   * sums it while reading (`FastPlan.fused`); else `NaN` (the explainer sums the millionths).
   */
  numerator: number;
}

/** The value the caller passed for factor `index`, for display (`null` when missing). */
export function rawAt(reading: RecordReading, index: number): string | number | boolean | null {
  const raw = reading.raws === null ? undefined : reading.raws[index];
  // read on the common path: the millionths divide back to the caller's number exactly (toMillionths)
  return raw === undefined ? reading.scaled[index]! / MILLION : raw;
}

/** The scale rule that applied to factor `index`, or `null`. */
export function ruleAt(reading: RecordReading, index: number): string | null {
  const rule = reading.rules === null ? undefined : reading.rules[index];
  return rule === undefined ? null : rule;
}

/** How factor `index` was read. */
export function statusAt(reading: RecordReading, index: number): FactorStatus {
  const status = reading.statuses === null ? undefined : reading.statuses[index];
  return status === undefined ? 'rated' : status;
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
  return rating === undefined ? readRating(rawAt(reading, index))! : rating;
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

const hasOwn = Object.prototype.hasOwnProperty;

/** What {@link gatherValues} returns when it read every factor on the common path (nothing pending). */
const EVERY_FACTOR_READ: unknown[] = [];

/** The factor index of `key` (`-1`: not a factor), remembered at `position` of the key order. */
function keyIndexAt(core: Core, key: string, position: number): number {
  const index = core.factorIndex.get(key) ?? -1;
  // remembered up to a bound: a record with many unknown keys must not grow the model's memory
  if (position < 2 * core.factors.length + 8) {
    core.keyOrder.names[position] = key;
    core.keyOrder.indexes[position] = index;
  }
  return index;
}

/**
 * One pass over the record's keys: an own rating on the common path (a plain number in range with
 * at most six decimals, for a factor without a scale) goes straight into the reading's millionths;
 * any other own rating into the returned list (by factor index; `null` when there was none) for the
 * full reader; an own key that is not a factor is an issue (unless `ignoreUnknown`, or `skipKey`).
 * Each own property is read once. Records of one shape enumerate their keys in one order, so the
 * factor of each key is found by comparing it with the key seen at that position last time; an own
 * rating the enumeration does not show (a non-enumerable property) is read by its id afterwards.
 * Returns {@link EVERY_FACTOR_READ} when every factor was read on the common path.
 */
function gatherValues(
  core: Core,
  fast: FastPlan | null,
  record: Record<string, unknown>,
  reading: RecordReading,
  settings: Settings,
  skipKey: string | undefined,
  issues: Issue[],
): unknown[] | null {
  const { names, indexes } = core.keyOrder;
  const limits = fast === null ? null : fast.limits;
  const weights = fast === null ? null : fast.weights;
  const count = core.factors.length;
  const scaled = reading.scaled;
  let pending: unknown[] | null = null;
  let position = 0;
  let found = 0;
  let summed = 0;
  let numerator = 0;
  const ownKeysOnly = enumeratesOwnKeysOnly(record);
  for (const key in record) {
    const index = key === names[position] ? indexes[position]! : keyIndexAt(core, key, position);
    position++;
    if (!ownKeysOnly && !hasOwn.call(record, key)) continue;
    if (index < 0) {
      if (!settings.ignoreUnknown && key !== skipKey) issues.push(unknownKey(key));
      continue;
    }
    found++;
    // the property, read once, at its position's own load site
    const s = millionthsAt(position - 1, record, key);
    // a factor with a scale has NaN limits: its value is never taken here
    if (limits !== null && s >= limits[2 * index]! && s <= limits[2 * index + 1]!) {
      scaled[index] = s;
      numerator += weights![index]! * s;
      summed++;
      continue;
    }
    // a number in millionths is that many millionths exactly (toMillionths); anything else was kept
    (pending ??= new Array<unknown>(count))[index] = s === s ? s / MILLION : takeValue();
  }
  if (found < count) {
    for (let index = 0; index < count; index++) {
      const id = core.factors[index]!.id;
      if (scaled[index] === undefined && !(pending !== null && index in pending) && hasOwn.call(record, id))
        (pending ??= new Array<unknown>(count))[index] = record[id];
    }
  }
  if (summed < count) return pending;
  if (fast!.fused) reading.numerator = numerator - fast!.offset;
  return EVERY_FACTOR_READ;
}

/** The value {@link millionthsAt} read when it was not a number in millionths (cleared when taken). */
const offGrid: { value: unknown } = { value: undefined };

function takeValue(): unknown {
  const value = offGrid.value;
  offGrid.value = undefined;
  return value;
}

/**
 * Reads `record[name]`, the key at `position` of the record, once: a number that is a whole count of
 * millionths (`toMillionths`) is returned as that count; anything else is kept for {@link takeValue}
 * and `NaN` returned. One load site per position (a switch): a site that sees one name on records
 * of one shape is a direct field load that reads a double unboxed, where one load site for every
 * key (`record[key]` in the `for…in`) allocates a box for each double it reads. Positions from 16
 * on share one site (positions count every key of the record: a preset's 13 factors and an id
 * field fit). The same technique as the churn rules' shape reader (`readShaped`).
 */
// Long because it is one load site per key position, written out: the sites are the point.
function millionthsAt(position: number, record: Record<string, unknown>, name: string): number {
  let value: unknown;
  switch (position) {
    case 0:
      value = record[name];
      break;
    case 1:
      value = record[name];
      break;
    case 2:
      value = record[name];
      break;
    case 3:
      value = record[name];
      break;
    case 4:
      value = record[name];
      break;
    case 5:
      value = record[name];
      break;
    case 6:
      value = record[name];
      break;
    case 7:
      value = record[name];
      break;
    case 8:
      value = record[name];
      break;
    case 9:
      value = record[name];
      break;
    case 10:
      value = record[name];
      break;
    case 11:
      value = record[name];
      break;
    case 12:
      value = record[name];
      break;
    case 13:
      value = record[name];
      break;
    case 14:
      value = record[name];
      break;
    case 15:
      value = record[name];
      break;
    default:
      value = record[name];
  }
  if (typeof value === 'number') {
    const s = toMillionths(value);
    if (s === s) return s;
  }
  offGrid.value = value;
  return Number.NaN;
}

/**
 * Whether `for…in` over the record can only show its own keys: its prototype is `null`, or is
 * `Object.prototype` and that has no enumerable key (it has none unless some code added one). Then
 * the reader skips the own-key test per key, a tenth of the time of reading a record.
 */
function enumeratesOwnKeysOnly(record: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(record);
  if (prototype === null) return true;
  if (prototype !== Object.prototype) return false;
  for (const key in prototype) {
    void key;
    return false;
  }
  return true;
}

function unknownKey(key: string): Issue {
  return makeIssue(
    joinPath('ratings', key),
    'a factor id of this model (or ignoreUnknown: true)',
    'an unknown key',
    'unknown_key',
  );
}

/** The reading's exact ratings, allocated on first use. */
function ratingsOf(reading: RecordReading): (Rational | null | undefined)[] {
  return (reading.ratings ??= new Array<Rational | null | undefined>(reading.scaled.length));
}

/** What reading one factor gives: a rating (exact, and in millionths when it fits), or nothing. */
interface FactorValue {
  rating: Rational | undefined;
  rule: string | null;
  scaled: number;
  clamped: boolean;
}

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
  const count = core.factors.length;
  const reading: RecordReading = {
    raws: null,
    rules: null,
    statuses: null,
    // a plain array: allocating a 13-element Float64Array costs more than reading the record
    scaled: new Array<number>(count),
    ratings: null,
    integral: fast !== null,
    numerator: Number.NaN,
  };
  const issues: Issue[] = [];
  const pending = gatherValues(core, fast, record, reading, settings, skipKey, issues);
  if (pending === EVERY_FACTOR_READ) {
    if (issues.length > 0) throw new ValidationError(issues, 'score');
    return reading;
  }
  for (let index = 0; index < count; index++) {
    if (reading.scaled[index] !== undefined) continue;
    readFactor(core, fast, index, pending === null ? undefined : pending[index], settings, reading, issues);
  }
  if (issues.length > 0) throw new ValidationError(issues, 'score');
  return reading;
}

/** The lists of a reading that the common path leaves `null`, allocated on first use. */
function listsOf(reading: RecordReading) {
  const count = reading.scaled.length;
  return {
    raws: (reading.raws ??= new Array<string | number | boolean | null>(count)),
    rules: (reading.rules ??= new Array<string | null>(count)),
    statuses: (reading.statuses ??= new Array<FactorStatus>(count)),
  };
}

/** Reads factor `index` off the common path: scales, decimals, missing values, clamping, issues. */
function readFactor(
  core: Core,
  fast: FastPlan | null,
  index: number,
  value: unknown,
  settings: Settings,
  reading: RecordReading,
  issues: Issue[],
): void {
  const lists = listsOf(reading);
  lists.raws[index] = rawForDisplay(value);
  lists.rules[index] = null;
  // per factor off the common path: a rating's getters (a foreign Decimal) may score another record
  const out: FactorValue = { rating: undefined, rule: null, scaled: Number.NaN, clamped: false };
  const missing = value === undefined || value === null;
  const problems = missing ? null : readValue(core, index, value, settings, out);
  if (problems !== null) {
    issues.push(...problems);
    reading.scaled[index] = Number.NaN;
    return;
  }
  if (!missing) lists.rules[index] = out.rule;
  if (missing || (out.rating === undefined && Number.isNaN(out.scaled))) {
    const issue = applyMissing(core, index, value, settings, reading);
    if (issue) issues.push(issue);
    return;
  }
  const issue = checkRange(core, fast, index, value, settings.clamp, out);
  if (issue) {
    issues.push(issue);
    reading.scaled[index] = Number.NaN;
    return;
  }
  lists.statuses[index] = out.clamped ? 'clamped' : 'rated';
  reading.scaled[index] = out.scaled;
  if (out.rating !== undefined) ratingsOf(reading)[index] = out.rating;
  if (Number.isNaN(out.scaled)) reading.integral = false;
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
  const lists = listsOf(reading);
  if (settings.missing === 'error')
    return makeIssue(
      pathOf(core, index),
      'a rating (or a missing-value policy: missing: "min" | "exclude")',
      describeValue(value),
    );
  lists.statuses[index] = settings.missing === 'min' ? 'imputed' : 'excluded';
  ratingsOf(reading)[index] = settings.missing === 'min' ? core.factors[index]!.min : null;
  return null;
}
