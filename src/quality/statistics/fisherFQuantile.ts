import { checkDegreesOfFreedom, checkProbability } from '../internal/checks.js';
import { exp } from '../../shared/portableMath.js';
import { inverseRegularizedIncompleteBeta, LARGE_DF, normalQuantile } from './special.js';

/**
 * The quantile function of the F distribution: the x with P(F ≤ x) = p (R's `qf`, SciPy's
 * `f.ppf`). Used for the Feldt confidence interval of Cronbach's alpha.
 *
 * Inverts the regularised incomplete beta function (Abramowitz & Stegun 26.6.2), working on the
 * complementary tail for p > ½ so upper quantiles keep their digits; accurate to about 1e-12
 * relative. When both degrees of freedom are 10⁷ or more, the inverse of Fisher's z approximation
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
  if (p <= 0.5) {
    const x = inverseRegularizedIncompleteBeta(p, df1 / 2, df2 / 2);
    return (df2 * x) / (df1 * (1 - x));
  }
  // 1 − x solves I_{1−x}(df2/2, df1/2) = 1 − p
  const y = inverseRegularizedIncompleteBeta(1 - p, df2 / 2, df1 / 2);
  return (df2 * (1 - y)) / (df1 * y);
}
