import { ValidationError, describeValue, fail, joinPath, makeIssue, type Issue } from '../../shared/errors.js';
import { readLevel } from '../internal/checks.js';
import { fisherFQuantile } from '../statistics/fisherFQuantile.js';
import { readInput, readingInput } from '../../shared/input.js';
import {
  completeRows,
  completeSums,
  itemMoments,
  pairwiseSums,
  type AlphaSums,
  type ItemMoments,
  type MatrixSums,
} from './alphaSums.js';

/** How {@link cronbachAlpha} treats missing answers. @category Reliability */
export type AlphaMissingPolicy = 'pairwise' | 'listwise';

/** Options of {@link cronbachAlpha}. @category Reliability */
export interface CronbachAlphaOptions {
  /**
   * `'pairwise'` (default, as pingouin and `psych::alpha(use = "pairwise")`): each item variance
   * from that item's answers, each covariance from the respondents who answered both items, n = all
   * respondents. `'listwise'`: only respondents who answered every item; n = those respondents.
   */
  readonly missing?: AlphaMissingPolicy | undefined;
  /** Level of the Feldt interval, strictly between 0 and 1; default 0.95. */
  readonly level?: number | undefined;
}

/** Descriptive statistics of one item, as {@link cronbachAlpha} saw it. @category Reliability */
export interface AlphaItemStatistics {
  /** Position of the item (column) in the rows. */
  readonly index: number;
  /** Answers to this item among the respondents used. */
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  /** Raw alpha without this item (`null` when undefined). */
  readonly alphaIfDeleted: number | null;
  /** Correlation of the item with the total of the other items (psych's `r.drop`). */
  readonly correctedItemTotalCorrelation: number | null;
  /** True when dropping the item would raise alpha. */
  readonly raisesAlphaWhenDeleted: boolean;
}

/**
 * Cronbach's alpha with the statistics an analyst reads beside it. Undefined quantities are
 * `null`, and `reason` says why; nothing is ever `NaN`.
 * @category Reliability
 */
export interface CronbachAlphaResult {
  /** Raw alpha from sample (n − 1) covariances; `null` with a `reason` when undefined. */
  readonly alpha: number | null;
  /** Alpha of the correlation matrix (standardised items), psych's `std.alpha`. */
  readonly standardizedAlpha: number | null;
  /** Mean inter-item correlation, psych's `average_r`. */
  readonly averageCorrelation: number | null;
  /** Raw alpha with each item left out, in item order. */
  readonly alphaIfDeleted: readonly (number | null)[];
  /** Standardised alpha with each item left out, in item order. */
  readonly standardizedAlphaIfDeleted: readonly (number | null)[];
  /** Correlation of each item with the total including it (psych's `raw.r`). */
  readonly itemTotalCorrelation: readonly (number | null)[];
  /** Correlation of each item with the total of the others (psych's `r.drop`). */
  readonly correctedItemTotalCorrelation: readonly (number | null)[];
  /** Indices of the items whose removal would raise alpha. */
  readonly raisesAlphaWhenDeleted: readonly number[];
  /** Feldt confidence interval (default 95%); bounds `null` when alpha is. */
  readonly ci: { readonly lower: number | null; readonly upper: number | null; readonly level: number };
  /** Respondents used: all rows under `'pairwise'`, complete rows under `'listwise'`. */
  readonly n: number;
  /** Number of items. */
  readonly k: number;
  readonly missing: AlphaMissingPolicy;
  readonly items: readonly AlphaItemStatistics[];
  /** Why `alpha` (or another statistic) is `null`, when it is. */
  readonly reason?: string | undefined;
}

const CONTEXT = 'cronbachAlpha';

/**
 * Cronbach's alpha of a respondents × items table, with the standardised alpha, alpha if an item is
 * deleted, corrected item–total correlations and the Feldt confidence interval.
 *
 * α = k/(k−1)·(1 − Σ var(itemᵢ) / Σᵢⱼ cov(itemᵢ, itemⱼ)) from sample (n − 1) covariances; the
 * interval is Feldt's: 1 − (1 − α)·F(1 − γ/2; n−1, (n−1)(k−1)) to 1 − (1 − α)·F(γ/2; …), γ = 1 − level.
 * Matches pingouin's `cronbach_alpha` and R `psych::alpha` (raw_alpha, std.alpha, alpha.drop,
 * r.drop). Fewer than two items or respondents, a pair of items never answered together, a
 * non-positive total variance, or pairwise covariances so inconsistent that alpha would exceed 1
 * (possible only with missing answers; pingouin would print a value above 1) give `alpha: null`
 * with a `reason`.
 *
 * References: Cronbach (1951), Psychometrika 16(3); Feldt, Woodruff & Salih (1987), Applied
 * Psychological Measurement 11(1). Seed `000_314cca147d0dd30a.txt` motivates measuring each of its
 * six service dimensions with several items, which is what alpha checks.
 *
 * @param rows - One array per respondent, one entry per item: numbers, `null` = missing answer.
 * @param options - `{ missing: 'pairwise' | 'listwise', level }`.
 * @returns At least `{ alpha, alphaIfDeleted, ci: { lower, upper }, n }`.
 * @throws {ValidationError} when rows are not arrays of equal length, an entry is not a finite number
 * or null, or an option is invalid.
 * @example
 * ```ts
 * import { cronbachAlpha } from 'clientele';
 * const result = cronbachAlpha([
 *   [4, 5, 4],
 *   [3, 3, 4],
 *   [5, 5, 5],
 *   [2, 3, 2],
 *   [4, 4, null],
 * ]);
 * [result.alpha, result.ci.lower, result.ci.upper, result.n];
 * ```
 * @category Reliability
 */
export function cronbachAlpha(
  rows: readonly (readonly (number | null | undefined)[])[],
  options?: CronbachAlphaOptions,
): CronbachAlphaResult {
  const level = readLevel(options, CONTEXT);
  const missing = readMissing(options);
  const { data, k, rowCount } = readTable(rows);
  return alphaOfTable(data, rowCount, k, missing, level);
}

/**
 * Size limits of {@link cronbachAlpha}, checked before anything proportional to the table's width is
 * allocated. `cells`: respondents × items in all. Without missing answers (or under `'listwise'`)
 * the cost is O(n·k) time and memory, so the number of items is bounded only by `cells`. Pairwise
 * deletion with missing answers needs every pair's own moments: O(n·k²) time and two k × k
 * matrices, so it takes at most `pairwiseItems` items and `pairwiseVisits` answer pairs
 * (n·k(k+1)/2); beyond them use `missing: 'listwise'`. `answer`: the largest magnitude of one answer
 * (its square, summed over the table, must stay a finite double).
 * @example
 * ```ts
 * import { alphaLimits } from 'clientele';
 * alphaLimits.pairwiseItems; // 1000
 * ```
 * @category Reliability
 */
export const alphaLimits = /* @__PURE__ */ Object.freeze({
  cells: 10_000_000,
  pairwiseItems: 1000,
  pairwiseVisits: 200_000_000,
  answer: 1e150,
});

function readMissing(options: CronbachAlphaOptions | undefined): AlphaMissingPolicy {
  const missing = readInput(options, 'options', CONTEXT)?.missing ?? 'pairwise';
  if (missing !== 'pairwise' && missing !== 'listwise')
    fail('options.missing', 'one of "pairwise", "listwise"', missing, CONTEXT);
  return missing;
}

/** Checks the shape (arrays of one length) and the size, then reads the answers (NaN = missing). */
function readTable(given: unknown): { data: Float64Array; k: number; rowCount: number } {
  // read in place (a snapshot of n·k cells would cost more than alpha itself); a throwing getter or
  // a revoked proxy is still a ValidationError, and a hole reads as a missing answer, as JSON's null
  return readingInput('rows', CONTEXT, () => readRows(given));
}

function readRows(rows: unknown): { data: Float64Array; k: number; rowCount: number } {
  if (!Array.isArray(rows))
    fail('rows', 'an array of rows (one array of item answers per respondent)', rows, CONTEXT, 'invalid_type');
  const k = checkShape(rows);
  const data = new Float64Array(rows.length * k);
  const issues: Issue[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as unknown[];
    for (let i = 0; i < k; i++) {
      const value = row[i];
      if (value === null || value === undefined) data[r * k + i] = Number.NaN;
      else if (typeof value === 'number' && Math.abs(value) <= alphaLimits.answer) data[r * k + i] = value;
      else if (typeof value === 'number' && Number.isFinite(value)) {
        const expected = `an answer within ±${alphaLimits.answer} (its square must fit a double)`;
        issues.push(makeIssue(joinPath(`rows[${r}]`, i), expected, describeValue(value), 'out_of_range'));
      } else
        issues.push(makeIssue(joinPath(`rows[${r}]`, i), 'a finite number or null (missing)', describeValue(value)));
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, CONTEXT);
  return { data, k, rowCount: rows.length };
}

/** The common width of the rows, after checking that every row is an array of it and the table is within limits. */
function checkShape(rows: readonly unknown[]): number {
  const issues: Issue[] = [];
  let k = -1;
  for (let r = 0; r < rows.length; r++) {
    const row: unknown = rows[r];
    if (!Array.isArray(row)) {
      issues.push(makeIssue(`rows[${r}]`, 'an array of item answers', describeValue(row), 'invalid_type'));
      continue;
    }
    if (k === -1) k = row.length;
    else if (row.length !== k)
      issues.push(makeIssue(`rows[${r}]`, `an array of ${k} answers (as rows[0])`, describeValue(row), 'invalid_type'));
  }
  if (issues.length > 0) throw new ValidationError(issues, CONTEXT);
  k = Math.max(k, 0);
  if (rows.length * k > alphaLimits.cells) {
    fail(
      'rows',
      `at most ${alphaLimits.cells} answers in all (respondents × items)`,
      `${rows.length} × ${k}`,
      CONTEXT,
      'out_of_range',
    );
  }
  return k;
}

/** Refuses pairwise deletion beyond {@link alphaLimits} before its k × k matrices are allocated. */
function checkPairwiseCost(n: number, k: number, context: string): void {
  if (k <= alphaLimits.pairwiseItems && (n * k * (k + 1)) / 2 <= alphaLimits.pairwiseVisits) return;
  fail(
    'options.missing',
    `"listwise" for ${k} items with missing answers (pairwise deletion costs n·k² and is limited to ` +
      `${alphaLimits.pairwiseItems} items and ${alphaLimits.pairwiseVisits} answer pairs)`,
    'pairwise',
    context,
    'out_of_range',
  );
}

/**
 * Alpha of a row-major table (NaN = missing). Shared with the per-dimension reliability report.
 * O(n·k) unless pairwise deletion meets missing answers (then O(n·k²), within {@link alphaLimits}).
 * @internal
 */
export function alphaOfTable(
  table: Float64Array,
  rowCount: number,
  k: number,
  missing: AlphaMissingPolicy,
  level: number,
  context = CONTEXT,
): CronbachAlphaResult {
  const { data, n } = missing === 'listwise' ? completeRows(table, rowCount, k) : { data: table, n: rowCount };
  const moments = itemMoments(data, n, k);
  const items = itemStatistics(moments, k);
  const undefinedResult = (reason: string): CronbachAlphaResult => undefinedAlpha(reason, items, n, k, missing, level);
  if (k < 2) return undefinedResult('fewer than two items');
  if (n < 2) return undefinedResult('fewer than two respondents');
  if (moments.hasMissing) checkPairwiseCost(n, k, context);
  const sums = moments.hasMissing ? pairwiseSums(data, n, k) : completeSums(data, n, k, moments);
  if (sums.undefinedReason !== null) return undefinedResult(sums.undefinedReason);
  const alpha = alphaFromSums(k, sums.covariance.trace, sums.covariance.total, sums.covariance.magnitude);
  if (alpha === null) return undefinedResult('the total score has no variance');
  if (Number.isNaN(alpha)) {
    return undefinedResult('the pairwise covariances are inconsistent (alpha would exceed 1); use missing: "listwise"');
  }
  return definedAlpha(alpha, sums, moments.variances, { items, n, k, missing, level });
}

function itemStatistics(moments: ItemMoments, k: number): AlphaItemStatistics[] {
  const items: AlphaItemStatistics[] = [];
  for (let i = 0; i < k; i++) {
    const count = moments.counts[i]!;
    items.push({
      index: i,
      n: count,
      mean: count > 0 ? moments.means[i]! : null,
      sd: count > 1 ? finiteOrNull(Math.sqrt(moments.variances[i]!)) : null,
      alphaIfDeleted: null,
      correctedItemTotalCorrelation: null,
      raisesAlphaWhenDeleted: false,
    });
  }
  return items;
}

function undefinedAlpha(
  reason: string,
  items: AlphaItemStatistics[],
  n: number,
  k: number,
  missing: AlphaMissingPolicy,
  level: number,
): CronbachAlphaResult {
  const nulls = Array.from({ length: k }, () => null);
  return {
    alpha: null,
    standardizedAlpha: null,
    averageCorrelation: null,
    alphaIfDeleted: nulls,
    standardizedAlphaIfDeleted: nulls,
    itemTotalCorrelation: nulls,
    correctedItemTotalCorrelation: nulls,
    raisesAlphaWhenDeleted: [],
    ci: { lower: null, upper: null, level },
    n,
    k,
    missing,
    items,
    reason,
  };
}

interface AlphaFrame {
  readonly items: AlphaItemStatistics[];
  readonly n: number;
  readonly k: number;
  readonly missing: AlphaMissingPolicy;
  readonly level: number;
}

/** The full result once alpha is known: per-item statistics from the row sums, O(k), and the Feldt interval. */
function definedAlpha(alpha: number, sums: AlphaSums, variances: Float64Array, frame: AlphaFrame): CronbachAlphaResult {
  const { items, n, k, missing, level } = frame;
  const { covariance, correlation } = sums;
  const perItem = {
    alphaIfDeleted: [] as (number | null)[],
    standardizedAlphaIfDeleted: [] as (number | null)[],
    itemTotalCorrelation: [] as (number | null)[],
    correctedItemTotalCorrelation: [] as (number | null)[],
    raisesAlphaWhenDeleted: [] as number[],
  };
  for (let i = 0; i < k; i++) {
    const variance = variances[i]!;
    const rowSum = covariance.rowSums[i]!;
    const dropped = definedOrNull(alphaWithout(covariance, variance, k, i));
    const restVariance = covariance.restTotals[i]!;
    const withoutItem =
      variance > 0 && restVariance > 0
        ? correlationOrNull(covariance.restCovariances[i]! / Math.sqrt(variance * restVariance))
        : null;
    const raises = dropped !== null && dropped > alpha;
    perItem.alphaIfDeleted.push(dropped);
    perItem.standardizedAlphaIfDeleted.push(
      correlation === null ? null : definedOrNull(alphaWithout(correlation, 1, k, i)),
    );
    perItem.itemTotalCorrelation.push(
      variance > 0 ? correlationOrNull(rowSum / Math.sqrt(variance * covariance.total)) : null,
    );
    perItem.correctedItemTotalCorrelation.push(withoutItem);
    if (raises) perItem.raisesAlphaWhenDeleted.push(i);
    items[i] = {
      ...items[i]!,
      alphaIfDeleted: dropped,
      correctedItemTotalCorrelation: withoutItem,
      raisesAlphaWhenDeleted: raises,
    };
  }
  const result: CronbachAlphaResult = {
    alpha,
    standardizedAlpha:
      correlation === null
        ? null
        : definedOrNull(alphaFromSums(k, correlation.trace, correlation.total, correlation.magnitude)),
    averageCorrelation: correlation === null ? null : (correlation.total - correlation.trace) / (k * (k - 1)),
    ...perItem,
    ci: feldtInterval(alpha, n, k, level),
    n,
    k,
    missing,
    items,
  };
  return correlation !== null
    ? result
    : { ...result, reason: 'an item has no variance, so the standardised statistics are undefined' };
}

/** Feldt, Woodruff & Salih (1987): 1 − (1 − α)·F(1 − γ/2; n−1, (n−1)(k−1)) to 1 − (1 − α)·F(γ/2; …). */
function feldtInterval(alpha: number, n: number, k: number, level: number): CronbachAlphaResult['ci'] {
  const gamma = 1 - level;
  const df1 = n - 1;
  const df2 = df1 * (k - 1);
  return {
    lower: 1 - (1 - alpha) * fisherFQuantile(1 - gamma / 2, df1, df2),
    upper: 1 - (1 - alpha) * fisherFQuantile(gamma / 2, df1, df2),
    level,
  };
}

function definedOrNull(value: number | null): number | null {
  return value === null || Number.isNaN(value) ? null : value;
}

/** A spread that under- or overflowed (subnormal answers) is undefined, never ±Infinity. */
function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/** A correlation: within [−1, 1] (rounding cannot push it out), `null` when it under- or overflowed. */
function correlationOrNull(value: number): number | null {
  return Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : null;
}

/**
 * Alpha without item i in O(1) from the whole matrix's sums: the trace loses mᵢᵢ and the grand sum
 * loses row i and column i (mᵢᵢ counted once), so alpha-if-deleted for every item costs O(k) in all.
 */
function alphaWithout(sums: MatrixSums, diagonal: number, k: number, i: number): number | null {
  return alphaFromSums(
    k - 1,
    sums.trace - diagonal,
    sums.restTotals[i]!,
    sums.magnitude - 2 * sums.rowMagnitudes[i]! + Math.abs(diagonal),
  );
}

/**
 * Alpha from the trace and the grand sum of a covariance matrix on m items. The total variance is
 * zero when it is within rounding of zero relative to the matrix's entries (`magnitude` bounds
 * Σ|cᵢⱼ|): answers are exact numbers, so a total of 15 for everyone leaves at most a residue of about
 * 1e-16 × Σ|cᵢⱼ|, which would otherwise give alpha ≈ −10¹⁶.
 */
function alphaFromSums(m: number, trace: number, total: number, magnitude: number): number | null {
  if (m < 2) return null;
  if (!(total > ZERO_VARIANCE_TOLERANCE * magnitude)) return null;
  const alpha = (m / (m - 1)) * (1 - trace / total);
  // α > 1 needs Σcov > k·Σvar, impossible for a covariance matrix of real data; it only happens when
  // pairwise covariances from different subsets of respondents do not fit together.
  if (alpha > 1 + 1e-12) return Number.NaN;
  return Math.min(alpha, 1);
}

/** Relative size below which a total variance counts as zero (a few hundred ulps of the entries' sum). */
const ZERO_VARIANCE_TOLERANCE = 1e-13;
