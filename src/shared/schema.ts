/**
 * The bridge between zod and the library's errors, plus the schema pieces every model uses.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { ValidationError, describeValue, formatPath, makeIssue, type Issue, type IssueCode } from './errors.js';
import { readInput, readingInput } from './input.js';
import { tryDecimal } from './numeric.js';

const NUMERIC = 'a finite number, decimal string or Decimal';

function isNumeric(value: unknown): boolean {
  return tryDecimal(value) !== undefined;
}

/**
 * A numeric field of a model: a finite number, a decimal string or a `Decimal`.
 * Models keep the value as given; `defineX` turns it into an exact decimal once.
 * @category Numbers
 */
export const numericSchema = /* @__PURE__ */ z.custom<number | string | Decimal>(isNumeric, { error: NUMERIC });

/**
 * {@link numericSchema} for models whose cross-field checks run beside field errors ({@link ALWAYS}):
 * a bad number does not stop them (they skip what is not a number). Same JSON Schema.
 */
export const modelNumericSchema = /* @__PURE__ */ z.custom<number | string | Decimal>(isNumeric, {
  error: NUMERIC,
  abort: false,
});

/** An identifier: letters, digits, `_`, `-`, `.`; never a prototype key. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * An id as models use them: 1–64 characters of letters, digits, `_`, `-` or `.`, starting with a
 * letter or digit, and never `__proto__`, `constructor` or `prototype`.
 * @category Models
 */
export const idSchema = /* @__PURE__ */ z
  .string({ error: 'a string id' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, {
    error: 'an id of 1–64 letters, digits, "_", "-" or "." starting with a letter or digit',
  })
  .refine((id) => !FORBIDDEN_KEYS.has(id), { error: 'an id other than __proto__, constructor or prototype' });

/** A version string, free-form (semantic versioning recommended). @category Models */
export const versionSchema = /* @__PURE__ */ z
  .string({ error: 'a version string' })
  .min(1, { error: 'a non-empty version string' });

type ZodIssue = z.core.$ZodIssue;

function expectedOf(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'object'
        ? 'an object'
        : issue.expected === 'array'
          ? 'an array'
          : `a ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `no key ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `at least ${String(issue.minimum)} item(s)`
        : issue.origin === 'string'
          ? `at least ${String(issue.minimum)} character(s)`
          : `a value ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `at most ${String(issue.maximum)} item(s)`
        : issue.origin === 'string'
          ? `at most ${String(issue.maximum)} character(s)`
          : `a value ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`;
    case 'invalid_union': {
      const options = issue.errors
        .map((branch) => branch[0])
        .filter((first): first is ZodIssue => first !== undefined && first.path.length === 0)
        .map(expectedOf);
      return options.length > 0 ? [...new Set(options)].join(' or ') : issue.message;
    }
    default:
      return issue.message.replace(/^Invalid input: expected /, '');
  }
}

/** The library's code for a zod issue: zod's own where they agree, the custom code a refinement gave. */
function codeOf(issue: ZodIssue): IssueCode {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'missing' : 'invalid_type';
    case 'too_small':
      return 'too_small';
    case 'too_big':
      return 'too_big';
    case 'unrecognized_keys':
      return 'unknown_key';
    case 'custom': {
      const code = (issue.params as { code?: IssueCode } | undefined)?.code;
      return code ?? ('input' in issue && issue.input === undefined ? 'missing' : 'invalid_value');
    }
    default:
      return 'invalid_value';
  }
}

/** What an issue found: the wording a model check gave (see {@link addIssues}), else the input described. */
function receivedOf(issue: ZodIssue): string {
  const given = issue.code === 'custom' ? (issue.params as { received?: string } | undefined)?.received : undefined;
  if (given !== undefined) return given;
  return 'input' in issue ? describeValue(issue.input) : 'an invalid value';
}

/** Converts zod issues to library issues with code-like paths. */
function toIssues(issues: readonly ZodIssue[], base = ''): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path, base);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push(makeIssue(formatPath([key], path), 'no such key', 'an unexpected key', 'unknown_key'));
      continue;
    }
    // A union whose branches all failed deeper inside one branch: report that branch's own issues.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const deep = issue.errors.find((branch) => branch.some((inner) => inner.path.length > 0));
      if (deep && issue.errors.every((branch) => branch.length > 0)) {
        out.push(...toIssues(deep, path));
        continue;
      }
    }
    out.push(makeIssue(path, expectedOf(issue), receivedOf(issue), codeOf(issue)));
  }
  return out;
}

/**
 * Parses `input` with `schema`, throwing a `ValidationError` whose issues carry readable paths.
 * @throws {ValidationError} when `input` does not match.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, context: string, base = ''): z.output<S> {
  const result = schema.safeParse(readInput(input, base, context), { reportInput: true });
  if (!result.success) throw new ValidationError(toIssues(result.error.issues, base), context);
  return result.data;
}

/**
 * Like {@link parseWith} but without the snapshot: for schemas that are not recursive (so zod reads
 * a bounded depth and never follows a cycle) over inputs too large to copy, such as a chart's
 * rows. A throwing getter or a revoked proxy met on the way is a `ValidationError` at `base`.
 * @throws {ValidationError} when `input` does not match or cannot be read.
 */
export function parseInPlace<S extends z.ZodType>(schema: S, input: unknown, context: string, base = ''): z.output<S> {
  // zod words its issues lazily (reading the input again): convert them inside the guard too
  const outcome = readingInput(base, context, () => {
    const result = schema.safeParse(input, { reportInput: true });
    return result.success ? { data: result.data as z.output<S> } : { issues: toIssues(result.error.issues, base) };
  });
  if ('issues' in outcome) throw new ValidationError(outcome.issues, context);
  return outcome.data;
}

/** A custom issue for `superRefine` callbacks: `expected` becomes the message, `code` the issue's code. */
export function addIssue(
  ctx: z.RefinementCtx,
  path: readonly (string | number)[],
  expected: string,
  input: unknown,
  code?: IssueCode,
): void {
  ctx.addIssue({ code: 'custom', message: expected, path: [...path], input, ...(code ? { params: { code } } : {}) });
}

/** `categories[1].factors[0].max` as zod path segments: `['categories', 1, 'factors', 0, 'max']`. */
function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return segments;
}

/**
 * Reports the library issues a model's cross-field checks found from inside a `superRefine`, so a
 * schema and its `defineX` refuse the same input with the same issues (path, expected, received,
 * code kept as the check wrote them).
 */
export function addIssues(ctx: z.RefinementCtx, issues: readonly Issue[]): void {
  for (const issue of issues)
    ctx.addIssue({
      code: 'custom',
      message: issue.expected,
      path: pathSegments(issue.path),
      input: undefined,
      params: { code: issue.code, received: issue.received },
    });
}

/** Refinement settings that run a model's cross-field checks even when some fields failed, so one
 * parse reports every mistake (the checks read only the parts that are well formed). */
export const ALWAYS = { when: (): boolean => true } as const;

export { Decimal };
