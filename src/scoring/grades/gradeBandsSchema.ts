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

/** The fields of grade bands, in a file and inside a scorecard. */
const gradeBandsShape = {
  id: idSchema,
  version: /* @__PURE__ */ versionSchema.default('1.0.0'),
  labels: /* @__PURE__ */ labelsSchema.optional(),
  domain: /* @__PURE__ */ intervalSchema.default('[0, 100]'),
  bands: /* @__PURE__ */ z.array(gradeBandSchema).min(1).max(100),
};

/**
 * Grade bands as data: any number of grades listed from the best to the worst, each an interval
 * with explicit edge closure. `defineGradeBands` checks that together they cover `domain` (by
 * default `[0, 100]`) with no gap and no overlap; the schema makes the same checks (its
 * refinement), so what it accepts `defineGradeBands` accepts.
 * @category Grades
 */
export const gradeBandsSchema = /* @__PURE__ */ z
  .object({
    // the JSON Schema an editor reads; defineX ignores it
    $schema: z.string().optional(),
    ...gradeBandsShape,
  })
  .strict()
  .superRefine((definition, ctx) => addIssues(ctx, gradeBandIssues(definition)), ALWAYS);

/**
 * {@link gradeBandsSchema} inside a scorecard (its `grades`): the same, but without the file's
 * `$schema` key, which only a file's top level carries.
 * @internal
 */
export const nestedGradeBandsSchema = /* @__PURE__ */ z
  .object(gradeBandsShape)
  .strict()
  .superRefine((definition, ctx) => addIssues(ctx, gradeBandIssues(definition)), ALWAYS);

/** Grade bands as written in JSON. @category Grades */
export type GradeBandsDefinition = z.input<typeof gradeBandsSchema>;
