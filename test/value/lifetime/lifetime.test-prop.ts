import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  customerLifetimeValue,
  discountedExpectedResidualTransactions,
  expectedAverageSpend,
  expectedPurchases,
  expectedRepeatPurchases,
  fitBgNbd,
  fitShiftedBetaGeometric,
  probabilityAlive,
  purchaseCountProbability,
  retentionCurve,
} from '../../../src/value/index.js';
import { bgNbdLogLikelihood } from '../../../src/value/lifetime/internal/bgNbd.js';
import { readPurchaseHistories } from '../../../src/value/lifetime/internal/histories.js';
import { shiftedBetaGeometricLogLikelihood } from '../../../src/value/lifetime/internal/shiftedBetaGeometric.js';
import {
  bgNbdParameters,
  paretoNbdParameters,
  positiveParameter,
  purchaseHistory,
} from '../../arbitraries/lifetime.js';
import { cdnowSummary } from './cdnow.js';

const transactionModel = fc.oneof(bgNbdParameters, paretoNbdParameters);
const runs = { numRuns: 200 };

describe('purchase-count model laws (BG/NBD and Pareto/NBD)', () => {
  it('P(alive) lies in [0, 1]', () => {
    fc.assert(
      fc.property(transactionModel, purchaseHistory, (model, customer) => {
        const p = probabilityAlive(model, customer);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
      runs,
    );
  });

  it(
    'P(alive) is 1 without repeat purchases only where the model says so: always under BG/NBD, never under ' +
      'Pareto/NBD',
    () => {
      fc.assert(
        fc.property(
          bgNbdParameters,
          paretoNbdParameters,
          fc.double({ min: 0.1, max: 200, noNaN: true }),
          (bg, pareto, T) => {
            const customer = { frequency: 0, recency: 0, T };
            expect(probabilityAlive(bg, customer)).toBe(1);
            expect(probabilityAlive(pareto, customer)).toBeLessThan(1);
          },
        ),
        runs,
      );
    },
  );

  it('expected purchases never decrease as the forecast period grows', () => {
    fc.assert(
      fc.property(
        transactionModel,
        purchaseHistory,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (model, customer, t1, t2) => {
          const [short, long] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const a = expectedPurchases(model, customer, short);
          const b = expectedPurchases(model, customer, long);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeGreaterThanOrEqual(a * (1 - 1e-12));
        },
      ),
      runs,
    );
  });

  it('a new customer’s expected repeat purchases E[X(t)] never decrease in t', () => {
    fc.assert(
      fc.property(
        transactionModel,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (model, t1, t2) => {
          const [short, long] = t1 <= t2 ? [t1, t2] : [t2, t1];
          expect(expectedRepeatPurchases(model, long)).toBeGreaterThanOrEqual(
            expectedRepeatPurchases(model, short) * (1 - 1e-12),
          );
        },
      ),
      runs,
    );
  });
});

describe('P(X(t) = n) is a distribution whose mean is E[X(t)]', () => {
  // moderate purchase rates, so 150 terms hold all but a negligible tail
  const moderate = <M extends { r: number; alpha: number }>(model: fc.Arbitrary<M>) =>
    fc
      .tuple(model, fc.double({ min: 0.5, max: 20, noNaN: true }))
      .filter(([m, t]) => m.r >= 0.1 && (m.r / m.alpha) * t <= 3);
  const check = (model: Parameters<typeof purchaseCountProbability>[0], t: number) => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 150; n += 1) {
      const p = purchaseCountProbability(model, n, t);
      expect(p).toBeGreaterThanOrEqual(0);
      total += p;
      mean += n * p;
    }
    expect(total).toBeGreaterThan(1 - 1e-4);
    expect(total).toBeLessThan(1 + 1e-9);
    expect(Math.abs(mean - expectedRepeatPurchases(model, t))).toBeLessThan(
      1e-2 * Math.max(1, expectedRepeatPurchases(model, t)),
    );
  };

  it('under BG/NBD (eq. 8 against eq. 9)', () => {
    fc.assert(
      fc.property(moderate(bgNbdParameters), ([model, t]) => check(model, t)),
      { numRuns: 60 },
    );
  });

  it('under Pareto/NBD (the 2006 note against eq. 17 of the 2005 note)', () => {
    fc.assert(
      fc.property(moderate(paretoNbdParameters), ([model, t]) => check(model, t)),
      { numRuns: 15 },
    );
  });
});

describe('the fit is a maximum: the log-likelihood at the fit is at least that of any nearby point', () => {
  const nearby = (size: number) =>
    fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: size, maxLength: size });

  it('BG/NBD on CDNOW', () => {
    const columns = readPurchaseHistories(cdnowSummary(), 'test');
    const model = fitBgNbd(cdnowSummary());
    const logLikelihood = bgNbdLogLikelihood(columns);
    const best = logLikelihood(Float64Array.of(model.r, model.alpha, model.a, model.b));
    expect(best).toBeCloseTo(model.logLikelihood, 8);
    fc.assert(
      fc.property(nearby(4), ([dr, dalpha, da, db]) => {
        const moved = Float64Array.of(
          model.r * Math.exp(dr!),
          model.alpha * Math.exp(dalpha!),
          model.a * Math.exp(da!),
          model.b * Math.exp(db!),
        );
        expect(logLikelihood(moved)).toBeLessThanOrEqual(best + 1e-7);
      }),
      { numRuns: 100 },
    );
  });

  it('shifted-beta-geometric on a random cohort', () => {
    const cohort = fc
      .array(fc.double({ min: 0.5, max: 0.95, noNaN: true }), { minLength: 3, maxLength: 10 })
      .map((retention) =>
        retention.reduce<number[]>(
          (counts, rate) => [...counts, Math.round(counts[counts.length - 1]! * rate)],
          [1000],
        ),
      );
    fc.assert(
      fc.property(cohort, nearby(2), (survivors, [dalpha, dbeta]) => {
        const model = fitShiftedBetaGeometric(survivors, { onNonConvergence: 'return' });
        fc.pre(model.convergence.converged);
        const logLikelihood = shiftedBetaGeometricLogLikelihood(Float64Array.from(survivors));
        const moved = logLikelihood(Float64Array.of(model.alpha * Math.exp(dalpha!), model.beta * Math.exp(dbeta!)));
        expect(moved).toBeLessThanOrEqual(model.logLikelihood + 1e-7);
      }),
      { numRuns: 60 },
    );
  });
});

describe('spend and value laws', () => {
  const spendModel = fc.record({
    kind: fc.constant('gamma-gamma' as const),
    p: positiveParameter,
    q: positiveParameter.map((q) => q + 1),
    v: positiveParameter,
  });

  it('expected spend lies between the observed mean and the population mean pγ/(q−1)', () => {
    fc.assert(
      fc.property(
        spendModel,
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        (model, frequency, monetaryValue) => {
          const expected = expectedAverageSpend(model, { frequency, monetaryValue });
          const population = (model.p * model.v) / (model.q - 1);
          expect(expected).toBeGreaterThanOrEqual(Math.min(population, monetaryValue) * (1 - 1e-12));
          expect(expected).toBeLessThanOrEqual(Math.max(population, monetaryValue) * (1 + 1e-12));
        },
      ),
      runs,
    );
  });

  it('CLV never decreases with more periods and never increases with a higher discount rate', () => {
    fc.assert(
      fc.property(
        transactionModel,
        spendModel,
        purchaseHistory,
        fc.integer({ min: 1, max: 24 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (model, spend, history, periods, d1, d2) => {
          const customer = { ...history, monetaryValue: 25 };
          const value = (n: number, d: number) =>
            customerLifetimeValue(model, spend, customer, { discountRate: d, periods: n }).value.toNumber();
          expect(value(periods + 1, d1)).toBeGreaterThanOrEqual(value(periods, d1) * (1 - 1e-12));
          const [low, high] = d1 <= d2 ? [d1, d2] : [d2, d1];
          expect(value(periods, high)).toBeLessThanOrEqual(value(periods, low) * (1 + 1e-12));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('shifted-beta-geometric laws (Fader & Hardie 2007, 2010)', () => {
  const sbg = fc.record({
    kind: fc.constant('shifted-beta-geometric' as const),
    alpha: positiveParameter,
    beta: positiveParameter,
  });

  it('survival is the product of the retention rates, and retention never falls over time', () => {
    fc.assert(
      fc.property(sbg, fc.integer({ min: 1, max: 40 }), (model, periods) => {
        const curve = retentionCurve(model, periods);
        let product = 1;
        let previous = 0;
        for (const point of curve) {
          product *= point.retention;
          expect(point.survival).toBeCloseTo(product, 12);
          expect(point.retention).toBeGreaterThanOrEqual(previous);
          previous = point.retention;
        }
      }),
      runs,
    );
  });

  it('DERT equals the discounted sum of renewal probabilities, and grows with renewals', () => {
    fc.assert(
      fc.property(
        sbg,
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        (model, renewals, discountRate) => {
          const dert = discountedExpectedResidualTransactions(model, { discountRate, renewals });
          // direct sum: the k-th future payment needs k more renewals; S(n+k)/S(n) by the retention rates
          let survival = 1;
          let sum = 0;
          for (let k = 1; k < 5000; k += 1) {
            const t = renewals + k;
            survival *= (model.beta + t - 1) / (model.alpha + model.beta + t - 1);
            sum += survival / (1 + discountRate) ** (k - 1);
          }
          expect(dert).toBeCloseTo(sum, 8);
          expect(
            discountedExpectedResidualTransactions(model, { discountRate, renewals: renewals + 1 }),
          ).toBeGreaterThanOrEqual(dert);
        },
      ),
      { numRuns: 100 },
    );
  });
});
