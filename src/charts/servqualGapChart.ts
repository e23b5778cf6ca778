import type { ChartOptions, LocalisedLabels, NumberLike } from './chartOptions.js';
import { barChart, dimensionBar, type BarRow } from './internal/bars.js';
import { chartContext } from './internal/context.js';
import { niceDomain } from './internal/scale.js';
import { drawChecked } from './internal/input.js';
import { servqualGapsSchema } from './internal/schemas.js';

/**
 * What {@link servqualGapChart} reads of `measureServqualGaps`: each dimension's gap.
 * @category Charts
 */
export interface ServqualGapChartInput {
  readonly dimensions: readonly {
    readonly dimension: string;
    readonly labels?: LocalisedLabels | undefined;
    readonly gap: NumberLike | null;
  }[];
}

/**
 * SERVQUAL gaps (Parasuraman, Zeithaml & Berry 1988): perception minus expectation per dimension,
 * as bars diverging from zero; negative bars (service below expectation) in the dark end of the
 * palette, so they stand out in colour and in greyscale alike.
 *
 * @example
 * ```ts
 * import { servqualGapChart } from 'clientele/charts';
 * const svg = servqualGapChart({ dimensions: [
 *   { dimension: 'reliability', labels: { en: 'Reliability', 'zh-CN': '守信' }, gap: -0.8 },
 *   { dimension: 'attitude', labels: { en: 'Attitude', 'zh-CN': '态度' }, gap: 0.2 },
 * ] });
 * svg.includes('-0.8'); // true
 * ```
 * @category Charts
 */
export function servqualGapChart(gaps: ServqualGapChartInput, options: ChartOptions = {}): string {
  return drawChecked('servqualGapChart', drawServqualGapChart, [servqualGapsSchema, gaps], [options]);
}

function drawServqualGapChart(gaps: ServqualGapChartInput, options: ChartOptions): string {
  const context = chartContext(options, 100 + gaps.dimensions.length * 34);
  const { theme, t } = context;
  const rows: BarRow[] = gaps.dimensions.map((dimension) => {
    const bar = dimensionBar(context, dimension, dimension.gap);
    const colour = bar.value < 0 ? theme.ramp[0] : theme.ramp[theme.ramp.length - 3];
    return { ...bar, colour: colour ?? theme.foreground };
  });
  return barChart(context, options, 'servqual-gaps', t('SERVQUAL gaps by dimension', '各维度 SERVQUAL 差距'), rows, {
    domain: niceDomain(rows.map((row) => row.value)),
    tickText: (value) => context.number(value),
    axisTitle: t(
      'Gap = perception − expectation (below 0: service falls short)',
      '差距 = 感知 − 期望（小于 0：服务未达期望）',
    ),
  });
}
