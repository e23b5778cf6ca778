import type { ChartOptions, LocalisedLabels, NumberLike } from './chartOptions.js';
import { chartContext, type ChartContext } from './internal/context.js';
import { readChartInput, readChartOptions } from './internal/input.js';
import { gradeBandsSchema, gradeCountsSchema } from './internal/schemas.js';
import { inkOn, line, rampColour, rect, svgDocument, text } from './internal/frame.js';
import { linear, maxOf, minOf, niceDomain, niceTicks } from './internal/scale.js';
import { fitText, toNumber } from './internal/text.js';

/**
 * What {@link gradeDistributionChart} reads of a grade-band model (`defineGradeBands`, e.g.
 * `potentialValueBands`): each band's id, labels and interval with its edges' closure.
 * @category Charts
 */
export interface GradeBandsChartInput {
  readonly domain?:
    | {
        readonly lower: { readonly value: NumberLike } | null;
        readonly upper: { readonly value: NumberLike } | null;
      }
    | undefined;
  readonly bands: readonly {
    readonly id: string;
    readonly labels?: LocalisedLabels | undefined;
    readonly interval: {
      readonly lower: { readonly value: NumberLike; readonly inclusive: boolean } | null;
      readonly upper: { readonly value: NumberLike; readonly inclusive: boolean } | null;
      readonly text: string;
    };
  }[];
}

/**
 * Accounts per grade drawn over the grade bands themselves (seed 002, 客户潜在价值划分标准): each
 * column spans its band on the score axis, and each edge is labelled with its value and closure, so
 * "80 is A, 60 is B, 40 is D" is visible. `counts` maps grade id to accounts (e.g. the
 * `summary.grades` of `scorePortfolio`).
 *
 * @example
 * ```ts
 * import { potentialValueBands } from 'clientele';
 * import { gradeDistributionChart } from 'clientele/charts';
 * const svg = gradeDistributionChart(potentialValueBands, { A: 3, B: 12, C: 20, D: 5 });
 * svg.includes('[80'); // true
 * ```
 * @category Charts
 */
export function gradeDistributionChart(
  bands: GradeBandsChartInput,
  counts: Readonly<Record<string, number>>,
  options: ChartOptions = {},
): string {
  return drawGradeDistribution(
    readChartInput(gradeBandsSchema, bands, 'gradeDistributionChart') as GradeBandsChartInput,
    readChartInput(gradeCountsSchema, counts, 'gradeDistributionChart', 'counts'),
    readChartOptions(options, 'gradeDistributionChart') as ChartOptions,
  );
}

/** The chart's geometry: the score axis across, accounts up. */
interface Columns {
  readonly context: ChartContext;
  readonly bands: GradeBandsChartInput;
  readonly counts: Readonly<Record<string, number>>;
  readonly domainLower: number;
  readonly domainUpper: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly x: (value: number) => number;
  readonly y: (value: number) => number;
}

function drawGradeDistribution(
  bands: GradeBandsChartInput,
  counts: Readonly<Record<string, number>>,
  options: ChartOptions,
): string {
  const context = chartContext(options, 380);
  const { theme, t } = context;
  const edges = bands.bands
    .flatMap((band) => [toNumber(band.interval.lower?.value), toNumber(band.interval.upper?.value)])
    .filter((value): value is number => value !== null);
  const domainLower = toNumber(bands.domain?.lower?.value) ?? minOf(edges, 0);
  const domainUpper = toNumber(bands.domain?.upper?.value) ?? maxOf(edges, 100);
  const countValues = bands.bands.map((band) => counts[band.id] ?? 0);
  const [, most] = niceDomain(countValues);
  const [left, right, top, bottom] = [56, theme.width - 24, 64, theme.height - 52];
  const x = linear([domainLower, domainUpper], [left, right]);
  const y = linear([0, most], [bottom, top]);
  const chart: Columns = { context, bands, counts, domainLower, domainUpper, left, right, top, bottom, x, y };
  const total = countValues.reduce((sum, count) => sum + count, 0);
  const body = [
    ...niceTicks(0, most).flatMap((tick) => [
      line(left, y(tick), right, y(tick), theme.grid),
      text(left - 6, y(tick) + 3, context.number(tick, 0), {
        fill: theme.muted,
        'font-size': 10,
        'text-anchor': 'end',
      }),
    ]),
    ...bands.bands.flatMap((band, index) => bandColumn(chart, band, index, total)),
    ...bands.bands.flatMap((band) => bandEdge(chart, band)),
    line(left, bottom, right, bottom, theme.foreground),
    text(
      (left + right) / 2,
      bottom + 36,
      t('Score (edge [ included in the grade above it, ( not included)', '得分（边界 [ 属于右侧等级，( 不属于）'),
      { fill: theme.muted, 'font-size': 11, 'text-anchor': 'middle' },
    ),
  ];
  const title = options.title ?? t('Accounts per grade, drawn over the grade bands', '各等级客户数（按等级区间绘制）');
  const description =
    options.description ??
    bands.bands.map((band) => `${band.id} ${band.interval.text}: ${counts[band.id] ?? 0}`).join('; ');
  return svgDocument(theme, 'grade-distribution', title, description, body);
}

type Band = GradeBandsChartInput['bands'][number];

/** A band's column, spanning its interval: its grade and name above, its accounts and share on it. */
function bandColumn(chart: Columns, band: Band, index: number, total: number): string[] {
  const { context, bands, counts, domainLower, domainUpper, top, bottom, x, y } = chart;
  const { theme } = context;
  const lower = toNumber(band.interval.lower?.value) ?? domainLower;
  const upper = toNumber(band.interval.upper?.value) ?? domainUpper;
  const count = counts[band.id] ?? 0;
  const fill = rampColour(theme, bands.bands.length === 1 ? 0.3 : 0.15 + (0.7 * index) / (bands.bands.length - 1));
  const [x0, x1] = [x(Math.max(lower, domainLower)), x(Math.min(upper, domainUpper))];
  const name = fitText(`${band.id} ${context.label(band.labels, '')}`.trim(), x1 - x0 - 4, 11);
  const share = total > 0 ? ` (${context.percent(count / total, 0)})` : '';
  const countText = fitText(`${context.number(count, 0)}${share}`, x1 - x0 - 4, 11);
  const inside = bottom - y(count) > 20;
  return [
    rect(x0 + 1, y(count), x1 - x0 - 2, bottom - y(count), fill),
    text((x0 + x1) / 2, top - 24, name, {
      fill: theme.foreground,
      'font-size': 11,
      'text-anchor': 'middle',
      'font-weight': 'bold',
    }),
    text((x0 + x1) / 2, inside ? y(count) + 15 : y(count) - 5, countText, {
      fill: inside ? inkOn(fill) : theme.foreground,
      'font-size': 11,
      'text-anchor': 'middle',
    }),
  ];
}

/**
 * A band's lower edge. Every interior edge is the lower edge of exactly one band (bands tile the
 * range); its bracket says whether the band above holds it: "[80 A" means 80 is A, "(40 C" means
 * 40 is not C.
 */
function bandEdge({ context, top, bottom, x }: Columns, band: Band): string[] {
  const edge = band.interval.lower;
  const value = toNumber(edge?.value);
  if (!edge || value === null) return [];
  const { theme } = context;
  return [
    line(x(value), top - 14, x(value), bottom + 4, theme.accent, ` stroke-width="1.5"`),
    text(x(value), bottom + 16, `${edge.inclusive ? '[' : '('}${context.number(value)} ${band.id}`, {
      fill: theme.accent,
      'font-size': 10,
      'text-anchor': 'middle',
    }),
  ];
}
