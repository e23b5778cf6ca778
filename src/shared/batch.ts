/**
 * Batch conventions shared by every domain: every good result is returned, every bad record is
 * reported with its index and id, nothing aborts the run.
 *
 * @module
 */
import { ClienteleError, ValidationError, describeValue, makeIssue, type Issue } from './errors.js';

/**
 * One record a batch function could not process.
 * @category Batch
 */
export interface RecordError {
  /** Position of the record in the input (0-based). */
  readonly index: number;
  /** The record's id, when it had one. */
  readonly id: string | undefined;
  /** What was wrong, as a `ValidationError`'s issues (paths relative to the record). */
  readonly issues: readonly Issue[];
  /** One line for logs. */
  readonly message: string;
}

/**
 * What a batch function returns: the good results (each knowing its index and id) and the errors.
 * @category Batch
 */
export interface BatchResult<T> {
  readonly results: T[];
  readonly errors: RecordError[];
}

/** Turns whatever a record's processing threw into a `RecordError`; rethrows programmer errors. */
export function toRecordError(error: unknown, index: number, id: string | undefined): RecordError {
  if (error instanceof ValidationError) {
    return { index, id, issues: error.issues, message: error.message };
  }
  // the library's own non-validation errors, and anything the record itself threw (a getter, a
  // revoked proxy): that record fails, the batch goes on
  const message = error instanceof Error ? error.message : describeValue(error);
  const issue = makeIssue(
    '',
    'a processable record',
    error instanceof ClienteleError ? message : `a record that cannot be read (${message})`,
    'record_failed',
  );
  return { index, id, issues: [issue], message: issue.message };
}

/** Reads an id from a record's field as a string (numbers are stringified), or `undefined`. */
export function readId(record: unknown, field: string): string | undefined {
  let value: unknown;
  try {
    if (typeof record !== 'object' || record === null) return undefined;
    if (!Object.prototype.hasOwnProperty.call(record, field)) return undefined;
    value = (record as Record<string, unknown>)[field];
  } catch {
    return undefined; // an unreadable record has no id to report
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** True for objects with `Symbol.asyncIterator`. */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  try {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function'
    );
  } catch {
    return false; // a revoked proxy or a throwing getter is no record source
  }
}

/** True for objects with `Symbol.iterator` (strings are not record sources). */
export function isIterable(value: unknown): value is Iterable<unknown> {
  try {
    return (
      typeof value === 'object' && value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
    );
  } catch {
    return false; // a revoked proxy or a throwing getter is no record source
  }
}
