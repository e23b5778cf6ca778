import { describe, expect, it } from 'vitest';
import {
  ConvergenceError,
  expectedPurchases,
  expectedRepeatPurchases,
  fitParetoNbd,
  probabilityAlive,
  purchaseCountProbability,
} from '../../../src/value/index.js';
import { cdnowSummary, countDistributionMoments } from './cdnow.js';

// Fitted once; started a little away from the optimum (the default start takes twice as long on
// 2,357 customers: each evaluation sums two hypergeometric series per distinct history).
const model = fitParetoNbd(cdnowSummary(), { start: { r: 0.5, alpha: 10, s: 0.5, beta: 10 } });

describe('fitParetoNbd on CDNOW, weeks 1–39 (Fader, Hardie & Lee 2005; Fader & Hardie’s Pareto/NBD note)', () => {
  it('finds the published estimates r = 0.553, α = 10.578, s = 0.606, β = 11.669 and LL −9595.0', () => {
    expect(model.r).toBeCloseTo(0.553, 3);
    expect(model.alpha).toBeCloseTo(10.578, 2);
    expect(model.s).toBeCloseTo(0.606, 3);
    expect(model.beta).toBeCloseTo(11.669, 1);
    expect(model.logLikelihood).toBeCloseTo(-9595.0, 1);
    expect(model.convergence.converged).toBe(true);
  });

  it('fits CDNOW slightly worse than BG/NBD (−9595.0 against −9582.4), as the BG/NBD paper reports', () => {
    expect(model.logLikelihood).toBeLessThan(-9582.4);
  });

  it('P(X(t) = n) sums to 1 and has mean E[X(t)] (the 2006 note agrees with eq. 17 of the 2005 note)', () => {
    const { total, mean } = countDistributionMoments((n) => purchaseCountProbability(model, n, 39), 300);
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(expectedRepeatPurchases(model, 39), 6);
  });

  it('uses the other branch of A₀ when α < β, continuously across α = β', () => {
    const customer = { frequency: 3, recency: 20, T: 38 };
    const at = (alpha: number) => probabilityAlive({ kind: 'pareto-nbd', r: 0.55, alpha, s: 0.6, beta: 11 }, customer);
    expect(at(11 - 1e-9)).toBeCloseTo(at(11 + 1e-9), 8);
    expect(expectedPurchases({ kind: 'pareto-nbd', r: 0.55, alpha: 11, s: 1, beta: 11 }, customer, 10)).toBeGreaterThan(
      0,
    );
  });
});

describe('Pareto/NBD A₀ where the ₂F₁ series converges too slowly (its argument near 1)', () => {
  /** P(alive) from the integral form of A₀, by composite Simpson's rule on 20,000 panels. */
  function aliveBySimpson(p: { r: number; alpha: number; s: number; beta: number }, x: number, tx: number, T: number) {
    const f = (tau: number) =>
      Math.exp(
        -(p.r + x) * Math.log1p((tau - tx) / (p.alpha + tx)) - (p.s + 1) * Math.log1p((tau - tx) / (p.beta + tx)),
      );
    const panels = 20_000;
    const h = (T - tx) / panels;
    let sum = f(tx) + f(T);
    for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(tx + i * h);
    const logIntegral =
      Math.log((sum * h) / 3) - (p.r + x) * Math.log(p.alpha + tx) - (p.s + 1) * Math.log(p.beta + tx);
    const logRest = Math.log(p.s) + (p.r + x) * Math.log(p.alpha + T) + p.s * Math.log(p.beta + T) + logIntegral;
    return 1 / (1 + Math.exp(logRest));
  }

  it('gives P(alive) from the integral form when α/β is extreme (z = 1 − 1.5·10⁻⁵)', () => {
    const p = { r: 0.2, alpha: 1e5, s: 3, beta: 1 };
    const alive = probabilityAlive({ kind: 'pareto-nbd', ...p }, { frequency: 1, recency: 0.5, T: 38 });
    expect(alive).toBeCloseTo(aliveBySimpson(p, 1, 0.5, 38), 10);
  });

  it('agrees with the series where both apply, on either side of α = β', () => {
    for (const p of [
      { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 },
      { r: 5.9, alpha: 0.3, s: 12.24, beta: 200.07 },
    ]) {
      const alive = probabilityAlive({ kind: 'pareto-nbd', ...p }, { frequency: 2, recency: 20, T: 38 });
      expect(alive).toBeCloseTo(aliveBySimpson(p, 2, 20, 38), 10);
    }
  });

  it('ends a fit on a history that drives the parameters to extremes: a ConvergenceError, not a hang', () => {
    const histories = [
      { frequency: 0, recency: 0, T: 38, count: 1400 },
      { frequency: 1, recency: 2, T: 38, count: 200 },
      { frequency: 4, recency: 12, T: 38, count: 50_000 },
      { frequency: 10, recency: 8, T: 38, count: 10 },
    ];
    let outcome: string;
    try {
      const fitted = fitParetoNbd(histories, { maxEvaluations: 1000 });
      outcome = Number.isFinite(fitted.logLikelihood) ? 'fitted' : 'not finite';
    } catch (error) {
      outcome = error instanceof ConvergenceError ? 'ConvergenceError' : String(error);
    }
    expect(['fitted', 'ConvergenceError']).toContain(outcome);
  });
});
