import type { ChartOptions, NumberLike } from './chartOptions.js';
import { maxOf } from './internal/scale.js';
import { chartContext, type ChartContext } from './internal/context.js';
import { inkOn, line, rampColour, rect, svgDocument, text } from './internal/frame.js';
import { fitText } from './internal/text.js';
import { drawChecked } from './internal/input.js';
import { valueMatrixSchema } from './internal/schemas.js';

/**
 * What {@link valueMatrixChart} reads: the `results` of `assessPortfolio` (any list of accounts
 * with a current grade and value, a potential grade and a class).
 * @category Charts
 */
export interface ValueMatrixChartInput {
  readonly results: readonly {
    readonly current: { readonly grade: string; readonly value: NumberLike };
    readonly potential: { readonly grade: string };
    readonly customerClass: string;
  }[];
}

const grades = ['A', 'B', 'C', 'D'] as const;

/**
 * The value matrix as a heatmap (seed 002, 客户价值评价标准): current-value grade down, potential-value
 * grade across, each cell shaded by its number of accounts and showing the class letter, the
 * count and the summed current value.
 *
 * @example
 * ```ts
 * import { assessPortfolio } from 'clientele';
 * import { valueMatrixChart } from 'clientele/charts';
 * const ratings = {
 *   tenure: 5, creditRecord: 10, latePayment: 10, missedAppointments: 5, productVariety: 2.5, purchaseCount: 2.5,
 *   purchaseFrequency: 2.5, competitorPurchase: 7.5, competitorFrequency: 5, assetSize: 20, industry: 10,
 *   marketPosition: 10, peerUserBase: 10,
 * };
 * const assessment = assessPortfolio([{ id: 'a', ratings, margin: 1000 }], {
 *   valuation: { discountRate: 0.1, retention: 0.8 },
 * });
 * const svg = valueMatrixChart(assessment, { locale: 'zh-CN' });
 * svg.startsWith('<svg'); // true
 * ```
 * @category Charts
 */
export function valueMatrixChart(assessment: ValueMatrixChartInput, options: ChartOptions = {}): string {
  return drawChecked('valueMatrixChart', drawValueMatrixChart, [valueMatrixSchema, assessment], [options]);
}

/** One cell of the matrix: its accounts, their summed current value and their class. */
interface Cell {
  count: number;
  value: number;
  readonly className: string;
}

/** The matrix's geometry: top-left corner and the side of a cell. */
interface Grid {
  readonly context: ChartContext;
  readonly left: number;
  readonly top: number;
  readonly size: number;
}

function drawValueMatrixChart(assessment: ValueMatrixChartInput, options: ChartOptions): string {
  const context = chartContext(options, 420);
  const { theme, t } = context;
  const cells = tallyCells(assessment);
  const most = maxOf(
    [...cells.values()].map((cell) => cell.count),
    1,
  );
  const [left, top] = [96, 66];
  const size = Math.min((theme.width - left - 24) / 4, (theme.height - top - 24) / 4);
  const grid: Grid = { context, left, top, size };
  const body = [
    ...matrixAxes(grid),
    ...grades.flatMap((current, row) => [
      gradeLabel(grid, current, left - 10, top + size * row + size / 2 + 4, 'end'),
      ...grades.flatMap((potential, column) =>
        matrixCell(grid, cells.get(`${current}${potential}`), most, row, column),
      ),
    ]),
    line(left, top, left + size * 4, top, theme.foreground),
    line(left, top, left, top + size * 4, theme.foreground),
  ];
  const title =
    options.title ?? t('Value matrix: accounts and current value per cell', '客户价值矩阵：各格客户数与当前价值');
  const described = [...cells.entries()]
    .map(([key, cell]) => `${key[0]}/${key[1]} → ${cell.className}: ${cell.count}`)
    .join('; ');
  const description =
    options.description ??
    `${t('Current grade / potential grade → class: accounts', '当前等级/潜在等级 → 类别：客户数')}. ${described}`;
  return svgDocument(theme, 'value-matrix', title, description, body);
}

/** Accounts per (current grade, potential grade) cell, keyed `AB`. */
function tallyCells(assessment: ValueMatrixChartInput): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const account of assessment.results) {
    const key = `${account.current.grade}${account.potential.grade}`;
    const cell = cells.get(key) ?? { count: 0, value: 0, className: account.customerClass };
    cell.count += 1;
    cell.value += Number(String(account.current.value));
    cells.set(key, cell);
  }
  return cells;
}

const gradeLabel = ({ context: { theme } }: Grid, grade: string, x: number, y: number, anchor: string): string =>
  text(x, y, grade, { fill: theme.foreground, 'text-anchor': anchor, 'font-weight': 'bold' });

/** The two axis titles and the potential grades across the top. */
function matrixAxes(grid: Grid): string[] {
  const { context, left, top, size } = grid;
  const { theme, t } = context;
  return [
    text(left + size * 2, top - 22, t('Potential value grade', '潜在价值等级'), {
      fill: theme.muted,
      'text-anchor': 'middle',
    }),
    text(24, top + size * 2, fitText(t('Current value grade', '当前价值等级'), size * 4, 12), {
      fill: theme.muted,
      'text-anchor': 'middle',
      transform: `rotate(-90 24 ${top + size * 2})`,
    }),
    ...grades.map((potential, column) =>
      gradeLabel(grid, potential, left + size * column + size / 2, top - 6, 'middle'),
    ),
  ];
}

/** One cell: shaded by its share of the fullest cell, with class letter, accounts and value (a dash when empty). */
function matrixCell(grid: Grid, cell: Cell | undefined, most: number, row: number, column: number): string[] {
  const { context, left, top, size } = grid;
  const { theme, t } = context;
  const fill = cell ? rampColour(theme, 1 - cell.count / most) : theme.background;
  const ink = cell ? inkOn(fill) : theme.muted;
  const x = left + size * column;
  const y = top + size * row;
  const middle = x + size / 2;
  const square = rect(x, y, size, size, fill, ` stroke="${theme.grid}"`);
  if (!cell) return [square, text(middle, y + size / 2 + 4, '–', { fill: ink, 'text-anchor': 'middle' })];
  const small = { fill: ink, 'text-anchor': 'middle', 'font-size': 11 };
  const accounts = fitText(`${context.number(cell.count, 0)} ${t('accounts', '个客户')}`, size - 8, 11);
  return [
    square,
    text(middle, y + size / 2 - 8, cell.className, {
      fill: ink,
      'text-anchor': 'middle',
      'font-size': 16,
      'font-weight': 'bold',
    }),
    text(middle, y + size / 2 + 9, accounts, small),
    text(middle, y + size / 2 + 24, fitText(context.money(cell.value), size - 8, 11), small),
  ];
}
