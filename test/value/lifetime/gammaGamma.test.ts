import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  customerLifetimeValue,
  expectedAverageSpend,
  expectedPurchases,
  fitGammaGamma,
} from '../../../src/value/index.js';
import { cdnowSummary } from './cdnow.js';

const summary = cdnowSummary();
const model = fitGammaGamma(summary);

describe('fitGammaGamma on CDNOW’s repeat customers (Fader, Hardie & Lee 2005, "RFM and CLV", JMR 42(4))', () => {
  it('finds the published estimates p = 6.25, q = 3.74, γ = 15.44 from the 946 repeat customers', () => {
    expect(model.customers).toBe(946);
    expect(model.excluded).toBe(2357 - 946);
    expect(model.p).toBeCloseTo(6.25, 2);
    expect(model.q).toBeCloseTo(3.74, 2);
    expect(Math.abs(model.v - 15.44)).toBeLessThan(0.01);
    expect(model.convergence.converged).toBe(true);
  });

  it(
    'reports the frequency–spend correlation the lifetimes documentation shows for CDNOW (0.1139): weak, the ' +
      'assumption holds',
    () => {
      expect(model.independence.correlation).toBeCloseTo(0.1139, 4);
      expect(model.independence.weak).toBe(true);
      expect(model.independence.interval.lower).toBeLessThan(model.independence.correlation);
      expect(model.independence.interval.upper).toBeGreaterThan(model.independence.correlation);
    },
  );

  it('flags a strong correlation', () => {
    const correlated = Array.from({ length: 40 }, (_, i) => ({
      frequency: 1 + (i % 8),
      monetaryValue: 10 + 5 * (i % 8) + (i % 3),
    }));
    const fitted = fitGammaGamma(correlated, { onNonConvergence: 'return' });
    expect(fitted.independence.weak).toBe(false);
  });

  it(
    'shrinks a customer’s mean spend towards the population mean: E[M] = p(γ + x z̄)/(px + q − 1) (eq. 5 of ' +
      'the 2013 note)',
    () => {
      const spend = { kind: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;
      expect(expectedAverageSpend(spend, { frequency: 0, monetaryValue: 0 })).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
      expect(expectedAverageSpend(spend, { frequency: 2, monetaryValue: 22.35 })).toBeCloseTo(
        (6.25 * (15.44 + 2 * 22.35)) / (12.5 + 2.74),
        12,
      );
    },
  );

  it('rejects repeat customers without a positive mean spend', () => {
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: 0 }])).toThrow(ValidationError);
    expect(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }])).toThrow(/repeat purchase/);
  });
});

describe('customerLifetimeValue', () => {
  const purchases = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
  const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };

  it('is the discounted margin of the expected purchases period by period', () => {
    const options = { discountRate: 0.01, periods: 12, periodLength: 30.4375 / 7, margin: 0.3 };
    const clv = customerLifetimeValue(purchases, model, customer, options);
    const spend = expectedAverageSpend(model, customer);
    let expected = 0;
    for (let month = 1; month <= 12; month += 1) {
      const step =
        expectedPurchases(purchases, customer, month * options.periodLength) -
        expectedPurchases(purchases, customer, (month - 1) * options.periodLength);
      expected += (0.3 * spend * step) / 1.01 ** month;
    }
    expect(clv.value.toNumber()).toBeCloseTo(expected, 10);
    expect(clv.periods).toHaveLength(12);
    expect(clv.purchases).toBeCloseTo(expectedPurchases(purchases, customer, 12 * options.periodLength), 12);
  });

  it('without discounting is margin × expected spend × expected purchases', () => {
    const clv = customerLifetimeValue(purchases, model, customer, { discountRate: 0, periods: 39 });
    expect(clv.value.toNumber()).toBeCloseTo(
      expectedAverageSpend(model, customer) * expectedPurchases(purchases, customer, 39),
      9,
    );
  });

  it('validates its options', () => {
    expect(() => customerLifetimeValue(purchases, model, customer, { discountRate: -1, periods: 1 })).toThrow(
      /options\.discountRate/,
    );
    expect(() => customerLifetimeValue(purchases, model, customer, { discountRate: 0.1, periods: 0 })).toThrow(
      /options\.periods/,
    );
    expect(() =>
      customerLifetimeValue(purchases, model, customer, { discountRate: 0.1, periods: 1, margin: 2 }),
    ).toThrow(/options\.margin/);
    expect(() =>
      customerLifetimeValue(purchases, purchases as never, customer, { discountRate: 0.1, periods: 1 }),
    ).toThrow(/spendModel/);
  });
});
