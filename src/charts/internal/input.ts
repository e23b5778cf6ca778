/**
 * Reading the charts' input at the boundary: every chart, table and report takes untrusted data
 * (a result, its JSON form, or anything shaped like one) and options, so both are snapshotted by
 * the boundary reader and checked against the fields the drawing reads. Anything else is a
 * `ValidationError` naming its path — never a `TypeError` halfway through a drawing.
 *
 * @module
 */
import { z } from 'zod';
import { parseInPlace } from '../../shared/schema.js';
import { tryDecimal } from '../../shared/numeric.js';
import type { ChartOptions, NumberLike } from '../chartOptions.js';

/** A value `toString` may be called on safely: own or inherited, a function, and not Object's default. */
function decimalTextOf(value: object): string | undefined {
  try {
    const toString = (value as { toString?: unknown }).toString;
    if (typeof toString !== 'function' || toString === Object.prototype.toString) return undefined;
    const text: unknown = (toString as () => unknown).call(value);
    return typeof text === 'string' && tryDecimal(text) !== undefined ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A number as charts take it: a finite number, a decimal string or a `Decimal` within the numeric
 * limits, or another object whose own `toString` gives such a decimal (a `DecimalText`).
 */
export function isNumberLike(value: unknown): value is NumberLike {
  if (tryDecimal(value) !== undefined) return true;
  return typeof value === 'object' && value !== null && decimalTextOf(value) !== undefined;
}

/** The exact decimal text of a value {@link isNumberLike} accepts, or `undefined`. */
export function numberText(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  const decimal = tryDecimal(value);
  if (decimal !== undefined) return typeof value === 'string' ? value.trim() : decimal.toString();
  return typeof value === 'object' && value !== null ? decimalTextOf(value) : undefined;
}

const NUMBER_LIKE = 'a finite number, decimal string or Decimal';

/** A numeric field of a chart input. */
export const numberLike = /* @__PURE__ */ z.custom<NumberLike>(isNumberLike, { error: NUMBER_LIKE });

/** A numeric field that may be `null` (no data). */
export const nullableNumber = /* @__PURE__ */ numberLike.nullable();

/** Labels by locale (`{ en, 'zh-CN' }`): `en` and any other locale, strings only. */
export const labelsSchema = /* @__PURE__ */ (() =>
  z.object({ en: z.string({ error: 'an English label' }) }).catchall(z.string({ error: 'a label string' })))();

/** A count or size: a finite number. */
export const finiteNumber = /* @__PURE__ */ z.number().finite();

/** True for a locale `Intl` understands (a BCP 47 tag). */
export function isLocale(value: string): boolean {
  try {
    return value.length <= 100 && Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** A BCP 47 locale tag `Intl` understands. */
export const localeSchema = /* @__PURE__ */ z
  .string({ error: 'a locale string such as "en" or "zh-CN"' })
  .refine(isLocale, { error: 'a BCP 47 locale such as "en" or "zh-CN"' });

const digitsSchema = /* @__PURE__ */ z.number().int().min(0).max(20);

/** The fields of {@link ChartOptions}, shared by every chart (other keys pass through). */
export const chartOptionsShape = /* @__PURE__ */ (() =>
  ({
    width: finiteNumber.min(0).max(100_000).optional(),
    height: finiteNumber.min(0).max(100_000).optional(),
    locale: localeSchema.optional(),
    digits: digitsSchema.optional(),
    percentDigits: digitsSchema.optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, { error: 'a three-letter ISO 4217 code' })
      .optional(),
    theme: z.enum(['light', 'dark']).optional(),
    palette: z.union([z.enum(['cividis', 'greyscale']), z.array(z.string()).max(256)]).optional(),
    title: z.string().optional(),
    description: z.string().optional(),
  }) as const)();

/** Chart options with no chart-specific fields. */
export const chartOptionsSchema = /* @__PURE__ */ z.looseObject(chartOptionsShape);

/**
 * Reads a chart's data argument: a shape check in place (the chart schemas are not recursive, so
 * nesting and cycles beyond the fields a chart reads are never walked; a throwing getter or a
 * revoked proxy is a `ValidationError`). Not snapshotted: a chart of a million accounts costs more
 * to copy than to draw. Paths are relative to the argument.
 */
export function readChartInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  context: string,
  path = '',
): z.output<S> {
  return parseInPlace(schema, input, context, path);
}

/** Reads a chart's options (`undefined` is `{}`); paths start at `options`. */
export function readChartOptions<S extends z.ZodType = typeof chartOptionsSchema>(
  options: unknown,
  context: string,
  schema?: S,
): z.output<S> & ChartOptions {
  return parseInPlace(schema ?? chartOptionsSchema, options ?? {}, context, 'options') as z.output<S> & ChartOptions;
}

/**
 * The body of every one-input chart function: reads the input through `schema` and the options
 * (through `optionsSchema` when the chart has its own), then draws. `caller` names the function in
 * a `ValidationError`.
 */
export function drawChecked<I, O extends ChartOptions>(
  caller: string,
  draw: (input: I, options: O) => string,
  [schema, input]: readonly [z.ZodType, unknown],
  [options, optionsSchema]: readonly [unknown, z.ZodType?],
): string {
  return draw(readChartInput(schema, input, caller) as I, readChartOptions(options, caller, optionsSchema) as O);
}
