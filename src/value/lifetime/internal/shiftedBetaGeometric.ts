/**
 * Shifted-beta-geometric formulas (Fader & Hardie 2007, "How to project customer retention",
 * Journal of Interactive Marketing 21(1); Fader & Hardie 2010, "Customer-base valuation in a
 * contractual setting: the perils of ignoring heterogeneity", Marketing Science 29(1)).
 *
 * @module
 */
import { log } from '../../../shared/portableMath.js';
import { hypergeometric2F1 } from './special.js';

/**
 * ln P(T = t) for t = 1…n and ln S(n), by the recursions P(1) = α/(α+β),
 * P(t) = P(t−1)·(β+t−2)/(α+β+t−1) and S(t) = S(t−1) − P(t) (2007, eq. 7–8).
 */
export function churnProbabilities(
  alpha: number,
  beta: number,
  periods: number,
): { churn: Float64Array; survival: Float64Array } {
  const churn = new Float64Array(periods + 1);
  const survival = new Float64Array(periods + 1);
  survival[0] = 1;
  for (let t = 1; t <= periods; t += 1) {
    churn[t] = t === 1 ? alpha / (alpha + beta) : (churn[t - 1]! * (beta + t - 2)) / (alpha + beta + t - 1);
    // S(t) = S(t−1)·(β+t−1)/(α+β+t−1): the product form keeps S positive where subtraction would cancel
    survival[t] = (survival[t - 1]! * (beta + t - 1)) / (alpha + beta + t - 1);
  }
  return { churn, survival };
}

/** The log-likelihood of cohort survivor counts n₀ ≥ n₁ ≥ … (2007, eq. 9), as a function of `[α, β]`. */
export function shiftedBetaGeometricLogLikelihood(survivors: Float64Array): (parameters: Float64Array) => number {
  const periods = survivors.length - 1;
  return (parameters) => {
    const { churn, survival } = churnProbabilities(parameters[0]!, parameters[1]!, periods);
    let total = 0;
    for (let t = 1; t <= periods; t += 1) {
      const lost = survivors[t - 1]! - survivors[t]!;
      if (lost > 0) total += lost * log(churn[t]!);
    }
    const remaining = survivors[periods]!;
    return remaining > 0 ? total + remaining * log(survival[periods]!) : total;
  };
}

/**
 * DERT for a customer who has made `renewals` renewals, at the moment of the next renewal decision
 * (2010, eq. 6): (β+n)/(α+β+n)·₂F₁(1, β+n+1; α+β+n+1; 1/(1+d)) with n = `renewals` — the next payment
 * undiscounted, each later one discounted by a further period.
 */
export function discountedResidualTransactions(
  alpha: number,
  beta: number,
  renewals: number,
  discountRate: number,
): number {
  const n = renewals;
  return (
    ((beta + n) / (alpha + beta + n)) * hypergeometric2F1(1, beta + n + 1, alpha + beta + n + 1, 1 / (1 + discountRate))
  );
}
