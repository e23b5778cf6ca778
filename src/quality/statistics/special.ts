/**
 * Special functions behind the t and F distributions: log-gamma (Lanczos) and the regularised
 * incomplete beta function (continued fraction, modified Lentz), with its inverse.
 * Private to the quality module; the public entry points are the quantile and CDF functions.
 *
 * References: Lanczos (1964) with the g = 7, n = 9 coefficients; Press et al., Numerical Recipes
 * (3rd ed.), §6.4 "Incomplete beta function" (continued fraction and the inversion's first guess).
 *
 * @module
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0, about 15 significant digits. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln B(a, b). */
function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

const TINY = 1e-300;
const EPSILON = 1e-16;

/** The continued fraction of I_x(a, b) (Numerical Recipes `betacf`), valid for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
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

/**
 * The regularised incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. Callers that know
 * 1 − x more precisely than x (x close to 1) pass it as `y`, so the upper tail keeps its digits.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number, y: number = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log(y) - logBeta(a, b));
  const lower = x < (a + 1) / (a + b + 2);
  const value = lower ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(y, b, a)) / b;
  // an overflowed ratio (tiny a or b) is NaN or out of range: the mass then sits at the nearer end
  return clampProbability(value, lower ? 0 : 1);
}

/**
 * The inverse of I_x(a, b) in x: the x with I_x(a, b) = p. A first guess from Numerical Recipes
 * (`invbetai`), then safeguarded Newton steps inside a shrinking bracket, so it always converges;
 * accurate to about 1e-14 relative in x.
 */
export function inverseRegularizedIncompleteBeta(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let x = initialGuess(p, a, b);
  let low = 0;
  let high = 1;
  const logNorm = logBeta(a, b);
  for (let iteration = 0; iteration < 200; iteration++) {
    const error = regularizedIncompleteBeta(x, a, b) - p;
    if (error < 0) low = x;
    else high = x;
    if (error === 0) return x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logNorm);
    let next = density > 0 && Number.isFinite(density) ? x - error / density : Number.NaN;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300) || high - low <= 1e-16 * high) return next;
    x = next;
  }
  return x;
}

function initialGuess(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let x = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) x = -x;
    const al = (x * x - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (x * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    const guess = a / (a + b * Math.exp(2 * w));
    return guess > 0 && guess < 1 ? guess : 0.5;
  }
  const lna = Math.log(a / (a + b));
  const lnb = Math.log(b / (a + b));
  const t = Math.exp(a * lna) / a;
  const u = Math.exp(b * lnb) / b;
  const w = t + u;
  const guess = p < t / w ? Math.pow(a * w * p, 1 / a) : 1 - Math.pow(b * w * (1 - p), 1 / b);
  return guess > 0 && guess < 1 ? guess : 0.5;
}

/**
 * Degrees of freedom from which the t and F functions use their limiting distributions (normal,
 * chi-square): the limit's error is O(1/df), below 1e-7 here, while ln Γ of such arguments loses
 * digits to cancellation in ln B(a, b).
 */
export const LARGE_DF = 1e7;

/** Clamps a probability computed in floating point into [0, 1] (NaN, from an overflowed ratio, becomes `fallback`). */
export function clampProbability(value: number, fallback: number): number {
  if (Number.isNaN(value)) return fallback;
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/**
 * The regularised lower incomplete gamma function P(a, x) for a > 0, x ≥ 0: its power series below
 * x = a + 1 and the Legendre continued fraction of Q = 1 − P above (Numerical Recipes §6.2).
 */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return 1;
  const front = Math.exp(a * Math.log(x) - x - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1_000_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
    }
    return clampProbability(sum * front, x < a ? 0 : 1);
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
  return clampProbability(1 - front * h, 1);
}

/** The standard normal CDF Φ(z) = ½·erfc(−z/√2), with erfc(u) = Q(½, u²) for u ≥ 0. */
export function normalCdf(z: number): number {
  const upperHalf = 0.5 * (1 - regularizedGammaP(0.5, (z * z) / 2));
  return z >= 0 ? 1 - upperHalf : upperHalf;
}

/**
 * The chi-square CDF on `df` degrees of freedom, P(df/2, q/2); from {@link LARGE_DF} on, the
 * normal approximation of √(2q) − √(2·df − 1) (Fisher), error O(1/√df), below 4e-4 there.
 */
export function chiSquareCdf(q: number, df: number): number {
  if (q <= 0) return 0;
  if (df >= LARGE_DF) return normalCdf(Math.SQRT2 * (Math.sqrt(q) - Math.sqrt(df - 0.5)));
  return regularizedGammaP(df / 2, q / 2);
}
