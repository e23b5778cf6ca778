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
import { isDecimal, toDecimal, tryDecimal } from './numeric.js';

/** A decimal: a live `Decimal`, or the decimal string (or number) its JSON form holds; revived to a Decimal. */
export const storedDecimal = /* @__PURE__ */ z
  .custom<unknown>(
    (value) =>
      isDecimal(value) || ((typeof value === 'string' || typeof value === 'number') && tryDecimal(value) !== undefined),
    { error: 'a decimal (a Decimal, or its decimal string)' },
  )
  .transform((value) => toDecimal(value));

/** A model reference `{ id, version, fingerprint }`. */
export const storedModelRef = /* @__PURE__ */ z.object({
  id: z.string(),
  version: z.string(),
  fingerprint: z.string(),
});

/** Labels by locale (`{ en, 'zh-CN' }`), as a result carries them. */
export const storedLabels = /* @__PURE__ */ z.record(z.string(), z.string());

/** A number that is finite, or `null` (JSON has no NaN or Infinity). */
export const storedNumber = /* @__PURE__ */ z.number().nullable();

/** One issue of a `ValidationError`. */
export const storedIssue = /* @__PURE__ */ z.object({
  code: z.enum(issueCodes),
  path: z.string(),
  expected: z.string(),
  received: z.string(),
  message: z.string(),
});

/** A batch function's `RecordError` (`id` is absent from the JSON form when the record had none). */
export const storedRecordError = /* @__PURE__ */ z.object({
  index: z.number().int().min(0),
  id: z.string().optional(),
  issues: z.array(storedIssue),
  message: z.string(),
});
