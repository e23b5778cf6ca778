import { readInput } from '../../shared/input.js';
import { readLevel } from '../internal/checks.js';
import { meanAndVariance, readSample } from '../internal/numbers.js';
import { studentTCdf } from './studentTCdf.js';
import { studentTQuantile } from './studentTQuantile.js';

/** Options of {@link welchMeanDifference}. @category Statistics */
export interface WelchOptions {
  /** Confidence level, strictly between 0 and 1; default 0.95. */
  readonly level?: number | undefined;
}

/**
 * Welch's comparison of two means: `difference` = mean(b) − mean(a), its confidence interval on
 * the Welch–Satterthwaite degrees of freedom, the t statistic and two-sided p-value. The interval
 * fields are `null` with a `reason` when either sample has fewer than two values or both have no
 * spread.
 * @category Statistics
 */
export interface WelchMeanDifference {
  readonly difference: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly level: number;
  readonly df: number | null;
  readonly t: number | null;
  readonly pValue: number | null;
  readonly standardError: number | null;
  readonly a: { readonly n: number; readonly mean: number | null; readonly sd: number | null };
  readonly b: { readonly n: number; readonly mean: number | null; readonly sd: number | null };
  readonly reason?: string | undefined;
}

/**
 * Compares two independent samples' means without assuming equal variances (Welch's t).
 *
 * difference = x̄_b − x̄_a; se = √(s_a²/n_a + s_b²/n_b);
 * df = se⁴ / ((s_a²/n_a)²/(n_a−1) + (s_b²/n_b)²/(n_b−1)); interval = difference ± t(df)·se.
 *
 * Reference: Welch (1947), Biometrika 34; Satterthwaite (1946).
 *
 * @param a - The baseline sample (`null` = missing).
 * @param b - The comparison sample (`null` = missing).
 * @param options - `{ level }`, default 0.95.
 * @throws {ValidationError} when an entry is not a finite number or `level` is not in (0, 1).
 * @example
 * ```ts
 * import { welchMeanDifference } from 'clientele';
 * const d = welchMeanDifference([3, 4, 4, 5, 3], [4, 5, 5, 5, 4, 5]);
 * [d.difference, d.lower, d.upper]; // 0.8666… −0.1676… 1.9009…
 * ```
 * @category Statistics
 */
export function welchMeanDifference(
  a: readonly unknown[],
  b: readonly unknown[],
  options?: WelchOptions,
): WelchMeanDifference {
  // options read through the boundary reader: a revoked proxy or a throwing getter is a ValidationError
  const level = readLevel(readInput(options, 'options', 'welchMeanDifference'), 'welchMeanDifference');
  const first = readSample(a, 'a', 'welchMeanDifference');
  const second = readSample(b, 'b', 'welchMeanDifference');
  return welchFromSamples(first, second, level);
}

/** Welch's comparison of two validated samples. */
export function welchFromSamples(a: ArrayLike<number>, b: ArrayLike<number>, level: number): WelchMeanDifference {
  const summaryA = summarise(a);
  const summaryB = summarise(b);
  const base = { level, a: summaryA.public, b: summaryB.public };
  const difference = summaryA.mean !== null && summaryB.mean !== null ? summaryB.mean - summaryA.mean : null;
  const empty = { lower: null, upper: null, df: null, t: null, pValue: null, standardError: null };
  if (a.length < 2 || b.length < 2)
    return { ...base, ...empty, difference, reason: 'each sample needs at least two values' };
  const va = summaryA.variance / a.length;
  const vb = summaryB.variance / b.length;
  const standardError = Math.sqrt(va + vb);
  if (standardError === 0) return { ...base, ...empty, difference, reason: 'neither sample varies' };
  const df = ((va + vb) * (va + vb)) / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  const d = difference!;
  const half = studentTQuantile(1 - (1 - level) / 2, df) * standardError;
  const t = d / standardError;
  const pValue = 2 * studentTCdf(-Math.abs(t), df);
  return { ...base, difference: d, lower: d - half, upper: d + half, df, t, pValue, standardError };
}

function summarise(values: ArrayLike<number>): {
  mean: number | null;
  variance: number;
  public: { n: number; mean: number | null; sd: number | null };
} {
  if (values.length === 0) return { mean: null, variance: 0, public: { n: 0, mean: null, sd: null } };
  const { mean, variance } = meanAndVariance(values);
  const sd = values.length > 1 ? Math.sqrt(variance) : null;
  return { mean, variance, public: { n: values.length, mean, sd } };
}
