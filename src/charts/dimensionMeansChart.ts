import type { ChartOptions, LocalisedLabels, NumberLike } from './chartOptions.js';
import { barChart, dimensionBar, type BarRow } from './internal/bars.js';
import { maxOf } from './internal/scale.js';
import { chartContext } from './internal/context.js';
import { toNumber } from './internal/text.js';
import { drawChecked } from './internal/input.js';
import { dimensionMeansSchema, dimensionOptionsSchema } from './internal/schemas.js';

/**
 * What {@link dimensionMeansChart} reads of `scoreSurvey`: each dimension's mean and confidence
 * interval, and the standard.
 * @category Charts
 */
export interface DimensionMeansChartInput {
  readonly dimensions: readonly {
    readonly dimension: string;
    readonly labels?: LocalisedLabels | undefined;
    readonly mean: NumberLike | null;
    readonly ci: {
      readonly lower: NumberLike | null;
      readonly upper: NumberLike | null;
      readonly level?: number | undefined;
    };
  }[];
  /** The instrument's standard as a 0–100 index (as `scoreSurvey` reports it); drawn on the answer scale when `scale`
   * is given. */
  readonly standard?: NumberLike | undefined;
}

/**
 * Options of {@link dimensionMeansChart}.
 * @category Charts
 */
export interface DimensionMeansChartOptions extends ChartOptions {
  /** Lowest and highest answer of the scale (e.g. `[1, 5]`); default from the data, starting at 0. */
  readonly scale?: readonly [number, number] | undefined;
}

/**
 * The six service-quality dimensions (seed 000: 方便, 沟通与理解, 能力, 态度, 守信, 服务设施) as
 * bars of their mean rating with confidence-interval whiskers (Student t) and the survey's standard
 * (a 0–100 index, placed on the answer scale) as a reference line.
 *
 * @example
 * ```ts
 * import { dimensionMeansChart } from 'clientele/charts';
 * const svg = dimensionMeansChart({
 *   dimensions: [
 *     {
 *       dimension: 'attitude',
 *       labels: { en: 'Attitude', 'zh-CN': '态度' },
 *       mean: 4.1,
 *       ci: { lower: 3.8, upper: 4.4, level: 0.95 },
 *     },
 *   ],
 *   standard: 60,
 * }, { scale: [1, 5], locale: 'zh-CN' });
 * svg.includes('态度'); // true
 * ```
 * @category Charts
 */
export function dimensionMeansChart(score: DimensionMeansChartInput, options: DimensionMeansChartOptions = {}): string {
  return drawChecked(
    'dimensionMeansChart',
    drawDimensionMeansChart,
    [dimensionMeansSchema, score],
    [options, dimensionOptionsSchema],
  );
}

function drawDimensionMeansChart(score: DimensionMeansChartInput, options: DimensionMeansChartOptions): string {
  const context = chartContext(options, 100 + score.dimensions.length * 34);
  const { theme, t } = context;
  const rows: BarRow[] = score.dimensions.map((dimension) => ({
    ...dimensionBar(context, dimension, dimension.mean),
    colour: theme.ramp[2] ?? theme.foreground,
    lower: toNumber(dimension.ci.lower),
    upper: toNumber(dimension.ci.upper),
  }));
  // The standard is a 0–100 index; on the answer scale it sits at min + standard% of the range.
  const index = toNumber(score.standard ?? null);
  const standard =
    index === null || !options.scale ? null : options.scale[0] + (index / 100) * (options.scale[1] - options.scale[0]);
  const highest = maxOf(
    rows.map((row) => row.upper ?? row.value),
    Math.max(standard ?? 0, 1),
  );
  const domain = options.scale
    ? ([Math.min(0, options.scale[0]), options.scale[1]] as const)
    : ([0, Math.ceil(highest)] as const);
  const level = score.dimensions[0]?.ci.level ?? 0.95;
  const title = t('Service quality by dimension', '各维度服务质量');
  return barChart(context, options, 'dimension-means', title, rows, {
    domain,
    tickText: (value) => context.number(value),
    axisTitle: t(
      `Mean rating with ${context.percent(level, 0)} confidence interval`,
      `平均评分及 ${context.percent(level, 0)} 置信区间`,
    ),
    references:
      standard === null || index === null
        ? []
        : [
            {
              value: standard,
              label: `${t('standard', '标准')} ${context.number(index)}/100 = ${context.number(standard)}`,
            },
          ],
  });
}
