/**
 * The bridge between zod and the library's errors, plus the schema pieces every model uses.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { z } from 'zod';
import type { Issue, IssueCode } from './errors.js';
import { numericJsonSchema, withJsonSchema, type JsonSchemaObject } from './jsonSchema.js';
import { tryDecimal } from './numeric.js';
import { FORBIDDEN_KEYS } from './readers.js';
import {
  parseInPlace as parseSafelyInPlace,
  parseWith as parseSafely,
  pathSegments,
  type SafeParser,
} from './zodIssues.js';

const NUMERIC = 'a finite number, decimal string or Decimal';

function isNumeric(value: unknown): boolean {
  return tryDecimal(value) !== undefined;
}

/**
 * A numeric field of a model: a finite number, a decimal string or a `Decimal`.
 * Models keep the value as given; `defineX` turns it into an exact decimal once.
 * @category Numbers
 */
export const numericSchema = /* @__PURE__ */ withJsonSchema(
  /* @__PURE__ */ z.custom<number | string | Decimal>(isNumeric, { error: NUMERIC }),
  numericJsonSchema,
);

/**
 * {@link numericSchema} for models whose cross-field checks run beside field errors ({@link ALWAYS}):
 * a bad number does not stop them (they skip what is not a number). Same JSON Schema.
 */
export const modelNumericSchema = /* @__PURE__ */ withJsonSchema(
  /* @__PURE__ */ z.custom<number | string | Decimal>(isNumeric, { error: NUMERIC, abort: false }),
  numericJsonSchema,
);

/** An identifier: letters, digits, `_`, `-`, `.`; never a prototype key (one set, shared with the readers). */
export { FORBIDDEN_KEYS };

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * An id as models use them: 1–64 characters of letters, digits, `_`, `-` or `.`, starting with a
 * letter or digit, and never `__proto__`, `constructor` or `prototype`.
 * @category Models
 */
export const idSchema = /* @__PURE__ */ withJsonSchema(
  /* @__PURE__ */ z
    .string({ error: 'a string id' })
    .regex(ID_PATTERN, { error: 'an id of 1–64 letters, digits, "_", "-" or "." starting with a letter or digit' })
    .refine((id) => !FORBIDDEN_KEYS.has(id), { error: 'an id other than __proto__, constructor or prototype' }),
  idJsonSchema,
);

/** An id in JSON: the pattern, and never a prototype key. */
function idJsonSchema(): JsonSchemaObject {
  return { type: 'string', pattern: ID_PATTERN.source, not: { enum: [...FORBIDDEN_KEYS] } };
}

/** A version string, free-form (semantic versioning recommended). @category Models */
export const versionSchema = /* @__PURE__ */ z
  .string({ error: 'a version string' })
  .min(1, { error: 'a non-empty version string' });

/**
 * Parses `input` with `schema`, throwing a `ValidationError` whose issues carry readable paths.
 * @throws {ValidationError} when `input` does not match.
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, context: string, base = ''): z.output<S> {
  return parseSafely(schema as SafeParser<z.output<S>>, input, context, base);
}

/**
 * Like {@link parseWith} but without the snapshot: for schemas that are not recursive (so zod reads
 * a bounded depth and never follows a cycle) over inputs too large to copy, such as a chart's
 * rows. A throwing getter or a revoked proxy met on the way is a `ValidationError` at `base`.
 * @throws {ValidationError} when `input` does not match or cannot be read.
 */
export function parseInPlace<S extends z.ZodType>(schema: S, input: unknown, context: string, base = ''): z.output<S> {
  return parseSafelyInPlace(schema as SafeParser<z.output<S>>, input, context, base);
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
