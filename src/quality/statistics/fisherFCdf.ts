import { checkDegreesOfFreedom, checkFinite } from '../internal/checks.js';
import { log } from '../../shared/portableMath.js';
import { clampProbability, normalCdf, LARGE_DF, regularizedIncompleteBeta } from './special.js';

/**
 * The cumulative distribution function of the F distribution with `df1` and `df2` degrees of
 * freedom: P(F ≤ x) = I_{df1·x/(df1·x+df2)}(df1/2, df2/2) (Abramowitz & Stegun 26.6.2). When both
 * degrees of freedom are 10⁷ or more, Fisher's z = ½·ln F is normal with mean ½(1/df2 − 1/df1) and
 * variance ½(1/df1 + 1/df2) (A&S 26.6.8), absolute error below 1e-8 there. Otherwise absolute error
 * below 1e-13 (one huge df included: the incomplete beta function keeps its digits); the result is
 * always in [0, 1], non-decreasing in x, and the same double on every JavaScript engine.
 *
 * @param x - The point (values ≤ 0 give 0).
 * @param df1 - Numerator degrees of freedom, > 0.
 * @param df2 - Denominator degrees of freedom, > 0.
 * @returns A probability in [0, 1].
 * @throws {ValidationError} when an argument is not finite or a df is not > 0.
 * @example
 * ```ts
 * import { fisherFCdf } from 'clientele';
 * fisherFCdf(3.325834530413011, 5, 10); // ≈ 0.95
 * ```
 * @category Statistics
 */
export function fisherFCdf(x: number, df1: number, df2: number): number {
  checkFinite(x, 'x', 'fisherFCdf');
  checkDegreesOfFreedom(df1, 'df1', 'fisherFCdf');
  checkDegreesOfFreedom(df2, 'df2', 'fisherFCdf');
  if (x <= 0) return 0;
  if (df1 >= LARGE_DF && df2 >= LARGE_DF) {
    // Fisher's z = ½·ln F is normal with mean ½(1/df2 − 1/df1) and variance ½(1/df1 + 1/df2)
    const spread = Math.sqrt(0.5 / df1 + 0.5 / df2);
    return normalCdf((0.5 * log(x) - 0.5 * (1 / df2 - 1 / df1)) / spread);
  }
  // the ratio is formed from x/(x + df2/df1), which neither overflows nor loses x when df1 is tiny
  const ratio = df2 / df1;
  const denominator = x + ratio;
  if (!Number.isFinite(denominator)) return x > ratio ? 1 : 0;
  return clampProbability(regularizedIncompleteBeta(x / denominator, df1 / 2, df2 / 2, ratio / denominator), 0);
}
