import { checkDegreesOfFreedom, checkProbability } from '../internal/checks.js';
import { exp } from '../../shared/portableMath.js';
import { inverseRegularizedIncompleteBeta, LARGE_DF, normalQuantile } from './special.js';

/**
 * The quantile function of the F distribution: the x with P(F ≤ x) = p (R's `qf`, SciPy's
 * `f.ppf`). Used for the Feldt confidence interval of Cronbach's alpha.
 *
 * Inverts the regularised incomplete beta function (Abramowitz & Stegun 26.6.2), solving for
 * 1 − x instead of x when x is above ½ so F keeps its digits; accurate to about 1e-12 relative for
 * ordinary df (within 1e-6 relative in the tested range up to df 1e308). When both degrees of
 * freedom are 10⁷ or more, the inverse of Fisher's z approximation
 * that `fisherFCdf` uses there. The same double on every JavaScript engine.
 *
 * @param p - Probability, strictly between 0 and 1.
 * @param df1 - Numerator degrees of freedom, > 0.
 * @param df2 - Denominator degrees of freedom, > 0.
 * @returns The quantile, > 0.
 * @throws {ValidationError} when `p` is not in (0, 1) or a df is not a finite number > 0.
 * @example
 * ```ts
 * import { fisherFQuantile } from 'clientele';
 * fisherFQuantile(0.95, 5, 10); // ≈ 3.32583453041301 (R: qf(0.95, 5, 10))
 * ```
 * @category Statistics
 */
export function fisherFQuantile(p: number, df1: number, df2: number): number {
  checkProbability(p, 'p', 'fisherFQuantile');
  checkDegreesOfFreedom(df1, 'df1', 'fisherFQuantile');
  checkDegreesOfFreedom(df2, 'df2', 'fisherFQuantile');
  if (df1 >= LARGE_DF && df2 >= LARGE_DF) {
    const spread = Math.sqrt(0.5 / df1 + 0.5 / df2);
    return exp(2 * (0.5 * (1 / df2 - 1 / df1) + spread * normalQuantile(p)));
  }
  // x = df1·F/(df1·F + df2) solves I_x(df1/2, df2/2) = p; F is formed from whichever of x and
  // 1 − x is below ½ (the other loses its digits to cancellation), solving for that one directly
  const x = inverseRegularizedIncompleteBeta(p, df1 / 2, df2 / 2);
  if (x <= 0.5) return (df2 * x) / (df1 * (1 - x));
  const y = inverseRegularizedIncompleteBeta(1 - p, df2 / 2, df1 / 2);
  return (df2 * (1 - y)) / (df1 * y);
}
