import { z } from 'zod';
import { labelsSchema } from '../../shared/labels.js';
import { ALWAYS, addIssues, idSchema, modelNumericSchema, versionSchema } from '../../shared/schema.js';
import { nestedGradeBandsSchema } from '../grades/gradeBandsSchema.js';
import { scaleSchema } from '../scales/scaleSchema.js';
import { scorecardIssues } from './scorecardChecks.js';

/**
 * One factor of a scorecard: a rating bounded by `[min, max]`, higher is better, optionally with a
 * (labels default to the id in both languages; presets always carry real ones)
 * `scale` that turns the raw measure (days, counts, money, codes) into the rating.
 * @category Scorecard
 */
export const factorSchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    labels: labelsSchema.optional(),
    min: modelNumericSchema,
    max: modelNumericSchema,
    scale: scaleSchema.optional(),
    description: labelsSchema.optional(),
  })
  .strict();

/**
 * A weighted category of factors. Weights of all categories are positive and sum to exactly 1.
 * @category Scorecard
 */
export const categorySchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    labels: labelsSchema.optional(),
    weight: modelNumericSchema,
    factors: z.array(factorSchema).min(1).max(1000),
  })
  .strict();

/** How a category's ratings become its share of the weight. @category Scorecard */
export const normalisationSchema = /* @__PURE__ */ z.enum(['ratio', 'minmax']);

/**
 * A weighted scorecard as data (seed 002's 客户潜在价值计算表 is the preset
 * `potentialValueModel`).
 *
 * - `ratio` (default): category ratio = Σ ratings / Σ max; total = 100 × Σ weight × ratio.
 * - `minmax`: category ratio = (Σ ratings − Σ min) / (Σ max − Σ min); total in [0, 100].
 *
 * The schema also makes `defineScorecard`'s cross-field checks (unique ids, weights summing to
 * exactly 1, `min < max`, scale ratings in range, grade bands covering `[0, 100]`), so what it
 * accepts `defineScorecard` accepts, and one parse reports every mistake.
 * @category Scorecard
 */
export const scorecardSchema = /* @__PURE__ */ z
  .object({
    // the JSON Schema an editor reads; defineX ignores it
    $schema: z.string().optional(),
    id: idSchema,
    version: versionSchema.default('1.0.0'),
    labels: labelsSchema.optional(),
    normalisation: normalisationSchema.default('ratio'),
    grades: nestedGradeBandsSchema.optional(),
    categories: z.array(categorySchema).min(1).max(100),
  })
  .strict()
  .superRefine((definition, ctx) => addIssues(ctx, scorecardIssues(definition)), ALWAYS);

/** A scorecard as written in JSON. @category Scorecard */
export type ScorecardDefinition = z.input<typeof scorecardSchema>;
/** `'ratio'` or `'minmax'`. @category Scorecard */
export type Normalisation = z.infer<typeof normalisationSchema>;
