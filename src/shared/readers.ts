/**
 * The model pieces of `schema.ts` and `labels.ts` (id, version, numeric field, labels) as
 * hand-written checks (`check.ts`): the same issues and output as the zod schemas, without zod.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { custom, matches, maxLength, minLength, reader, refine, string, type RawIssue, type Reader } from './check.js';
import { BCP47_TAG, copyLabels, type Labels, type LabelsInput } from './labelsCore.js';
import { tryDecimal } from './numeric.js';

const NUMERIC = 'a finite number, decimal string or Decimal';
/** Keys an id may never be: they would reach an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const isNumeric = (value: unknown): boolean => tryDecimal(value) !== undefined;

/** `numericSchema`: a bad number aborts the checks after it. */
export const numericReader: Reader<number | string | Decimal> = /* @__PURE__ */ custom(isNumeric, NUMERIC);

/** `modelNumericSchema`: a bad number lets the model's cross-field checks run. */
export const modelNumericReader: Reader<number | string | Decimal> = /* @__PURE__ */ custom(isNumeric, NUMERIC, false);

/** `idSchema`. */
export const idReader: Reader<string> = /* @__PURE__ */ string([
  /* @__PURE__ */ matches(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
    'an id of 1–64 letters, digits, "_", "-" or "." starting with a letter or digit',
  ),
  /* @__PURE__ */ refine(
    (id: string) => !FORBIDDEN_KEYS.has(id),
    'an id other than __proto__, constructor or prototype',
  ),
]);

/** `versionSchema`. */
export const versionReader: Reader<string> = /* @__PURE__ */ string([/* @__PURE__ */ minLength(1)]);

const labelText = /* @__PURE__ */ string([/* @__PURE__ */ minLength(1)]);
const localeKey = /* @__PURE__ */ string([
  /* @__PURE__ */ maxLength(64),
  /* @__PURE__ */ matches(BCP47_TAG, 'a BCP 47 locale tag as the key (en, zh-CN, de, ja, zh-Hant-TW, …)'),
]);

/** zod's `isPlainObject`, which a record requires. */
function isPlainObject(value: unknown): value is Record<PropertyKey, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const maker: unknown = (value as { constructor?: unknown }).constructor;
  if (maker === undefined || typeof maker !== 'function') return true;
  const prototype: unknown = (maker as { prototype?: unknown }).prototype;
  if (typeof prototype !== 'object' || prototype === null || Array.isArray(prototype)) return false;
  return Object.prototype.hasOwnProperty.call(prototype, 'isPrototypeOf');
}

/** The record of labels by locale tag (zod's `z.record(localeKey, labelText)` and its `en` check). */
function readLabelRecord(input: Record<PropertyKey, unknown>, issues: RawIssue[]): Record<PropertyKey, unknown> {
  const output: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(input)) {
    if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(input, key)) continue;
    const keyResult = localeKey.run({ value: key, issues: [] });
    if (keyResult.issues.length > 0) {
      issues.push({
        code: 'invalid_key',
        origin: 'record',
        issues: keyResult.issues,
        message: 'Invalid key in record',
        input: key,
        path: [key],
      });
      continue;
    }
    const result = labelText.run({ value: input[key], issues: [] });
    for (const issue of result.issues) issues.push({ ...issue, path: [key, ...issue.path] });
    output[key] = result.value;
  }
  if (!issues.some((issue) => issue.continue !== true) && output['en'] === undefined)
    issues.push({
      code: 'custom',
      message: 'a label in en (the fallback locale)',
      path: ['en'],
      input: undefined,
      params: { code: 'missing' },
      continue: true,
    });
  return output;
}

/** `labelsSchema`: `en` required, BCP 47 tags as keys, copied with `zh-CN` filled. */
export const labelsReader: Reader<Labels> = /* @__PURE__ */ reader(
  (payload) => {
    const input = payload.value;
    if (typeof input === 'object' && input !== null && Object.prototype.hasOwnProperty.call(input, '__proto__')) {
      payload.issues.push({
        code: 'custom',
        message: 'a BCP 47 locale tag as the key, never __proto__',
        path: ['__proto__'],
        input: '__proto__',
        params: { code: 'forbidden_key' },
      });
      payload.aborted = true;
      return payload;
    }
    if (!isPlainObject(input)) {
      payload.issues.push({ code: 'invalid_type', expected: 'record', input, path: [] });
    } else payload.value = readLabelRecord(input, payload.issues);
    if (payload.issues.length > 0) payload.aborted = true;
    else payload.value = copyLabels(payload.value as LabelsInput);
    return payload;
  },
  [],
  'optional',
);
