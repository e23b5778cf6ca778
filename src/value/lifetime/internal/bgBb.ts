/**
 * BG/BB formulas (Fader, Hardie & Shang 2010, "Customer-base analysis in a discrete-time
 * noncontractual setting", Marketing Science 29(6)): in each of n transaction opportunities an
 * alive customer transacts with probability p ~ Beta(α, β) and, after each opportunity, dies with
 * probability θ ~ Beta(γ, δ). Computed in logs.
 *
 * @module
 */
import { exp } from '../../../shared/portableMath.js';
import { logAddExp, logBeta, logGamma } from './special.js';
import type { HistoryColumns } from './histories.js';

/** BG/BB parameters. */
export interface BgBbParameters {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly delta: number;
}

/** ln L(α, β, γ, δ | x, tₓ, n) (2010, eq. 5). */
function logLikelihoodOne(
  p: BgBbParameters,
  x: number,
  tx: number,
  n: number,
  logBetaAB: number,
  logBetaGD: number,
): number {
  let total = logBeta(p.alpha + x, p.beta + n - x) - logBetaAB + logBeta(p.gamma, p.delta + n) - logBetaGD;
  for (let i = 0; i <= n - tx - 1; i += 1) {
    total = logAddExp(
      total,
      logBeta(p.alpha + x, p.beta + tx - x + i) - logBetaAB + logBeta(p.gamma + 1, p.delta + tx + i) - logBetaGD,
    );
  }
  return total;
}

/** The weighted log-likelihood over all histories, as a function of `[α, β, γ, δ]`. */
export function bgBbLogLikelihood(columns: HistoryColumns): (parameters: Float64Array) => number {
  const { frequency, recency, age, weight } = columns;
  return (parameters) => {
    const p = { alpha: parameters[0]!, beta: parameters[1]!, gamma: parameters[2]!, delta: parameters[3]! };
    const logBetaAB = logBeta(p.alpha, p.beta);
    const logBetaGD = logBeta(p.gamma, p.delta);
    let total = 0;
    for (let i = 0; i < frequency.length; i += 1)
      total += weight[i]! * logLikelihoodOne(p, frequency[i]!, recency[i]!, age[i]!, logBetaAB, logBetaGD);
    return total;
  };
}

/** P(alive at n + 1 | x, tₓ, n) (2010, eq. 11). */
export function bgBbProbabilityAlive(p: BgBbParameters, x: number, tx: number, n: number): number {
  const logBetaAB = logBeta(p.alpha, p.beta);
  const logBetaGD = logBeta(p.gamma, p.delta);
  const numerator = logBeta(p.alpha + x, p.beta + n - x) - logBetaAB + logBeta(p.gamma, p.delta + n + 1) - logBetaGD;
  return exp(numerator - logLikelihoodOne(p, x, tx, n, logBetaAB, logBetaGD));
}

/**
 * δ/(γ−1)·Γ(γ+δ)/Γ(1+δ)·[Γ(1+δ+a)/Γ(γ+δ+a) − Γ(1+δ+b)/Γ(γ+δ+b)]: the expected number of future
 * opportunities alive between a and b, the shape shared by eq. (9) and eq. (13); at γ = 1 (a
 * removable 0/0) the mean of γ = 1 ± 10⁻⁶ is taken.
 */
function aliveOpportunities(p: BgBbParameters, from: number, to: number): number {
  const at = (gamma: number): number => {
    const head = logGamma(gamma + p.delta) - logGamma(1 + p.delta);
    const first = exp(head + logGamma(1 + p.delta + from) - logGamma(gamma + p.delta + from));
    const second = exp(head + logGamma(1 + p.delta + to) - logGamma(gamma + p.delta + to));
    return (p.delta / (gamma - 1)) * (first - second);
  };
  return Math.abs(p.gamma - 1) > 1e-7 ? at(p.gamma) : (at(1 + 1e-6) + at(1 - 1e-6)) / 2;
}

/** E[X(n)]: expected transactions in the first n opportunities of a customer just acquired (2010, eq. 9). */
export function bgBbExpectedRepeatPurchases(p: BgBbParameters, n: number): number {
  return (p.alpha / (p.alpha + p.beta)) * aliveOpportunities(p, 0, n);
}

/** E[X(n, n + n*) | x, tₓ, n]: expected transactions in the next n* opportunities (2010, eq. 13). */
export function bgBbConditionalExpectedPurchases(
  p: BgBbParameters,
  x: number,
  tx: number,
  n: number,
  next: number,
): number {
  if (next === 0) return 0;
  const logBetaAB = logBeta(p.alpha, p.beta);
  const logBetaGD = logBeta(p.gamma, p.delta);
  const logWeight =
    logBeta(p.alpha + x + 1, p.beta + n - x) - logBetaAB - logLikelihoodOne(p, x, tx, n, logBetaAB, logBetaGD);
  // eq. (13) written with B(γ, δ+…)/B(γ, δ) folded into the alive-opportunity shape
  return exp(logWeight) * aliveOpportunities(p, n, n + next);
}

/** P(X(n) = x) for a customer just acquired (2010, eq. 7). */
export function bgBbPurchaseCountProbability(p: BgBbParameters, x: number, n: number): number {
  if (x > n) return 0;
  const logBetaAB = logBeta(p.alpha, p.beta);
  const logBetaGD = logBeta(p.gamma, p.delta);
  const logChoose = (top: number, bottom: number) =>
    logGamma(top + 1) - logGamma(bottom + 1) - logGamma(top - bottom + 1);
  let total =
    logChoose(n, x) + logBeta(p.alpha + x, p.beta + n - x) - logBetaAB + logBeta(p.gamma, p.delta + n) - logBetaGD;
  for (let i = x; i <= n - 1; i += 1) {
    total = logAddExp(
      total,
      logChoose(i, x) +
        logBeta(p.alpha + x, p.beta + i - x) -
        logBetaAB +
        logBeta(p.gamma + 1, p.delta + i) -
        logBetaGD,
    );
  }
  return exp(total);
}
