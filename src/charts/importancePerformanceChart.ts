import type { ChartOptions, LocalisedLabels, NumberLike } from './chartOptions.js';
import { chartContext } from './internal/context.js';
import { readChartInput, readChartOptions } from './internal/input.js';
import { importancePerformanceSchema } from './internal/schemas.js';
import { line, svgDocument, text } from './internal/frame.js';
import { linear, maxOf, niceTicks } from './internal/scale.js';
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
    readonly labels?: LocalisedLabels;
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
  return drawImportancePerformance(
    readChartInput(
      importancePerformanceSchema,
      analysis,
      'importancePerformanceChart',
    ) as ImportancePerformanceChartInput,
    readChartOptions(options, 'importancePerformanceChart') as ChartOptions,
  );
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
    .filter(
      (point): point is { name: string; importance: number; performance: number } =>
        point.importance !== null && point.performance !== null,
    );
  const crossI = toNumber(analysis.crosshair.importance) ?? 0;
  const crossP = toNumber(analysis.crosshair.performance) ?? 0;
  const spread = (values: number[], centre: number): [number, number] => {
    const reach =
      maxOf(
        values.map((value) => Math.abs(value - centre)),
        Math.max(Math.abs(centre) * 0.05, 1e-6),
      ) * 1.25;
    return [centre - reach, centre + reach];
  };
  const xDomain = spread(
    points.map((point) => point.performance),
    crossP,
  );
  const yDomain = spread(
    points.map((point) => point.importance),
    crossI,
  );
  const [left, right, top, bottom] = [64, theme.width - 24, 44, theme.height - 48];
  const x = linear(xDomain, [left, right]);
  const y = linear(yDomain, [bottom, top]);
  const body: string[] = [];
  for (const tick of niceTicks(xDomain[0], xDomain[1]))
    body.push(
      text(x(tick), bottom + 14, context.number(tick), { fill: theme.muted, 'font-size': 10, 'text-anchor': 'middle' }),
    );
  for (const tick of niceTicks(yDomain[0], yDomain[1]))
    body.push(
      text(left - 6, y(tick) + 3, context.number(tick), { fill: theme.muted, 'font-size': 10, 'text-anchor': 'end' }),
    );
  body.push(
    `<rect x="${left}" y="${top}" width="${px(right - left)}" height="${px(bottom - top)}" fill="none" ` +
      `stroke="${theme.grid}"/>`,
  );
  body.push(
    line(x(crossP), top, x(crossP), bottom, theme.accent, ` stroke-width="1.5" stroke-dasharray="6 3"`),
    line(left, y(crossI), right, y(crossI), theme.accent, ` stroke-width="1.5" stroke-dasharray="6 3"`),
  );
  const quadrant = (label: string, qx: number, qy: number, anchor: 'start' | 'end') =>
    text(qx, qy, fitText(label, (right - left) / 2 - 12, 11), {
      fill: theme.muted,
      'font-size': 11,
      'font-style': 'italic',
      'text-anchor': anchor,
    });
  body.push(
    quadrant(t('Concentrate here', '重点改进'), left + 6, top + 16, 'start'),
    quadrant(t('Keep up the good work', '继续保持'), right - 6, top + 16, 'end'),
    quadrant(t('Low priority', '次要改进'), left + 6, bottom - 8, 'start'),
    quadrant(t('Possible overkill', '可能过度'), right - 6, bottom - 8, 'end'),
  );
  for (const point of points) {
    const [px0, py0] = [x(point.performance), y(point.importance)];
    body.push(
      `<circle cx="${px(px0)}" cy="${px(py0)}" r="5" fill="${theme.ramp[1] ?? theme.foreground}" ` +
        `stroke="${theme.background}" stroke-width="1.5"/>`,
    );
    const anchorRight = px0 > (left + right) / 2;
    body.push(
      text(px0 + (anchorRight ? -8 : 8), py0 - 6, fitText(point.name, (right - left) / 2 - 16, 11), {
        fill: theme.foreground,
        'font-size': 11,
        'text-anchor': anchorRight ? 'end' : 'start',
      }),
    );
  }
  body.push(
    text((left + right) / 2, bottom + 32, t('Performance (mean rating)', '表现（平均评分）'), {
      fill: theme.muted,
      'font-size': 11,
      'text-anchor': 'middle',
    }),
  );
  body.push(
    text(14, (top + bottom) / 2, t('Importance', '重要性'), {
      fill: theme.muted,
      'font-size': 11,
      'text-anchor': 'middle',
      transform: `rotate(-90 14 ${px((top + bottom) / 2)})`,
    }),
  );
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
