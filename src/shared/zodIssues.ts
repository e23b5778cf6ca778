/**
 * zod's issues in the library's words, with no run-time import of zod: what `parseWith` needs, so
 * that modules validating with the hand-written checks of `check.ts` (the scoring path) never load
 * zod, while the zod schemas elsewhere keep the same conversion.
 *
 * @module
 */
import type { z } from 'zod';
import { ValidationError, describeValue, formatPath, makeIssue, type Issue, type IssueCode } from './errors.js';
import { readInput, readingInput } from './input.js';

type ZodIssue = z.core.$ZodIssue;

/**
 * What `parseWith` needs of a schema: zod's `safeParse`, which the hand-written checks of
 * `check.ts` offer too.
 */
export interface SafeParser<T> {
  safeParse(
    input: unknown,
    params?: { reportInput?: boolean },
  ): { success: true; data: T } | { success: false; error: { issues: readonly ZodIssue[] } };
}

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
    case 'invalid_key': {
      // a record key the key schema refused (a labels key that is no BCP 47 tag): say what the
      // key schema expected, not zod's "Invalid key in record"
      const inner = issue.issues.find((check) => check.code === 'invalid_format') ?? issue.issues[0];
      const expected = inner ? expectedOf(inner) : 'valid';
      return /\bkey\b/.test(expected) ? expected : `a key of ${expected}`;
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

/** What an issue found: the wording a model check gave (see `addIssues`), else the input described. */
function receivedOf(issue: ZodIssue): string {
  const given = issue.code === 'custom' ? (issue.params as { received?: string } | undefined)?.received : undefined;
  if (given !== undefined) return given;
  return 'input' in issue ? describeValue(issue.input) : 'an invalid value';
}

/** Converts zod issues to library issues with code-like paths. */
export function toIssues(issues: readonly ZodIssue[], base = ''): Issue[] {
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
export function parseWith<T>(schema: SafeParser<T>, input: unknown, context: string, base = ''): T {
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
export function parseInPlace<T>(schema: SafeParser<T>, input: unknown, context: string, base = ''): T {
  // zod words its issues lazily (reading the input again): convert them inside the guard too
  const outcome = readingInput(base, context, () => {
    const result = schema.safeParse(input, { reportInput: true });
    return result.success ? { data: result.data } : { issues: toIssues(result.error.issues, base) };
  });
  if ('issues' in outcome) throw new ValidationError(outcome.issues, context);
  return outcome.data;
}

/** `categories[1].factors[0].max` as zod path segments: `['categories', 1, 'factors', 0, 'max']`. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return segments;
}
