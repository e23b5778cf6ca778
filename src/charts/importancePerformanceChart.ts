import type { ChartOptions, LocalisedLabels, NumberLike } from './chartOptions.js';
import { chartContext, type ChartContext } from './internal/context.js';
import { drawChecked } from './internal/input.js';
import { importancePerformanceSchema } from './internal/schemas.js';
import { line, svgDocument, text, type Theme } from './internal/frame.js';
import { axisTitles, plotArea, xTickLabel, yTickLabel, type Plot } from './internal/plot.js';
import { maxOf, niceTicks } from './internal/scale.js';
import { fitText, px, toNumber } from './internal/text.js';

/**
 * What {@link importancePerformanceChart} reads of `importancePerformanceAnalysis`: the crosshair
 * and each dimension's importance and performance.
 * @category Charts
 */
export interface ImportancePerformanceChartInput {
  readonly crosshair: { readonly importance: NumberLike; readonly performance: NumberLike };
  readonly dimensions: readonly {
    readonly dimension: string;
    readonly labels?: LocalisedLabels | undefined;
    readonly importance: NumberLike;
    readonly performance: NumberLike | null;
  }[];
}

/**
 * Importance–performance analysis as a quadrant scatter (Martilla & James 1977): performance
 * across, importance up, the crosshair dividing "concentrate here", "keep up the good work",
 * "low priority" and "possible overkill"; one labelled point per service dimension (seed 000's six).
 *
 * @example
 * ```ts
 * import { importancePerformanceChart } from 'clientele/charts';
 * const svg = importancePerformanceChart({
 *   crosshair: { importance: 0.5, performance: 3.5 },
 *   dimensions: [
 *     { dimension: 'reliability', labels: { en: 'Reliability', 'zh-CN': '守信' }, importance: 0.7, performance: 3.1 },
 *     { dimension: 'facilities', labels: { en: 'Facilities', 'zh-CN': '服务设施' }, importance: 0.3, performance: 4.2 },
 *   ],
 * });
 * svg.includes('守信'); // false: English by default
 * ```
 * @category Charts
 */
export function importancePerformanceChart(
  analysis: ImportancePerformanceChartInput,
  options: ChartOptions = {},
): string {
  return drawChecked(
    'importancePerformanceChart',
    drawImportancePerformance,
    [importancePerformanceSchema, analysis],
    [options],
  );
}

/** One dimension placed on the chart. */
interface Point {
  readonly name: string;
  readonly importance: number;
  readonly performance: number;
}

function drawImportancePerformance(analysis: ImportancePerformanceChartInput, options: ChartOptions): string {
  const context = chartContext(options, 440);
  const { theme, t } = context;
  const points = analysis.dimensions
    .map((dimension) => ({
      name: context.label(dimension.labels, dimension.dimension),
      importance: toNumber(dimension.importance),
      performance: toNumber(dimension.performance),
    }))
    .filter((point): point is Point => point.importance !== null && point.performance !== null);
  const crossI = toNumber(analysis.crosshair.importance) ?? 0;
  const crossP = toNumber(analysis.crosshair.performance) ?? 0;
  const plot = plotArea(
    theme,
    spread(
      points.map((point) => point.performance),
      crossP,
    ),
    spread(
      points.map((point) => point.importance),
      crossI,
    ),
  );
  const { left, right, top, bottom, x, y, xDomain, yDomain } = plot;
  const crosshair = ` stroke-width="1.5" stroke-dasharray="6 3"`;
  const body = [
    ...niceTicks(xDomain[0], xDomain[1]).map((tick) => xTickLabel(theme, plot, tick, context.number(tick))),
    ...niceTicks(yDomain[0], yDomain[1]).map((tick) => yTickLabel(theme, plot, tick, context.number(tick))),
    `<rect x="${left}" y="${top}" width="${px(right - left)}" height="${px(bottom - top)}" fill="none" ` +
      `stroke="${theme.grid}"/>`,
    line(x(crossP), top, x(crossP), bottom, theme.accent, crosshair),
    line(left, y(crossI), right, y(crossI), theme.accent, crosshair),
    ...quadrantNames(context, plot),
    ...points.flatMap((point) => dimensionPoint(theme, plot, point)),
    ...axisTitles(theme, plot, t('Performance (mean rating)', '表现（平均评分）'), t('Importance', '重要性')),
  ];
  const title = options.title ?? t('Importance–performance analysis', '重要性—表现分析');
  const description =
    options.description ??
    points
      .map(
        (point) =>
          `${point.name}: ${t('importance', '重要性')} ${context.number(point.importance)}, ` +
          `${t('performance', '表现')} ${context.number(point.performance)}`,
      )
      .join('; ');
  return svgDocument(theme, 'importance-performance', title, description, body);
}

/** A domain centred on the crosshair that holds every value, with a quarter to spare. */
function spread(values: readonly number[], centre: number): [number, number] {
  const reach =
    maxOf(
      values.map((value) => Math.abs(value - centre)),
      Math.max(Math.abs(centre) * 0.05, 1e-6),
    ) * 1.25;
  return [centre - reach, centre + reach];
}

/** The four quadrants' advice, in their corners. */
function quadrantNames({ theme, t }: ChartContext, { left, right, top, bottom }: Plot): string[] {
  const quadrant = (label: string, qx: number, qy: number, anchor: 'start' | 'end') =>
    text(qx, qy, fitText(label, (right - left) / 2 - 12, 11), {
      fill: theme.muted,
      'font-size': 11,
      'font-style': 'italic',
      'text-anchor': anchor,
    });
  return [
    quadrant(t('Concentrate here', '重点改进'), left + 6, top + 16, 'start'),
    quadrant(t('Keep up the good work', '继续保持'), right - 6, top + 16, 'end'),
    quadrant(t('Low priority', '次要改进'), left + 6, bottom - 8, 'start'),
    quadrant(t('Possible overkill', '可能过度'), right - 6, bottom - 8, 'end'),
  ];
}

/** A dimension's dot and its name, on the side facing the centre. */
function dimensionPoint(theme: Theme, { left, right, x, y }: Plot, point: Point): string[] {
  const [px0, py0] = [x(point.performance), y(point.importance)];
  const anchorRight = px0 > (left + right) / 2;
  return [
    `<circle cx="${px(px0)}" cy="${px(py0)}" r="5" fill="${theme.ramp[1] ?? theme.foreground}" ` +
      `stroke="${theme.background}" stroke-width="1.5"/>`,
    text(px0 + (anchorRight ? -8 : 8), py0 - 6, fitText(point.name, (right - left) / 2 - 16, 11), {
      fill: theme.foreground,
      'font-size': 11,
      'text-anchor': anchorRight ? 'end' : 'start',
    }),
  ];
}
