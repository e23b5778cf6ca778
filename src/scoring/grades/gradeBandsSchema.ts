import { z } from 'zod';
import { labelsSchema } from '../../shared/labels.js';
import { ALWAYS, addIssues, idSchema, versionSchema } from '../../shared/schema.js';
import { gradeBandIssues } from './gradeBandChecks.js';
import { intervalSchema } from '../intervalSchema.js';

/**
 * One grade: its id, labels (default: the id in both languages) and the interval of totals it covers.
 * @category Grades
 */
export const gradeBandSchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    labels: labelsSchema.optional(),
    interval: intervalSchema,
  })
  .strict();

/**
 * Grade bands as data: any number of grades listed from the best to the worst, each an interval
 * with explicit edge closure. `defineGradeBands` checks that together they cover `domain` (by
 * default `[0, 100]`) with no gap and no overlap; the schema makes the same checks (its
 * refinement), so what it accepts `defineGradeBands` accepts.
 * @category Grades
 */
export const gradeBandsSchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    version: versionSchema.default('1.0.0'),
    labels: labelsSchema.optional(),
    domain: intervalSchema.default('[0, 100]'),
    bands: z.array(gradeBandSchema).min(1).max(100),
  })
  .strict()
  .superRefine((definition, ctx) => addIssues(ctx, gradeBandIssues(definition)), ALWAYS);

/** Grade bands as written in JSON. @category Grades */
export type GradeBandsDefinition = z.input<typeof gradeBandsSchema>;
