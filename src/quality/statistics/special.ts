/**
 * Special functions behind the t and F distributions: the regularised incomplete beta function
 * (continued fraction, modified Lentz) and its inverse, the regularised incomplete gamma function
 * and the normal distribution. Private to the quality module; the public entry points are the
 * quantile and CDF functions.
 *
 * Every elementary function comes from `shared/portableMath.ts` and ln Γ / ln B from
 * `shared/specialFunctions.ts`, so each result is the same double on every JavaScript engine.
 *
 * Accuracy (checked in the tests against values computed with decimal.js at 40 digits and the
 * tables of Abramowitz & Stegun): `regularizedIncompleteBeta` about 1e-14 relative where the result
 * is above 1e-300; the prefactor xᵃ·yᵇ/B(a, b) is formed from Stirling corrections and
 * λ = b·x − a·y (Didonato & Morris, TOMS 708, `brcomp`), so it keeps its digits for a and b up to
 * 10⁷ and beyond. The inverse is accurate to about 1e-14 relative in x.
 *
 * References: Press et al., Numerical Recipes (3rd ed.), §6.2 and §6.4 (continued fractions and
 * the inversion's first guess); Didonato & Morris (1992), ACM TOMS 708.
 *
 * @module
 */
import { exp, log, log1p } from '../../shared/portableMath.js';
import { LN_SQRT_2PI, logBeta, logGamma, stirlingCorrection } from '../../shared/specialFunctions.js';

export { logGamma };

const TINY = 1e-300;
const EPSILON = 1e-16;

/** The continued fraction of I_x(a, b) (Numerical Recipes `betacf`), valid for x < (a+1)/(a+b+2). */
export function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/** t − ln(1 + t) for t > −1, without cancellation near 0 (series in s = t/(2 + t)). */
function logOnePlusRemainder(t: number): number {
  if (Math.abs(t) > 0.5) return t - log1p(t);
  const s = t / (2 + t);
  const s2 = s * s;
  // t − ln(1+t) = s·t − 2·(s³/3 + s⁵/5 + …)
  let power = s * s2;
  let series = 0;
  for (let k = 3; k < 80; k += 2) {
    const term = power / k;
    series += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(series)) break;
    power *= s2;
  }
  return s * t - 2 * series;
}

/**
 * ln(xᵃ·yᵇ / (a·B(a, b))) with y = 1 − x given separately: the prefactor of the continued fraction.
 * Large a and b enter through λ = b·x − a·y and Stirling corrections (TOMS 708 `brcomp`); one large
 * parameter through R's `lbeta` split; small ones through ln(a·B(a, b)) = ln Γ(1+a) + ln Γ(1+b) −
 * ln Γ(1+a+b) + ln((a+b)/b), so a df of 1e-300 loses no digits to ln Γ(a) ≈ 690.
 */
export function logFrontOverA(x: number, y: number, a: number, b: number): number {
  const sum = a + b;
  if (a >= 10 && b >= 10 && sum !== Number.POSITIVE_INFINITY) {
    const lambda = b * x - a * y;
    const e = -a * logOnePlusRemainder(lambda / a) - b * logOnePlusRemainder(-lambda / b);
    const correction = stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(sum);
    return e + 0.5 * log(a * (b / sum)) - LN_SQRT_2PI - correction - log(a);
  }
  const logX = y < 0.5 ? log1p(-y) : log(x);
  const logY = x < 0.5 ? log1p(-x) : log(y);
  if (b >= 10 && a < 10 && x < 0.5 && sum !== Number.POSITIVE_INFINITY) {
    // a·ln x − ln(a·B(a, b))
    //   = a·ln(x·(a+b)) − [ln Γ(1+a) + δ(b) − δ(a+b) + a + (b − ½)·ln(1 − a/(a+b))]
    const rest = logGamma(1 + a) + stirlingCorrection(b) - stirlingCorrection(sum) + a + (b - 0.5) * log1p(-a / sum);
    return a * log(x * sum) + b * logY - rest;
  }
  if (a < 10 && b < 10) {
    const logAB = logGamma(1 + a) + logGamma(1 + b) - logGamma(1 + sum) + log(sum / b);
    return a * logX + b * logY - logAB;
  }
  return a * logX + b * logY - logBeta(a, b) - log(a);
}

/**
 * I_x(a, b) by its power series, xᵃ·yᵇ/(a·B(a, b)) · Σₙ (a+b)ₙ/(a+1)ₙ · xⁿ (Abramowitz & Stegun
 * 26.5.4 with 15.1.1): every term is positive, so it keeps its digits for any small a or b; it
 * needs O(b·x/y) terms: used with a small parameter, for x ≤ ½ or b·x < 50.
 */
function betaSeries(x: number, y: number, a: number, b: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 10_000_000; n++) {
    term *= (x * (a + b + n)) / (a + 1 + n);
    sum += term;
    if (term <= 1e-17 * sum && (a + b + n) * x < a + 1 + n) break;
  }
  return exp(logFrontOverA(x, y, a, b)) * sum;
}

/**
 * The regularised incomplete beta function I_x(a, b) for a, b ≥ 0 and 0 ≤ x ≤ 1. Callers that know
 * 1 − x more precisely than x (x close to 1) pass it as `y`, so the upper tail keeps its digits.
 * A zero parameter (an underflowed df/2) is the limit: all the mass at 0 (a = 0) or at 1 (b = 0).
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, y: number = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  if (a === 0 || b === 0) return a === 0 && b === 0 ? 0.5 : a === 0 ? 1 : 0;
  // one parameter a million times the other: the continued fraction needs O(√max) terms and its
  // Lentz test stops early, so the incomplete gamma limit with T = b + (a − 1)/2 (TOMS 708 `bgrat`,
  // leading term), whose error is below 0.1·(a + 1)²/b² ≤ 1e-13 there
  if (b >= 1e6 * (a + 1)) return regularizedGamma(a, -(b + (a - 1) / 2) * log1p(-x)).p;
  if (a >= 1e6 * (b + 1)) return regularizedGamma(b, -(a + (b - 1) / 2) * log1p(-y)).q;
  // a small parameter: the continued fraction led by it loses digits, the power series does not
  if (b < 0.5 && a >= b) {
    if (x <= 0.5) return clampProbability(betaSeries(x, y, a, b), 0);
    if (a * y < 50) return clampProbability(1 - betaSeries(y, x, b, a), 1);
    return clampProbability(exp(logFrontOverA(x, y, a, b)) * betaContinuedFraction(x, a, b), 0);
  }
  if (a < 0.5) {
    if (y <= 0.5) return clampProbability(1 - betaSeries(y, x, b, a), 1);
    if (b * x < 50) return clampProbability(betaSeries(x, y, a, b), 0);
    return clampProbability(1 - exp(logFrontOverA(y, x, b, a)) * betaContinuedFraction(y, b, a), 1);
  }
  const lower = x < (a + 1) / (a + b + 2);
  const value = lower
    ? exp(logFrontOverA(x, y, a, b)) * betaContinuedFraction(x, a, b)
    : 1 - exp(logFrontOverA(y, x, b, a)) * betaContinuedFraction(y, b, a);
  // an overflowed ratio is NaN or out of range: the mass then sits at the nearer end
  return clampProbability(value, lower ? 0 : 1);
}

/**
 * The inverse of I_x(a, b) in x: the x with I_x(a, b) = p. A first guess from Numerical Recipes
 * (`invbetai`), then safeguarded Newton steps inside a shrinking bracket (geometric bisection while
 * the bracket spans orders of magnitude), so it always converges; about 1e-14 relative in x.
 */
export function inverseRegularizedIncompleteBeta(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let x = initialGuess(p, a, b);
  let low = 0;
  let high = 1;
  for (let iteration = 0; iteration < 600; iteration++) {
    const error = regularizedIncompleteBeta(x, a, b) - p;
    if (error < 0) low = x;
    else high = x;
    if (error === 0) return x;
    const density = (exp(logFrontOverA(x, 1 - x, a, b)) * a) / (x * (1 - x));
    let next = density > 0 && Number.isFinite(density) ? x - error / density : Number.NaN;
    if (!(next > low && next < high))
      next = low === 0 ? high / 1024 : high / low > 4 ? Math.sqrt(low) * Math.sqrt(high) : low + (high - low) / 2;
    if (Math.abs(next - x) <= 1e-15 * x || high - low <= 1e-16 * high) return next;
    x = next;
  }
  return x;
}

function initialGuess(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * log(pp));
    let x = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) x = -x;
    const al = (x * x - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (x * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    const guess = a / (a + b * exp(2 * w));
    return guess > 0 && guess < 1 ? guess : 0.5;
  }
  const lna = log(a / (a + b));
  const lnb = log(b / (a + b));
  const t = exp(a * lna) / a;
  const u = exp(b * lnb) / b;
  const w = t + u;
  const guess = p < t / w ? exp(log(a * w * p) / a) : 1 - exp(log(b * w * (1 - p)) / b);
  return guess > 0 && guess < 1 ? guess : 0.5;
}

/**
 * Degrees of freedom from which the t distribution uses its normal limit with the first
 * correction term (error O(df⁻²), below 1e-13 here), and the F distribution with both degrees of
 * freedom this large uses Fisher's z (error below 1e-8 here): the continued fraction of the
 * incomplete beta function would need O(√df) terms beyond.
 */
export const LARGE_DF = 1e7;

/** Clamps a probability computed in floating point into [0, 1] (NaN, from an overflowed ratio, becomes `fallback`). */
export function clampProbability(value: number, fallback: number): number {
  if (Number.isNaN(value)) return fallback;
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/**
 * The regularised incomplete gamma functions P(a, x) and Q(a, x) = 1 − P for a > 0, x ≥ 0: the
 * power series of P below x = a + 1 and the Legendre continued fraction of Q above (Numerical
 * Recipes §6.2); each returned directly where it is the smaller, so tails keep their digits.
 */
export function regularizedGamma(a: number, x: number): { p: number; q: number } {
  if (x <= 0) return { p: 0, q: 1 };
  if (!Number.isFinite(x)) return { p: 1, q: 0 };
  const front = exp(a * log(x) - x - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1_000_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    const p = clampProbability(sum * front, x < a ? 0 : 1);
    return { p, q: 1 - p };
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1_000_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  const q = clampProbability(front * h, 0);
  return { p: 1 - q, q };
}

/** P(a, x), the regularised lower incomplete gamma function. */
export function regularizedGammaP(a: number, x: number): number {
  return regularizedGamma(a, x).p;
}

/** The standard normal CDF Φ(z) = ½·erfc(−z/√2), with erfc(u) = Q(½, u²) for u ≥ 0. */
export function normalCdf(z: number): number {
  const upperHalf = 0.5 * regularizedGamma(0.5, (z * z) / 2).q;
  return z >= 0 ? 1 - upperHalf : upperHalf;
}

/** The standard normal density φ(z). */
export function normalDensity(z: number): number {
  return exp(-0.5 * z * z - LN_SQRT_2PI);
}

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1: Abramowitz & Stegun 26.2.23 as the first guess
 * (error below 4.5e-4), then Newton steps on {@link normalCdf}; about 1e-15 relative.
 */
export function normalQuantile(p: number): number {
  if (p > 0.5) return -normalQuantile(1 - p);
  if (p === 0.5) return 0;
  const t = Math.sqrt(-2 * log(p));
  let z = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) / (1 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
  for (let iteration = 0; iteration < 50; iteration++) {
    const density = normalDensity(z);
    if (!(density > 0)) break;
    const step = (normalCdf(z) - p) / density;
    z -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(z)) break;
  }
  return z;
}

/**
 * The chi-square CDF on `df` degrees of freedom, P(df/2, q/2); from {@link LARGE_DF} on, the
 * Wilson–Hilferty normal approximation of (q/df)^⅓ (error O(1/df), below 1e-8 there).
 */
export function chiSquareCdf(q: number, df: number): number {
  if (q <= 0) return 0;
  if (df >= LARGE_DF) {
    const v = 2 / (9 * df);
    return normalCdf((exp(log(q / df) / 3) - (1 - v)) / Math.sqrt(v));
  }
  return regularizedGammaP(df / 2, q / 2);
}
