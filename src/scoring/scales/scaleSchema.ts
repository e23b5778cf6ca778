import { z } from 'zod';
import { labelsSchema } from '../../shared/labels.js';
import { modelNumericSchema } from '../../shared/schema.js';
import { intervalSchema } from '../intervalSchema.js';

/**
 * A named special raw value ("unknown", "n/a", "new client") and what it means: a fixed rating,
 * or `missing: true` to hand the factor to the scorecard's missing-value policy.
 * @category Scales
 */
export const specialValueSchema = /* @__PURE__ */ (() =>
  z.union([
    z.object({ value: z.string().min(1), rating: modelNumericSchema, labels: labelsSchema.optional() }).strict(),
    z.object({ value: z.string().min(1), missing: z.literal(true), labels: labelsSchema.optional() }).strict(),
  ]))();

const specials = /* @__PURE__ */ z.array(specialValueSchema).max(100).optional();

/**
 * Ordered bands (binning): each raw interval maps to a rating. Bands must not overlap or leave a
 * gap between the lowest and the highest; a raw value outside all of them is an error (or, when
 * clamping is asked for, takes the nearest band).
 * @category Scales
 */
export const bandScaleSchema = /* @__PURE__ */ z
  .object({
    type: z.literal('bands'),
    unit: z.string().optional(),
    bands: z
      .array(
        z.object({ interval: intervalSchema, rating: modelNumericSchema, labels: labelsSchema.optional() }).strict(),
      )
      .min(1)
      .max(1000),
    special: specials,
  })
  .strict();

/**
 * Linear interpolation between two raw anchors, in either direction (a higher raw value may mean a
 * lower rating), clamped to the anchors' ratings outside them.
 * @category Scales
 */
export const linearScaleSchema = /* @__PURE__ */ z
  .object({
    type: z.literal('linear'),
    unit: z.string().optional(),
    from: z.object({ raw: modelNumericSchema, rating: modelNumericSchema }).strict(),
    to: z.object({ raw: modelNumericSchema, rating: modelNumericSchema }).strict(),
    special: specials,
  })
  .strict();

/**
 * A categorical map from raw codes (strings; numbers and booleans are compared by their string
 * form) to ratings, with an optional default for codes not listed.
 * @category Scales
 */
export const categoricalScaleSchema = /* @__PURE__ */ z
  .object({
    type: z.literal('categorical'),
    categories: z
      .array(z.object({ value: z.string(), rating: modelNumericSchema, labels: labelsSchema.optional() }).strict())
      .min(1)
      .max(10000),
    default: modelNumericSchema.optional(),
    special: specials,
  })
  .strict();

/** A yes/no measure mapped to two ratings. @category Scales */
export const booleanScaleSchema = /* @__PURE__ */ z
  .object({
    type: z.literal('boolean'),
    true: modelNumericSchema,
    false: modelNumericSchema,
    special: specials,
  })
  .strict();

/**
 * How a factor's raw measure becomes its rating: `bands`, `linear`, `categorical` or `boolean`.
 * @category Scales
 */
export const scaleSchema = /* @__PURE__ */ z.discriminatedUnion('type', [
  bandScaleSchema,
  linearScaleSchema,
  categoricalScaleSchema,
  booleanScaleSchema,
]);

/** A scale as written in JSON. @category Scales */
export type ScaleDefinition = z.input<typeof scaleSchema>;
