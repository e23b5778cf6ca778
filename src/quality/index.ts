/**
 * `clientele/quality`: service quality along the six dimensions of seed 000 — survey instruments,
 * scoring with explicit missing-answer rules, SERVQUAL gaps, importance–performance analysis,
 * Cronbach's alpha, NPS / CSAT / CES, group and period comparisons, and complaint handling.
 * @module
 */
export {
  instrumentSchema,
  answerScaleSchema,
  instrumentItemSchema,
  instrumentDimensionSchema,
  importanceSchema,
  respondentGroupSchema,
  expectationItemSchema,
} from './instrument/instrumentSchema.js';
export type { InstrumentDefinition, AnswerScaleDefinition } from './instrument/instrumentSchema.js';
export { defineInstrument, safeDefineInstrument, isInstrument } from './instrument/defineInstrument.js';
export type {
  Instrument,
  InstrumentFields,
  InstrumentLiteral,
  InstrumentItem,
  InstrumentDimension,
  InstrumentImportance,
  AnswerScale,
} from './instrument/defineInstrument.js';
export { serviceQualityInstrument, serviceQualityDimensionIds } from './instrument/serviceQualityInstrument.js';
export type { ServiceQualityDimensionId, ServiceQualityGroupId } from './instrument/serviceQualityInstrument.js';
export { prepareSurvey } from './responses/prepareSurvey.js';
export { validateSurveyResponse } from './responses/validateSurveyResponse.js';
export type { ValidatedSurveyResponse } from './responses/validateSurveyResponse.js';
export type { SurveyData, SurveyRespondent, SurveyResponseInput } from './responses/prepareSurvey.js';
export type { SurveyMissingPolicy, RespondentFilter } from './internal/survey.js';
export { scoreSurvey } from './measures/scoreSurvey.js';
export { scoreSurveyStream } from './measures/scoreSurveyStream.js';
export { parseSurveyScore, surveyScoreSchema } from './measures/parseSurveyScore.js';
export type { ScoreSurveyOptions, SurveyScore, DimensionScore, OverallQualityIndex } from './measures/scoreSurvey.js';
export { cronbachAlpha, alphaLimits } from './reliability/cronbachAlpha.js';
export type {
  CronbachAlphaOptions,
  CronbachAlphaResult,
  AlphaItemStatistics,
  AlphaMissingPolicy,
} from './reliability/cronbachAlpha.js';
export { meanConfidenceInterval } from './statistics/meanConfidenceInterval.js';
export type { MeanConfidenceInterval, MeanConfidenceIntervalOptions } from './statistics/meanConfidenceInterval.js';
export { welchMeanDifference } from './statistics/welchMeanDifference.js';
export type { WelchMeanDifference, WelchOptions } from './statistics/welchMeanDifference.js';
export { studentTQuantile } from './statistics/studentTQuantile.js';
export { studentTCdf } from './statistics/studentTCdf.js';
export { fisherFQuantile } from './statistics/fisherFQuantile.js';
export { fisherFCdf } from './statistics/fisherFCdf.js';
export { reverseItemScore } from './instrument/reverseItemScore.js';
export { measureServqualGaps } from './measures/measureServqualGaps.js';
export type { ServqualOptions, ServqualGaps, ItemGap, DimensionGap } from './measures/measureServqualGaps.js';
export { importancePerformanceAnalysis, ipaQuadrantLabels } from './ipa/importancePerformanceAnalysis.js';
export type {
  ImportancePerformanceOptions,
  ImportancePerformanceAnalysis,
  IpaDimension,
  IpaQuadrant,
} from './ipa/importancePerformanceAnalysis.js';
export { surveyReliability } from './reliability/surveyReliability.js';
export type {
  SurveyReliability,
  SurveyReliabilityOptions,
  DimensionReliability,
} from './reliability/surveyReliability.js';
export { netPromoterScore } from './measures/netPromoterScore.js';
export type { NetPromoterScore } from './measures/netPromoterScore.js';
export { customerSatisfactionScore } from './measures/customerSatisfactionScore.js';
export type { CustomerSatisfactionOptions, CustomerSatisfactionScore } from './measures/customerSatisfactionScore.js';
export { customerEffortScore } from './measures/customerEffortScore.js';
export type { CustomerEffortOptions, CustomerEffortScore } from './measures/customerEffortScore.js';
export { compareSurveyGroups } from './measures/compareSurveyGroups.js';
export type {
  CompareSurveyGroupsOptions,
  SurveyGroupComparison,
  DimensionComparison,
} from './measures/compareSurveyGroups.js';
export { measureComplaints } from './complaints/measureComplaints.js';
export type {
  ComplaintInput,
  MeasureComplaintsOptions,
  ComplaintMeasures,
  DurationSummary,
} from './complaints/measureComplaints.js';
export type { ComplaintBreakdown, ComplaintBreakdownLine } from './complaints/complaintBreakdown.js';
export { deriveQualitySignals } from './complaints/deriveQualitySignals.js';
export type { QualitySignalOptions, QualitySignals } from './complaints/deriveQualitySignals.js';

// The library's errors, so `instanceof` checks work with this subpath alone.
export { ClienteleError, ValidationError, type Issue } from '../shared/errors.js';
