import type { ChartOptions } from './chartOptions.js';
import { horizontalBars, type BarRow } from './internal/bars.js';
import { causeNames, levelNames, severities } from './internal/churnText.js';
import { chartContext } from './internal/context.js';
import { rampColour, svgDocument } from './internal/frame.js';
import { niceDomain } from './internal/scale.js';
import { drawChecked } from './internal/input.js';
import { churnResultsSchema } from './internal/schemas.js';

/**
 * What {@link churnCauseChart} and {@link riskLevelChart} read of `evaluateChurnRiskBatch` results:
 * each account's level and its alerts' causes and severities.
 * @category Charts
 */
export type ChurnChartInput = readonly {
  readonly level: string;
  readonly alerts: readonly { readonly cause: string; readonly severity: string }[];
}[];

/**
 * Churn alerts by cause (seed 003's taxonomy: needs unmet, complaints, competitors, relationship,
 * credit, the customer's own business), each bar stacked by severity, most frequent cause first.
 *
 * @example
 * ```ts
 * import { churnCauseChart } from 'clientele/charts';
 * const svg = churnCauseChart([
 *   {
 *     level: 'critical',
 *     alerts: [{ cause: 'competitor', severity: 'critical' }, { cause: 'complaint', severity: 'watch' }],
 *   },
 *   { level: 'none', alerts: [] },
 * ]);
 * svg.includes('Competitor'); // true
 * ```
 * @category Charts
 */
export function churnCauseChart(results: ChurnChartInput, options: ChartOptions = {}): string {
  return drawChecked('churnCauseChart', drawChurnCauseChart, [churnResultsSchema, results], [options]);
}

function drawChurnCauseChart(results: ChurnChartInput, options: ChartOptions): string {
  const counts = new Map<string, Map<string, number>>();
  for (const result of results) {
    for (const alert of result.alerts) {
      const bySeverity = counts.get(alert.cause) ?? new Map<string, number>();
      bySeverity.set(alert.severity, (bySeverity.get(alert.severity) ?? 0) + 1);
      counts.set(alert.cause, bySeverity);
    }
  }
  const context = chartContext(options, 120 + Math.max(1, counts.size) * 34);
  const { theme, t } = context;
  const colour = (severity: string) =>
    rampColour(theme, 0.85 - 0.35 * severities.indexOf(severity as (typeof severities)[number]));
  const rows: BarRow[] = [...counts.entries()]
    .map(([cause, bySeverity]) => {
      const segments = severities
        .filter((severity) => bySeverity.has(severity))
        .map((severity) => ({
          value: bySeverity.get(severity) ?? 0,
          colour: colour(severity),
          name: context.label(levelNames[severity], severity),
        }));
      const total = [...bySeverity.values()].reduce((sum, count) => sum + count, 0);
      return {
        label: context.label(causeNames[cause], cause),
        value: total,
        shown: context.number(total, 0),
        colour: colour('warning'),
        segments,
        cause,
      };
    })
    .sort((a, b) => b.value - a.value || (a.cause < b.cause ? -1 : 1));
  const body = horizontalBars(theme, rows, {
    domain: niceDomain(rows.map((row) => row.value)),
    tickText: (value) => (Number.isInteger(value) ? context.number(value, 0) : ''),
    axisTitle: t('Alerts', '预警数'),
    legend: severities.map((severity) => ({
      name: context.label(levelNames[severity], severity),
      colour: colour(severity),
    })),
  });
  const title = options.title ?? t('Churn alerts by cause', '按原因统计的流失预警');
  const description =
    options.description ??
    (rows.length === 0 ? t('No alerts.', '无预警。') : rows.map((row) => `${row.label}: ${row.shown}`).join('; '));
  return svgDocument(theme, 'churn-causes', title, description, body);
}
