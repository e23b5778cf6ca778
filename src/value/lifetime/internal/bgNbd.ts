/**
 * BG/NBD formulas (Fader, Hardie & Lee 2005, "Counting your customers the easy way", Marketing
 * Science 24(2); the equation numbers are the paper's, the computational forms those of Fader,
 * Hardie & Lee's note "Implementing the BG/NBD model for customer base analysis in Excel").
 *
 * @module
 */
import { exp, expm1, log, log1p } from '../../../shared/portableMath.js';
import { logAddExp, logBeta, logGamma } from './special.js';
import type { HistoryColumns } from './histories.js';

/** BG/NBD parameters. */
export interface BgNbdParameters {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * The log-likelihood over all histories (eq. 6, summed with weights), as a function of
 * `[r, α, a, b]`. Terms that depend only on x are computed once per distinct x.
 */
export function bgNbdLogLikelihood(columns: HistoryColumns): (parameters: Float64Array) => number {
  const { frequency, recency, age, weight } = columns;
  let maxX = 0;
  for (let i = 0; i < frequency.length; i += 1) maxX = Math.max(maxX, frequency[i]!);
  const byX = new Float64Array(maxX + 1); // ln Γ(r+x) − ln Γ(r) + ln B(a, b+x) − ln B(a, b)
  const dropX = new Float64Array(maxX + 1); // ln a − ln(b + x − 1), x ≥ 1
  return (parameters) => {
    const r = parameters[0]!;
    const alpha = parameters[1]!;
    const a = parameters[2]!;
    const b = parameters[3]!;
    const lgAB = logGamma(a + b);
    const lgB = logGamma(b);
    const logAlpha = log(alpha);
    const logA = log(a);
    // ln Γ(r+x) − ln Γ(r) and ln Γ(b+x) − ln Γ(a+b+x) by recurrence from x = 0
    let gammaR = 0;
    let lgBx = lgB;
    let lgABx = lgAB;
    for (let x = 0; x <= maxX; x += 1) {
      if (x > 0) {
        gammaR += log(r + x - 1);
        lgBx += log(b + x - 1);
        lgABx += log(a + b + x - 1);
        dropX[x] = logA - log(b + x - 1);
      }
      byX[x] = gammaR + r * logAlpha + lgAB + lgBx - lgB - lgABx;
    }
    let total = 0;
    for (let i = 0; i < frequency.length; i += 1) {
      const x = frequency[i]!;
      const rx = r + x;
      const alive = -rx * log(alpha + age[i]!);
      const term = x > 0 ? logAddExp(alive, dropX[x]! - rx * log(alpha + recency[i]!)) : alive;
      total += weight[i]! * (byX[x]! + term);
    }
    return total;
  };
}

/** ln of the odds-like term a/(b+x−1)·((α+T)/(α+tₓ))^(r+x) (eq. 13's denominator less one); −∞ when x = 0. */
function logDropTerm(p: BgNbdParameters, x: number, tx: number, T: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  return log(p.a) - log(p.b + x - 1) + (p.r + x) * (log(p.alpha + T) - log(p.alpha + tx));
}

/** P(alive | x, tₓ, T) (Fader, Hardie & Lee 2008 note, eq. 2). */
export function bgNbdProbabilityAlive(p: BgNbdParameters, x: number, tx: number, T: number): number {
  return exp(-logAddExp(0, logDropTerm(p, x, tx, T)));
}

/**
 * (c/(a−1))·[1 − (1−z)^m ₂F₁(m, c+1−a; c; z)] with z = t/(scale+t): the shape of eq. (9) and
 * eq. (10), rewritten so that neither short horizons nor a = 1 (a removable 0/0) lose precision.
 * - t ≤ scale/2: Pfaff's transformation makes (1−z)^m ₂F₁(…; z) = ₂F₁(m, a−1; c; w) with
 *   w = −t/scale ∈ [−½, 0); its leading 1 cancels exactly, leaving c·(−Σₖ≥₁ (m)ₖ(a)ₖ₋₁ wᵏ/((c)ₖ k!)).
 * - longer horizons: Euler's transformation makes it (1−z)^(a−1) ₂F₁(c−m, a−1; c; z), so the shape is
 *   c·[−expm1((a−1)·ln(1−z))/(a−1) − (1−z)^(a−1)·Σₖ≥₁ (c−m)ₖ(a)ₖ₋₁ zᵏ/((c)ₖ k!)], whose first term
 *   tends to −ln(1−z) at a = 1.
 * `NaN` when the series does not converge (z within about 10⁻⁵ of 1).
 */
function expectationShape(m: number, a: number, c: number, t: number, scale: number): number {
  const w = -t / scale;
  if (w >= -0.5) return -c * tailSeries(m, a, c, w);
  const z = t / (scale + t);
  const logRest = log1p(-z);
  const shift = a - 1;
  const first = shift === 0 ? -logRest : -expm1(shift * logRest) / shift;
  return c * (first - exp(shift * logRest) * tailSeries(c - m, a, c, z));
}

/** Σₖ≥₁ (u)ₖ (a)ₖ₋₁ yᵏ / ((c)ₖ k!) for |y| < 1; `NaN` when 200,000 terms do not converge. */
function tailSeries(u: number, a: number, c: number, y: number): number {
  let term = (u / c) * y;
  let sum = term;
  for (let k = 1; k < 200_000; k += 1) {
    if (term === 0) return sum;
    term *= (((u + k) * (a + k - 1)) / ((c + k) * (k + 1))) * y;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum) && Math.abs((u + k) * (a + k - 1) * y) < Math.abs((c + k) * (k + 1)))
      return sum;
  }
  return Number.NaN;
}

/** E[X(t)]: expected purchases in (0, t] of a customer just acquired (eq. 9). */
export function bgNbdExpectedRepeatPurchases(p: BgNbdParameters, t: number): number {
  if (t === 0) return 0;
  return expectationShape(p.r, p.a, p.a + p.b - 1, t, p.alpha);
}

/** E[Y(t) | x, tₓ, T]: expected purchases in the next t given the history (eq. 10). */
export function bgNbdConditionalExpectedPurchases(
  p: BgNbdParameters,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  if (t === 0) return 0;
  return (
    expectationShape(p.r + x, p.a, p.a + p.b + x - 1, t, p.alpha + T) / exp(logAddExp(0, logDropTerm(p, x, tx, T)))
  );
}

/** P(X(t) = n) for a customer just acquired (eq. 8). */
export function bgNbdPurchaseCountProbability(p: BgNbdParameters, n: number, t: number): number {
  const logBetaAB = logBeta(p.a, p.b);
  const logZ = log(t / (p.alpha + t));
  const logRatio = log(p.alpha / (p.alpha + t));
  // Γ(r+j)/(Γ(r) j!) (t/(α+t))^j in logs
  const logNbdTerm = (j: number): number =>
    logGamma(p.r + j) - logGamma(p.r) - logGamma(j + 1) + (j === 0 ? 0 : j * logZ);
  const first = exp(logBeta(p.a, p.b + n) - logBetaAB + logNbdTerm(n) + p.r * logRatio);
  if (n === 0) return first;
  let partial = 0;
  for (let j = 0; j < n; j += 1) partial += exp(logNbdTerm(j) + p.r * logRatio);
  return first + exp(logBeta(p.a + 1, p.b + n - 1) - logBetaAB) * (1 - partial);
}
