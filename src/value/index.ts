/**
 * `clientele/value`: customer value (historical, current, potential), graders, the value
 * matrix, portfolio analytics (Pareto, concentration, one-call assessment) and tier policies
 * with contact standards (seeds 001, 002, 003).
 * @module
 */
export { historicalValue } from './value/historicalValue.js';
export type { HistoricalValueInput, HistoricalValueResult, RealisedMargin } from './value/historicalValue.js';
export { currentValue } from './value/currentValue.js';
export type { CurrentValueInput, CurrentValueResult } from './value/currentValue.js';
export type { NpvHorizon, NpvTiming, NpvPeriod } from './internal/npv.js';
export { upliftValue } from './value/upliftValue.js';
export type { UpliftInput, UpliftResult, CrossSellOpportunity } from './value/upliftValue.js';
export { potentialValue } from './value/potentialValue.js';
export type { PotentialValueInput, PotentialValueResult } from './value/potentialValue.js';
export {
  defineValueGrader,
  safeDefineValueGrader,
  isValueGrader,
  valueGraderSchema,
} from './value/defineValueGrader.js';
export type { ValueGrader, ValueGraderDefinition, ValueGraderGrade } from './value/defineValueGrader.js';
export { gradeValues } from './value/gradeValues.js';
export type { GradeValuesResult, GradeSummary } from './value/gradeValues.js';
export { abcValueGrader, quantileValueGrader } from './value/valueGraderPresets.js';

export {
  defineValueMatrix,
  safeDefineValueMatrix,
  isValueMatrix,
  valueMatrixSchema,
  valueGrades,
} from './matrix/defineValueMatrix.js';
export type {
  ValueMatrix,
  ValueMatrixDefinition,
  ValueMatrixClass,
  ValueClassification,
  ValueGrade,
  NormalisedValueMatrix,
  ValueMatrixLiteral,
  ValueClassIdsOf,
  ValueSegmentIdsOf,
  ValueMatrixCellsOf,
} from './matrix/defineValueMatrix.js';
export { defaultValueMatrix, strictValueMatrix } from './matrix/defaultValueMatrix.js';
export type { DefaultValueClassId, DefaultValueSegmentId, DefaultValueMatrix } from './matrix/defaultValueMatrix.js';
export { classifyValue } from './matrix/classifyValue.js';

export { pareto } from './portfolio/pareto.js';
export type { ParetoOptions, ParetoResult } from './portfolio/pareto.js';
export { paretoCurve } from './portfolio/paretoCurve.js';
export type { ParetoPoint } from './portfolio/paretoCurve.js';
export { topShare } from './portfolio/topShare.js';
export type { TopShareOptions, TopShareResult } from './portfolio/topShare.js';
export { herfindahlIndex } from './portfolio/herfindahlIndex.js';
export { concentrationRisk } from './portfolio/concentrationRisk.js';
export type {
  ConcentrationOptions,
  ConcentrationResult,
  ConcentrationBand,
  HhiBandEdition,
} from './portfolio/concentrationRisk.js';
export { assessPortfolio, assessPortfolioEach } from './portfolio/assessPortfolio.js';
export { parsePortfolioAssessment, portfolioAssessmentSchema } from './portfolio/parsePortfolioAssessment.js';
export type {
  AssessOutcome,
  AssessPortfolioOptions,
  AssessedAccount,
  ClassSummary,
  PortfolioAccount,
  PortfolioAssessment,
  PortfolioAssessmentStream,
  PortfolioAssessmentSummary,
} from './portfolio/assessTypes.js';
export type { AccountValue } from './internal/values.js';

export {
  defineTierPolicy,
  safeDefineTierPolicy,
  isTierPolicy,
  tierPolicySchema,
  contactPeriodDays,
} from './tiers/defineTierPolicy.js';
export type {
  TierPolicy,
  TierPolicyDefinition,
  TierResult,
  TierContactStandard,
  TierContactFrequency,
  TierContactPeriod,
} from './tiers/defineTierPolicy.js';
export { telecomTierPolicy } from './tiers/telecomTierPolicy.js';
export { contactCompliance } from './tiers/contactCompliance.js';
export type {
  ContactComplianceRecord,
  ContactComplianceCheck,
  ContactComplianceStatus,
  ContactComplianceResult,
  ContactComplianceSummary,
  ContactComplianceReport,
  DueVisitCheck,
} from './tiers/contactCompliance.js';
export { fixKeyAccountList } from './tiers/keyAccountList.js';
export type { KeyAccountList, KeyAccountListEntry } from './tiers/keyAccountList.js';
export { staffingNeed } from './tiers/staffingNeed.js';
export { teamStaffing, defaultTeamTemplates, teamRoleLabels } from './tiers/teamStaffing.js';
export { planAgencyYear } from './tiers/planAgencyYear.js';
export type { AgencyYearAccount, AgencyYearOptions, AgencyYearPlan } from './tiers/planAgencyYear.js';
export type { TeamRole, TeamTemplate, TeamStaffing } from './tiers/teamStaffing.js';
export type { StaffingOptions, StaffingResult } from './tiers/staffingNeed.js';
export { checkTierPolicy } from './tiers/checkTierPolicy.js';
export type { TierInversion, TierInversionKind, TierPolicyCheck } from './tiers/checkTierPolicy.js';

// Probabilistic lifetime value: BG/NBD, Pareto/NBD, Gamma-Gamma, shifted-beta-geometric.
export { summarizeTransactions } from './lifetime/summarizeTransactions.js';
export type {
  CustomerSummary,
  HoldoutSummary,
  SummarizeTransactionsOptions,
  TimeUnit,
  TransactionSummary,
} from './lifetime/summarizeTransactions.js';
export { fitBgNbd } from './lifetime/fitBgNbd.js';
export { fitParetoNbd } from './lifetime/fitParetoNbd.js';
export { fitBgBb } from './lifetime/fitBgBb.js';
export { probabilityAlive } from './lifetime/probabilityAlive.js';
export { expectedPurchases } from './lifetime/expectedPurchases.js';
export { expectedRepeatPurchases } from './lifetime/expectedRepeatPurchases.js';
export { purchaseCountProbability } from './lifetime/purchaseCountProbability.js';
export { fitGammaGamma } from './lifetime/fitGammaGamma.js';
export { expectedAverageSpend } from './lifetime/expectedAverageSpend.js';
export { customerLifetimeValue } from './lifetime/customerLifetimeValue.js';
export type {
  CustomerLifetimeValueOptions,
  CustomerLifetimeValueResult,
  LifetimeValuePeriod,
} from './lifetime/customerLifetimeValue.js';
export { fitShiftedBetaGeometric } from './lifetime/fitShiftedBetaGeometric.js';
export { retentionCurve } from './lifetime/retentionCurve.js';
export type { RetentionPoint } from './lifetime/retentionCurve.js';
export { discountedExpectedResidualTransactions } from './lifetime/discountedExpectedResidualTransactions.js';
export type { ResidualTransactionsOptions } from './lifetime/discountedExpectedResidualTransactions.js';
export { ConvergenceError } from './lifetime/ConvergenceError.js';
export type { PortfolioLifetimeValuation } from './lifetime/internal/portfolioLifetime.js';
export type {
  BgBbModel,
  BgNbdModel,
  FitConvergence,
  FitOptions,
  GammaGammaModel,
  GammaGammaParameters,
  ParetoNbdModel,
  PurchaseHistory,
  ShiftedBetaGeometricModel,
  ShiftedBetaGeometricParameters,
  SpendHistory,
  SpendIndependenceCheck,
  TransactionModel,
  TransactionModelParameters,
} from './lifetime/types.js';

// The library's errors, so `instanceof` checks work with this subpath alone.
export { ClienteleError, ValidationError, type Issue } from '../shared/errors.js';
