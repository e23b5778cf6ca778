import type { ChartOptions, NumberLike } from './chartOptions.js';
import { chartContext } from './internal/context.js';
import { line, svgDocument, text } from './internal/frame.js';
import { axisTitles, curvePath, plotArea, xTickLabel, yTickLabel } from './internal/plot.js';
import { niceDomain, niceTicks } from './internal/scale.js';
import { px, toNumber } from './internal/text.js';
import { drawChecked } from './internal/input.js';
import { gainsSchema, gainsOptionsSchema } from './internal/schemas.js';

/**
 * What {@link gainsChart} reads of `discrimination` (clientele/outcomes): its size, AUC and gains
 * table, riskiest group first.
 * @category Charts
 */
export interface GainsChartInput {
  readonly n: number;
  readonly auc?: number | undefined;
  readonly gains: readonly {
    readonly cumulativeCount: number;
    readonly capture: NumberLike;
    readonly cumulativeLift: NumberLike;
  }[];
}

/**
 * Options of {@link gainsChart}.
 * @category Charts
 */
export interface GainsChartOptions extends ChartOptions {
  /** `'gains'` (default): share of events captured against share of accounts; `'lift'`: cumulative lift. */
  readonly kind?: 'gains' | 'lift' | undefined;
}

/**
 * The cumulative gains curve (share of later churners captured by the riskiest x % of accounts,
 * against the diagonal of a random order) or the cumulative lift curve (against 1), from a
 * backtest's gains table.
 *
 * @example
 * ```ts
 * import { gainsChart } from 'clientele/charts';
 * const svg = gainsChart({ n: 100, auc: 0.8, gains: [
 *   { cumulativeCount: 20, capture: 0.5, cumulativeLift: 2.5 },
 *   { cumulativeCount: 50, capture: 0.8, cumulativeLift: 1.6 },
 *   { cumulativeCount: 100, capture: 1, cumulativeLift: 1 },
 * ] }, { kind: 'lift' });
 * svg.includes('Lift'); // true
 * ```
 * @category Charts
 */
export function gainsChart(result: GainsChartInput, options: GainsChartOptions = {}): string {
  return drawChecked('gainsChart', drawGainsChart, [gainsSchema, result], [options, gainsOptionsSchema]);
}

function drawGainsChart(result: GainsChartInput, options: GainsChartOptions): string {
  const context = chartContext(options, 400);
  const { theme, t } = context;
  const lift = options.kind === 'lift';
  const n = Math.max(1, result.n);
  const points = result.gains.map((row) => ({
    x: row.cumulativeCount / n,
    y: toNumber(lift ? row.cumulativeLift : row.capture) ?? 0,
  }));
  const yDomain: [number, number] = lift ? [0, niceDomain(points.map((point) => point.y))[1]] : [0, 1];
  const plot = plotArea(theme, [0, 1], yDomain);
  const { left, right, top, bottom, x, y } = plot;
  const colour = theme.ramp[1] ?? theme.foreground;
  const body = [
    ...niceTicks(0, 1).flatMap((tick) => [
      line(x(tick), top, x(tick), bottom, theme.grid),
      xTickLabel(theme, plot, tick, context.percent(tick, 0)),
    ]),
    ...niceTicks(yDomain[0], yDomain[1]).flatMap((tick) => [
      line(left, y(tick), right, y(tick), theme.grid),
      yTickLabel(theme, plot, tick, lift ? context.number(tick, 1) : context.percent(tick, 0)),
    ]),
    lift
      ? line(left, y(1), right, y(1), theme.muted, ` stroke-dasharray="4 4"`)
      : line(x(0), y(0), x(1), y(1), theme.muted, ` stroke-dasharray="4 4"`),
    curvePath(theme, plot, lift ? points : [{ x: 0, y: 0 }, ...points]),
    ...points.map((point) => `<circle cx="${px(x(point.x))}" cy="${px(y(point.y))}" r="3.5" fill="${colour}"/>`),
    ...axisTitles(
      theme,
      plot,
      t('Share of accounts, riskiest first', '客户占比（风险从高到低）'),
      lift ? t('Cumulative lift', '累计提升度') : t('Share of events captured', '捕获事件占比'),
    ),
  ];
  if (result.auc !== undefined)
    body.push(
      text(right - 6, bottom - 10, `AUC ${context.number(result.auc, 3)}`, {
        fill: theme.foreground,
        'font-size': 12,
        'text-anchor': 'end',
        'font-weight': 'bold',
      }),
    );
  const title = options.title ?? (lift ? t('Lift curve', '提升度曲线') : t('Cumulative gains curve', '累计增益曲线'));
  const description =
    options.description ??
    points
      .map((point) => `${context.percent(point.x, 0)}: ${lift ? context.number(point.y) : context.percent(point.y)}`)
      .join('; ');
  return svgDocument(theme, lift ? 'lift' : 'gains', title, description, body);
}
