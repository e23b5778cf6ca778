import type { ChartOptions, LocalisedLabels, NumberLike } from './chartOptions.js';
import { legendItems } from './internal/bars.js';
import { chartContext } from './internal/context.js';
import { line, rect, svgDocument, text } from './internal/frame.js';
import { linear, maxOf, niceTicks } from './internal/scale.js';
import { fitText, textWidth, toNumber } from './internal/text.js';
import { readChartInput, readChartOptions } from './internal/input.js';
import { scoreSchema, scoreOptionsSchema } from './internal/schemas.js';

/**
 * What {@link scoreWaterfallChart} reads of a `score` result: the total, the grade, the points to
 * the next grade and each factor's contribution and maximum.
 * @category Charts
 */
export interface ScoreWaterfallInput {
  readonly total: NumberLike;
  readonly grade: string | null;
  readonly pointsToNextGrade?: NumberLike | null;
  readonly nextGrade?: { readonly grade: string } | null;
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
  readonly scorecard?: { readonly factors: readonly { readonly id: string; readonly labels: LocalisedLabels }[] };
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
 * const result = score(potentialValueModel, { tenure: 4, creditRecord: 8, latePayment: 9, missedAppointments: 5, productVariety: 2, purchaseCount: 2, purchaseFrequency: 2, competitorPurchase: 5, competitorFrequency: 4, assetSize: 15, industry: 8, marketPosition: 7, peerUserBase: 6 });
 * const svg = scoreWaterfallChart(result, { scorecard: potentialValueModel });
 * svg.includes('role="img"'); // true
 * ```
 * @category Charts
 */
export function scoreWaterfallChart(result: ScoreWaterfallInput, options: ScoreWaterfallOptions = {}): string {
  return drawScoreWaterfallChart(
    readChartInput(scoreSchema, result, 'scoreWaterfallChart') as ScoreWaterfallInput,
    readChartOptions(options, 'scoreWaterfallChart', scoreOptionsSchema) as ScoreWaterfallOptions,
  );
}

function drawScoreWaterfallChart(result: ScoreWaterfallInput, options: ScoreWaterfallOptions): string {
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
  const body: string[] = [
    `<defs><pattern id="score-waterfall-hatch" width="6" height="6" patternUnits="userSpaceOnUse" ` +
      `patternTransform="rotate(45)"><rect width="6" height="6" fill="${theme.background}"/><line x1="0" y1="0" ` +
      `x2="0" y2="6" stroke="${theme.muted}" stroke-width="2"/></pattern></defs>`,
    ...legendItems(
      theme,
      [
        { name: t('contribution', '得分贡献'), colour: theme.ramp[2] ?? theme.foreground },
        { name: t('points not earned', '未得分'), colour: 'url(#score-waterfall-hatch)' },
      ],
      12,
      40,
    ),
  ];
  for (const tick of niceTicks(0, domainMax)) {
    body.push(line(x(tick), top - 4, x(tick), bottom, theme.grid));
    body.push(
      text(x(tick), bottom + 14, context.number(tick, 0), {
        fill: theme.muted,
        'font-size': 10,
        'text-anchor': 'middle',
      }),
    );
  }
  let start = 0;
  result.factors.forEach((factor, index) => {
    const value = toNumber(factor.contribution) ?? 0;
    const lost = Math.max(0, (toNumber(factor.maxContribution) ?? 0) - value);
    const centre = top + band * index + band / 2;
    const y = centre - barHeight / 2;
    body.push(
      text(left - 8, centre + 4, fitText(names[index] ?? factor.id, labelWidth - 4, 12), {
        fill: theme.foreground,
        'text-anchor': 'end',
      }),
    );
    body.push(rect(x(start), y, x(start + value) - x(start), barHeight, theme.ramp[2] ?? theme.foreground));
    body.push(
      rect(
        x(start + value),
        y,
        x(start + value + lost) - x(start + value),
        barHeight,
        'url(#score-waterfall-hatch)',
        ` stroke="${theme.muted}" stroke-width="0.5"`,
      ),
    );
    body.push(
      text(x(start + value + lost) + 4, centre + 4, `+${context.number(factor.contribution)}`, {
        fill: theme.foreground,
        'font-size': 10,
      }),
    );
    start += value;
  });
  const centre = top + band * result.factors.length + band / 2;
  body.push(
    text(left - 8, centre + 4, fitText(totalName, labelWidth - 4, 12), {
      fill: theme.foreground,
      'text-anchor': 'end',
      'font-weight': 'bold',
    }),
  );
  body.push(rect(x(0), centre - barHeight / 2, x(total) - x(0), barHeight, theme.ramp[1] ?? theme.foreground));
  body.push(
    text(x(total) + 4, centre + 4, `${context.number(result.total)}${result.grade ? ` (${result.grade})` : ''}`, {
      fill: theme.foreground,
      'font-size': 11,
      'font-weight': 'bold',
    }),
  );
  if (gap !== null && result.nextGrade) {
    const at = x(total + gap);
    body.push(line(at, top - 4, at, bottom, theme.accent, ` stroke-width="1.5" stroke-dasharray="5 3"`));
    body.push(
      text(
        at,
        top - 8,
        t(
          `${result.nextGrade.grade} in ${context.number(gap)} points`,
          `再得 ${context.number(gap)} 分升至 ${result.nextGrade.grade}`,
        ),
        { fill: theme.accent, 'font-size': 11, 'text-anchor': at > (left + right) / 2 ? 'end' : 'start' },
      ),
    );
  }
  const title =
    options.title ?? t('Score by factor: what each factor adds and what it costs', '各因素得分：贡献与失分');
  const costly = result.factors
    .map((factor, index) => ({
      name: names[index] ?? factor.id,
      lost: (toNumber(factor.maxContribution) ?? 0) - (toNumber(factor.contribution) ?? 0),
    }))
    .sort((a, b) => b.lost - a.lost)
    .slice(0, 3)
    .map((factor) => `${factor.name} −${context.number(factor.lost)}`)
    .join(', ');
  const description =
    options.description ??
    `${totalName} ${context.number(result.total)}${result.grade ? ` (${result.grade})` : ''}. ` +
      `${t('Most points lost', '失分最多')}: ${costly}.`;
  return svgDocument(theme, 'score-waterfall', title, description, body);
}
