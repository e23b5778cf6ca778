/**
 * `clientele/quality`: service quality along the six dimensions of seed 000 — survey instruments,
 * scoring with explicit missing-answer rules, SERVQUAL gaps, importance–performance analysis,
 * Cronbach's alpha, NPS / CSAT / CES, group and period comparisons, and complaint handling.
 * @module
 */
export { instrumentSchema, answerScaleSchema, instrumentItemSchema, instrumentDimensionSchema, importanceSchema, respondentGroupSchema, expectationItemSchema } from './instrument/instrumentSchema.js';
export type { InstrumentDefinition, AnswerScaleDefinition } from './instrument/instrumentSchema.js';
export { defineInstrument } from './instrument/defineInstrument.js';
export type { Instrument, InstrumentItem, InstrumentDimension, InstrumentImportance, AnswerScale } from './instrument/defineInstrument.js';
export { serviceQualityInstrument, serviceQualityDimensionIds } from './instrument/serviceQualityInstrument.js';
export type { ServiceQualityDimensionId, ServiceQualityGroupId } from './instrument/serviceQualityInstrument.js';
export { prepareSurvey } from './responses/prepareSurvey.js';
export type { SurveyData, SurveyRespondent, SurveyResponseInput } from './responses/prepareSurvey.js';
export type { SurveyMissingPolicy, RespondentFilter } from './internal/survey.js';
export { scoreSurvey } from './measures/scoreSurvey.js';
export type { ScoreSurveyOptions, SurveyScore, DimensionScore, OverallQualityIndex } from './measures/scoreSurvey.js';
export { cronbachAlpha } from './reliability/cronbachAlpha.js';
export type { CronbachAlphaOptions, CronbachAlphaResult, AlphaItemStatistics, AlphaMissingPolicy } from './reliability/cronbachAlpha.js';
export { meanConfidenceInterval } from './statistics/meanConfidenceInterval.js';
export type { MeanConfidenceInterval, MeanConfidenceIntervalOptions } from './statistics/meanConfidenceInterval.js';
export { welchMeanDifference } from './statistics/welchMeanDifference.js';
export type { WelchMeanDifference, WelchOptions } from './statistics/welchMeanDifference.js';
export { studentTQuantile } from './statistics/studentTQuantile.js';
export { studentTCdf } from './statistics/studentTCdf.js';
export { fisherFQuantile } from './statistics/fisherFQuantile.js';
export { fisherFCdf } from './statistics/fisherFCdf.js';
