import type { ChartOptions, NumberLike } from './chartOptions.js';
import { chartContext, type ChartContext } from './internal/context.js';
import { drawChecked } from './internal/input.js';
import { paretoOptionsSchema, paretoSchema } from './internal/schemas.js';
import { line, svgDocument, text } from './internal/frame.js';
import { axisTitles, curvePath, plotArea, xTickLabel, yTickLabel, type Plot } from './internal/plot.js';
import { niceTicks } from './internal/scale.js';
import { px } from './internal/text.js';

/**
 * Options of {@link paretoChart}.
 * @category Charts
 */
export interface ParetoChartOptions extends ChartOptions {
  /** Share of value to mark (the "top x % give y %" point); default 0.8. */
  readonly targetShare?: NumberLike | undefined;
}

/**
 * One point of a Pareto curve: share of accounts so far and their cumulative share of value.
 * @category Charts
 */
export interface ParetoChartPoint {
  readonly accountShare: NumberLike;
  readonly cumulativeShare: NumberLike;
}

/**
 * The Pareto / Lorenz curve of value concentration (seed 001's 20/80 rule; seed 003's 21 of 592
 * accounts buying 40 %): accounts largest first along x, cumulative share of value up y, the line of
 * equality, and the smallest group of accounts reaching the target share marked.
 * Takes the result of `paretoCurve` (or its `points`: any list with `accountShare` and `cumulativeShare`).
 *
 * @example
 * ```ts
 * import { paretoCurve } from 'clientele';
 * import { paretoChart } from 'clientele/charts';
 * const svg = paretoChart(paretoCurve([500, 300, 100, 60, 40]), { targetShare: 0.8 });
 * svg.includes('<path'); // true
 * ```
 * @category Charts
 */
export function paretoChart(
  curve: readonly ParetoChartPoint[] | { readonly points: readonly ParetoChartPoint[] },
  options: ParetoChartOptions = {},
): string {
  return drawChecked('paretoChart', drawPareto, [paretoSchema, curve], [options, paretoOptionsSchema]);
}

function drawPareto(
  curve: readonly ParetoChartPoint[] | { readonly points: readonly ParetoChartPoint[] },
  options: ParetoChartOptions,
): string {
  const points = Array.isArray(curve) ? curve : (curve as { readonly points: readonly ParetoChartPoint[] }).points;
  const context = chartContext(options, 400);
  const { theme, t } = context;
  const target = Number(String(options.targetShare ?? 0.8));
  const plot = plotArea(theme, [0, 1], [0, 1]);
  const { left, right, x, y } = plot;
  const hit = points.find((point) => Number(String(point.cumulativeShare)) >= target - 1e-12);
  const body = [
    ...niceTicks(0, 1).flatMap((tick) => [
      line(x(tick), plot.top, x(tick), plot.bottom, theme.grid),
      line(left, y(tick), right, y(tick), theme.grid),
      xTickLabel(theme, plot, tick, context.percent(tick, 0)),
      yTickLabel(theme, plot, tick, context.percent(tick, 0)),
    ]),
    ...axisTitles(
      theme,
      plot,
      t('Share of accounts (largest first)', '客户占比（从大到小）'),
      t('Cumulative share of value', '累计价值占比'),
    ),
    line(x(0), y(0), x(1), y(1), theme.muted, ` stroke-dasharray="4 4"`),
    curvePath(theme, plot, [{ x: 0, y: 0 }, ...points.map(shares)]),
    line(left, y(target), right, y(target), theme.accent, ` stroke-dasharray="5 3"`),
    ...(hit ? targetPoint(context, plot, hit) : []),
  ];
  const title = options.title ?? t('Pareto curve of current value', '当前价值帕累托曲线');
  const description =
    options.description ??
    (hit
      ? t(
          `The largest ${context.percent(hit.accountShare)} of accounts give ` +
            `${context.percent(hit.cumulativeShare)} of value.`,
          `最大的 ${context.percent(hit.accountShare)} 客户贡献了 ${context.percent(hit.cumulativeShare)} 的价值。`,
        )
      : t('No account has positive value.', '没有价值为正的客户。'));
  return svgDocument(theme, 'pareto', title, description, body);
}

/** A point of the curve in data units: share of accounts across, cumulative share of value up. */
const shares = (point: ParetoChartPoint) => ({
  x: Number(String(point.accountShare)),
  y: Number(String(point.cumulativeShare)),
});

/** The first point reaching the target share: dropped to the x axis, dotted and labelled "top x% give y%". */
function targetPoint(context: ChartContext, plot: Plot, hit: ParetoChartPoint): string[] {
  const { theme, t } = context;
  const { x, y } = plot;
  const [a, c] = [Number(String(hit.accountShare)), Number(String(hit.cumulativeShare))];
  const note = t(
    `top ${context.percent(hit.accountShare)} give ${context.percent(hit.cumulativeShare)}`,
    `前 ${context.percent(hit.accountShare)} 的客户贡献 ${context.percent(hit.cumulativeShare)}`,
  );
  const anchorRight = x(a) > (plot.left + plot.right) / 2;
  return [
    line(x(a), y(c), x(a), plot.bottom, theme.accent, ` stroke-dasharray="5 3"`),
    `<circle cx="${px(x(a))}" cy="${px(y(c))}" r="5" fill="${theme.accent}"/>`,
    text(x(a) + (anchorRight ? -8 : 8), y(c) + 18, note, {
      fill: theme.accent,
      'font-size': 12,
      'font-weight': 'bold',
      'text-anchor': anchorRight ? 'end' : 'start',
    }),
  ];
}
