import { describe, expect, it } from 'vitest';
import {
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
