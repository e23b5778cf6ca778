import { checkDegreesOfFreedom, checkProbability } from '../internal/checks.js';
import { inverseRegularizedIncompleteBeta, LARGE_DF, normalQuantile } from './special.js';

/**
 * The quantile function of Student's t distribution: the t with P(T ≤ t) = p, for any real df > 0.
 *
 * Inverts the regularised incomplete beta function (Abramowitz & Stegun 26.7.1), choosing the
 * complementary form near the centre so small quantiles keep their digits; accurate to about
 * 1e-12 relative. From df = 10⁷ on, the Cornish–Fisher expansion z + (z³ + z)/(4·df) around the
 * normal quantile z (A&S 26.7.5), error O(df⁻²). The same double on every JavaScript engine.
 * Implemented here so the library needs no statistics dependency.
 *
 * @param p - Probability, strictly between 0 and 1.
 * @param df - Degrees of freedom, > 0.
 * @returns The quantile.
 * @throws {ValidationError} when `p` is not in (0, 1) or `df` is not a finite number > 0.
 * @example
 * ```ts
 * import { studentTQuantile } from 'clientele';
 * studentTQuantile(0.975, 10); // ≈ 2.228138851986274 (R: qt(0.975, 10))
 * ```
 * @category Statistics
 */
export function studentTQuantile(p: number, df: number): number {
  checkProbability(p, 'p', 'studentTQuantile');
  checkDegreesOfFreedom(df, 'df', 'studentTQuantile');
  if (p === 0.5) return 0;
  if (df >= LARGE_DF) {
    const z = normalQuantile(p);
    return z + (z * z * z + z) / (4 * df);
  }
  const upper = p > 0.5;
  // two-sided tail probability beyond |t|
  const tail = upper ? 2 * (1 - p) : 2 * p;
  let magnitude: number;
  if (tail < 0.5) {
    // x = df / (df + t²) is small: invert I_x(df/2, ½) = tail directly
    const x = inverseRegularizedIncompleteBeta(tail, df / 2, 0.5);
    magnitude = Math.sqrt((df * (1 - x)) / x);
  } else {
    // near the centre: y = t² / (df + t²) solves I_y(½, df/2) = 1 − tail
    const centre = upper ? 2 * p - 1 : 1 - 2 * p;
    const y = inverseRegularizedIncompleteBeta(centre, 0.5, df / 2);
    magnitude = Math.sqrt((df * y) / (1 - y));
  }
  return upper ? magnitude : -magnitude;
}
