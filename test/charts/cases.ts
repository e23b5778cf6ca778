/**
 * Every chart the tests render, with its options: the golden files, the browser checks and the
 * images of docs/charts.md all come from this one list.
 */
import { potentialValueModel } from '../../src/index.js';
import {
  churnCauseChart,
  dimensionMeansChart,
  gainsChart,
  gradeDistributionChart,
  gradeOutcomeChart,
  importancePerformanceChart,
  paretoChart,
  renderReport,
  riskLevelChart,
  scoreWaterfallChart,
  servqualGapChart,
  toHtml,
  valueMatrixChart,
} from '../../src/charts/index.js';
import * as fixtures from './fixtures.js';

/** name → SVG. */
export function chartCases(): Record<string, string> {
  return {
    'value-matrix': valueMatrixChart(fixtures.assessment),
    'value-matrix-zh-dark': valueMatrixChart(fixtures.assessment, { locale: 'zh-CN', theme: 'dark', currency: 'CNY' }),
    pareto: paretoChart(fixtures.curve, { targetShare: 0.8 }),
    'pareto-zh': paretoChart(fixtures.curve, { targetShare: 0.8, locale: 'zh-CN' }),
    'grade-distribution': gradeDistributionChart(fixtures.bands, fixtures.gradeCounts),
    'score-waterfall': scoreWaterfallChart(fixtures.scored, { scorecard: potentialValueModel }),
    'score-waterfall-zh': scoreWaterfallChart(fixtures.scored, { scorecard: potentialValueModel, locale: 'zh-CN' }),
    'importance-performance': importancePerformanceChart(fixtures.ipa),
    'dimension-means-zh': dimensionMeansChart(fixtures.surveyScore, { scale: [1, 5], locale: 'zh-CN' }),
    'servqual-gaps': servqualGapChart(fixtures.gaps),
    'churn-causes': churnCauseChart(fixtures.churnResults),
    'risk-levels-greyscale': riskLevelChart(fixtures.churnResults, { palette: 'greyscale' }),
    gains: gainsChart(fixtures.backtest),
    lift: gainsChart(fixtures.backtest, { kind: 'lift' }),
    'grade-outcomes': gradeOutcomeChart(fixtures.outcomesByGrade),
  };
}

/** The HTML a notebook shows for a result's own Symbol.for('Jupyter.display'). */
const builtInHtml = (value: object): string =>
  (value as Record<symbol, () => Record<string, string>>)[Symbol.for('Jupyter.display')]!.call(value)['text/html']!;

/** name → standalone HTML page or fragment. */
export function htmlCases(): Record<string, string> {
  const report = {
    churn: fixtures.churnResults,
    quality: { survey: fixtures.surveyScore, ipa: fixtures.ipa, servqual: fixtures.gaps },
    tiers: [{ id: 'crystal', labels: { en: 'Crystal', 'zh-CN': '水晶' }, count: 12 }],
    asOf: '2026-11-01',
  };
  return {
    'report-en': renderReport(fixtures.assessment, { ...report, locale: 'en' }),
    'report-zh': renderReport(fixtures.assessment, { ...report, locale: 'zh-CN', currency: 'CNY' }),
    'score-html': toHtml(fixtures.scored),
    // the built-in display of a plain assessPortfolio result (no display() wrapper): chart, then table
    'builtin-display': builtInHtml(fixtures.assessment),
  };
}
