/**
 * The zod schema of a stored `ScoreResult` (root `clientele` only, for JSON Schema and
 * composition); `parseScoreResult` reads the same form without zod, with the same issues.
 * @module
 */
import { z } from 'zod';
import { numericJsonSchema, withJsonSchema } from '../../shared/jsonSchema.js';
import { toDecimal, tryDecimal } from '../../shared/numeric.js';

const decimal = /* @__PURE__ */ withJsonSchema(
  /* @__PURE__ */ z
    .union([z.string(), z.number()])
    .refine((value) => tryDecimal(value) !== undefined, { error: 'a decimal string' })
    .transform((value) => toDecimal(value)),
  numericJsonSchema,
);
const reference = /* @__PURE__ */ (() => z.object({ id: z.string(), version: z.string(), fingerprint: z.string() }))();

/** The fields of a stored score but its two line lists, in its order. */
const summaryShape = /* @__PURE__ */ (() => ({
  model: reference,
  bands: reference.nullable(),
  normalisation: z.enum(['ratio', 'minmax']),
  total: decimal,
  grade: z.string().nullable(),
  nextGrade: z.object({ grade: z.string(), points: decimal, edgeInclusive: z.boolean() }).nullable(),
  pointsToNextGrade: decimal.nullable(),
  complete: z.boolean(),
  coverage: decimal,
  bounds: z.object({ lower: decimal, upper: decimal }),
}))();

/**
 * The JSON form of a `ScoreSummary` (a score under `explain: false`, decimals as strings),
 * validated and revived by {@link parseScoreSummary}: {@link scoreResultSchema} without
 * `categories` and `factors`.
 * @category Scorecard
 */
export const scoreSummarySchema = /* @__PURE__ */ (() => z.object(summaryShape))();

/**
 * The JSON form of a `ScoreResult` (decimals as strings), validated and revived by
 * {@link parseScoreResult}.
 * @category Scorecard
 */
export const scoreResultSchema = /* @__PURE__ */ (() =>
  z.object({
    ...summaryShape,
    categories: z.array(
      z.object({
        id: z.string(),
        weight: decimal,
        effectiveWeight: decimal,
        ratingSum: decimal,
        minSum: decimal,
        maxSum: decimal,
        ratio: decimal,
        contribution: decimal,
        maxContribution: decimal,
        coverage: decimal,
      }),
    ),
    factors: z.array(
      z.object({
        id: z.string(),
        categoryId: z.string(),
        raw: z.union([z.string(), z.number(), z.boolean()]).nullable(),
        rating: decimal.nullable(),
        min: decimal,
        max: decimal,
        status: z.enum(['rated', 'clamped', 'imputed', 'excluded']),
        rule: z.string().nullable(),
        contribution: decimal,
        maxContribution: decimal,
        shortfall: decimal,
      }),
    ),
  }))();
