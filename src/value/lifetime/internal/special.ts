/**
 * Special functions for the lifetime-value models, in double precision.
 *
 * Accuracy (checked in the tests against Abramowitz & Stegun values and closed forms):
 * - `logGamma(x)` for x > 0: absolute error below 1e-13 (relative below 1e-14 away from the
 *   zeros at 1 and 2). The argument is shifted up to x ≥ 10 with the recurrence Γ(x+1) = xΓ(x),
 *   then Stirling's series is summed to the x⁻¹¹ term, whose successor is below 1e-15 there.
 * - `hypergeometric2F1(a, b, c, z)` for −1 < z < 1: the Gauss series summed until a term no
 *   longer moves the sum (relative 1e-16), after Pfaff's transformation z → z/(z−1) when z < −½.
 *   It returns `NaN` when 200,000 terms do not converge (z very close to 1) instead of a wrong
 *   number; callers turn `NaN` into an error.
 *
 * @module
 */

const HALF_LOG_TWO_PI = 0.9189385332046728; // ½·ln(2π)

/** ln Γ(x) for x > 0 (NaN otherwise). */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  let shift = 1;
  while (x < 10) {
    shift *= x;
    x += 1;
  }
  const inverse = 1 / x;
  const inverseSquared = inverse * inverse;
  // Stirling's series: 1/12x − 1/360x³ + 1/1260x⁵ − 1/1680x⁷ + 1/1188x⁹ − 691/360360x¹¹
  const series =
    inverse *
    (1 / 12 +
      inverseSquared *
        (-1 / 360 +
          inverseSquared *
            (1 / 1260 +
              inverseSquared * (-1 / 1680 + inverseSquared * (1 / 1188 + inverseSquared * (-691 / 360360))))));
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - Math.log(shift);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln(eᵃ + eᵇ) without overflow; −∞ terms are allowed. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln(eᵃ − eᵇ) for a ≥ b (−∞ when equal). */
export function logSubtractExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  if (b >= a) return Number.NEGATIVE_INFINITY;
  return a + Math.log1p(-Math.exp(b - a));
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
    return Math.pow(1 - z, -a) * gaussSeries(a, c - b, c, z / (z - 1));
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
