/**
 * Hand-written checks that read a model the way its zod schema does, issue for issue, without
 * loading zod: the scoring subpath validates scorecards and grade bands with them, so a browser
 * bundle or a cold start of `clientele/scoring` never pays for zod. Each builder mirrors one zod 4
 * construct (object, array, union, string, custom, optional, default, record …) with zod's order
 * of issues, its abort rules and its output; the zod schemas stay exported from the root for JSON
 * Schema and composition, and a property test compares both on random valid and invalid models.
 *
 * @module
 */
import type { z } from 'zod';
import type { Issue } from './errors.js';
import { pathSegments, type SafeParser } from './zodIssues.js';

/** An issue as zod raises it (before zod finalises it): what `toIssues` reads. */
export interface RawIssue {
  code: string;
  path: PropertyKey[];
  input?: unknown;
  message?: string;
  /** `true`: later checks still run; `false`: an explicit abort; absent: an implicit abort. */
  continue?: boolean;
  [detail: string]: unknown;
}

/** A value being read and the issues found so far. */
export interface Payload {
  value: unknown;
  issues: RawIssue[];
  aborted?: boolean;
}

/** One check of a reader (zod's checks): `when` lets it run after earlier issues. */
interface Check {
  readonly when?: (payload: Payload) => boolean;
  readonly check: (payload: Payload) => void;
}

/** A reader: runs on a payload as a zod schema's `run` does. */
export interface Reader<T = unknown> extends SafeParser<T> {
  readonly run: (payload: Payload) => Payload;
  /** zod's `optin` / `optout`: how an absent key is treated in an object. */
  readonly optin?: 'optional' | 'defaulted';
  readonly optout?: 'optional';
}

function aborted(payload: Payload): boolean {
  return payload.aborted === true || payload.issues.some((issue) => issue.continue !== true);
}

function explicitlyAborted(payload: Payload): boolean {
  return payload.aborted === true || payload.issues.some((issue) => issue.continue === false);
}

/** zod's `runChecks`: checks without `when` stop after an abort, those with `when` after an explicit one. */
function runChecks(payload: Payload, checks: readonly Check[]): Payload {
  let isAborted = aborted(payload);
  for (const check of checks) {
    if (check.when) {
      if (explicitlyAborted(payload) || !check.when(payload)) continue;
    } else if (isAborted) continue;
    const before = payload.issues.length;
    check.check(payload);
    if (!isAborted && payload.issues.slice(before).some((issue) => issue.continue !== true)) isAborted = true;
  }
  return payload;
}

/** Finalised issues as `toIssues` reads them: the path defaulted, input kept. */
function finalise(issues: readonly RawIssue[]): z.core.$ZodIssue[] {
  return issues.map((issue) => ({ ...issue, path: issue.path ?? [] })) as unknown as z.core.$ZodIssue[];
}

/** A reader from its parse step, its checks and its optionality. */
export function reader<T>(
  parse: (payload: Payload) => Payload,
  checks: readonly Check[] = [],
  optin?: 'optional' | 'defaulted',
  optout?: 'optional',
): Reader<T> {
  const run = checks.length === 0 ? parse : (payload: Payload): Payload => runChecks(parse(payload), checks);
  return {
    run,
    ...(optin ? { optin } : {}),
    ...(optout ? { optout } : {}),
    safeParse(input: unknown) {
      const result = run({ value: input, issues: [] });
      return result.issues.length === 0
        ? { success: true, data: result.value as T }
        : { success: false, error: { issues: finalise(result.issues) } };
    },
  };
}

const prefix = (key: PropertyKey, issues: readonly RawIssue[]): RawIssue[] =>
  issues.map((issue) => ({ ...issue, path: [key, ...(issue.path ?? [])] }));

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value whose type is wrong: zod's `invalid_type` (an implicit abort). */
function typeIssue(expected: string, input: unknown): RawIssue {
  return { code: 'invalid_type', expected, input, path: [] };
}

/** `z.string()` with its checks. */
export function string(checks: readonly Check[] = []): Reader<string> {
  return reader((payload) => {
    if (typeof payload.value !== 'string') payload.issues.push(typeIssue('string', payload.value));
    return payload;
  }, checks);
}

/** `z.boolean()`. */
export function boolean(): Reader<boolean> {
  return reader((payload) => {
    if (typeof payload.value !== 'boolean') payload.issues.push(typeIssue('boolean', payload.value));
    return payload;
  });
}

/** `z.number()`: a finite number. */
export function number(): Reader<number> {
  return reader((payload) => {
    if (typeof payload.value !== 'number' || !Number.isFinite(payload.value))
      payload.issues.push(typeIssue('number', payload.value));
    return payload;
  });
}

/** `.nullable()`. */
export function nullable<T>(inner: Reader<T>): Reader<T | null> {
  return reader((payload) => (payload.value === null ? payload : inner.run(payload)), [], inner.optin, inner.optout);
}

/** `z.literal(...)` and `z.enum(...)`: one of the given values. */
export function oneOf<T>(values: readonly T[]): Reader<T> {
  return reader((payload) => {
    if (!values.includes(payload.value as T))
      payload.issues.push({ code: 'invalid_value', values, input: payload.value, path: [] });
    return payload;
  });
}

/** `z.custom(test, { error, abort })`: zod's default aborts explicitly. */
export function custom<T>(test: (value: unknown) => boolean, message: string, abort = true): Reader<T> {
  return reader(
    (payload) => payload,
    [
      {
        check: (payload) => {
          if (!test(payload.value))
            payload.issues.push({ code: 'custom', input: payload.value, message, path: [], continue: !abort });
        },
      },
    ],
  );
}

/** Code points, as zod counts string lengths. */
function lengthOf(value: { length: unknown }): unknown {
  return typeof value === 'string' ? [...value].length : value.length;
}

function origin(value: unknown): string {
  return Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown';
}

const hasLength = (payload: Payload): boolean =>
  payload.value !== undefined && payload.value !== null && (payload.value as { length?: unknown }).length !== undefined;

/** `.min(n)` on a string or an array (it runs after a type error too, on anything with a length). */
export function minLength(minimum: number): Check {
  return {
    when: hasLength,
    check: (payload) => {
      const value = payload.value as { length: unknown };
      if ((lengthOf(value) as number) >= minimum) return;
      payload.issues.push({
        origin: origin(value),
        code: 'too_small',
        minimum,
        inclusive: true,
        input: value,
        path: [],
        continue: true,
      });
    },
  };
}

/** `.max(n)` on a string or an array. */
export function maxLength(maximum: number): Check {
  return {
    when: hasLength,
    check: (payload) => {
      const value = payload.value as { length: unknown };
      if ((lengthOf(value) as number) <= maximum) return;
      payload.issues.push({
        origin: origin(value),
        code: 'too_big',
        maximum,
        inclusive: true,
        input: value,
        path: [],
        continue: true,
      });
    },
  };
}

/** `.regex(pattern, { error })` on a string. */
export function matches(pattern: RegExp, message: string): Check {
  return {
    check: (payload) => {
      if (!pattern.test(payload.value as string))
        payload.issues.push({ code: 'invalid_format', input: payload.value, message, path: [], continue: true });
    },
  };
}

/** `.refine(test, { error })`. */
export function refine(test: (value: never) => boolean, message: string): Check {
  return {
    check: (payload) => {
      if (!test(payload.value as never))
        payload.issues.push({ code: 'custom', input: payload.value, message, path: [], continue: true });
    },
  };
}

/**
 * `.superRefine(...)` reporting library issues (as `addIssues` does), run always when `always`
 * (the `ALWAYS` setting of the schemas) and otherwise only when nothing aborted.
 */
export function refineIssues(issuesOf: (value: never) => readonly Issue[], always: boolean): Check {
  const check = (payload: Payload): void => {
    for (const issue of issuesOf(payload.value as never))
      payload.issues.push({
        code: 'custom',
        message: issue.expected,
        path: pathSegments(issue.path),
        input: undefined,
        params: { code: issue.code, received: issue.received },
        continue: true,
      });
  };
  return always ? { when: () => true, check } : { check };
}

/** `.superRefine` adding zod custom issues (message, input) at the value itself. */
export function refineWith(problemOf: (value: never) => string | undefined): Check {
  return {
    check: (payload) => {
      const message = problemOf(payload.value as never);
      if (message !== undefined)
        payload.issues.push({ code: 'custom', message, input: payload.value, path: [], continue: true });
    },
  };
}

/** `.optional()`. */
export function optional<T>(inner: Reader<T>): Reader<T | undefined> {
  return reader(
    (payload) => {
      if (payload.value !== undefined) return inner.run(payload);
      if (inner.optin !== 'defaulted') return payload;
      const result = inner.run({ value: undefined, issues: [] });
      payload.value = result.issues.length > 0 ? undefined : result.value;
      return payload;
    },
    [],
    inner.optin === 'defaulted' ? 'defaulted' : 'optional',
    'optional',
  );
}

/** `.default(value)`: an absent value becomes `value` without being read. */
export function withDefault<T>(inner: Reader<T>, fallback: T): Reader<T> {
  return reader(
    (payload) => {
      if (payload.value === undefined) {
        payload.value = fallback;
        return payload;
      }
      const result = inner.run(payload);
      if (result.value === undefined) result.value = fallback;
      return result;
    },
    [],
    'defaulted',
  );
}

/** How an object reads one key's result (zod's `handlePropertyResult`). */
function putProperty(result: Payload, final: Payload, key: string, input: object, field: Reader): void {
  const present = key in input;
  const optionalOut = field.optout === 'optional';
  if (!present && optionalOut && field.optin === 'optional') return;
  const output = final.value as Record<string, unknown>;
  if (result.issues.length > 0) {
    if (field.optin !== undefined && optionalOut && !present) return;
    final.issues.push(...prefix(key, result.issues));
  }
  if (!present && field.optin === undefined) {
    if (result.issues.length === 0)
      final.issues.push({ code: 'invalid_type', expected: 'nonoptional', input: undefined, path: [key] });
    return;
  }
  if (result.value === undefined) {
    if (present || (field.optin === 'defaulted' && !optionalOut)) output[key] = undefined;
  } else output[key] = result.value;
}

/** `z.object(shape).strict()` with its checks: keys read in the shape's order, unknown keys last. */
export function strictObject<T>(shape: { readonly [key: string]: Reader }, checks: readonly Check[] = []): Reader<T> {
  return objectOf(shape, checks, true);
}

/** `z.object(shape)`: keys read in the shape's order, unknown keys dropped. */
export function object<T>(shape: { readonly [key: string]: Reader }): Reader<T> {
  return objectOf(shape, [], false);
}

function objectOf<T>(shape: { readonly [key: string]: Reader }, checks: readonly Check[], strict: boolean): Reader<T> {
  const keys = Object.keys(shape);
  const known = new Set(keys);
  return reader((payload) => {
    const input = payload.value;
    if (!isObject(input)) {
      payload.issues.push(typeIssue('object', input));
      return payload;
    }
    payload.value = {};
    for (const key of keys) {
      const field = shape[key]!;
      putProperty(field.run({ value: input[key], issues: [] }), payload, key, input, field);
    }
    if (!strict) return payload;
    const unknown: string[] = [];
    for (const key in input) if (!known.has(key)) unknown.push(key);
    if (unknown.length > 0)
      payload.issues.push({ code: 'unrecognized_keys', keys: unknown, input, path: [], continue: true });
    return payload;
  }, checks);
}

/** `z.array(element).min(min).max(max)` (each bound only when given). */
export function array<T>(element: Reader<T>, min?: number, max?: number): Reader<T[]> {
  return reader(
    (payload) => {
      const input = payload.value;
      if (!Array.isArray(input)) {
        payload.issues.push(typeIssue('array', input));
        return payload;
      }
      const output: unknown[] = Array(input.length);
      payload.value = output;
      input.forEach((item: unknown, index) => {
        const result = element.run({ value: item, issues: [] });
        if (result.issues.length > 0) payload.issues.push(...prefix(index, result.issues));
        output[index] = result.value;
      });
      return payload;
    },
    [...(min === undefined ? [] : [minLength(min)]), ...(max === undefined ? [] : [maxLength(max)])],
  );
}

/** `z.union(options)`: the first option that fits; a single option failing without abort; else every branch. */
export function union<T>(options: readonly Reader[], checks: readonly Check[] = []): Reader<T> {
  return reader((payload) => {
    const results: Payload[] = [];
    for (const option of options) {
      const result = option.run({ value: payload.value, issues: [] });
      if (result.issues.length === 0) return result;
      results.push(result);
    }
    const standing = results.filter((result) => !aborted(result));
    if (standing.length === 1) {
      payload.value = standing[0]!.value;
      return standing[0]!;
    }
    payload.issues.push({
      code: 'invalid_union',
      input: payload.value,
      message: 'Invalid input',
      errors: results.map((result) => finalise(result.issues)),
      path: [],
    });
    return payload;
  }, checks);
}

/** `z.discriminatedUnion(key, options)`: the option the key names, else one issue at the key. */
export function discriminated<T>(key: string, options: ReadonlyMap<unknown, Reader>): Reader<T> {
  const names = [...options.keys()];
  const message = `Invalid discriminator value. Expected ${names.map((name) => `'${String(name)}'`).join(' | ')}`;
  return reader((payload) => {
    const input = payload.value;
    if (!isObject(input)) {
      payload.issues.push(typeIssue('object', input));
      return payload;
    }
    const option = options.get(input[key]);
    if (option) return option.run(payload);
    payload.issues.push({ code: 'invalid_union', errors: [], options: names, message, input, path: [key] });
    return payload;
  });
}
