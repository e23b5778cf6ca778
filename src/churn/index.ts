/**
 * `clientele/churn`: churn early warning (SPEC §3; seeds 000 and 003). Signals derived from an
 * account's history, rules as data evaluated with three-valued logic, alerts with evidence, a
 * diff between runs, and a churn report by cause and industry.
 * @module
 */
export { churnCauses, type ChurnCauseDefinition, type ChurnCauseId } from './churnCauses.js';
export {
  churnConditionSchema,
  churnRuleSchema,
  ruleSetSchema,
  ruleSetLimits,
  conditionOperators,
  churnSeverities,
} from './rules/ruleSetSchema.js';
export type {
  ChurnCondition,
  ChurnLeafCondition,
  ChurnConditionOperator,
  ChurnConditionScalar,
  ChurnTimeWindow,
  ChurnSeverity,
  ChurnLevel,
  ChurnRuleInput,
  ChurnRuleDefinition,
  RuleSetInput,
  RuleSetDefinition,
} from './rules/ruleSetSchema.js';
export { defineRuleSet, safeDefineRuleSet, isRuleSet, type DefineRuleSetOptions } from './rules/defineRuleSet.js';
export type { RuleSet, RuleSetLike, ChurnRule } from './rules/ruleSetModel.js';
export { foldCondition, type ConditionFold, type ConditionPath } from './rules/conditionTree.js';
export { evaluateRules, type ChurnSignalRecord } from './rules/evaluateRules.js';
export type {
  RuleEvaluation,
  RuleAlert,
  UndecidedRule,
  RuleOutcomeBase,
  EvaluateRulesOptions,
} from './rules/evaluateRules.js';
export type { ChurnConditionEvidence } from './rules/explainCondition.js';
export { decideRules, type RuleDecisions, type DecideRulesOptions } from './rules/decideRules.js';
export { decideRulesColumns, type ChurnSignalColumns } from './rules/decideRulesColumns.js';
export { churnSignalCatalogue, type ChurnSignalName } from './signals/churnSignalCatalogue.js';
export type { LifetimeSignalOptions } from './signals/lifetimeSignals.js';
export {
  churnSignalCatalogueSchema,
  churnSignalDeclarationsSchema,
  churnSignalDefinitionSchema,
  churnSignalTypes,
  type ChurnSignalCatalogue,
  type ChurnSignalCatalogueInput,
  type ChurnSignalDeclarations,
  type ChurnSignalDeclarationsInput,
  type ChurnSignalDefinition,
  type ChurnSignalDefinitionInput,
  type ChurnSignalType,
} from './signals/signalCatalogueSchema.js';
export {
  accountHistorySchema,
  complaintSeverities,
  distressKinds,
  type AccountHistory,
} from './signals/accountHistorySchema.js';
export { deriveSignals } from './signals/deriveSignals.js';
export type {
  DeriveSignalsOptions,
  DerivedSignals,
  ChurnSignalReading,
  ChurnSignalValue,
  ChurnContactStandard,
  TierPolicyLike,
} from './signals/deriveSignals.js';
export { defaultChurnRuleSet, defaultChurnRules } from './presets/defaultChurnRuleSet.js';
export {
  evaluateChurnRisk,
  type ChurnAlert,
  type ChurnRiskResult,
  type EvaluateChurnRiskOptions,
} from './evaluateChurnRisk.js';
export { evaluateChurnRiskBatch, type ChurnRiskBatchItem } from './evaluateChurnRiskBatch.js';
export { evaluateChurnRiskEach, evaluateChurnRiskEachAsync, type ChurnRiskOutcome } from './evaluateChurnRiskEach.js';
export {
  parseChurnRiskResult,
  parseChurnRiskBatch,
  churnRiskResultSchema,
  churnRiskBatchSchema,
} from './parseChurnRiskResult.js';
export {
  diffAlerts,
  type AlertDiff,
  type AlertRun,
  type AlertBatchRun,
  type AlertSnooze,
  type KeyedAlert,
  type DiffAlertsOptions,
} from './diffAlerts.js';
export {
  churnReport,
  churnReportAccountSchema,
  type ChurnReport,
  type ChurnReportAccount,
  type ChurnReportOptions,
  type ChurnShare,
  type ChurnCauseLine,
  type ChurnReasonLine,
  type ChurnIndustryLine,
} from './churnReport.js';
export type { RevolvingDoor, RevolvingDoorOptions } from './revolvingDoor.js';

// The library's errors, so `instanceof` checks work with this subpath alone.
export { ClienteleError, ValidationError, type Issue } from '../shared/errors.js';
