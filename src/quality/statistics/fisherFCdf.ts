import { checkDegreesOfFreedom, checkFinite } from '../internal/checks.js';
import { regularizedIncompleteBeta } from './special.js';

/**
 * The cumulative distribution function of the F distribution with `df1` and `df2` degrees of
 * freedom: P(F ≤ x) = I_{df1·x/(df1·x+df2)}(df1/2, df2/2) (Abramowitz & Stegun 26.6.2).
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
  const denominator = df1 * x + df2;
  return regularizedIncompleteBeta((df1 * x) / denominator, df1 / 2, df2 / 2, df2 / denominator);
}
