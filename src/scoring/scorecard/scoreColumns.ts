import type { Decimal } from 'decimal.js';
import { toRecordError, type RecordError } from '../../shared/batch.js';
import { ValidationError, describeValue, makeIssue } from '../../shared/errors.js';
import { ExactDecimal } from '../../shared/numeric.js';
import { rational, rationalToDecimal } from '../../shared/rational.js';
import type { GradeBands } from '../grades/types.js';
import { fastPlanOf, type Core } from './core.js';
import type { FastPlan } from './fastPlan.js';
import { rankOf, toMillionths } from './plan.js';
import type { ScorecardInput } from './defineScorecard.js';
import { evaluate } from './evaluate.js';
import { resolveModel, resolveSettings } from './resolve.js';
import type { ScoreOptions, Scorecard } from './types.js';
import { readingInput } from '../../shared/input.js';

/** Columnar input: one array of ratings per factor id, all of the same length. @category Scorecard */
export type RatingColumns = Readonly<Record<string, ArrayLike<unknown>>>;

/** Options of `scoreColumns`. @category Scorecard */
export interface ColumnOptions extends Omit<ScoreOptions, 'ignoreUnknown'> {
  /** Record ids, parallel to the columns, used in the error list. */
  readonly ids?: ArrayLike<string>;
}

/**
 * Exact totals and grades of a whole portfolio in columnar form: the portfolio-scale fast path.
 * @category Scorecard
 */
export interface ColumnScores {
  readonly count: number;
  /**
   * Integer numerators: `total(i) = numerators[i] / denominator` exactly. `NaN` for a row that
   * went through the exact fallback or failed (see {@link ColumnScores.total}).
   */
  readonly numerators: Float64Array;
  /** The common denominator of every fast-path total (`null` when the model has no fast path). */
  readonly denominator: Decimal | null;
  /** Grade rank per row (0 = best band; −1 when ungraded or failed). */
  readonly grades: Int32Array;
  /** Grade ids by rank (from the bands used). */
  readonly gradeIds: readonly string[];
  /** Rows that could not be scored, with their index, id and issues. */
  readonly errors: RecordError[];
  /** The exact total of row `i` as a Decimal, or `null` if the row failed. */
  total(index: number): Decimal | null;
  /** The grade id of row `i`, or `null`. */
  grade(index: number): string | null;
}

/**
 * Scores a whole portfolio held as columns (one array per factor), exactly, at the speed of a
 * plain floating-point loop: ratings with up to six decimals are summed as integers, every total
 * is an exact fraction over one common denominator, and grade edges are compared as integers.
 * Rows the fast path cannot prove exact (strings, Decimals, more decimals) are scored by the exact
 * path; bad rows are reported in `errors`. Nothing is lost and nothing is rounded.
 *
 * @param model - A compiled scorecard (or its JSON).
 * @param columns - `{ tenure: Float64Array | number[], … }`, one column per factor, equal lengths.
 * @param options - Normalisation, clamping, grade bands, missing-value policy, row ids.
 * @throws {ValidationError} when a factor's column is absent or the columns differ in length.
 * @example
 * ```ts
 * import { potentialValueModel, scoreColumns } from 'clientele';
 * const columns = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, [factor.max.toNumber(), factor.min.toNumber()]]));
 * const scores = scoreColumns(potentialValueModel, columns);
 * scores.total(0)?.toString(); // '100'
 * scores.grade(1); // 'D'
 * ```
 * @category Scorecard
 */
export function scoreColumns(
  model: Scorecard | ScorecardInput,
  columns: RatingColumns,
  options?: ColumnOptions,
): ColumnScores {
  // columns are read in place (a snapshot of a million-row column would cost more than scoring it)
  return readingInput('columns', 'scoreColumns', () => scoreReadableColumns(model, columns, options));
}

/** The columns in factor order and their common length; throws when one is absent or of another length. */
function readColumnArrays(core: Core, columns: RatingColumns): { arrays: ArrayLike<unknown>[]; count: number } {
  const issues = [];
  let count = -1;
  const arrays: ArrayLike<unknown>[] = [];
  for (const factor of core.factors) {
    const column = Object.prototype.hasOwnProperty.call(columns, factor.id) ? columns[factor.id] : undefined;
    if (
      column === undefined ||
      column === null ||
      typeof column !== 'object' ||
      typeof (column as ArrayLike<unknown>).length !== 'number'
    ) {
      issues.push(makeIssue(`columns.${factor.id}`, 'an array of ratings', describeValue(column), 'invalid_type'));
      continue;
    }
    if (count === -1) count = column.length;
    else if (column.length !== count)
      issues.push(makeIssue(`columns.${factor.id}`, `a column of length ${count}`, `length ${column.length}`));
    arrays.push(column);
  }
  if (issues.length > 0) throw new ValidationError(issues, 'scoreColumns');
  return { arrays, count: Math.max(count, 0) };
}

/** The integer pass: numerators and grade ranks of every row the guard admits; flags the others. */
function scoreFastRows(
  core: Core,
  plan: FastPlan,
  arrays: readonly ArrayLike<unknown>[],
  bands: GradeBands | null,
  out: Rows,
): void {
  const { count, numerators, grades, flagged } = out;
  // a local reference: a module namespace getter per call (esbuild, tsx) would stop inlining
  const millionths = toMillionths;
  const sums = plan.categories.map(() => new Float64Array(count));
  for (let f = 0; f < plan.factors.length; f++) {
    const factor = plan.factors[f]!;
    const column = arrays[f]!;
    const sum = sums[factor.category]!;
    const low = factor.min;
    const high = factor.max;
    if (core.factors[f]!.scale !== null) {
      flagged.fill(1);
      continue;
    }
    for (let i = 0; i < count; i++) {
      const value = column[i];
      const s = millionths(value as number); // a string, null or boolean is never equal to its scaled self: NaN
      if (!(s >= low && s <= high))
        flagged[i] = 1; // NaN: not exact, or not a number
      else sum[i]! += s;
    }
  }
  for (let i = 0; i < count; i++) {
    let n = 0;
    for (let c = 0; c < sums.length; c++) {
      const category = plan.categories[c]!;
      n += category.coefficient * (sums[c]![i]! - category.base);
    }
    numerators[i] = n;
  }
  if (bands) {
    const thresholds = plan.thresholds(bands);
    const rank = rankOf;
    for (let i = 0; i < count; i++) grades[i] = rank(numerators[i]!, thresholds);
  }
}

/** The row arrays both passes fill. */
interface Rows {
  readonly count: number;
  readonly numerators: Float64Array;
  readonly grades: Int32Array;
  readonly flagged: Uint8Array;
}

function scoreReadableColumns(
  model: Scorecard | ScorecardInput,
  columns: RatingColumns,
  options?: ColumnOptions,
): ColumnScores {
  const { model: compiled, core } = resolveModel(model);
  const settings = resolveSettings(compiled, options);
  const { arrays, count } = readColumnArrays(core, columns);
  const bands = settings.bands;
  const rows: Rows = {
    count,
    numerators: new Float64Array(count),
    grades: new Int32Array(count).fill(-1),
    flagged: new Uint8Array(count),
  };
  const { numerators, grades, flagged } = rows;
  const slow = new Map<number, Decimal>();
  const errors: RecordError[] = [];
  const plan = fastPlanOf(core, settings.normalisation);
  if (plan !== null) scoreFastRows(core, plan, arrays, bands, rows);
  else flagged.fill(1);

  // The exact path for every flagged row: the same plan, read as rationals.
  const ids = options?.ids;
  for (let i = 0; i < count; i++) {
    if (flagged[i] === 0) continue;
    numerators[i] = Number.NaN;
    grades[i] = -1;
    const ratings: Record<string, unknown> = {};
    core.factors.forEach((factor, f) => {
      ratings[factor.id] = arrays[f]![i];
    });
    try {
      const result = evaluate(compiled, core, settings, ratings);
      slow.set(i, result.total);
      grades[i] = result.grade === null || !bands ? -1 : bands.grades.indexOf(result.grade);
    } catch (error) {
      errors.push(toRecordError(error, i, ids ? ids[i] : undefined));
    }
  }

  const denominator = plan === null ? null : new ExactDecimal(plan.denominator.toString());
  const gradeIds = bands ? bands.grades : [];
  return {
    count,
    numerators,
    denominator,
    grades,
    gradeIds,
    errors,
    total(index: number): Decimal | null {
      if (index < 0 || index >= count) return null;
      const n = numerators[index]!;
      if (Number.isNaN(n)) return slow.get(index) ?? null;
      return rationalToDecimal(rational(BigInt(n), plan!.denominator));
    },
    grade(index: number): string | null {
      const rank = grades[index];
      return rank === undefined || rank < 0 ? null : (gradeIds[rank] ?? null);
    },
  };
}
