/**
 * Schemas of the pieces results are made of, for reading a result back from storage: each accepts
 * the live value (a `Decimal`) and its JSON form (the string `toJSON` wrote, or a number), and
 * revives decimals, so a function that takes a result takes either.
 *
 * @module
 * @internal
 */
import { z } from 'zod';
import { issueCodes } from './errors.js';
import { numericJsonSchema, withJsonSchema } from './jsonSchema.js';
import { isDecimal, toDecimal, tryDecimal } from './numeric.js';

/** A decimal: a live `Decimal`, or the decimal string (or number) its JSON form holds; revived to a Decimal. */
export const storedDecimal = /* @__PURE__ */ withJsonSchema(
  /* @__PURE__ */ z
    .custom<unknown>(
      (value) =>
        isDecimal(value) ||
        ((typeof value === 'string' || typeof value === 'number') && tryDecimal(value) !== undefined),
      { error: 'a decimal (a Decimal, or its decimal string)' },
    )
    .transform((value) => toDecimal(value)),
  numericJsonSchema,
);

/** A model reference `{ id, version, fingerprint }`. */
export const storedModelRef = /* @__PURE__ */ (() =>
  z.object({
    id: z.string(),
    version: z.string(),
    fingerprint: z.string(),
  }))();

/** Labels by locale (`{ en, 'zh-CN' }`), as a result carries them. */
export const storedLabels = /* @__PURE__ */ (() => z.record(z.string(), z.string()))();

/** A number that is finite, or `null` (JSON has no NaN or Infinity). */
export const storedNumber = /* @__PURE__ */ z.number().nullable();

/** One issue of a `ValidationError`. */
export const storedIssue = /* @__PURE__ */ (() =>
  z.object({
    code: z.enum(issueCodes),
    path: z.string(),
    expected: z.string(),
    received: z.string(),
    message: z.string(),
  }))();

/** A batch function's `RecordError` (`id` is absent from the JSON form when the record had none). */
export const storedRecordError = /* @__PURE__ */ (() =>
  z.object({
    index: z.number().int().min(0),
    id: z.string().optional(),
    issues: z.array(storedIssue),
    message: z.string(),
  }))();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * `parsed` (a schema's output for `raw`) with every object's keys in the order `raw` had them, so a
 * revived result serialises to the same text as the stored one even where a loose schema moved
 * the keys it does not name.
 */
export function inInputOrder(raw: unknown, parsed: unknown): unknown {
  if (Array.isArray(raw) && Array.isArray(parsed)) return parsed.map((item, index) => inInputOrder(raw[index], item));
  if (!isPlainObject(parsed) || typeof raw !== 'object' || raw === null) return parsed;
  const out: Record<string, unknown> = {};
  const source = raw as Record<string, unknown>;
  for (const key of [...Object.keys(source), ...Object.keys(parsed)]) {
    if (Object.prototype.hasOwnProperty.call(out, key) || !Object.prototype.hasOwnProperty.call(parsed, key)) continue;
    Object.defineProperty(out, key, {
      value: inInputOrder(source[key], parsed[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
