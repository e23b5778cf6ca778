/**
 * Charts, notebook display and readable numbers: deterministic standalone SVG strings for the
 * library's results (no DOM, no dependency), a rich display for Deno's Jupyter kernel, an HTML
 * report, and an Intl-based formatting layer that rounds for display only.
 *
 * @module
 */
export type { ChartOptions, DecimalText, LocalisedLabels, NumberLike } from './chartOptions.js';
export { formatNumber } from './formatNumber.js';
export type { NumberFormatOptions } from './formatNumber.js';
export { formatPercent } from './formatPercent.js';
export { formatCurrency } from './formatCurrency.js';
export { valueMatrixChart } from './valueMatrixChart.js';
export type { ValueMatrixChartInput } from './valueMatrixChart.js';
export { paretoChart } from './paretoChart.js';
export type { ParetoChartOptions, ParetoChartPoint } from './paretoChart.js';
export { gradeDistributionChart } from './gradeDistributionChart.js';
export type { GradeBandsChartInput } from './gradeDistributionChart.js';
export { scoreWaterfallChart } from './scoreWaterfallChart.js';
export type { ScoreWaterfallInput, ScoreWaterfallOptions } from './scoreWaterfallChart.js';
export { importancePerformanceChart } from './importancePerformanceChart.js';
export type { ImportancePerformanceChartInput } from './importancePerformanceChart.js';
export { dimensionMeansChart } from './dimensionMeansChart.js';
export type { DimensionMeansChartInput, DimensionMeansChartOptions } from './dimensionMeansChart.js';
export { servqualGapChart } from './servqualGapChart.js';
export type { ServqualGapChartInput } from './servqualGapChart.js';
export { churnCauseChart } from './churnCauseChart.js';
export type { ChurnChartInput } from './churnCauseChart.js';
export { riskLevelChart } from './riskLevelChart.js';
export { gainsChart } from './gainsChart.js';
export type { GainsChartInput, GainsChartOptions } from './gainsChart.js';
export { gradeOutcomeChart } from './gradeOutcomeChart.js';
export type { GradeOutcomeChartInput } from './gradeOutcomeChart.js';
export { toHtml } from './toHtml.js';
export { display, mediaBundle, jupyterDisplay } from './display.js';
export type { Displayable, MediaBundle } from './display.js';
export { renderReport } from './renderReport.js';
export type { ReportAssessment, ReportChurnResult, ReportOptions } from './renderReport.js';
