/**
 * Reading customer histories into compact Float64 columns, with every bad field reported, and
 * identical histories merged into one row with a weight (the likelihood is a weighted sum, so
 * this changes nothing but the speed).
 *
 * @module
 */
import {
  ValidationError,
  describeValue,
  fail,
  joinPath,
  makeIssue,
  type Issue,
  type IssueCode,
} from '../../../shared/errors.js';
import { isIterable } from '../../../shared/batch.js';
import { tryDecimal } from '../../../shared/numeric.js';

/** Issues listed before the rest are summarised as a count. */
const MAX_ISSUES = 50;

/** Reads a finite double from `number | string | Decimal`; `undefined` when it is not one. */
export function readFloat(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const decimal = tryDecimal(value);
  return decimal === undefined ? undefined : decimal.toNumber();
}

/** Reads one finite double or throws `ValidationError` naming the path. */
export function requireFloat(
  value: unknown,
  path: string,
  expected: string,
  context: string,
  test: (x: number) => boolean,
): number {
  const number = readFloat(value);
  if (number === undefined || !test(number)) fail(path, expected, value, context);
  return number;
}

/** Columns of distinct purchase histories. */
export interface HistoryColumns {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly age: Float64Array;
  readonly weight: Float64Array;
  /** Sum of the weights. */
  readonly customers: number;
  readonly meanFrequency: number;
  readonly meanAge: number;
}

/** Columns of distinct spend histories (repeat customers only). */
export interface SpendColumns {
  readonly frequency: Float64Array;
  readonly spend: Float64Array;
  readonly weight: Float64Array;
  readonly customers: number;
  readonly excluded: number;
}

class IssueList {
  readonly issues: Issue[] = [];
  private more = 0;
  add(path: string, expected: string, received: unknown, code?: IssueCode): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(makeIssue(path, expected, describeValue(received), code));
    else this.more += 1;
  }
  throwIfAny(context: string): void {
    if (this.issues.length === 0) return;
    const issues =
      this.more === 0
        ? this.issues
        : [...this.issues, makeIssue('', 'valid records', `${this.more} more invalid fields`, 'record_failed')];
    throw new ValidationError(issues, context);
  }
}

function field(record: object, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, name) ? (record as Record<string, unknown>)[name] : undefined;
}

type PathOf = (index: number) => string;
const customersPath: PathOf = (index) => joinPath('customers', index);

function eachRecord(
  records: unknown,
  context: string,
  visit: (record: object, path: string, issues: IssueList) => void,
  pathOf: PathOf = customersPath,
): void {
  if (!isIterable(records)) fail('customers', 'an iterable of customer records', records, context, 'invalid_type');
  const issues = new IssueList();
  let index = 0;
  for (const record of records) {
    const path = pathOf(index);
    index += 1;
    if (typeof record !== 'object' || record === null) {
      issues.add(path, 'a customer record', record, 'invalid_type');
      continue;
    }
    visit(record, path, issues);
  }
  issues.throwIfAny(context);
  if (index === 0) fail('customers', 'at least one customer', records, context, 'too_small');
}

function readCount(record: object, path: string, issues: IssueList): number | undefined {
  const raw = field(record, 'count');
  if (raw === undefined) return 1;
  const count = readFloat(raw);
  if (count === undefined || !(count > 0)) {
    issues.add(joinPath(path, 'count'), 'a number > 0', raw);
    return undefined;
  }
  return count;
}

/** Reads `{ frequency, recency, T, count? }` records, merging identical histories (`wholeOpportunities`: recency and T
 * must be whole numbers, for BG/BB). */
export function readPurchaseHistories(
  records: unknown,
  context: string,
  pathOf: PathOf = customersPath,
  wholeOpportunities = false,
): HistoryColumns {
  const rows = new Map<string, [number, number, number, number]>();
  eachRecord(
    records,
    context,
    (record, path, issues) => {
      const count = readCount(record, path, issues);
      // a bad count already excludes the record: its whole-number check would only add noise
      const history = readHistoryRow(record, path, issues, wholeOpportunities && count !== undefined);
      if (history === undefined || count === undefined) return;
      const key = history.join('|');
      const row = rows.get(key);
      if (row) row[3] += count;
      else rows.set(key, [...history, count]);
    },
    pathOf,
  );
  return historyColumns(rows);
}

/** One record's `[frequency, recency, T]`, or undefined after adding its problems to `issues`. */
function readHistoryRow(
  record: object,
  path: string,
  issues: IssueList,
  wholeOpportunities: boolean,
): [number, number, number] | undefined {
  const rawFrequency = field(record, 'frequency');
  const rawRecency = field(record, 'recency');
  const rawAge = field(record, 'T');
  const frequency = readFloat(rawFrequency);
  const recency = readFloat(rawRecency);
  const age = readFloat(rawAge);
  let ok = true;
  if (frequency === undefined || frequency < 0 || !Number.isInteger(frequency)) {
    issues.add(joinPath(path, 'frequency'), 'a whole number ≥ 0 (repeat purchases)', rawFrequency);
    ok = false;
  }
  if (age === undefined || age < 0) {
    issues.add(joinPath(path, 'T'), 'a number ≥ 0 (time since the first purchase)', rawAge);
    ok = false;
  }
  if (recency === undefined || recency < 0 || (age !== undefined && recency > age)) {
    issues.add(
      joinPath(path, 'recency'),
      'a number between 0 and T (time from the first purchase to the last)',
      rawRecency,
      recency === undefined ? undefined : 'inconsistent',
    );
    ok = false;
  } else if (frequency === 0 && recency !== 0) {
    issues.add(joinPath(path, 'recency'), '0 for a customer without repeat purchases', rawRecency, 'inconsistent');
    ok = false;
  } else if (frequency !== undefined && frequency > 0 && recency === 0) {
    issues.add(
      joinPath(path, 'recency'),
      'a number > 0 for a customer with repeat purchases',
      rawRecency,
      'inconsistent',
    );
    ok = false;
  }
  if (!ok) return undefined;
  if (wholeOpportunities && (!Number.isInteger(recency) || !Number.isInteger(age))) {
    issues.add(
      joinPath(path, Number.isInteger(recency) ? 'T' : 'recency'),
      'a whole number of transaction opportunities',
      Number.isInteger(recency) ? rawAge : rawRecency,
    );
    return undefined;
  }
  return [frequency!, recency!, age!];
}

/** Merged histories as columns, with the weighted customer count and means. */
function historyColumns(rows: Map<string, [number, number, number, number]>): HistoryColumns {
  const size = rows.size;
  const frequency = new Float64Array(size);
  const recency = new Float64Array(size);
  const age = new Float64Array(size);
  const weight = new Float64Array(size);
  let customers = 0;
  let frequencySum = 0;
  let ageSum = 0;
  let i = 0;
  for (const [x, tx, T, w] of rows.values()) {
    frequency[i] = x;
    recency[i] = tx;
    age[i] = T;
    weight[i] = w;
    customers += w;
    frequencySum += w * x;
    ageSum += w * T;
    i += 1;
  }
  return {
    frequency,
    recency,
    age,
    weight,
    customers,
    meanFrequency: frequencySum / customers,
    meanAge: ageSum / customers,
  };
}

/** Reads `{ frequency, monetaryValue, count? }` records; customers without repeat purchases are counted and left out.
 * */
export function readSpendHistories(records: unknown, context: string): SpendColumns {
  const rows = new Map<string, [number, number, number]>();
  let excluded = 0;
  eachRecord(records, context, (record, path, issues) => {
    const rawFrequency = field(record, 'frequency');
    const rawSpend = field(record, 'monetaryValue');
    const frequency = readFloat(rawFrequency);
    const count = readCount(record, path, issues);
    if (frequency === undefined || frequency < 0 || !Number.isInteger(frequency)) {
      issues.add(joinPath(path, 'frequency'), 'a whole number ≥ 0 (repeat purchases)', rawFrequency);
      return;
    }
    if (frequency === 0) {
      if (count !== undefined) excluded += count;
      return;
    }
    const spend = readFloat(rawSpend);
    if (spend === undefined || !(spend > 0)) {
      issues.add(joinPath(path, 'monetaryValue'), 'a number > 0 (mean value of the repeat purchases)', rawSpend);
      return;
    }
    if (count === undefined) return;
    const key = `${frequency}|${spend}`;
    const row = rows.get(key);
    if (row) row[2] += count;
    else rows.set(key, [frequency, spend, count]);
  });
  const size = rows.size;
  const frequency = new Float64Array(size);
  const spend = new Float64Array(size);
  const weight = new Float64Array(size);
  let customers = 0;
  let i = 0;
  for (const [x, m, w] of rows.values()) {
    frequency[i] = x;
    spend[i] = m;
    weight[i] = w;
    customers += w;
    i += 1;
  }
  if (size === 0)
    fail(
      'customers',
      'at least one customer with a repeat purchase',
      `${excluded} customers, none with a repeat purchase`,
      context,
      'too_small',
    );
  return { frequency, spend, weight, customers, excluded };
}

/** Reads one `{ frequency, recency, T }` history (for the per-customer functions). */
export function readHistory(
  customer: unknown,
  context: string,
  path = 'customer',
): { x: number; tx: number; T: number } {
  if (typeof customer !== 'object' || customer === null)
    fail(path, 'a customer { frequency, recency, T }', customer, context);
  const columns = readPurchaseHistories([customer], context, () => path);
  return { x: columns.frequency[0]!, tx: columns.recency[0]!, T: columns.age[0]! };
}
