import { readLevel } from '../internal/checks.js';
import { meanAndVariance, readSample } from '../internal/numbers.js';
import { studentTQuantile } from './studentTQuantile.js';

/** Options of {@link meanConfidenceInterval}. @category Statistics */
export interface MeanConfidenceIntervalOptions {
  /** Confidence level, strictly between 0 and 1; default 0.95. */
  readonly level?: number | undefined;
}

/**
 * A two-sided Student t confidence interval of a mean. `lower` and `upper` are `null` (with a
 * `reason`) when fewer than two values are given; `mean` is `null` only for an empty sample.
 * @category Statistics
 */
export interface MeanConfidenceInterval {
  readonly mean: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly level: number;
  /** Values used (missing ones skipped). */
  readonly n: number;
  /** Sample standard deviation (n − 1), `null` below two values. */
  readonly sd: number | null;
  /** sd / √n, `null` below two values. */
  readonly standardError: number | null;
  /** Degrees of freedom, n − 1. */
  readonly df: number;
  /** Why the interval (or the mean) is missing, when it is. */
  readonly reason?: string | undefined;
}

/**
 * The Student t confidence interval of a mean: mean ± t(1 − (1 − level)/2, n − 1) · sd/√n.
 *
 * Statistics are `number`s: an interval is an approximation by nature; the mean and spread use a
 * corrected two-pass sum. `null` and `undefined` entries are missing answers and are skipped (n
 * counts the values used).
 *
 * Reference: Student (1908), "The probable error of a mean", Biometrika 6(1).
 *
 * @param values - The sample: numbers (or numeric strings / Decimals); `null` = missing.
 * @param options - `{ level }`, default 0.95.
 * @returns `{ mean, lower, upper, level, n, sd, standardError, df }`.
 * @throws {ValidationError} when an entry is not a finite number or `level` is not in (0, 1).
 * @example
 * ```ts
 * import { meanConfidenceInterval } from 'clientele';
 * const ci = meanConfidenceInterval([4, 5, 3, 4, 4, 5, 2, 4]);
 * [ci.mean, ci.lower, ci.upper]; // 3.875 3.0464… 4.7035…
 * ```
 * @category Statistics
 */
export function meanConfidenceInterval(
  values: readonly unknown[],
  options?: MeanConfidenceIntervalOptions,
): MeanConfidenceInterval {
  const level = readLevel(options, 'meanConfidenceInterval');
  const sample = readSample(values, 'values', 'meanConfidenceInterval');
  return intervalFromSample(sample, level);
}

/** The interval of an already-validated sample. */
export function intervalFromSample(sample: ArrayLike<number>, level: number): MeanConfidenceInterval {
  const n = sample.length;
  if (n === 0) return noInterval(null, level, n, 'no values');
  const { mean, variance } = meanAndVariance(sample);
  if (n < 2) return noInterval(mean, level, n, 'fewer than two values');
  const sd = Math.sqrt(variance);
  const standardError = sd / Math.sqrt(n);
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * standardError;
  return { mean, lower: mean - half, upper: mean + half, level, n, sd, standardError, df: n - 1 };
}

/** A sample too small for an interval: the mean if there is one, and why there is no interval. */
function noInterval(mean: number | null, level: number, n: number, reason: string): MeanConfidenceInterval {
  return { mean, lower: null, upper: null, level, n, sd: null, standardError: null, df: 0, reason };
}
