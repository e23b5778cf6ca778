import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  customerLifetimeValue,
  expectedPurchases,
  expectedRepeatPurchases,
  fitBgBb,
  probabilityAlive,
  purchaseCountProbability,
} from '../../../src/value/index.js';
import { countDistributionMoments } from './cdnow.js';

// Fader, Hardie & Shang (2010): 11,104 donors over 6 yearly campaigns (see test/fixtures/README.md).
const donors = readFileSync(fileURLToPath(new URL('../../fixtures/donations.csv', import.meta.url)), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [frequency, recency, T, count] = line.split(',').map(Number);
    return { frequency: frequency!, recency: recency!, T: T!, count: count! };
  });
const model = fitBgBb(donors);

describe('fitBgBb on the donations cohort (Fader, Hardie & Shang 2010, Marketing Science 29(6))', () => {
  it('finds the published estimates α = 1.204, β = 0.750, γ = 0.657, δ = 2.783 and LL −33,225.6', () => {
    expect(model.alpha).toBeCloseTo(1.204, 3);
    expect(model.beta).toBeCloseTo(0.75, 3);
    expect(model.gamma).toBeCloseTo(0.657, 3);
    expect(model.delta).toBeCloseTo(2.783, 3);
    expect(model.logLikelihood).toBeCloseTo(-33225.6, 1);
    expect(model).toMatchObject({ customers: 11104, convergence: { converged: true } });
  });

  it(
    'reproduces the distribution of repeat transactions over the 6 campaigns within 7 % of each count (the ' +
      'paper’s Figure 3)',
    () => {
      const observed = [0, 0, 0, 0, 0, 0, 0];
      for (const donor of donors) observed[donor.frequency]! += donor.count;
      observed.forEach((count, x) =>
        expect(Math.abs(11104 * purchaseCountProbability(model, x, 6) - count)).toBeLessThan(0.07 * count),
      );
    },
  );

  it('P(X(n) = x) sums to 1 with mean E[X(n)], and a new donor’s conditional forecast equals E[X(n)]', () => {
    const { total, mean } = countDistributionMoments((x) => purchaseCountProbability(model, x, 6), 7);
    expect(total).toBeCloseTo(1, 12);
    expect(mean).toBeCloseTo(expectedRepeatPurchases(model, 6), 12);
    expect(expectedPurchases(model, { frequency: 0, recency: 0, T: 0 }, 5)).toBeCloseTo(
      expectedRepeatPurchases(model, 5),
      12,
    );
  });

  it('a donor who gave in all six campaigns is far more likely alive than one who stopped after the third', () => {
    expect(probabilityAlive(model, { frequency: 6, recency: 6, T: 6 })).toBeGreaterThan(0.9);
    expect(probabilityAlive(model, { frequency: 3, recency: 3, T: 6 })).toBeLessThan(0.2);
  });

  it('counts opportunities in whole numbers', () => {
    expect(() => fitBgBb([{ frequency: 1, recency: 1.5, T: 6 }])).toThrow(/customers\[0\]\.recency/);
    expect(() => probabilityAlive(model, { frequency: 1, recency: 1, T: 6.5 })).toThrow(/customer\.T/);
    expect(() => expectedPurchases(model, { frequency: 1, recency: 1, T: 6 }, 2.5)).toThrow(/\bt\b/);
    const spend = { kind: 'gamma-gamma', p: 6, q: 4, v: 15 } as const;
    const donor = { frequency: 3, recency: 6, T: 6, monetaryValue: 50 };
    expect(() =>
      customerLifetimeValue(model, spend, donor, { discountRate: 0.1, periods: 5, periodLength: 0.5 }),
    ).toThrow(/options\.periodLength/);
    expect(
      customerLifetimeValue(model, spend, donor, { discountRate: 0.1, periods: 5 }).value.toNumber(),
    ).toBeGreaterThan(0);
  });
});
