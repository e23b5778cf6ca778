import type { ChartOptions } from './chartOptions.js';
import type { ChurnChartInput } from './churnCauseChart.js';
import { barChart, type BarRow } from './internal/bars.js';
import { levelNames } from './internal/churnText.js';
import { chartContext } from './internal/context.js';
import { rampColour } from './internal/frame.js';
import { niceDomain } from './internal/scale.js';
import { drawChecked } from './internal/input.js';
import { churnResultsSchema } from './internal/schemas.js';

const levels = ['none', 'watch', 'warning', 'critical'] as const;

/**
 * Accounts by churn risk level (none, watch, warning, critical), with each level's share of the
 * portfolio; darker is riskier, readable in greyscale.
 *
 * @example
 * ```ts
 * import { riskLevelChart } from 'clientele/charts';
 * const svg = riskLevelChart([{ level: 'none', alerts: [] }, { level: 'warning', alerts: [] }], { locale: 'zh-CN' });
 * svg.includes('预警'); // true
 * ```
 * @category Charts
 */
export function riskLevelChart(results: ChurnChartInput, options: ChartOptions = {}): string {
  return drawChecked('riskLevelChart', drawRiskLevelChart, [churnResultsSchema, results], [options]);
}

function drawRiskLevelChart(results: ChurnChartInput, options: ChartOptions): string {
  const context = chartContext(options, 260);
  const { theme, t } = context;
  const counts = new Map<string, number>();
  for (const result of results) counts.set(result.level, (counts.get(result.level) ?? 0) + 1);
  const extra = [...counts.keys()].filter((level) => !(levels as readonly string[]).includes(level)).sort();
  const rows: BarRow[] = [...levels, ...extra].map((level, index) => {
    const count = counts.get(level) ?? 0;
    const share = results.length > 0 ? ` (${context.percent(count / results.length, 0)})` : '';
    return {
      label: context.label(levelNames[level], level),
      value: count,
      shown: `${context.number(count, 0)}${share}`,
      colour: rampColour(theme, 0.85 - 0.27 * Math.min(index, 3)),
    };
  });
  return barChart(context, options, 'risk-levels', t('Accounts by churn risk level', '各流失风险等级客户数'), rows, {
    domain: niceDomain(rows.map((row) => row.value)),
    tickText: (value) => (Number.isInteger(value) ? context.number(value, 0) : ''),
    axisTitle: t('Accounts', '客户数'),
  });
}
