import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  ConvergenceError,
  ValidationError,
  expectedPurchases,
  expectedRepeatPurchases,
  fitBgNbd,
  probabilityAlive,
  purchaseCountProbability,
  type BgNbdModel,
} from '../../../src/value/index.js';
import { cdnowSummary, countDistributionMoments } from './cdnow.js';

// Fitted once for the whole file (about 0.2 s).
const customers = cdnowSummary().map(({ frequency, recency, T }) => ({ frequency, recency, T }));
const model: BgNbdModel = fitBgNbd(customers);

describe('fitBgNbd on CDNOW, weeks 1–39 (Fader, Hardie & Lee 2005, Marketing Science 24(2))', () => {
  it('finds the published estimates r = 0.243, α = 4.414, a = 0.793, b = 2.426', () => {
    expect(model.r).toBeCloseTo(0.243, 3);
    expect(model.alpha).toBeCloseTo(4.414, 3);
    expect(model.a).toBeCloseTo(0.793, 3);
    expect(model.b).toBeCloseTo(2.426, 3);
  });

  it('reaches the published log-likelihood −9582.4', () => {
    expect(model.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(model.customers).toBe(2357);
  });

  it(
    'trusts the fit and gives the standard errors the lifetimes package reports for CDNOW (0.012557, 0.378221, ' +
      '0.185719, 0.705345)',
    () => {
      expect(model.convergence).toMatchObject({ converged: true, reason: 'converged', hessian: 'negative-definite' });
      const errors = model.standardErrors!;
      const relative = (actual: number, expected: number) => Math.abs(actual / expected - 1);
      expect(relative(errors.r, 0.012557)).toBeLessThan(1e-3);
      expect(relative(errors.alpha, 0.378221)).toBeLessThan(1e-3);
      expect(relative(errors.a, 0.185719)).toBeLessThan(1e-3);
      expect(relative(errors.b, 0.705345)).toBeLessThan(1e-3);
    },
  );

  it('gives the same fit from grouped data (count) as from one row per customer', () => {
    const grouped = new Map<string, { frequency: number; recency: number; T: number; count: number }>();
    for (const customer of customers) {
      const key = `${customer.frequency}|${customer.recency}|${customer.T}`;
      const row = grouped.get(key);
      if (row) row.count += 1;
      else grouped.set(key, { ...customer, count: 1 });
    }
    const again = fitBgNbd([...grouped.values()].reverse());
    expect(again.logLikelihood).toBeCloseTo(model.logLikelihood, 6);
    expect(again.r).toBeCloseTo(model.r, 4);
  });
});

describe('BG/NBD per-customer quantities', () => {
  const published = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;

  it(
    'expects 1.226 purchases in the next 39 weeks from the customer with x = 2, tₓ = 30.43, T = 38.86 (the ' +
      'paper’s worked example)',
    () => {
      expect(expectedPurchases(published, { frequency: 2, recency: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 3);
    },
  );

  it('P(alive) is 1 without repeat purchases (the model’s assumption) and falls as the last purchase recedes', () => {
    expect(probabilityAlive(model, { frequency: 0, recency: 0, T: 38.86 })).toBe(1);
    const recent = probabilityAlive(model, { frequency: 4, recency: 38, T: 38.86 });
    const old = probabilityAlive(model, { frequency: 4, recency: 10, T: 38.86 });
    expect(recent).toBeGreaterThan(old);
    // eq. (2) of the 2008 note, written out with the paper's rounded estimates
    const x = 4;
    const odds =
      (published.a / (published.b + x - 1)) * ((published.alpha + 38.86) / (published.alpha + 10)) ** (published.r + x);
    expect(probabilityAlive(published, { frequency: 4, recency: 10, T: 38.86 })).toBeCloseTo(1 / (1 + odds), 12);
  });

  it('P(X(t) = n) sums to 1 over n and its mean is E[X(t)] (eq. 8 and eq. 9 agree)', () => {
    const { total, mean } = countDistributionMoments((n) => purchaseCountProbability(model, n, 39), 400);
    expect(total).toBeCloseTo(1, 9);
    expect(mean).toBeCloseTo(expectedRepeatPurchases(model, 39), 8);
    expect(purchaseCountProbability(model, 3, 0)).toBe(0);
    expect(purchaseCountProbability(model, 0, 0)).toBe(1);
  });

  it('reads histories given as numbers, decimal strings or Decimals alike (SPEC §9)', () => {
    const asNumbers = { frequency: 3, recency: 20.5, T: 38 };
    const asText = { frequency: '3', recency: '20.5', T: '38' };
    const asDecimals = { frequency: new Decimal(3), recency: new Decimal('20.5'), T: new Decimal(38) };
    expect(probabilityAlive(model, asText)).toBe(probabilityAlive(model, asNumbers));
    expect(expectedPurchases(model, asDecimals, 10)).toBe(expectedPurchases(model, asNumbers, 10));
    const refit = fitBgNbd(
      customers.map((customer) => ({
        frequency: String(customer.frequency),
        recency: new Decimal(customer.recency),
        T: customer.T,
      })),
    );
    expect(refit.logLikelihood).toBe(model.logLikelihood);
  });

  it('works on a model that went through JSON, and on bare published parameters', () => {
    const stored = JSON.parse(JSON.stringify(model)) as BgNbdModel;
    const customer = { frequency: 3, recency: 20, T: 38 };
    expect(probabilityAlive(stored, customer)).toBe(probabilityAlive(model, customer));
    expect(expectedPurchases(stored, customer, 10)).toBe(expectedPurchases(model, customer, 10));
  });

  it('treats a = 1, where eq. (10) is 0/0, as the limit', () => {
    const customer = { frequency: 2, recency: 30.43, T: 38.86 };
    const at = (a: number) => expectedPurchases({ ...published, a }, customer, 39);
    expect(at(1)).toBeGreaterThan(Math.min(at(0.999), at(1.001)));
    expect(at(1)).toBeLessThan(Math.max(at(0.999), at(1.001)));
  });
});

describe('fitBgNbd refuses to return nonsense', () => {
  it('throws ConvergenceError when nobody ever came back (the dropout process is not identified)', () => {
    const silent = [
      { frequency: 0, recency: 0, T: 10 },
      { frequency: 0, recency: 0, T: 20 },
      { frequency: 0, recency: 0, T: 30 },
    ];
    expect(() => fitBgNbd(silent)).toThrow(ConvergenceError);
    const flagged = fitBgNbd(silent, { onNonConvergence: 'return' });
    expect(flagged.convergence.converged).toBe(false);
    expect(flagged.standardErrors).toBeNull();
  });

  it(
    'reports a fit that degenerates to the homogeneous limit (a, b → ∞ at a fixed ratio) as boundary, not ' +
      'converged',
    () => {
      const fitted = fitBgNbd(
        [
          { frequency: 0, recency: 0, T: 30, count: 40 },
          { frequency: 1, recency: 5, T: 30, count: 12 },
          { frequency: 2, recency: 25, T: 28, count: 8 },
          { frequency: 4, recency: 10, T: 30, count: 5 },
          { frequency: 6, recency: 29, T: 30, count: 3 },
        ],
        { onNonConvergence: 'return' },
      );
      expect(fitted.convergence).toMatchObject({ converged: false, reason: 'boundary' });
      expect(Math.max(fitted.a, fitted.b)).toBeGreaterThan(1e4);
    },
  );

  it('throws ConvergenceError with reason max-evaluations when the budget is too small', () => {
    try {
      fitBgNbd(customers, { maxEvaluations: 20 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConvergenceError);
      expect((error as ConvergenceError).convergence.reason).toBe('max-evaluations');
    }
  });

  it('lists every bad record with its path', () => {
    try {
      fitBgNbd([
        { frequency: 1, recency: 5, T: 10 },
        { frequency: 1.5, recency: 5, T: 10 },
        { frequency: 1, recency: 12, T: 10 },
        { frequency: 0, recency: 3, T: 10 },
        { frequency: 2, recency: 0, T: 10 },
        { frequency: 1, recency: 1, T: 'NaN' },
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
        'customers[1].frequency',
        'customers[2].recency',
        'customers[3].recency',
        'customers[4].recency',
        'customers[5].T',
      ]);
      expect((error as ValidationError).issues.map((issue) => issue.code)).toEqual([
        'invalid_value',
        'inconsistent',
        'inconsistent',
        'inconsistent',
        'invalid_value',
      ]);
    }
    expect(() => fitBgNbd([])).toThrow(/at least one customer/);
    expect(() => fitBgNbd(customers, { start: { r: -1 } })).toThrow(/options\.start\.r/);
  });

  it('rejects a model that is not a purchase-count model', () => {
    expect(() =>
      probabilityAlive({ kind: 'bg-nbd', r: 0, alpha: 1, a: 1, b: 1 }, { frequency: 0, recency: 0, T: 1 }),
    ).toThrow(/model\.r/);
    expect(() => expectedPurchases({ kind: 'gamma-gamma' } as never, { frequency: 0, recency: 0, T: 1 }, 1)).toThrow(
      ValidationError,
    );
    expect(() => expectedPurchases(model, { frequency: 0, recency: 0, T: 1 }, -1)).toThrow(/\bt\b/);
  });
});
