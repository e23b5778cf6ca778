import { checkDegreesOfFreedom, checkFinite } from '../internal/checks.js';
import { clampProbability, LARGE_DF, normalCdf, normalDensity, regularizedIncompleteBeta } from './special.js';

/**
 * The cumulative distribution function of Student's t distribution: P(T ≤ t) with `df` degrees of
 * freedom (any real df > 0, as Welch's test needs).
 *
 * Computed from the regularised incomplete beta function:
 * P(T ≤ t) = 1 − ½·I_{df/(df+t²)}(df/2, ½) for t ≥ 0 (Abramowitz & Stegun 26.7.1). From df = 10⁷
 * on, the normal limit with its first correction, Φ(t) − φ(t)·(t³ + t)/(4·df) (A&S 26.7.5), whose
 * error is O(df⁻²). Absolute error below 1e-13 for every legal argument; the result is always in
 * [0, 1], non-decreasing in t, and the same double on every JavaScript engine.
 *
 * @param t - The point.
 * @param df - Degrees of freedom, > 0.
 * @returns A probability in [0, 1].
 * @throws {ValidationError} when `t` is not finite or `df` is not a finite number > 0.
 * @example
 * ```ts
 * import { studentTCdf } from 'clientele';
 * studentTCdf(2.228138851986274, 10); // ≈ 0.975
 * ```
 * @category Statistics
 */
export function studentTCdf(t: number, df: number): number {
  checkFinite(t, 't', 'studentTCdf');
  checkDegreesOfFreedom(df, 'df', 'studentTCdf');
  if (df >= LARGE_DF) {
    // the next term of the expansion is O(φ(t)·t⁷/df²): below 1e-13 from df = 1e7 on
    if (Math.abs(t) > 40) return t > 0 ? 1 : 0;
    return clampProbability(normalCdf(t) - (normalDensity(t) * (t * t * t + t)) / (4 * df), 0.5);
  }
  const denominator = df + t * t;
  const tail = 0.5 * regularizedIncompleteBeta(df / denominator, df / 2, 0.5, (t * t) / denominator);
  if (!Number.isFinite(denominator)) return t >= 0 ? 1 : 0; // t² overflowed: all the mass is on one side
  return clampProbability(t >= 0 ? 1 - tail : tail, 0.5);
}
