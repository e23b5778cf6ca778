/**
 * `clientele/scoring`: weighted scorecards (the potential-value scorecard of seed 002), grade
 * bands, raw-measure scales, and portfolio scoring.
 * @module
 */
export { defineScorecard, safeDefineScorecard, isScorecard, type ScorecardInput } from './scorecard/defineScorecard.js';
// The light entry's score takes compiled models only (no model checks in a bundle that scores with a
// preset); the root re-exports the forms that also compile JSON on the fly under the same names.
export { scoreCompiled as score, type ScoreArguments, type CompiledScoreArguments } from './scorecard/score.js';
export { safeScoreCompiled as safeScore, type SafeResult } from './scorecard/safeScore.js';
export { parseScoreResult } from './scorecard/parseScoreResult.js';
export { parseScoreSummary } from './scorecard/parseScoreSummary.js';
export { reasons, type Reason, type ReasonsOptions } from './scorecard/reasons.js';
export { nextGrade, type NextGradeMessage, type NextGradeOptions } from './scorecard/nextGrade.js';
export type { MessageOptions } from './scorecard/messages.js';
export { scorePortfolio, type PortfolioScores } from './scorecard/scorePortfolio.js';
export { scoreEach, scoreEachAsync } from './scorecard/scoreEach.js';
export { createScorer } from './scorecard/createScorer.js';
export { scoreColumns, type ColumnScores, type ColumnOptions, type RatingColumns } from './scorecard/scoreColumns.js';
export { scorecardPlan } from './scorecard/scorecardPlan.js';
export type { ScorecardPlan, PlanCategory, PlanFactor, PlanEdge, ScaleRule, SpecialRule } from './scorecard/plan.js';
export type { Rational } from '../shared/rational.js';
export type { PortfolioOptions, ScoredAccount, ScoreOutcome } from './scorecard/batch.js';
export type { ScorecardDefinition, Normalisation } from './scorecard/scorecardSchema.js';
export type {
  Scorecard,
  ScorecardCategory,
  ScorecardFactor,
  NormalisedScorecard,
  ScoreResult,
  ScoreSummary,
  ScoredOf,
  ScoreOptions,
  FactorScore,
  CategoryScore,
  FactorStatus,
  MissingPolicy,
  TypedGradeBands,
  ScoreRatings,
  GradeOf,
  ScoreOptionsOf,
  ScorecardLiteral,
  ScorecardShape,
  FactorIdsOf,
  GradeIdsOf,
  WidenedOnly,
  ScorecardOf,
} from './scorecard/types.js';
export { defineGradeBands, safeDefineGradeBands, isGradeBands, grade } from './grades/index.js';
export type {
  GradeBand,
  GradeBandIdsOf,
  GradeBands,
  GradeBandsLiteral,
  NextGrade,
  NormalisedGradeBands,
} from './grades/index.js';
export type { GradeBandsDefinition } from './grades/gradeBandsSchema.js';
export type { ScaleDefinition } from './scales/scaleSchema.js';
export type { ScaleRow } from './scales/compileScale.js';
export type { IntervalInput, Interval, Edge } from './intervals.js';
export { potentialValueBands, type PotentialValueGrade } from './presets/potentialValueBands.js';
export {
  potentialValueModel,
  type PotentialValueCategoryId,
  type PotentialValueFactorId,
  type PotentialValueRatings,
} from './presets/potentialValueModel.js';
export { keyAccountSelectionModel, type KeyAccountFactorId } from './presets/keyAccountSelectionModel.js';
export { fakeBigAccountModel, type FakeBigAccountFactorId } from './presets/fakeBigAccountModel.js';

// The library's errors, so `instanceof` checks work with this subpath alone.
export { ClienteleError, ValidationError, type Issue } from '../shared/errors.js';
// Rounding a result for display, so a browser bundle that scores needs this subpath alone.
export { roundForDisplay, type DisplayRounding } from '../shared/roundForDisplay.js';
