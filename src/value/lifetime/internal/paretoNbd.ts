/**
 * Pareto/NBD formulas (Schmittlein, Morrison & Colombo 1987), in the forms of Fader & Hardie's
 * notes "A note on deriving the Pareto/NBD model and related expressions" (2005) and "Deriving an
 * expression for P(X(t) = x) under the Pareto/NBD model" (2006). Computed in logs throughout.
 *
 * @module
 */
import { exp, expm1, log, log1p } from '../../../shared/portableMath.js';
import { hypergeometric2F1, logAddExp, logBeta, logGamma, logIntegralOfDecreasing, logSubtractExp } from './special.js';
import type { HistoryColumns } from './histories.js';

/** Pareto/NBD parameters. */
export interface ParetoNbdParameters {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/**
 * ln A₀ of the likelihood (Fader & Hardie 2005 note, eq. 19–20): for α ≥ β,
 * A₀ = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+tₓ))/(α+tₓ)^(r+s+x) − the same at T; for α < β the roles of
 * (α, r+x) and (β, s+1) swap. −∞ when tₓ = T.
 */
function logA0(p: ParetoNbdParameters, x: number, tx: number, T: number): number {
  const rsx = p.r + p.s + x;
  const [big, other, shape] = p.alpha >= p.beta ? [p.alpha, p.beta, p.s + 1] : [p.beta, p.alpha, p.r + x];
  const at = (time: number): number =>
    log(hypergeometric2F1(rsx, shape, rsx + 1, (big - other) / (big + time), SERIES_TERMS)) - rsx * log(big + time);
  const first = at(tx);
  const second = at(T);
  if (!Number.isNaN(first) && !Number.isNaN(second)) return logSubtractExp(first, second);
  // the series converges too slowly (its argument near 1): the same A₀ as a definite integral,
  // A₀ = (r+s+x) ∫ from tₓ to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, by bounded adaptive quadrature
  const start = -(p.r + x) * log(p.alpha + tx) - (p.s + 1) * log(p.beta + tx);
  const drop = (tau: number): number =>
    -(p.r + x) * log1p((tau - tx) / (p.alpha + tx)) - (p.s + 1) * log1p((tau - tx) / (p.beta + tx));
  return log(rsx) + start + logIntegralOfDecreasing(drop, tx, T);
}

/**
 * Terms of the ₂F₁ series in A₀ before the integral takes over: ordinary parameters need a few
 * hundred; near z = 1 the series would need up to 200,000 per call, and a fit makes hundreds of
 * thousands of calls.
 */
const SERIES_TERMS = 2000;

/** One customer's log-likelihood (eq. 18 of the 2005 note, in logs). */
function logLikelihoodOne(p: ParetoNbdParameters, x: number, tx: number, T: number, lgRatio: number): number {
  const alive = -(p.r + x) * log(p.alpha + T) - p.s * log(p.beta + T);
  const dead = log(p.s / (p.r + p.s + x)) + logA0(p, x, tx, T);
  return lgRatio + p.r * log(p.alpha) + p.s * log(p.beta) + logAddExp(alive, dead);
}

/** The weighted log-likelihood over all histories, as a function of `[r, α, s, β]`. */
export function paretoNbdLogLikelihood(columns: HistoryColumns): (parameters: Float64Array) => number {
  const { frequency, recency, age, weight } = columns;
  return (parameters) => {
    const p = { r: parameters[0]!, alpha: parameters[1]!, s: parameters[2]!, beta: parameters[3]! };
    const lgR = logGamma(p.r);
    let total = 0;
    for (let i = 0; i < frequency.length; i += 1) {
      const x = frequency[i]!;
      total += weight[i]! * logLikelihoodOne(p, x, recency[i]!, age[i]!, logGamma(p.r + x) - lgR);
    }
    return total;
  };
}

/** P(alive | x, tₓ, T) = 1/(1 + s/(r+s+x)·(α+T)^(r+x)(β+T)^s·A₀) (2005 note, eq. 21). */
export function paretoNbdProbabilityAlive(p: ParetoNbdParameters, x: number, tx: number, T: number): number {
  const logRest =
    log(p.s / (p.r + p.s + x)) + (p.r + x) * log(p.alpha + T) + p.s * log(p.beta + T) + logA0(p, x, tx, T);
  return exp(-logAddExp(0, logRest));
}

/** (1 − (β/(β+t))^(s−1))/(s−1), with its s → 1 limit ln((β+t)/β). */
function lifetimeFactor(beta: number, s: number, t: number): number {
  const logRatio = log((beta + t) / beta);
  if (Math.abs(s - 1) < 1e-9) return logRatio;
  return -expm1(-(s - 1) * logRatio) / (s - 1);
}

/** E[X(t)] for a customer just acquired: rβ/(α(s−1))·(1 − (β/(β+t))^(s−1)) (2005 note, eq. 17). */
export function paretoNbdExpectedRepeatPurchases(p: ParetoNbdParameters, t: number): number {
  return ((p.r * p.beta) / p.alpha) * lifetimeFactor(p.beta, p.s, t);
}

/** E[Y(t) | x, tₓ, T] = (r+x)(β+T)/((α+T)(s−1))·(1 − ((β+T)/(β+T+t))^(s−1))·P(alive) (2005 note, eq. 22). */
export function paretoNbdConditionalExpectedPurchases(
  p: ParetoNbdParameters,
  x: number,
  tx: number,
  T: number,
  t: number,
): number {
  return (
    (((p.r + x) * (p.beta + T)) / (p.alpha + T)) *
    lifetimeFactor(p.beta + T, p.s, t) *
    paretoNbdProbabilityAlive(p, x, tx, T)
  );
}

/** P(X(t) = n) for a customer just acquired (Fader & Hardie 2006 note, eq. 9). */
export function paretoNbdPurchaseCountProbability(p: ParetoNbdParameters, n: number, t: number): number {
  const { r, alpha, s, beta } = p;
  const alphaBig = alpha >= beta;
  const [big, other, shape] = alphaBig ? [alpha, beta, s + 1] : [beta, alpha, r + n];
  const logTerm1 =
    logGamma(r + n) -
    logGamma(r) -
    logGamma(n + 1) +
    r * log(alpha / (alpha + t)) +
    (n === 0 ? 0 : n * log(t / (alpha + t))) +
    s * log(beta / (beta + t));
  const logPrefix = r * log(alpha) + s * log(beta) + logBeta(r + n, s + 1) - logBeta(r, s);
  const logB1 = log(hypergeometric2F1(r + s, shape, r + s + n + 1, (big - other) / big)) - (r + s) * log(big);
  let logB2Sum = Number.NEGATIVE_INFINITY;
  for (let j = 0; j <= n; j += 1) {
    const logB2 =
      log(hypergeometric2F1(r + s + j, shape, r + s + n + 1, (big - other) / (big + t))) - (r + s + j) * log(big + t);
    const logWeight = logGamma(r + s + j) - logGamma(r + s) - logGamma(j + 1) + (j === 0 ? 0 : j * log(t));
    logB2Sum = logAddExp(logB2Sum, logWeight + logB2);
  }
  return exp(logTerm1) + exp(logPrefix + logSubtractExp(logB1, logB2Sum));
}
