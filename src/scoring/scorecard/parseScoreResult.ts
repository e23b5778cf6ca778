import { z } from 'zod';
import { parseWith } from '../../shared/schema.js';
import { toDecimal, tryDecimal } from '../../shared/numeric.js';
import type { ScoreResult } from './types.js';

const decimal = /* @__PURE__ */ z
  .union([z.string(), z.number()])
  .refine((value) => tryDecimal(value) !== undefined, { error: 'a decimal string' })
  .transform((value) => toDecimal(value));
const reference = /* @__PURE__ */ z.object({ id: z.string(), version: z.string(), fingerprint: z.string() });

/**
 * The JSON form of a `ScoreResult` (decimals as strings), validated and revived by
 * {@link parseScoreResult}.
 * @category Scorecard
 */
export const scoreResultSchema = /* @__PURE__ */ z.object({
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
});

/**
 * Reads a stored score back: validates the JSON form of a `ScoreResult` (as `JSON.stringify`
 * wrote it, decimals as strings) and revives every decimal, so
 * `parseScoreResult(JSON.parse(JSON.stringify(result)))` equals `result`.
 *
 * @param json - A parsed JSON value.
 * @throws {ValidationError} naming the path of anything that does not fit.
 * @example
 * ```ts
 * import { parseScoreResult, potentialValueModel, score } from 'clientele';
 * const ratings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.min.toNumber()]));
 * const stored = JSON.stringify(score(potentialValueModel, ratings));
 * parseScoreResult(JSON.parse(stored)).total.toString(); // '13'
 * ```
 * @category Scorecard
 */
export function parseScoreResult(json: unknown): ScoreResult {
  return parseWith(scoreResultSchema, json, 'parseScoreResult') as ScoreResult;
}
