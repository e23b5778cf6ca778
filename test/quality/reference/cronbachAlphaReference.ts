/**
 * The O(n·k²) implementation of cronbachAlpha as it was before the O(n·k) rewrite (issue 21), kept
 * verbatim as an oracle: the new code must give the same statistics on random data.
 */
import { ValidationError, describeValue, fail, joinPath, makeIssue, type Issue } from '../../../src/shared/errors.js';
import { readLevel } from '../../../src/quality/internal/checks.js';
import { fisherFQuantile } from '../../../src/quality/statistics/fisherFQuantile.js';
import { readInput } from '../../../src/shared/input.js';

/** How {@link cronbachAlpha} treats missing answers. @category Reliability */
export type AlphaMissingPolicy = 'pairwise' | 'listwise';

/** Options of {@link cronbachAlpha}. @category Reliability */
export interface CronbachAlphaOptions {
  /**
   * `'pairwise'` (default, as pingouin and `psych::alpha(use = "pairwise")`): each item variance
   * from that item's answers, each covariance from the respondents who answered both items, n = all
   * respondents. `'listwise'`: only respondents who answered every item; n = those respondents.
   */
  readonly missing?: AlphaMissingPolicy;
  /** Level of the Feldt interval, strictly between 0 and 1; default 0.95. */
  readonly level?: number;
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
  readonly reason?: string;
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
export function cronbachAlphaReference(
  rows: readonly (readonly (number | null | undefined)[])[],
  options?: CronbachAlphaOptions,
): CronbachAlphaResult {
  const level = readLevel(options, CONTEXT);
  const missing = readMissing(options);
  const { data, k, rowCount } = readTable(rows);
  return alphaOfTableReference(data, rowCount, k, missing, level);
}

/**
 * Size limits of cronbachAlpha: at most 1,000 items (the covariance and correlation matrices
 * are k × k, and pairwise deletion keeps k² pair moments, O(n·k²) time) and 10,000,000 answers.
 */
const ALPHA_LIMITS = Object.freeze({ items: 1000, cells: 10_000_000 });

function readMissing(options: CronbachAlphaOptions | undefined): AlphaMissingPolicy {
  const missing = readInput(options, 'options', CONTEXT)?.missing ?? 'pairwise';
  if (missing !== 'pairwise' && missing !== 'listwise')
    fail('options.missing', 'one of "pairwise", "listwise"', missing, CONTEXT);
  return missing;
}

function readTable(given: unknown): { data: Float64Array; k: number; rowCount: number } {
  const rows = readInput(given, 'rows', CONTEXT);
  if (!Array.isArray(rows))
    fail('rows', 'an array of rows (one array of item answers per respondent)', rows, CONTEXT, 'invalid_type');
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
  // the width is caller data: limits checked before anything of size k² or n·k is allocated
  if (k > ALPHA_LIMITS.items)
    fail(
      'rows[0]',
      `at most ${ALPHA_LIMITS.items} items per row (the item covariance matrix is k × k)`,
      `${k} items`,
      CONTEXT,
      'out_of_range',
    );
  if (rows.length * k > ALPHA_LIMITS.cells) {
    fail(
      'rows',
      `at most ${ALPHA_LIMITS.cells} answers in all (respondents × items)`,
      `${rows.length} × ${k}`,
      CONTEXT,
      'out_of_range',
    );
  }
  const data = new Float64Array(rows.length * k);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as unknown[];
    for (let i = 0; i < k; i++) {
      const value = row[i];
      if (value === null || value === undefined) data[r * k + i] = Number.NaN;
      else if (typeof value === 'number' && Number.isFinite(value)) data[r * k + i] = value;
      else issues.push(makeIssue(joinPath(`rows[${r}]`, i), 'a finite number or null (missing)', describeValue(value)));
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, CONTEXT);
  return { data, k, rowCount: rows.length };
}

/**
 * Alpha of a row-major table (NaN = missing). Shared with the per-dimension reliability report.
 * @internal
 */
export function alphaOfTableReference(
  table: Float64Array,
  rowCount: number,
  k: number,
  missing: AlphaMissingPolicy,
  level: number,
): CronbachAlphaResult {
  let data = table;
  let n = rowCount;
  if (missing === 'listwise') {
    const keep: number[] = [];
    for (let r = 0; r < rowCount; r++) {
      let complete = true;
      for (let i = 0; i < k; i++) if (Number.isNaN(table[r * k + i]!)) complete = false;
      if (complete) keep.push(r);
    }
    if (keep.length !== rowCount) {
      data = new Float64Array(keep.length * k);
      keep.forEach((row, at) => data.set(table.subarray(row * k, row * k + k), at * k));
    }
    n = keep.length;
  }
  const nulls = Array.from({ length: k }, () => null);
  const undefinedResult = (reason: string, items: AlphaItemStatistics[] = []): CronbachAlphaResult => ({
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
  });
  const pairs = pairwiseMoments(data, n, k);
  const items: AlphaItemStatistics[] = [];
  for (let i = 0; i < k; i++) {
    const m = pairs.moments[i * k + i]!;
    items.push({
      index: i,
      n: m.count,
      mean: m.count > 0 ? m.meanA : null,
      sd: m.count > 1 ? Math.sqrt(m.cov) : null,
      alphaIfDeleted: null,
      correctedItemTotalCorrelation: null,
      raisesAlphaWhenDeleted: false,
    });
  }
  if (k < 2) return undefinedResult('fewer than two items', items);
  if (n < 2) return undefinedResult('fewer than two respondents', items);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      if (pairs.moments[i * k + j]!.count < 2) {
        const what =
          i === j
            ? `item ${i} has fewer than two answers`
            : `items ${i} and ${j} were answered together by fewer than two respondents`;
        return undefinedResult(what, items);
      }
    }
  }
  const C = new Float64Array(k * k);
  const R = new Float64Array(k * k);
  let correlationsDefined = true;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const m = pairs.moments[Math.min(i, j) * k + Math.max(i, j)]!;
      C[i * k + j] = m.cov;
      const scale = Math.sqrt(m.varA * m.varB);
      if (i === j) R[i * k + j] = 1;
      else if (scale > 0) R[i * k + j] = m.cov / scale;
      else correlationsDefined = false;
    }
  }
  const all = Array.from({ length: k }, (_, i) => i);
  const alpha = alphaOfMatrix(C, k, all);
  if (alpha === null) return undefinedResult('the total score has no variance', items);
  if (Number.isNaN(alpha)) {
    return undefinedResult(
      'the pairwise covariances are inconsistent (alpha would exceed 1); use missing: "listwise"',
      items,
    );
  }
  const standardizedAlpha = definedOrNull(correlationsDefined ? alphaOfMatrix(R, k, all) : null);
  let correlationSum = 0;
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) correlationSum += R[i * k + j]!;
  const averageCorrelation = correlationsDefined ? correlationSum / ((k * (k - 1)) / 2) : null;

  const covariance = matrixSums(C, k);
  const correlation = matrixSums(R, k);
  const { total, rowSums } = covariance;
  const alphaIfDeleted: (number | null)[] = [];
  const standardizedAlphaIfDeleted: (number | null)[] = [];
  const itemTotalCorrelation: (number | null)[] = [];
  const correctedItemTotalCorrelation: (number | null)[] = [];
  const raisesAlphaWhenDeleted: number[] = [];
  for (let i = 0; i < k; i++) {
    const variance = C[i * k + i]!;
    const rowSum = rowSums[i]!;
    const dropped = definedOrNull(alphaWithout(covariance, C, k, i));
    alphaIfDeleted.push(dropped);
    standardizedAlphaIfDeleted.push(definedOrNull(correlationsDefined ? alphaWithout(correlation, R, k, i) : null));
    const withItem = variance > 0 ? rowSum / Math.sqrt(variance * total) : null;
    const restVariance = total - 2 * rowSum + variance;
    const withoutItem =
      variance > 0 && restVariance > 0 ? (rowSum - variance) / Math.sqrt(variance * restVariance) : null;
    itemTotalCorrelation.push(withItem);
    correctedItemTotalCorrelation.push(withoutItem);
    const raises = dropped !== null && dropped > alpha;
    if (raises) raisesAlphaWhenDeleted.push(i);
    items[i] = {
      ...items[i]!,
      alphaIfDeleted: dropped,
      correctedItemTotalCorrelation: withoutItem,
      raisesAlphaWhenDeleted: raises,
    };
  }
  const gamma = 1 - level;
  const df1 = n - 1;
  const df2 = df1 * (k - 1);
  const ci = {
    lower: 1 - (1 - alpha) * fisherFQuantile(1 - gamma / 2, df1, df2),
    upper: 1 - (1 - alpha) * fisherFQuantile(gamma / 2, df1, df2),
    level,
  };
  const result: CronbachAlphaResult = {
    alpha,
    standardizedAlpha,
    averageCorrelation,
    alphaIfDeleted,
    standardizedAlphaIfDeleted,
    itemTotalCorrelation,
    correctedItemTotalCorrelation,
    raisesAlphaWhenDeleted,
    ci,
    n,
    k,
    missing,
    items,
  };
  return correlationsDefined
    ? result
    : { ...result, reason: 'an item has no variance, so the standardised statistics are undefined' };
}

function definedOrNull(value: number | null): number | null {
  return value === null || Number.isNaN(value) ? null : value;
}

/**
 * Alpha of the sub-matrix of `M` on `indices`; `null` below two items or for a non-positive total;
 * NaN (turned into `null` with a reason by the caller) when inconsistent pairwise data push it above 1.
 */
function alphaOfMatrix(M: Float64Array, k: number, indices: readonly number[]): number | null {
  let trace = 0;
  let total = 0;
  let magnitude = 0;
  for (const i of indices) {
    trace += M[i * k + i]!;
    for (const j of indices) {
      total += M[i * k + j]!;
      magnitude += Math.abs(M[i * k + j]!);
    }
  }
  return alphaFromSums(indices.length, trace, total, magnitude);
}

interface MatrixSums {
  trace: number;
  total: number;
  magnitude: number;
  rowSums: Float64Array;
  rowMagnitudes: Float64Array;
}

/** Trace, grand sum, Σ|mᵢⱼ| and the row sums of a k × k matrix, in one O(k²) pass. */
function matrixSums(M: Float64Array, k: number): MatrixSums {
  const sums: MatrixSums = {
    trace: 0,
    total: 0,
    magnitude: 0,
    rowSums: new Float64Array(k),
    rowMagnitudes: new Float64Array(k),
  };
  for (let i = 0; i < k; i++) {
    sums.trace += M[i * k + i]!;
    let row = 0;
    let rowMagnitude = 0;
    for (let j = 0; j < k; j++) {
      row += M[i * k + j]!;
      rowMagnitude += Math.abs(M[i * k + j]!);
    }
    sums.rowSums[i] = row;
    sums.rowMagnitudes[i] = rowMagnitude;
    sums.total += row;
    sums.magnitude += rowMagnitude;
  }
  return sums;
}

/**
 * Alpha without item i in O(1) from the whole matrix's sums: the trace loses mᵢᵢ and the grand sum
 * loses row i and column i (mᵢᵢ counted once), so alpha-if-deleted for every item costs O(k²) in all.
 */
function alphaWithout(sums: MatrixSums, M: Float64Array, k: number, i: number): number | null {
  const diagonal = M[i * k + i]!;
  return alphaFromSums(
    k - 1,
    sums.trace - diagonal,
    sums.total - 2 * sums.rowSums[i]! + diagonal,
    sums.magnitude - 2 * sums.rowMagnitudes[i]! + Math.abs(diagonal),
  );
}

/**
 * Alpha from the trace and the grand sum of a covariance matrix on m items. The total variance is
 * zero when it is within rounding of zero relative to the matrix's entries (`magnitude` = Σ|cᵢⱼ|):
 * answers are exact numbers, so a total of 15 for everyone leaves only a residue of about
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

interface PairMoments {
  count: number;
  meanA: number;
  cov: number;
  varA: number;
  varB: number;
}

/**
 * For every pair i ≤ j: the respondents who answered both, their means, the sample covariance and
 * both sample variances over that same subset (what pandas' `DataFrame.cov` and R's
 * `cor(use = "pairwise")` compute).
 */
function pairwiseMoments(data: Float64Array, n: number, k: number): { moments: PairMoments[] } {
  const moments: PairMoments[] = new Array<PairMoments>(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      let count = 0;
      let sumA = 0;
      let sumB = 0;
      for (let r = 0; r < n; r++) {
        const a = data[r * k + i]!;
        const b = data[r * k + j]!;
        if (Number.isNaN(a) || Number.isNaN(b)) continue;
        count++;
        sumA += a;
        sumB += b;
      }
      const meanA = count > 0 ? sumA / count : 0;
      const meanB = count > 0 ? sumB / count : 0;
      let sab = 0;
      let saa = 0;
      let sbb = 0;
      for (let r = 0; r < n; r++) {
        const a = data[r * k + i]!;
        const b = data[r * k + j]!;
        if (Number.isNaN(a) || Number.isNaN(b)) continue;
        sab += (a - meanA) * (b - meanB);
        saa += (a - meanA) * (a - meanA);
        sbb += (b - meanB) * (b - meanB);
      }
      const denominator = count - 1;
      moments[i * k + j] = {
        count,
        meanA,
        cov: denominator > 0 ? sab / denominator : 0,
        varA: denominator > 0 ? saa / denominator : 0,
        varB: denominator > 0 ? sbb / denominator : 0,
      };
    }
  }
  return { moments };
}
