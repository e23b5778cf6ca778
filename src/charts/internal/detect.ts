import type { ChartOptions } from '../chartOptions.js';
import { churnCauseChart } from '../churnCauseChart.js';
import { dimensionMeansChart } from '../dimensionMeansChart.js';
import { gainsChart } from '../gainsChart.js';
import { useChartDrawer } from '../../shared/display.js';
import { readInput } from '../../shared/input.js';
import { readChartInput } from './input.js';
import { churnResultsSchema } from './schemas.js';
import { gradeOutcomeChart } from '../gradeOutcomeChart.js';
import { importancePerformanceChart } from '../importancePerformanceChart.js';
import { paretoChart } from '../paretoChart.js';
import { riskLevelChart } from '../riskLevelChart.js';
import { scoreWaterfallChart } from '../scoreWaterfallChart.js';
import { servqualGapChart } from '../servqualGapChart.js';
import { valueMatrixChart } from '../valueMatrixChart.js';

type Shape = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Shape => typeof value === 'object' && value !== null;
const has = (value: unknown, ...keys: string[]): value is Shape => isObject(value) && keys.every((key) => key in value);

/** The kind of library result a value looks like, by its fields (results are plain data). */
export type ResultKind =
  | 'portfolio-assessment'
  | 'pareto-curve'
  | 'score'
  | 'importance-performance'
  | 'survey-score'
  | 'servqual-gaps'
  | 'churn-batch'
  | 'churn-risk'
  | 'discrimination'
  | 'grade-outcomes'
  | 'model'
  | 'value';

/** Recognises a result by its shape. */
export function resultKind(value: unknown): ResultKind {
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (has(first, 'cumulativeShare', 'accountShare')) return 'pareto-curve';
    if (has(first, 'level', 'alerts')) return 'churn-batch';
    return 'value';
  }
  if (!isObject(value)) return 'value';
  if (has(value, 'results', 'summary') && has(value['summary'], 'byClass')) return 'portfolio-assessment';
  if (has(value, 'total', 'points') && Array.isArray(value['points'])) return 'pareto-curve';
  if (has(value, 'results', 'errors') && Array.isArray(value['results']) && has(value['results'][0], 'level', 'alerts'))
    return 'churn-batch';
  if (has(value, 'total', 'factors', 'categories')) return 'score';
  if (has(value, 'crosshair', 'dimensions', 'quadrants')) return 'importance-performance';
  if (has(value, 'dimensions', 'items', 'weakestFirst')) return 'servqual-gaps';
  if (has(value, 'dimensions', 'overall', 'weakestFirst')) return 'survey-score';
  if (has(value, 'alerts', 'level', 'risk')) return 'churn-risk';
  if (has(value, 'gains', 'auc')) return 'discrimination';
  if (has(value, 'rows', 'monotonic')) return 'grade-outcomes';
  if (has(value, 'kind', 'id', 'version', 'fingerprint')) return 'model';
  return 'value';
}

/**
 * The chart that shows a result best, or null when it has none. `value` is a snapshot (read by the
 * boundary reader); a value shaped like a result but missing what its chart reads is a
 * `ValidationError` from that chart.
 */
export function chartFor(value: unknown, options: ChartOptions, context: string): string | null {
  const kind = resultKind(value);
  const shape = value as never;
  switch (kind) {
    case 'portfolio-assessment':
      return valueMatrixChart(shape, options);
    case 'pareto-curve':
      return paretoChart(shape, options);
    case 'score':
      return scoreWaterfallChart(shape, options);
    case 'importance-performance':
      return importancePerformanceChart(shape, options);
    case 'survey-score':
      return dimensionMeansChart(shape, options);
    case 'servqual-gaps':
      return servqualGapChart(shape, options);
    case 'churn-batch': {
      const list = Array.isArray(value) ? value : (value as Shape)['results'];
      const results = readChartInput(churnResultsSchema, list, context, Array.isArray(value) ? '' : 'results');
      return results.some((result) => result.alerts.length > 0)
        ? churnCauseChart(results, options)
        : riskLevelChart(results, options);
    }
    case 'churn-risk': {
      const result = readChartInput(churnResultsSchema, [value], context, '')[0];
      return result !== undefined && result.alerts.length > 0 ? churnCauseChart([result], options) : null;
    }
    case 'discrimination':
      return gainsChart(shape, options);
    case 'grade-outcomes':
      return gradeOutcomeChart(shape, options);
    default:
      return null;
  }
}

// The built-in display of results (src/shared/display.ts) draws their chart, with the default
// options, from the moment this module is loaded: a module-level call rather than a side-effect-only
// import, so a bundler that honours `"sideEffects": false` keeps it wherever chartFor is kept.
useChartDrawer((value) => chartFor(readInput(value, '', 'display'), {}, 'display'));
