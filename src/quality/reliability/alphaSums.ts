/**
 * The sufficient statistics behind Cronbach's alpha and its companions (standardised alpha,
 * alpha-if-deleted, item–total correlations), without ever forming a k × k matrix when every
 * respondent used answered every item.
 *
 * With one set of respondents for all items (listwise, or pairwise without missing answers), every
 * quantity alpha needs is a sum over the covariance matrix C that a single pass over the rows gives:
 * tr C = Σ var(xᵢ), ΣC = var(T) with T = Σxᵢ the total, and the row sums Σⱼ cᵢⱼ = cov(xᵢ, T). The
 * correlation matrix's sums come the same way from the standardised answers zᵢ = (xᵢ − x̄ᵢ)/sᵢ. That
 * is O(n·k) time and O(n + k) memory beyond the table. Pairwise deletion with missing answers has a
 * different set of respondents for every pair, so it needs each of the k(k+1)/2 pair moments:
 * O(n·k²) time and O(k²) memory.
 *
 * @module
 * @internal
 */

/** Trace, grand sum and row sums of a k × k matrix, with a bound on the magnitude of its entries. */
export interface MatrixSums {
  readonly trace: number;
  readonly total: number;
  /** Σⱼ mᵢⱼ per row. */
  readonly rowSums: Float64Array;
  /** Σⱼₗ mⱼₗ over j, l ≠ i per item: the total's variance without item i. */
  readonly restTotals: Float64Array;
  /** Σⱼ≠ᵢ mᵢⱼ per item: the covariance of item i with the rest of the total. */
  readonly restCovariances: Float64Array;
  /** A bound on Σᵢⱼ |mᵢⱼ|: the scale a total variance is compared with to call it zero. */
  readonly magnitude: number;
  /** A bound on Σⱼ |mᵢⱼ| per row. */
  readonly rowMagnitudes: Float64Array;
}

/** Per-item moments over the answers each item received among the respondents used. */
export interface ItemMoments {
  readonly counts: Float64Array;
  readonly means: Float64Array;
  /** Sample (n − 1) variances; exactly 0 for an item answered the same by everyone. */
  readonly variances: Float64Array;
  /** True when some respondent skipped some item. */
  readonly hasMissing: boolean;
}

/** What alpha is computed from: the covariance sums and, when every item varies, the correlation sums. */
export interface AlphaSums {
  readonly covariance: MatrixSums;
  /** `null` when an item has no variance (its correlations are undefined). */
  readonly correlation: MatrixSums | null;
  /** Why alpha is undefined before any arithmetic (a pair of items answered together too rarely). */
  readonly undefinedReason: string | null;
}

/** Counts, means and sample variances of each item over its own answers (NaN = missing): O(n·k). */
export function itemMoments(data: Float64Array, n: number, k: number): ItemMoments {
  const counts = new Float64Array(k);
  const means = new Float64Array(k);
  const variances = new Float64Array(k);
  const lowest = new Float64Array(k).fill(Infinity);
  const highest = new Float64Array(k).fill(-Infinity);
  let hasMissing = false;
  for (let r = 0; r < n; r++) {
    const base = r * k;
    for (let i = 0; i < k; i++) {
      const value = data[base + i]!;
      if (Number.isNaN(value)) {
        hasMissing = true;
        continue;
      }
      counts[i] = counts[i]! + 1;
      means[i] = means[i]! + value;
      if (value < lowest[i]!) lowest[i] = value;
      if (value > highest[i]!) highest[i] = value;
    }
  }
  for (let i = 0; i < k; i++) means[i] = counts[i]! > 0 ? means[i]! / counts[i]! : 0;
  for (let r = 0; r < n; r++) {
    const base = r * k;
    for (let i = 0; i < k; i++) {
      const value = data[base + i]!;
      if (!Number.isNaN(value)) variances[i] = variances[i]! + (value - means[i]!) * (value - means[i]!);
    }
  }
  for (let i = 0; i < k; i++) {
    // an item everyone answered alike has no variance, whatever rounding its mean picked up
    variances[i] = counts[i]! > 1 && lowest[i]! < highest[i]! ? variances[i]! / (counts[i]! - 1) : 0;
  }
  return { counts, means, variances, hasMissing };
}

/**
 * The sums of the covariance and correlation matrices when all items share one set of n respondents
 * (no missing answers in `data`): O(n·k) time, never a k × k matrix.
 */
export function completeSums(data: Float64Array, n: number, k: number, items: ItemMoments): AlphaSums {
  const sds = new Float64Array(k);
  let sdSum = 0;
  let everyItemVaries = true;
  for (let i = 0; i < k; i++) {
    sds[i] = Math.sqrt(items.variances[i]!);
    sdSum += sds[i]!;
    if (!(items.variances[i]! > 0)) everyItemVaries = false;
  }
  const raw = centredSums(data, n, k, items.means, null);
  const covariance: MatrixSums = {
    ...raw,
    // cov(xᵢ, T) = cov(xᵢ, T − xᵢ) + var(xᵢ): a sum, no cancellation
    rowSums: raw.restCovariances.map((value, i) => value + items.variances[i]!),
    trace: sum(items.variances),
    // |cᵢⱼ| ≤ sᵢsⱼ, so Σᵢⱼ|cᵢⱼ| ≤ (Σsᵢ)² and Σⱼ|cᵢⱼ| ≤ sᵢ·Σsⱼ
    magnitude: sdSum * sdSum,
    rowMagnitudes: sds.map((sd) => sd * sdSum),
  };
  if (!everyItemVaries) return { covariance, correlation: null, undefinedReason: null };
  const standardised = centredSums(data, n, k, items.means, sds);
  const correlation: MatrixSums = {
    ...standardised,
    rowSums: standardised.restCovariances.map((value) => value + 1),
    trace: k, // rᵢᵢ = 1 exactly
    magnitude: k * k,
    rowMagnitudes: new Float64Array(k).fill(k),
  };
  return { covariance, correlation, undefinedReason: null };
}

/**
 * Var(T) for T the row total of the answers (or, with `scales`, of the standardised answers), and
 * for every item the variance of the rest of the total T − xᵢ and its covariance with xᵢ, from
 * sample (n − 1) moments: the grand sum of the covariance (or correlation) matrix, its grand sums
 * without each item, and Σⱼ≠ᵢ mᵢⱼ. The rest is read directly (one O(n) pass per item over the
 * row totals), not as var(T) − 2cov(xᵢ, T) + var(xᵢ), which cancels catastrophically when one item
 * carries nearly all of the total's variance.
 */
function centredSums(
  data: Float64Array,
  n: number,
  k: number,
  means: Float64Array,
  scales: Float64Array | null,
): Pick<MatrixSums, 'total' | 'restTotals' | 'restCovariances'> {
  const totals = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const base = r * k;
    let total = 0;
    if (scales === null) for (let i = 0; i < k; i++) total += data[base + i]!;
    else for (let i = 0; i < k; i++) total += (data[base + i]! - means[i]!) / scales[i]!;
    totals[r] = total;
  }
  const restTotals = new Float64Array(k);
  const restCovariances = new Float64Array(k);
  const column = new Float64Array(n);
  const rest = new Float64Array(n);
  for (let i = 0; i < k; i++) {
    const mean = means[i]!;
    const scale = scales === null ? 1 : scales[i]!;
    for (let r = 0; r < n; r++) {
      const value = data[r * k + i]!;
      column[r] = scales === null ? value : (value - mean) / scale;
      rest[r] = totals[r]! - column[r]!;
    }
    const moments = centredMoments(rest, column, n);
    restTotals[i] = moments.variance;
    restCovariances[i] = moments.covariance;
  }
  return { total: centredMoments(totals, totals, n).variance, restTotals, restCovariances };
}

/**
 * Sample variance of `values` and their sample covariance with `other`, both centred on their
 * own means; exactly 0 variance when every value is the same.
 */
function centredMoments(
  values: Float64Array,
  other: Float64Array,
  n: number,
): { variance: number; covariance: number } {
  let sum = 0;
  let otherSum = 0;
  let allEqual = true;
  for (let r = 0; r < n; r++) {
    sum += values[r]!;
    otherSum += other[r]!;
    if (values[r] !== values[0]) allEqual = false;
  }
  const mean = sum / n;
  const otherMean = otherSum / n;
  let squares = 0;
  let products = 0;
  for (let r = 0; r < n; r++) {
    const deviation = values[r]! - mean;
    squares += deviation * deviation;
    products += deviation * (other[r]! - otherMean);
  }
  // equal values have no variance at all, not the residue of a rounded mean
  return { variance: allEqual ? 0 : squares / (n - 1), covariance: allEqual ? 0 : products / (n - 1) };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * The covariance and correlation sums under pairwise deletion with missing answers: for every pair
 * i ≤ j, the respondents who answered both, their means, the sample covariance and both sample
 * variances over that same subset (what pandas' `DataFrame.cov` and R's `cor(use = "pairwise")`
 * compute). O(n·k²) time, two k × k matrices.
 */
export function pairwiseSums(data: Float64Array, n: number, k: number): AlphaSums {
  const C = new Float64Array(k * k);
  const R = new Float64Array(k * k);
  let correlationsDefined = true;
  let undefinedReason: string | null = null;
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const m = pairMoments(data, n, k, i, j);
      if (m.count < 2 && undefinedReason === null) {
        undefinedReason =
          i === j
            ? `item ${i} has fewer than two answers`
            : `items ${i} and ${j} were answered together by fewer than two respondents`;
      }
      C[i * k + j] = m.cov;
      C[j * k + i] = m.cov;
      const scale = Math.sqrt(m.varA * m.varB);
      const r = i === j ? 1 : scale > 0 ? m.cov / scale : Number.NaN;
      if (Number.isNaN(r)) correlationsDefined = false;
      R[i * k + j] = r;
      R[j * k + i] = r;
    }
  }
  if (undefinedReason !== null) return { covariance: matrixSums(C, k), correlation: null, undefinedReason };
  return {
    covariance: matrixSums(C, k),
    correlation: correlationsDefined ? matrixSums(R, k) : null,
    undefinedReason: null,
  };
}

function pairMoments(
  data: Float64Array,
  n: number,
  k: number,
  i: number,
  j: number,
): { count: number; cov: number; varA: number; varB: number } {
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
  return {
    count,
    cov: denominator > 0 ? sab / denominator : 0,
    varA: denominator > 0 ? saa / denominator : 0,
    varB: denominator > 0 ? sbb / denominator : 0,
  };
}

/** Trace, grand sum, Σ|mᵢⱼ| and the row sums of a k × k matrix, in one O(k²) pass. */
function matrixSums(M: Float64Array, k: number): MatrixSums {
  let trace = 0;
  let total = 0;
  let magnitude = 0;
  const rowSums = new Float64Array(k);
  const rowMagnitudes = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    trace += M[i * k + i]!;
    let row = 0;
    let rowMagnitude = 0;
    for (let j = 0; j < k; j++) {
      row += M[i * k + j]!;
      rowMagnitude += Math.abs(M[i * k + j]!);
    }
    rowSums[i] = row;
    rowMagnitudes[i] = rowMagnitude;
    total += row;
    magnitude += rowMagnitude;
  }
  const restTotals = rowSums.map((row, i) => total - 2 * row + M[i * k + i]!);
  const restCovariances = rowSums.map((row, i) => row - M[i * k + i]!);
  return { trace, total, magnitude, rowSums, rowMagnitudes, restTotals, restCovariances };
}

/** The rows of `table` with no missing answer, as a new table (or `table` itself when all are complete). */
export function completeRows(table: Float64Array, rowCount: number, k: number): { data: Float64Array; n: number } {
  const keep: number[] = [];
  for (let r = 0; r < rowCount; r++) {
    let complete = true;
    for (let i = 0; i < k && complete; i++) if (Number.isNaN(table[r * k + i]!)) complete = false;
    if (complete) keep.push(r);
  }
  if (keep.length === rowCount) return { data: table, n: rowCount };
  const data = new Float64Array(keep.length * k);
  keep.forEach((row, at) => data.set(table.subarray(row * k, row * k + k), at * k));
  return { data, n: keep.length };
}
