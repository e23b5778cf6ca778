/**
 * Under `exactOptionalPropertyTypes` a consumer may pass `{ key: undefined }` for any optional
 * setting of the charts: each is read as absent, so the drawing is the one without it.
 */
import { describe, expect, it } from 'vitest';
import { potentialValueModel } from '../../src/index.js';
import * as charts from '../../src/charts/index.js';
import { unset } from '../support/explicitUndefined.js';
import * as fixtures from './fixtures.js';

const chartKeys = [
  'width',
  'height',
  'locale',
  'digits',
  'percentDigits',
  'currency',
  'theme',
  'palette',
  'title',
  'description',
];
const chart = unset(...chartKeys);

describe('chart settings given as undefined are absent', () => {
  it('every chart draws as without the settings', () => {
    expect(charts.valueMatrixChart(fixtures.assessment, chart)).toBe(charts.valueMatrixChart(fixtures.assessment));
    expect(charts.paretoChart(fixtures.curve, { ...chart, targetShare: undefined })).toBe(
      charts.paretoChart(fixtures.curve),
    );
    expect(charts.gradeDistributionChart(fixtures.bands, fixtures.gradeCounts, chart)).toBe(
      charts.gradeDistributionChart(fixtures.bands, fixtures.gradeCounts),
    );
    expect(charts.gradeDistributionChart({ ...fixtures.bands, domain: undefined }, fixtures.gradeCounts)).toBe(
      charts.gradeDistributionChart(fixtures.bands, fixtures.gradeCounts),
    );
    expect(charts.scoreWaterfallChart(fixtures.scored, { ...chart, scorecard: undefined })).toBe(
      charts.scoreWaterfallChart(fixtures.scored),
    );
    expect(charts.scoreWaterfallChart(fixtures.scored, { ...chart, scorecard: potentialValueModel })).toBe(
      charts.scoreWaterfallChart(fixtures.scored, { scorecard: potentialValueModel }),
    );
    expect(charts.importancePerformanceChart(fixtures.ipa, chart)).toBe(
      charts.importancePerformanceChart(fixtures.ipa),
    );
    expect(charts.dimensionMeansChart(fixtures.surveyScore, { ...chart, scale: undefined })).toBe(
      charts.dimensionMeansChart(fixtures.surveyScore),
    );
    expect(charts.servqualGapChart(fixtures.gaps, chart)).toBe(charts.servqualGapChart(fixtures.gaps));
    expect(charts.churnCauseChart(fixtures.churnResults, chart)).toBe(charts.churnCauseChart(fixtures.churnResults));
    expect(charts.riskLevelChart(fixtures.churnResults, chart)).toBe(charts.riskLevelChart(fixtures.churnResults));
    expect(charts.gainsChart(fixtures.backtest, { ...chart, kind: undefined })).toBe(
      charts.gainsChart(fixtures.backtest),
    );
    expect(charts.gradeOutcomeChart(fixtures.outcomesByGrade, chart)).toBe(
      charts.gradeOutcomeChart(fixtures.outcomesByGrade),
    );
  });

  it('renderReport reads every report setting given as undefined as absent', () => {
    const report = unset(
      ...chartKeys.filter((key) => !['width', 'height', 'title', 'description'].includes(key)),
      'title',
      'asOf',
      'tiers',
      'churn',
      'quality',
      'maxAlerts',
    );
    expect(charts.renderReport(fixtures.assessment, report)).toBe(charts.renderReport(fixtures.assessment));
    const quality = { survey: undefined, ipa: undefined, servqual: undefined };
    expect(charts.renderReport(fixtures.assessment, { quality })).toBe(
      charts.renderReport(fixtures.assessment, { quality: {} }),
    );
    const tiers = [{ id: 'crystal', labels: undefined, count: 12, value: undefined }];
    expect(charts.renderReport(fixtures.assessment, { tiers })).toBe(
      charts.renderReport(fixtures.assessment, { tiers: [{ id: 'crystal', count: 12 }] }),
    );
    const churn = fixtures.churnResults.map((result) => ({
      ...result,
      alerts: result.alerts.map((alert) => ({ ...alert, message: undefined, evidence: undefined })),
    }));
    const without = fixtures.churnResults.map((result) => ({
      ...result,
      alerts: result.alerts.map(({ message: _message, evidence: _evidence, ...alert }) => alert),
    }));
    expect(charts.renderReport(fixtures.assessment, { churn })).toBe(
      charts.renderReport(fixtures.assessment, { churn: without }),
    );
  });
});
