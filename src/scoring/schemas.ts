/**
 * The zod schemas of the scoring models, for JSON Schema generation and composition. Exported from
 * the root `clientele` only: `clientele/scoring` validates with hand-written checks that give the
 * same issues (see `shared/check.ts`), so loading it never loads zod.
 * @module
 */
export { scorecardSchema, categorySchema, factorSchema, normalisationSchema } from './scorecard/scorecardSchema.js';
export { gradeBandsSchema, gradeBandSchema } from './grades/gradeBandsSchema.js';
export {
  scaleSchema,
  bandScaleSchema,
  linearScaleSchema,
  categoricalScaleSchema,
  booleanScaleSchema,
  specialValueSchema,
} from './scales/scaleSchema.js';
export { intervalSchema } from './intervalSchema.js';
export { scoreResultSchema, scoreSummarySchema } from './scorecard/scoreResultSchema.js';
