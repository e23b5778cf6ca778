import { z } from 'zod';
import { parseWith } from '../../shared/schema.js';
import {
  storedDecimal,
  storedLabels,
  storedModelRef,
  storedNumber,
  storedRecordError,
} from '../../shared/storedResult.js';
import type { SurveyScore } from './scoreSurvey.js';

const dimensionScore = /* @__PURE__ */ (() =>
  z.object({
    dimension: z.string(),
    labels: storedLabels,
    n: z.number().int().min(0),
    mean: storedDecimal.nullable(),
    sd: storedNumber,
    ci: z.object({ lower: storedNumber, upper: storedNumber, level: z.number() }),
    index: storedDecimal.nullable(),
    topBoxShare: storedDecimal.nullable(),
    bottomBoxShare: storedDecimal.nullable(),
    answers: z.number().int().min(0),
    belowStandard: z.boolean().nullable(),
    reason: z.string().optional(),
  }))();

/**
 * The form of a {@link scoreSurvey} result, live or as `JSON.stringify` wrote it (decimals as
 * strings), validated and revived by {@link parseSurveyScore}.
 * @category Quality
 */
export const surveyScoreSchema = /* @__PURE__ */ (() =>
  z.object({
    instrument: storedModelRef,
    missing: z.union([z.enum(['listwise', 'pairwise']), z.object({ minimumShare: z.string() })]),
    respondents: z.number().int().min(0),
    dimensions: z.array(dimensionScore),
    weakestFirst: z.array(z.string()),
    overall: z.object({
      index: storedDecimal.nullable(),
      weighted: z.boolean(),
      weights: z.record(z.string(), storedDecimal),
      coverage: storedDecimal,
      belowStandard: z.boolean().nullable(),
      n: z.number().int().min(0),
    }),
    standard: storedDecimal,
    errors: z.array(storedRecordError),
  }))();

/**
 * Reads a stored survey score back: validates a {@link scoreSurvey} result, live or its JSON form
 * (decimals as strings), and revives every decimal, so
 * `parseSurveyScore(JSON.parse(JSON.stringify(score)))` equals `score` and serialises to the same text.
 *
 * @param json - A parsed JSON value (or a live result).
 * @throws {ValidationError} naming the path of anything that does not fit.
 * @example
 * ```ts
 * import { parseSurveyScore, scoreSurvey, serviceQualityInstrument } from 'clientele';
 * const all = Object.fromEntries(serviceQualityInstrument.items.map((item) => [item.id, item.reverse ? 2 : 4]));
 * const stored = JSON.stringify(scoreSurvey(serviceQualityInstrument, [{ id: 'a', answers: all }]));
 * parseSurveyScore(JSON.parse(stored)).overall.index?.toString(); // '75'
 * ```
 * @category Quality
 */
export function parseSurveyScore(json: unknown): SurveyScore {
  return parseWith(surveyScoreSchema, json, 'parseSurveyScore') as unknown as SurveyScore;
}
