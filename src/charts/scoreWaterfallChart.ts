import type { ChartOptions, LocalisedLabels, NumberLike } from './chartOptions.js';
import { legendItems, type BarRows } from './internal/bars.js';
import { chartContext, type ChartContext } from './internal/context.js';
import { line, rect, svgDocument, text } from './internal/frame.js';
import { linear, maxOf, niceTicks } from './internal/scale.js';
import { fitText, textWidth, toNumber } from './internal/text.js';
import { drawChecked } from './internal/input.js';
import { scoreSchema, scoreOptionsSchema } from './internal/schemas.js';

/**
 * What {@link scoreWaterfallChart} reads of a `score` result: the total, the grade, the points to
 * the next grade and each factor's contribution and maximum.
 * @category Charts
 */
export interface ScoreWaterfallInput {
  readonly total: NumberLike;
  readonly grade: string | null;
  readonly pointsToNextGrade?: NumberLike | null | undefined;
  readonly nextGrade?: { readonly grade: string } | null | undefined;
  readonly factors: readonly {
    readonly id: string;
    readonly contribution: NumberLike;
    readonly maxContribution: NumberLike;
  }[];
}

/**
 * Options of {@link scoreWaterfallChart}.
 * @category Charts
 */
export interface ScoreWaterfallOptions extends ChartOptions {
  /** The scorecard (or any `{ factors: [{ id, labels }] }`) whose factor labels to show; ids otherwise. */
  readonly scorecard?:
    { readonly factors: readonly { readonly id: string; readonly labels: LocalisedLabels }[] } | undefined;
}

/**
 * An account's score as a waterfall (seed 002, 客户潜在价值计算表): each factor's exact contribution
 * stacks up to the total, the points each factor left on the table are drawn hatched beside it,
 * and a marker shows the gap to the next grade.
 *
 * @example
 * ```ts
 * import { potentialValueModel, score } from 'clientele';
 * import { scoreWaterfallChart } from 'clientele/charts';
 * const ratings = {
 *   tenure: 4, creditRecord: 8, latePayment: 9, missedAppointments: 5, productVariety: 2, purchaseCount: 2,
 *   purchaseFrequency: 2, competitorPurchase: 5, competitorFrequency: 4, assetSize: 15, industry: 8,
 *   marketPosition: 7, peerUserBase: 6,
 * };
 * const result = score(potentialValueModel, ratings);
 * const svg = scoreWaterfallChart(result, { scorecard: potentialValueModel });
 * svg.includes('role="img"'); // true
 * ```
 * @category Charts
 */
export function scoreWaterfallChart(result: ScoreWaterfallInput, options: ScoreWaterfallOptions = {}): string {
  return drawChecked(
    'scoreWaterfallChart',
    drawScoreWaterfallChart,
    [scoreSchema, result],
    [options, scoreOptionsSchema],
  );
}

/** The waterfall's geometry: the score axis, one band per factor and one for the total. */
interface Waterfall extends BarRows {
  readonly context: ChartContext;
  readonly result: ScoreWaterfallInput;
  readonly names: readonly string[];
  readonly totalName: string;
  readonly total: number;
  readonly gap: number | null;
  readonly domainMax: number;
}

const HATCH = 'url(#score-waterfall-hatch)';

function drawScoreWaterfallChart(result: ScoreWaterfallInput, options: ScoreWaterfallOptions): string {
  const chart = waterfallLayout(result, options);
  const body = [
    ...waterfallLegend(chart),
    ...waterfallAxis(chart),
    ...factorBars(chart),
    ...totalBar(chart),
    ...nextGradeMarker(chart),
  ];
  const { theme, t } = chart.context;
  const title =
    options.title ?? t('Score by factor: what each factor adds and what it costs', '各因素得分：贡献与失分');
  return svgDocument(theme, 'score-waterfall', title, options.description ?? waterfallDescription(chart), body);
}

function waterfallLayout(result: ScoreWaterfallInput, options: ScoreWaterfallOptions): Waterfall {
  const rows = result.factors.length + 1;
  const context = chartContext(options, 96 + rows * 24);
  const { theme, t } = context;
  const labels = new Map((options.scorecard?.factors ?? []).map((factor) => [factor.id, factor.labels] as const));
  const names = result.factors.map((factor) => context.label(labels.get(factor.id), factor.id));
  const totalName = t('Total', '总分');
  const maxTotal = result.factors.reduce((sum, factor) => sum + (toNumber(factor.maxContribution) ?? 0), 0);
  const total = toNumber(result.total) ?? 0;
  const gap = toNumber(result.pointsToNextGrade ?? null);
  const domainMax = Math.max(maxTotal, total + (gap ?? 0), 1);
  const labelWidth = Math.min(theme.width * 0.34, maxOf([...names, totalName].map((name) => textWidth(name, 12))) + 8);
  const [left, right, top, bottom] = [12 + labelWidth, theme.width - 64, 58, theme.height - 40];
  const x = linear([0, domainMax], [left, right]);
  const band = (bottom - top) / rows;
  const barHeight = Math.max(4, Math.min(18, band * 0.7));
  return {
    context,
    result,
    names,
    totalName,
    total,
    gap,
    domainMax,
    labelWidth,
    left,
    right,
    top,
    bottom,
    x,
    band,
    barHeight,
  };
}

/** The hatch pattern of points not earned, and the legend. */
function waterfallLegend({ context: { theme, t } }: Waterfall): string[] {
  return [
    `<defs><pattern id="score-waterfall-hatch" width="6" height="6" patternUnits="userSpaceOnUse" ` +
      `patternTransform="rotate(45)"><rect width="6" height="6" fill="${theme.background}"/><line x1="0" y1="0" ` +
      `x2="0" y2="6" stroke="${theme.muted}" stroke-width="2"/></pattern></defs>`,
    ...legendItems(
      theme,
      [
        { name: t('contribution', '得分贡献'), colour: theme.ramp[2] ?? theme.foreground },
        { name: t('points not earned', '未得分'), colour: HATCH },
      ],
      12,
      40,
    ),
  ];
}

/** Grid lines and tick labels of the score axis. */
function waterfallAxis({ context, x, top, bottom, domainMax }: Waterfall): string[] {
  const { theme } = context;
  return niceTicks(0, domainMax).flatMap((tick) => [
    line(x(tick), top - 4, x(tick), bottom, theme.grid),
    text(x(tick), bottom + 14, context.number(tick, 0), {
      fill: theme.muted,
      'font-size': 10,
      'text-anchor': 'middle',
    }),
  ]);
}

/** One row per factor: its name, its contribution stacked after the previous ones, the points it lost hatched. */
function factorBars(chart: Waterfall): string[] {
  const { context, result, names, labelWidth, left, top, x, band, barHeight } = chart;
  const { theme } = context;
  let start = 0;
  return result.factors.flatMap((factor, index) => {
    const value = toNumber(factor.contribution) ?? 0;
    const lost = Math.max(0, (toNumber(factor.maxContribution) ?? 0) - value);
    const centre = top + band * index + band / 2;
    const y = centre - barHeight / 2;
    const from = start;
    start += value;
    const name = fitText(names[index] ?? factor.id, labelWidth - 4, 12);
    return [
      text(left - 8, centre + 4, name, { fill: theme.foreground, 'text-anchor': 'end' }),
      rect(x(from), y, x(from + value) - x(from), barHeight, theme.ramp[2] ?? theme.foreground),
      rect(
        x(from + value),
        y,
        x(from + value + lost) - x(from + value),
        barHeight,
        HATCH,
        ` stroke="${theme.muted}" stroke-width="0.5"`,
      ),
      text(x(from + value + lost) + 4, centre + 4, `+${context.number(factor.contribution)}`, {
        fill: theme.foreground,
        'font-size': 10,
      }),
    ];
  });
}

/** The last row: the total and its grade. */
function totalBar({
  context,
  result,
  totalName,
  total,
  labelWidth,
  left,
  top,
  x,
  band,
  barHeight,
}: Waterfall): string[] {
  const { theme } = context;
  const centre = top + band * result.factors.length + band / 2;
  const shown = `${context.number(result.total)}${result.grade ? ` (${result.grade})` : ''}`;
  return [
    text(left - 8, centre + 4, fitText(totalName, labelWidth - 4, 12), {
      fill: theme.foreground,
      'text-anchor': 'end',
      'font-weight': 'bold',
    }),
    rect(x(0), centre - barHeight / 2, x(total) - x(0), barHeight, theme.ramp[1] ?? theme.foreground),
    text(x(total) + 4, centre + 4, shown, { fill: theme.foreground, 'font-size': 11, 'font-weight': 'bold' }),
  ];
}

/** The dashed line where the next grade starts, with the points still missing. */
function nextGradeMarker({ context, result, total, gap, left, right, top, bottom, x }: Waterfall): string[] {
  if (gap === null || !result.nextGrade) return [];
  const { theme, t } = context;
  const at = x(total + gap);
  const grade = result.nextGrade.grade;
  const label = t(`${grade} in ${context.number(gap)} points`, `再得 ${context.number(gap)} 分升至 ${grade}`);
  return [
    line(at, top - 4, at, bottom, theme.accent, ` stroke-width="1.5" stroke-dasharray="5 3"`),
    text(at, top - 8, label, {
      fill: theme.accent,
      'font-size': 11,
      'text-anchor': at > (left + right) / 2 ? 'end' : 'start',
    }),
  ];
}

/** The description: the total and the three factors that lost the most points. */
function waterfallDescription({ context, result, names, totalName }: Waterfall): string {
  const costly = result.factors
    .map((factor, index) => ({
      name: names[index] ?? factor.id,
      lost: (toNumber(factor.maxContribution) ?? 0) - (toNumber(factor.contribution) ?? 0),
    }))
    .sort((a, b) => b.lost - a.lost)
    .slice(0, 3)
    .map((factor) => `${factor.name} −${context.number(factor.lost)}`)
    .join(', ');
  return (
    `${totalName} ${context.number(result.total)}${result.grade ? ` (${result.grade})` : ''}. ` +
    `${context.t('Most points lost', '失分最多')}: ${costly}.`
  );
}
