/**
 * The library's error hierarchy.
 *
 * Both classes are branded with a symbol from the global registry and answer `instanceof` through
 * `Symbol.hasInstance`, so an error thrown by the CommonJS build is still an instance of the class
 * imported from the ES module build (or from a second copy of the package), as in zod 4.
 *
 * @module
 */

const CLIENTELE_ERROR = Symbol.for('clientele.error');
const VALIDATION_ERROR = Symbol.for('clientele.validation-error');

/**
 * The stable, machine-readable kinds of problem an {@link Issue} can report. Messages may be
 * reworded between releases; codes do not change within a major version. The table in
 * `docs/errors.md` explains each.
 * @example
 * ```ts
 * import { issueCodes } from 'clientele';
 * issueCodes.includes('duplicate'); // true
 * ```
 * @category Errors
 */
export const issueCodes = [
  'invalid_type',
  'invalid_value',
  'missing',
  'unknown_key',
  'forbidden_key',
  'duplicate',
  'not_numeric',
  'invalid_date',
  'out_of_range',
  'too_small',
  'too_big',
  'inconsistent',
  'not_a_model',
  'record_failed',
] as const;

/** One of {@link issueCodes}. @category Errors */
export type IssueCode = (typeof issueCodes)[number];

/** One problem found in a model or an input. */
export interface Issue {
  /** What kind of problem it is, stable across releases (see {@link issueCodes}). */
  readonly code: IssueCode;
  /** Where the problem is, written like code: `categories[1].factors[3].max`; `''` for the root. */
  readonly path: string;
  /** What was expected there, in words: `a number ≥ 1`, `one of "ratio", "minmax"`. */
  readonly expected: string;
  /** What was found there, in words: `string "abc"`, `undefined`. */
  readonly received: string;
  /** A sentence combining the three, suitable for a log line. */
  readonly message: string;
}

/**
 * The base class of every error this library throws on purpose.
 *
 * @example
 * ```ts
 * import { ClienteleError, defineScorecard } from 'clientele';
 * try { defineScorecard({}); } catch (error) { error instanceof ClienteleError; } // true
 * ```
 * @category Errors
 */
export class ClienteleError extends Error {
  /** Brand that makes `instanceof` work across copies and module formats. */
  readonly [CLIENTELE_ERROR] = true;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClienteleError';
  }

  /** `instanceof` by brand, so errors from another copy or module format of the library match. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this === ClienteleError) return isBranded(value, CLIENTELE_ERROR);
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/**
 * Thrown when a model or an input is invalid; `issues` lists every problem found, each with its path.
 *
 * @example
 * ```ts
 * import { ValidationError, toDecimal } from 'clientele';
 * try { toDecimal('abc', 'ratings.tenure'); } catch (error) {
 *   if (error instanceof ValidationError) error.issues[0]?.path; // 'ratings.tenure'
 * }
 * ```
 * @category Errors
 */
export class ValidationError extends ClienteleError {
  /** Brand that makes `instanceof` work across copies and module formats. */
  readonly [VALIDATION_ERROR] = true;
  /** Every problem found, in the order found. Never empty. */
  readonly issues: readonly Issue[];

  constructor(issues: readonly Issue[], context?: string) {
    const head = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${context ? `${context}: ` : ''}${head ? head.message : 'invalid input'}${more}`);
    this.name = 'ValidationError';
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue })));
  }

  /** `instanceof` by brand, so errors from another copy or module format of the library match. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this === ValidationError) return isBranded(value, VALIDATION_ERROR);
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }

  /** A plain, JSON-able copy: `{ name, message, issues }`. */
  toJSON(): { name: string; message: string; issues: Issue[] } {
    return { name: this.name, message: this.message, issues: this.issues.map((issue) => ({ ...issue })) };
  }
}

function isBranded(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/**
 * Builds one issue, composing the message from the three parts. Without an explicit `code`, an
 * absent value (`received` `'undefined'`) is `missing` and anything else `invalid_value`.
 */
export function makeIssue(path: string, expected: string, received: string, code?: IssueCode): Issue {
  const where = path === '' ? 'input' : path;
  return {
    code: code ?? (received === 'undefined' ? 'missing' : 'invalid_value'),
    path,
    expected,
    received,
    message: `${where}: expected ${expected}, received ${received}`,
  };
}

/** Throws a `ValidationError` with a single issue. */
export function fail(path: string, expected: string, received: unknown, context?: string, code?: IssueCode): never {
  throw new ValidationError([makeIssue(path, expected, describeValue(received), code)], context);
}

/** Describes a value for an error message: its type and, when short, the value itself. Never throws. */
export function describeValue(value: unknown): string {
  try {
    return describeReadable(value);
  } catch {
    return 'an unreadable object (a revoked proxy or a throwing getter)';
  }
}

function describeReadable(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 40 ? `string "${value.slice(0, 37)}..."` : `string "${value}"`;
  if (typeof value === 'number') return Object.is(value, -0) ? 'number -0' : `number ${String(value)}`;
  if (typeof value === 'boolean') return `boolean ${String(value)}`;
  if (typeof value === 'bigint') return `bigint ${String(value)}`;
  if (typeof value === 'symbol') return 'a symbol';
  if (Array.isArray(value)) return `array of length ${value.length}`;
  if (
    typeof value === 'object' &&
    Object.getPrototypeOf(value) !== null &&
    (value as { toStringTag?: unknown }).toStringTag === '[object Decimal]'
  ) {
    return `Decimal ${String(value)}`;
  }
  return typeof value;
}

/** Joins a base path and a key the way code would: `a.b`, `a[3]`, `a["odd key"]`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const plain = /^[A-Za-z_$][\w$]*$/.test(key);
  if (plain) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/** Formats a zod-style path (`['categories', 1, 'factors', 3, 'max']`) as `categories[1].factors[3].max`. */
export function formatPath(segments: readonly PropertyKey[], base = ''): string {
  let path = base;
  for (const segment of segments) {
    path = joinPath(path, typeof segment === 'symbol' ? String(segment.description) : (segment as string | number));
  }
  return path;
}
