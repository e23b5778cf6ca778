/**
 * Special functions for the lifetime-value models, in double precision.
 *
 * Every elementary function comes from `shared/portableMath.ts`, so a fit or a prediction is the
 * same double on every JavaScript engine.
 *
 * Accuracy (checked in the tests against Abramowitz & Stegun values, closed forms and values
 * computed with decimal.js at 40 digits):
 * - `logGamma(x)` for x > 0 (from `shared/specialFunctions.ts`): absolute error below 1e-14 for
 *   x < 10 (shifted up with Γ(x+1) = x·Γ(x)), relative below 1e-15 from 10 on (Stirling's series
 *   to the x⁻¹⁵ term).
 * - `logBeta(a, b)`: R's `lbeta` split, so a large argument loses no digits to cancellation.
 * - `hypergeometric2F1(a, b, c, z)` for −1 < z < 1: the Gauss series summed until a term no
 *   longer moves the sum (relative 1e-16), after Pfaff's transformation z → z/(z−1) when z < −½.
 *   It returns `NaN` when 200,000 terms do not converge (z very close to 1) instead of a wrong
 *   number; callers turn `NaN` into an error.
 *
 * @module
 */
import { exp, log1p, pow } from '../../../shared/portableMath.js';
import { logBeta, logGamma } from '../../../shared/specialFunctions.js';

export { logBeta, logGamma };

/** ln(eᵃ + eᵇ) without overflow; −∞ terms are allowed. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b));
}

/** ln(eᵃ − eᵇ) for a ≥ b (−∞ when equal). */
export function logSubtractExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  if (b >= a) return Number.NEGATIVE_INFINITY;
  return a + log1p(-exp(b - a));
}

const MAX_TERMS = 200_000;

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for real −1 < z < 1 and c not a non-positive
 * integer; `NaN` when the series does not converge within 200,000 terms.
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(z > -1 && z < 1) || !Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) return Number.NaN;
  if (c <= 0 && Number.isInteger(c)) return Number.NaN;
  if (z < -0.5) {
    // Pfaff: ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)), with z/(z − 1) in (⅓, ½)
    return pow(1 - z, -a) * gaussSeries(a, c - b, c, z / (z - 1));
  }
  return gaussSeries(a, b, c, z);
}

function gaussSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  let quiet = 0;
  for (let k = 0; k < MAX_TERMS; k += 1) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    const next = sum + term;
    if (!Number.isFinite(next)) return Number.NaN;
    // stop once terms are negligible and shrinking (after the ratio has turned below 1)
    if (Math.abs(term) <= 1e-17 * Math.abs(next)) {
      quiet += 1;
      if (quiet >= 2 && Math.abs((a + k) * (b + k) * z) < Math.abs((c + k) * (k + 1))) return next;
    } else {
      quiet = 0;
    }
    if (term === 0) return next;
    sum = next;
  }
  return Number.NaN;
}
