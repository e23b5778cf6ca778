import type { Decimal } from 'decimal.js';
import { toRecordError, type RecordError } from '../../shared/batch.js';
import { ValidationError, describeValue, makeIssue } from '../../shared/errors.js';
import { ExactDecimal } from '../../shared/numeric.js';
import { rational, rationalToDecimal, type Rational } from '../../shared/rational.js';
import type { GradeBands } from '../grades/types.js';
import {
  resolveFlaggedRows,
  ROUTE_EXACT,
  ROUTE_INTEGER,
  ROUTE_KEPT,
  columnModel,
  exactRowTotal,
  integerPass,
  rowSum,
  type ColumnModel,
  type RowContext,
} from './columnRows.js';
import { fingerprintBlock, rowFingerprint, wordView } from './columnFingerprints.js';
import { fastPlanOf, planOf, type Core } from './core.js';
import type { ScorecardPlan } from './plan.js';
import type { FastPlan } from './fastPlan.js';
import type { ScorecardInput } from './defineScorecard.js';
import { evaluate, type Settings } from './evaluate.js';
import { resolveModel, resolveSettings } from './resolve.js';
import type { ScoreOptions, Scorecard } from './types.js';
import { readingInput } from '../../shared/input.js';
import { JsonFloat64Array, JsonInt32Array } from '../../shared/jsonTypedArrays.js';

/** Columnar input: one array of ratings per factor id, all of the same length. @category Scorecard */
export type RatingColumns = Readonly<Record<string, ArrayLike<unknown>>>;

/** Options of `scoreColumns`. @category Scorecard */
export interface ColumnOptions extends Omit<ScoreOptions, 'ignoreUnknown'> {
  /** Record ids, parallel to the columns, used in the error list. */
  readonly ids?: ArrayLike<string> | undefined;
  /**
   * What `total(i)` of a row beyond the integer path (arbitrary doubles, decimal strings) reads,
   * since its exact total is worked out when read:
   *
   * - left out (the default): from a `Float64Array` column, the cell in your column when called,
   *   checked first against a 32-bit fingerprint of the row's `Float64Array` cells taken during the
   *   call; if they changed, `total(i)` throws a `ValidationError` at `columns[i]`. A change of one
   *   32-bit half of one cell (any single bit: `-0` for `0`) is always detected; any other change
   *   (both halves of a cell, several cells) escapes with a chance of about 2^-32 when it has
   *   nothing to do with the hash. Cells of other columns (plain arrays,
   *   strings) are copied during the call, as with `true`.
   * - `true`: from a copy of the row's cells taken during the call, so you may refill your arrays
   *   afterwards (a stream of chunks into reused `Float64Array`s); costs a copy of a whole column per
   *   factor when ratings are arbitrary doubles.
   * - `false`: from your columns when called, unchecked; you must not change them while you use the
   *   result: a changed rating gives a total that no longer matches its grade (even one outside the
   *   scorecard's range), and a cell that can no longer be read as a rating makes `total(i)` throw a
   *   `ValidationError` at `columns[i]`.
   *
   * Grades, numerators and errors are computed during the call in every case.
   */
  readonly copy?: boolean | undefined;
}

/**
 * Exact totals and grades of a whole portfolio in columnar form: the portfolio-scale fast path.
 * @category Scorecard
 */
export interface ColumnScores {
  readonly count: number;
  /**
   * Integer numerators: `total(i) = numerators[i] / denominator` exactly, for every row whose
   * ratings are plain numbers with at most six decimals. `NaN` for any other row (a double with
   * more decimals, a string, a clamped or failed row): read {@link ColumnScores.total}. Serialises
   * as a JSON array.
   */
  readonly numerators: Float64Array;
  /** The common denominator of every fast-path total (`null` when the model has no fast path). */
  readonly denominator: Decimal | null;
  /** Grade rank per row (0 = best band; −1 when ungraded or failed). Serialises as a JSON array. */
  readonly grades: Int32Array;
  /** Grade ids by rank (from the bands used). */
  readonly gradeIds: readonly string[];
  /** Rows that could not be scored, with their index, id and issues. */
  readonly errors: RecordError[];
  /**
   * The exact total of row `i` as a Decimal, or `null` if the row failed: the same Decimal `score`
   * gives. A row beyond the integer path is summed exactly (in BigInt rationals) when read: by
   * default from your `Float64Array` columns once the row's fingerprint matches (other columns from
   * a copy), from a copy of its cells with `copy: true`, from your columns with `copy: false` (see
   * {@link ColumnOptions.copy}).
   * @throws {ValidationError} at `columns[i]` when, by default, the row's `Float64Array` cells
   *   changed after the call, or, with `copy: false`, a cell can no longer be read as a rating.
   */
  total(index: number): Decimal | null;
  /** The grade id of row `i`, or `null`. */
  grade(index: number): string | null;
}

/**
 * Scores a whole portfolio held as columns (one array per factor), exactly, close to the speed of
 * a plain floating-point loop: ratings with up to six decimals are summed as integers, every total
 * is an exact fraction over one common denominator, and grade edges are compared as integers.
 * Any other finite double (`0.1 + 0.2`) or decimal string stays on the columnar path: its row is
 * graded from a floating-point sum with a proven error bound, and exactly (BigInt rationals) only
 * when the bound straddles a grade edge; its exact total is worked out when `total(i)` is read,
 * from your columns, checked against a fingerprint of the row taken during the call (pass
 * `copy: true` to keep a snapshot instead, if you refill the arrays; see {@link ColumnOptions.copy}).
 * Rows that need the missing-value policy, a scale or an error report take `score`'s exact path;
 * bad rows are reported in `errors`. Every total and grade equals `score`'s on the same record.
 *
 * @param model - A compiled scorecard (or its JSON).
 * @param columns - `{ tenure: Float64Array | number[], … }`, one column per factor, equal lengths.
 * @param options - Normalisation, clamping, grade bands, missing-value policy, row ids, `copy`.
 * @throws {ValidationError} when a factor's column is absent, the columns differ in length, or
 *   `options.copy` is neither a boolean nor left out.
 * @example
 * ```ts
 * import { potentialValueModel, scoreColumns } from 'clientele';
 * const columns = Object.fromEntries(
 *   potentialValueModel.factors.map((factor) => [factor.id, [factor.max.toNumber(), factor.min.toNumber()]]),
 * );
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

/** The bands' lower edges in numerator units (as doubles) and their largest magnitude. */
function edgesOf(bands: GradeBands | null, denominator: bigint): { edges: number[]; scale: number } {
  if (!bands) return { edges: [], scale: 0 };
  const edges = bands.bands.map((band) => {
    const lower = band.interval.lower;
    if (!lower) return -Infinity;
    return rationalToDecimal(rational(lower.exact.numerator * denominator, lower.exact.denominator)).toNumber();
  });
  return { edges, scale: Math.max(0, ...edges.filter((edge) => edge !== -Infinity).map(Math.abs)) };
}

/** How the cells of kept rows are held for `total(i)` (`copy: true`, `false`, left out). */
const SNAPSHOT = 0;
const TRUST = 1;
const VERIFY = 2;
type CopyMode = typeof SNAPSHOT | typeof TRUST | typeof VERIFY;

/**
 * What `total(i)` reads of the rows graded beyond the integer path ("kept" rows), taken block by
 * block right after pass 2, while the block is in the cache.
 *
 * - `SNAPSHOT` (`copy: true`): a copy of their cells (the caller may change the columns after the
 *   call). A block with few kept rows keeps those rows' cells alone; in the first block with many,
 *   a `Float64Array` column is copied whole in one call (one copy of the whole buffer costs less
 *   than one a block) and the passes read the copy from then on (it takes the column's place in
 *   the shared column list), so every later block is read from the snapshot itself; any other
 *   column is copied cell by cell, the block's cells each time.
 * - `VERIFY` (the default): the `Float64Array` cells are not copied; each kept row gets a 32-bit
 *   fingerprint of them (columnFingerprints.ts), checked against the caller's columns when the
 *   row's total is read. Any other column is copied as under `SNAPSHOT`.
 * - `TRUST` (`copy: false`): nothing is kept; the cells are read from the columns when asked for.
 */
class KeptCells {
  /** The columns the passes read (the same list): under `SNAPSHOT` a `Float64Array` is replaced by its copy. */
  private readonly arrays: ArrayLike<unknown>[];
  private readonly count: number;
  private readonly mode: CopyMode;
  /** Whole-column copies (allocated when a block is first copied); none of a fingerprinted column. */
  private readonly copies: (Float64Array | unknown[] | undefined)[];
  /** The cells of kept rows in blocks that were not copied whole. */
  private readonly rows = new Map<number, unknown[]>();
  /** `VERIFY`: the word views of the `Float64Array` columns, in factor order (built once per call). */
  private readonly views: Int32Array[];
  /** `VERIFY`: the fingerprint of each kept row (allocated at the first block with kept rows). */
  private fingerprints: Int32Array | null = null;
  /** Whether any column is copied (every one under `SNAPSHOT`, the others than `Float64Array` under `VERIFY`). */
  private readonly copying: boolean;

  constructor(arrays: ArrayLike<unknown>[], count: number, mode: CopyMode = SNAPSHOT) {
    this.arrays = arrays;
    this.count = count;
    this.mode = mode;
    this.copies = arrays.map(() => undefined);
    const typed = arrays.filter((column): column is Float64Array => column instanceof Float64Array);
    this.views = mode === VERIFY ? typed.map(wordView) : [];
    this.copying = mode === SNAPSHOT || (mode === VERIFY && typed.length < arrays.length);
  }

  /** Keeps what `total(i)` needs of the kept rows of `[start, end)` (`kept` of them). */
  keep(routes: Uint8Array, start: number, end: number, kept: number): void {
    const dense = kept * 16 > end - start;
    if (this.views.length > 0) this.fingerprint(routes, start, end, dense);
    if (!this.copying) return;
    if (dense) {
      this.copyBlock(start, end);
      return;
    }
    const keptRoute = ROUTE_KEPT; // a local: an imported binding may be a getter per read under some bundlers
    for (let i = start; i < end; i++) {
      if (routes[i] !== keptRoute) continue;
      this.rows.set(
        i,
        this.arrays.map((column) => column[i]),
      );
    }
  }

  /** Fingerprints the kept rows of `[start, end)`: every row of a dense block, column by column. */
  private fingerprint(routes: Uint8Array, start: number, end: number, dense: boolean): void {
    const fingerprints = (this.fingerprints ??= new Int32Array(this.count));
    if (dense) {
      fingerprintBlock(this.views, start, end, fingerprints, start);
      return;
    }
    const keptRoute = ROUTE_KEPT;
    for (let i = start; i < end; i++) if (routes[i] === keptRoute) fingerprints[i] = rowFingerprint(this.views, i)!;
  }

  /** Copies the block's cells of every copied column (a `Float64Array` under `SNAPSHOT` whole, once). */
  private copyBlock(start: number, end: number): void {
    this.arrays.forEach((column, f) => {
      if (column instanceof Float64Array) {
        if (this.mode !== SNAPSHOT || this.copies[f] !== undefined) return; // fingerprinted, or its copy already
        const copy = new Float64Array(column);
        this.copies[f] = copy;
        this.arrays[f] = copy;
      } else {
        const copy = (this.copies[f] ??= new Array<unknown>(this.count)) as unknown[];
        for (let i = start; i < end; i++) copy[i] = column[i];
      }
    });
  }

  /**
   * The cells of a kept row (kept by {@link KeptCells.keep}). Under `VERIFY`, first checks the
   * row's fingerprint against the caller's `Float64Array` columns.
   * @throws {ValidationError} at `columns[row]` when those cells changed after the call.
   */
  cells(row: number): unknown[] {
    if (this.mode === TRUST) return this.arrays.map((column) => column[row]);
    if (this.views.length > 0 && rowFingerprint(this.views, row) !== this.fingerprints![row]) {
      const expected = 'the ratings scoreColumns read (pass copy: true to keep a snapshot of them)';
      throw new ValidationError(
        [makeIssue(`columns[${row}]`, expected, 'ratings of this row changed after scoreColumns returned')],
        'scoreColumns',
      );
    }
    const cells = this.rows.get(row);
    if (cells) return cells;
    return this.arrays.map((column, f) => {
      const copy = this.copies[f];
      return copy === undefined ? column[row] : copy[row];
    });
  }
}

/** One column model of a fast plan and the objects that keep the passes' hidden classes alive. */
interface ColumnShapes {
  /** The edge scale the model was built for (the largest band edge in numerator units). */
  readonly scale: number;
  readonly model: ColumnModel;
  /** One small instance of each object the passes read (see {@link columnModelOf}). */
  readonly anchors: readonly object[];
}

/** Column models by fast plan: built once per model and band set, kept while the plan lives. */
const columnShapes = /* @__PURE__ */ new WeakMap<FastPlan, ColumnShapes>();

/**
 * The column model of a plan for an edge scale (the last one asked for is kept), with one small
 * instance of each per-call object the passes read: the pass output, the row context, the kept
 * cells, the row sum. Optimised code depends on the hidden classes of these objects, and a full
 * garbage collection that finds no live object of such a class drops them and the code with them,
 * so the next call ran its first blocks unoptimised and paid for compiling the passes again (on a
 * compiler thread, in the process's CPU time). The instances kept here keep the classes alive.
 */
function columnModelOf(core: Core, fast: FastPlan, scale: number): ColumnModel {
  const cached = columnShapes.get(fast);
  if (cached !== undefined && cached.scale === scale) return cached.model;
  const model = columnModel(core, fast, scale);
  const output = passOutput(new JsonFloat64Array(0), new JsonInt32Array(0), new Uint8Array(0), []);
  const context = rowContext(model, [], false, null, [], [], () => rational(0n, 1n));
  const anchors = [output, context, new KeptCells([], 0), rowSum()];
  columnShapes.set(fast, { scale, model, anchors });
  return model;
}

/** The arrays pass 1 writes (one object-literal site: one hidden class for every call). */
function passOutput(numerators: Float64Array, grades: Int32Array, flags: Uint8Array, thresholds: readonly number[]) {
  return { numerators, grades, flags, thresholds: Float64Array.from(thresholds) };
}

/** What pass 2 reads (one object-literal site: one hidden class for every call). */
function rowContext(
  model: ColumnModel,
  arrays: readonly ArrayLike<unknown>[],
  clamp: boolean,
  bands: GradeBands | null,
  thresholds: readonly number[],
  edges: readonly number[],
  exactTotal: (cells: readonly unknown[]) => Rational,
): RowContext {
  return { model, arrays, clamp, bands, thresholds, edges, exactTotal };
}

/** What the rows need after both passes: the route per row and the cells kept for lazy totals. */
interface Rows {
  readonly count: number;
  readonly numerators: Float64Array;
  readonly grades: Int32Array;
  /** ROUTE_INTEGER, ROUTE_KEPT or ROUTE_EXACT per row. */
  readonly routes: Uint8Array;
  /** What `total(i)` reads of ROUTE_KEPT rows (a snapshot, a fingerprint, or nothing: see KeptCells). */
  kept: KeptCells | null;
  /** Totals of ROUTE_EXACT rows that scored (a failed row has none). */
  readonly exact: Map<number, Decimal>;
  readonly errors: RecordError[];
}

/** Scores one row through `evaluate`, as `score` would, recording its total or its error. */
function scoreExactRow(
  compiled: Scorecard,
  core: Core,
  settings: Settings,
  arrays: readonly ArrayLike<unknown>[],
  rows: Rows,
  i: number,
  ids: ArrayLike<string> | undefined,
): void {
  const bands = settings.bands;
  rows.routes[i] = ROUTE_EXACT;
  const ratings: Record<string, unknown> = {};
  core.factors.forEach((factor, f) => {
    ratings[factor.id] = arrays[f]![i];
  });
  try {
    const result = evaluate(compiled, core, settings, ratings);
    rows.exact.set(i, result.total);
    rows.grades[i] = result.grade === null || !bands ? -1 : bands.grades.indexOf(result.grade);
  } catch (error) {
    rows.grades[i] = -1;
    rows.errors.push(toRecordError(error, i, ids ? ids[i] : undefined));
  }
}

/** `copy: true` snapshots, `false` trusts, left out (or `undefined`) verifies; anything else is refused. */
function copyModeOf(copy: unknown): CopyMode {
  if (copy === undefined) return VERIFY;
  if (copy === true) return SNAPSHOT;
  if (copy === false) return TRUST;
  throw new ValidationError(
    [makeIssue('options.copy', 'true or false', describeValue(copy), 'invalid_type')],
    'scoreColumns',
  );
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
    numerators: new JsonFloat64Array(count),
    grades: bands ? new JsonInt32Array(count) : new JsonInt32Array(count).fill(-1),
    routes: new Uint8Array(count),
    kept: null,
    exact: new Map(),
    errors: [],
  };
  const fast = fastPlanOf(core, settings.normalisation);
  const plan = planOf(core, settings.normalisation);
  const { edges, scale } = edgesOf(bands, fast === null ? 1n : fast.denominator);
  const shape = fast === null ? null : columnModelOf(core, fast, scale);
  const ids = options?.ids;
  const mode = copyModeOf(options?.copy);
  if (fast === null || shape === null || !shape.safe || !shape.direct) {
    rows.numerators.fill(Number.NaN);
    for (let i = 0; i < count; i++) scoreExactRow(compiled, core, settings, arrays, rows, i, ids);
  } else {
    const thresholds = bands ? fast.thresholds(bands) : [];
    const out = passOutput(rows.numerators, rows.grades, rows.routes, thresholds);
    const exactTotal = (cells: readonly unknown[]) => exactRowTotal(plan, cells, settings.clamp);
    const context = rowContext(shape, arrays, settings.clamp, bands, thresholds, edges, exactTotal);
    const exactRow = (i: number) => scoreExactRow(compiled, core, settings, arrays, rows, i, ids);
    const kept = new KeptCells(arrays, count, mode);
    rows.kept = kept;
    integerPass(shape, arrays, out, (start, end) => {
      const inBlock = resolveFlaggedRows(context, out, exactRow, start, end);
      if (inBlock > 0) kept.keep(rows.routes, start, end, inBlock);
    });
  }
  return columnScores(rows, fast === null ? null : fast.denominator, bands, plan, settings.clamp);
}

/** The result object: typed arrays that serialise as JSON arrays, totals read on demand. */
function columnScores(
  rows: Rows,
  denominator: bigint | null,
  bands: GradeBands | null,
  plan: ScorecardPlan,
  clamp: boolean,
): ColumnScores {
  const { count, numerators, grades, routes, kept, exact, errors } = rows;
  const gradeIds = bands ? bands.grades : [];
  return {
    count,
    numerators,
    denominator: denominator === null ? null : new ExactDecimal(denominator.toString()),
    grades,
    gradeIds,
    errors,
    total(index: number): Decimal | null {
      if (!(index >= 0 && index < count)) return null;
      const route = routes[index];
      if (route === ROUTE_INTEGER) return rationalToDecimal(rational(BigInt(numerators[index]!), denominator!));
      if (route === ROUTE_KEPT)
        // by default and under copy: false the cells are read now, from the caller's columns (by
        // default only after their fingerprint matched): one that can no longer be read, or is no
        // longer a rating, is a ValidationError rather than a raw error
        return readingInput(`columns[${index}]`, 'scoreColumns', () =>
          rationalToDecimal(exactRowTotal(plan, kept!.cells(index), clamp)),
        );
      return exact.get(index) ?? null;
    },
    grade(index: number): string | null {
      const rank = grades[index];
      return rank === undefined || rank < 0 ? null : (gradeIds[rank] ?? null);
    },
  };
}
