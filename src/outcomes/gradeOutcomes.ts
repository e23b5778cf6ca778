import type { Decimal } from 'decimal.js';
import { fail } from '../shared/errors.js';
import { readingInput } from '../shared/input.js';
import { readArray, readGrade, readOutcomes, ratio, wilsonInterval, Z95 } from './internal.js';
import { withDisplay } from '../shared/display.js';

/** Options of {@link gradeOutcomes}. @category Outcomes */
export interface GradeOutcomesOptions {
  /**
   * The grades in order (best or least risky first, as your model reads). Grades seen but not
   * listed come after, in order of first appearance. Default: churn levels in their order
   * (`none`, `watch`, `warning`, `critical`) when every grade is one, otherwise grades sorted
   * by their names (`A`, `B`, `C`, `D`).
   */
  readonly order?: readonly string[] | undefined;
  /** The normal quantile of the Wilson interval (default 1.959964…, a 95 % interval). */
  readonly z?: number | undefined;
}

/** One grade's row of a {@link GradeOutcomesResult}. @category Outcomes */
export interface GradeOutcomeRow {
  readonly grade: string;
  readonly count: number;
  readonly events: number;
  /** `events / count`, exact. */
  readonly rate: Decimal;
  /** Wilson score interval of the rate. */
  readonly interval: { readonly lower: number; readonly upper: number };
  /** This grade's share of all events. */
  readonly eventShare: Decimal | null;
  /** Share of all events in this grade and the ones before it. */
  readonly cumulativeCapture: Decimal | null;
  /** The grade's rate over the overall rate. */
  readonly lift: Decimal | null;
}

/** The result of {@link gradeOutcomes}. @category Outcomes */
export interface GradeOutcomesResult {
  readonly rows: readonly GradeOutcomeRow[];
  readonly count: number;
  readonly events: number;
  readonly rate: Decimal;
  /**
   * How the event rate moves down the grades: `'increasing'` or `'decreasing'` when it never
   * reverses (ties allowed), `'constant'`, or `false` when it does reverse (see `inversions`).
   */
  readonly monotonic: 'increasing' | 'decreasing' | 'constant' | false;
  /** Adjacent grades whose rates go against the overall direction (from the first grade's rate to the last's; with
   * equal ends, the first move's). */
  readonly inversions: readonly { readonly from: string; readonly to: string }[];
}

const CHURN_LEVELS = ['none', 'watch', 'warning', 'critical'];

/**
 * Calibration by grade: per grade (or churn level, or value class) the accounts, the events,
 * the event rate with its Wilson interval, the share of all events, the cumulative capture and
 * the lift, with a flag when the rate is not monotone across the grades.
 *
 * Wilson interval: Wilson (1927), "Probable inference, the law of succession, and statistical
 * inference", JASA 22:209–212. Capture and lift as in a gains table (Siddiqi 2006, ch. 6).
 *
 * @example
 * ```ts
 * import { gradeOutcomes } from 'clientele/outcomes';
 * const result = gradeOutcomes(['A', 'A', 'B', 'B', 'C', 'C'], [0, 0, 0, 1, 1, 1]);
 * result.rows.map((row) => row.rate.toString()); // ['0', '0.5', '1']
 * result.monotonic; // 'increasing'
 * ```
 * @throws {ValidationError} when the arrays differ in length or are empty, a grade is not a
 *   string (or a result with `grade` / `level` / `customerClass` / `class` / `tier`), or an outcome is not 0/1/boolean.
 * @category Outcomes
 */
export function gradeOutcomes(
  grades: readonly unknown[],
  outcomes: readonly unknown[],
  options: GradeOutcomesOptions = {},
): GradeOutcomesResult {
  return withDisplay(
    readingInput('grades', 'gradeOutcomes', () => {
      const list = readArray(grades, 'grades', 'gradeOutcomes');
      if (list.length === 0) fail('grades', 'at least one account', 'an empty array', 'gradeOutcomes');
      const labels = readOutcomes(outcomes, list.length, 'gradeOutcomes');
      const z = options.z ?? Z95;
      if (typeof z !== 'number' || !(z > 0) || !Number.isFinite(z))
        fail('options.z', 'a positive normal quantile', z, 'gradeOutcomes');
      const tally = new Map<string, { count: number; events: number }>();
      list.forEach((item, index) => {
        const grade = readGrade(item, `grades[${index}]`);
        const entry = tally.get(grade) ?? { count: 0, events: 0 };
        entry.count++;
        entry.events += labels[index]!;
        tally.set(grade, entry);
      });
      const order = orderOf([...tally.keys()], options.order);
      const total = { count: list.length, events: labels.reduce((a, b) => a + b, 0) };
      let cumulative = 0;
      const rows = order.map((grade) => {
        const { count, events } = tally.get(grade)!;
        cumulative += events;
        return Object.freeze({
          grade,
          count,
          events,
          rate: ratio(events, count)!,
          interval: Object.freeze(wilsonInterval(events, count, z)!),
          eventShare: ratio(events, total.events),
          cumulativeCapture: ratio(cumulative, total.events),
          lift: total.events === 0 ? null : ratio(events * total.count, count * total.events),
        });
      });
      const { monotonic, inversions } = monotonicity(rows);
      return Object.freeze({
        rows: Object.freeze(rows),
        count: total.count,
        events: total.events,
        rate: ratio(total.events, total.count)!,
        monotonic,
        inversions: Object.freeze(inversions),
      });
    }),
    'Grade outcomes',
  );
}

function orderOf(seen: string[], given: readonly string[] | undefined): string[] {
  if (given !== undefined) {
    if (!Array.isArray(given) || !given.every((grade) => typeof grade === 'string'))
      fail('options.order', 'an array of grade ids', given, 'gradeOutcomes');
    return [...given.filter((grade) => seen.includes(grade)), ...seen.filter((grade) => !given.includes(grade))];
  }
  if (seen.every((grade) => CHURN_LEVELS.includes(grade))) return CHURN_LEVELS.filter((level) => seen.includes(level));
  return [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function monotonicity(
  rows: readonly GradeOutcomeRow[],
): Pick<GradeOutcomesResult, 'monotonic'> & { inversions: { from: string; to: string }[] } {
  const first = rows[0]!.rate;
  const last = rows[rows.length - 1]!.rate;
  // the direction runs from the first grade's rate to the last's; with equal ends, the first move sets it
  let direction = last.comparedTo(first);
  for (let i = 1; direction === 0 && i < rows.length; i++) direction = rows[i]!.rate.comparedTo(rows[i - 1]!.rate);
  const inversions: { from: string; to: string }[] = [];
  let moved = false;
  for (let i = 1; i < rows.length; i++) {
    const step = rows[i]!.rate.comparedTo(rows[i - 1]!.rate);
    if (step !== 0) moved = true;
    if (step !== 0 && step !== direction) inversions.push({ from: rows[i - 1]!.grade, to: rows[i]!.grade });
  }
  if (inversions.length > 0) return { monotonic: false, inversions };
  return { monotonic: !moved ? 'constant' : direction > 0 ? 'increasing' : 'decreasing', inversions };
}
