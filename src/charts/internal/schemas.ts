/**
 * The shape each chart reads of its data, as zod schemas: loose objects (a result's other fields
 * pass through), checked only where the drawing reads. A live result, its JSON form, or any value
 * shaped like one passes.
 *
 * @module
 */
import { z } from 'zod';
import { chartOptionsShape, finiteNumber, labelsSchema, localeSchema, nullableNumber, numberLike } from './input.js';

/** Churn results as `churnCauseChart` and `riskLevelChart` read them. */
export const churnResultsSchema = /* @__PURE__ */ (() =>
  z.array(
    z.looseObject({
      level: z.string(),
      accountId: z.string().optional(),
      alerts: z.array(
        z.looseObject({
          cause: z.string(),
          severity: z.string(),
          ruleId: z.string().optional(),
          message: labelsSchema.optional(),
          evidence: z
            .array(
              z.looseObject({
                signal: z.string(),
                op: z.string(),
                outcome: z.string(),
              }),
            )
            .optional(),
        }),
      ),
    }),
  ))();

/** A `scoreSurvey` result as `dimensionMeansChart` reads it. */
export const dimensionMeansSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    dimensions: z.array(
      z.looseObject({
        dimension: z.string(),
        labels: labelsSchema.optional(),
        mean: nullableNumber,
        ci: z.looseObject({
          lower: nullableNumber,
          upper: nullableNumber,
          level: finiteNumber.min(0).max(1).optional(),
        }),
      }),
    ),
    standard: numberLike.optional(),
  }))();

/** A `measureServqualGaps` result as `servqualGapChart` reads it. */
export const servqualGapsSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    dimensions: z.array(z.looseObject({ dimension: z.string(), labels: labelsSchema.optional(), gap: nullableNumber })),
  }))();

/** An `importancePerformanceAnalysis` result as `importancePerformanceChart` reads it. */
export const importancePerformanceSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    crosshair: z.looseObject({ importance: numberLike, performance: numberLike }),
    dimensions: z.array(
      z.looseObject({
        dimension: z.string(),
        labels: labelsSchema.optional(),
        importance: numberLike,
        performance: nullableNumber,
      }),
    ),
  }))();

/** A `discrimination` result as `gainsChart` reads it. */
export const gainsSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    n: finiteNumber,
    auc: numberLike.optional(),
    gains: z.array(z.looseObject({ cumulativeCount: finiteNumber, capture: numberLike, cumulativeLift: numberLike })),
  }))();

/** A `gradeOutcomes` result as `gradeOutcomeChart` reads it. */
export const gradeOutcomesSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    rate: numberLike,
    rows: z.array(
      z.looseObject({
        grade: z.string(),
        count: finiteNumber,
        events: finiteNumber,
        rate: numberLike,
        interval: z.looseObject({ lower: finiteNumber, upper: finiteNumber }),
      }),
    ),
  }))();

const edgeSchema = /* @__PURE__ */ (() => z.looseObject({ value: numberLike, inclusive: z.boolean() }).nullable())();

/** Grade bands as `gradeDistributionChart` reads them. */
export const gradeBandsSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    domain: z
      .looseObject({
        lower: z.looseObject({ value: numberLike }).nullable(),
        upper: z.looseObject({ value: numberLike }).nullable(),
      })
      .optional(),
    bands: z.array(
      z.looseObject({
        id: z.string(),
        labels: labelsSchema.optional(),
        interval: z.looseObject({ lower: edgeSchema, upper: edgeSchema, text: z.string() }),
      }),
    ),
  }))();

/** Counts per grade id. */
export const gradeCountsSchema = /* @__PURE__ */ (() => z.record(z.string(), finiteNumber))();

/** A `score` result as `scoreWaterfallChart` reads it. */
export const scoreSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    total: numberLike,
    grade: z.string().nullable(),
    pointsToNextGrade: nullableNumber.optional(),
    nextGrade: z.looseObject({ grade: z.string() }).nullable().optional(),
    factors: z.array(z.looseObject({ id: z.string(), contribution: numberLike, maxContribution: numberLike })),
  }))();

/** `scoreWaterfallChart`'s options: a scorecard (or its factors' labels) besides the chart options. */
export const scoreOptionsSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    ...chartOptionsShape,
    scorecard: z
      .looseObject({ factors: z.array(z.looseObject({ id: z.string(), labels: labelsSchema.optional() })) })
      .optional(),
  }))();

/** A portfolio assessment as `valueMatrixChart` reads it. */
export const valueMatrixSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    results: z.array(
      z.looseObject({
        current: z.looseObject({ grade: z.string(), value: numberLike }),
        potential: z.looseObject({ grade: z.string() }),
        customerClass: z.string(),
      }),
    ),
  }))();

/** A Pareto curve (the result or its points) as `paretoChart` reads it. */
const paretoPoint = /* @__PURE__ */ (() => z.looseObject({ accountShare: numberLike, cumulativeShare: numberLike }))();
export const paretoSchema = /* @__PURE__ */ (() =>
  z.union([z.array(paretoPoint), z.looseObject({ points: z.array(paretoPoint) })]))();

/** `paretoChart`'s options. */
export const paretoOptionsSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    ...chartOptionsShape,
    targetShare: numberLike.optional(),
  }))();

/** `dimensionMeansChart`'s options. */
export const dimensionOptionsSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    ...chartOptionsShape,
    scale: z.tuple([finiteNumber, finiteNumber]).optional(),
  }))();

/** `gainsChart`'s options. */
export const gainsOptionsSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    ...chartOptionsShape,
    kind: z.enum(['gains', 'lift']).optional(),
  }))();

/** A portfolio assessment as `renderReport` reads it (the value matrix plus its summary). */
export const reportAssessmentSchema = /* @__PURE__ */ (() =>
  valueMatrixSchema.extend({
    summary: z.looseObject({
      accounts: finiteNumber,
      failed: finiteNumber,
      totalValue: numberLike,
      byClass: z.array(
        z.looseObject({
          customerClass: z.string(),
          labels: labelsSchema,
          count: finiteNumber,
          accountShare: numberLike,
          value: numberLike,
          valueShare: numberLike,
        }),
      ),
      pareto: z.looseObject({ targetShare: numberLike }).nullable().optional(),
    }),
  }))();

/** `renderReport`'s options. */
export const reportOptionsSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    ...chartOptionsShape,
    locale: localeSchema.optional(),
    asOf: z.string().optional(),
    tiers: z
      .array(
        z.looseObject({
          id: z.string(),
          labels: labelsSchema.optional(),
          count: finiteNumber,
          value: numberLike.optional(),
        }),
      )
      .optional(),
    churn: churnResultsSchema.optional(),
    quality: z
      .looseObject({
        survey: dimensionMeansSchema.optional(),
        ipa: importancePerformanceSchema.optional(),
        servqual: servqualGapsSchema.optional(),
      })
      .optional(),
    maxAlerts: z.number().int().min(0).optional(),
  }))();
