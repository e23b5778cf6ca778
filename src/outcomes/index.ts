/**
 * `clientele/outcomes`: proving the models against what happened — calibration by grade,
 * discrimination (AUC, Gini, KS, gains), population and characteristic stability, rule
 * backtests, score history ("why did my score change") and manual overrides.
 * @module
 */
export {
  gradeOutcomes,
  type GradeOutcomesOptions,
  type GradeOutcomesResult,
  type GradeOutcomeRow,
} from './gradeOutcomes.js';
export {
  discrimination,
  type DiscriminationOptions,
  type DiscriminationResult,
  type GainsRow,
} from './discrimination.js';
export {
  populationStability,
  type PopulationStabilityOptions,
  type PopulationStabilityResult,
  type StabilityBin,
  type StabilityBins,
  type StabilityReading,
} from './populationStability.js';
export {
  characteristicStability,
  type CharacteristicStabilityResult,
  type FactorStability,
} from './characteristicStability.js';
export {
  backtestRules,
  type AccountOutcome,
  type BacktestOptions,
  type BacktestMetrics,
  type BacktestResult,
} from './backtestRules.js';
export { compareBacktests, type BacktestComparison } from './compareBacktests.js';
export { parseBacktestResult, backtestResultSchema } from './parseBacktestResult.js';
export { compareScores, type CompareScoresOptions, type ScoreComparison, type FactorChange } from './compareScores.js';
export { overrideScore, type ScoreOverride, type OverriddenScore } from './overrideScore.js';

// The library's errors, so `instanceof` checks work with this subpath alone.
export { ClienteleError, ValidationError, type Issue } from '../shared/errors.js';
