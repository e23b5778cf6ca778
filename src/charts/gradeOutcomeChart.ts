import type { ChartOptions, NumberLike } from './chartOptions.js';
import { barChart, type BarRow } from './internal/bars.js';
import { maxOf } from './internal/scale.js';
import { chartContext } from './internal/context.js';
import { rampColour } from './internal/frame.js';
import { toNumber } from './internal/text.js';
import { drawChecked } from './internal/input.js';
import { gradeOutcomesSchema } from './internal/schemas.js';

/**
 * What {@link gradeOutcomeChart} reads of `gradeOutcomes` (clientele/outcomes): per grade, the
 * accounts, events, event rate and its interval, and the overall rate.
 * @category Charts
 */
export interface GradeOutcomeChartInput {
  readonly rate: NumberLike;
  readonly rows: readonly {
    readonly grade: string;
    readonly count: number;
    readonly events: number;
    readonly rate: NumberLike;
    readonly interval: { readonly lower: number; readonly upper: number };
  }[];
}

/**
 * Outcome rate per grade (e.g. how many accounts of each grade later churned), with the Wilson
 * interval as whiskers and the overall rate as a reference: a grade scale that works shows rates
 * that climb or fall steadily down the grades.
 *
 * @example
 * ```ts
 * import { gradeOutcomeChart } from 'clientele/charts';
 * const svg = gradeOutcomeChart({ rate: 0.2, rows: [
 *   { grade: 'A', count: 50, events: 2, rate: 0.04, interval: { lower: 0.011, upper: 0.135 } },
 *   { grade: 'D', count: 50, events: 18, rate: 0.36, interval: { lower: 0.24, upper: 0.5 } },
 * ] });
 * svg.includes('36%'); // true
 * ```
 * @category Charts
 */
export function gradeOutcomeChart(result: GradeOutcomeChartInput, options: ChartOptions = {}): string {
  return drawChecked('gradeOutcomeChart', drawGradeOutcomeChart, [gradeOutcomesSchema, result], [options]);
}

function drawGradeOutcomeChart(result: GradeOutcomeChartInput, options: ChartOptions): string {
  const context = chartContext(options, 100 + result.rows.length * 34);
  const { theme, t } = context;
  const rows: BarRow[] = result.rows.map((row, index) => ({
    label: row.grade,
    value: toNumber(row.rate) ?? 0,
    shown: `${context.percent(row.rate)} (${row.events}/${row.count})`,
    colour: rampColour(theme, result.rows.length === 1 ? 0.3 : 0.15 + (0.6 * index) / (result.rows.length - 1)),
    lower: row.interval.lower,
    upper: row.interval.upper,
  }));
  const highest = maxOf(
    rows.map((row) => row.upper ?? row.value),
    0.05,
  );
  const overall = toNumber(result.rate) ?? 0;
  return barChart(context, options, 'grade-outcomes', t('Outcome rate by grade', '各等级结果发生率'), rows, {
    domain: [0, Math.min(1, Math.ceil(highest * 10) / 10)],
    tickText: (value) => context.percent(value, 0),
    axisTitle: t('Event rate per grade with 95% Wilson interval', '各等级事件率及 95% Wilson 区间'),
    references: [{ value: overall, label: `${t('overall', '总体')} ${context.percent(overall)}` }],
  });
}
