import { describe, expect, it } from 'vitest';
import {
  ConvergenceError,
  ValidationError,
  discountedExpectedResidualTransactions,
  fitShiftedBetaGeometric,
  retentionCurve,
} from '../../../src/value/index.js';

// Fader & Hardie (2007), "How to project customer retention", J. Interactive Marketing 21(1):
// two cohorts of 1,000 customers observed over 7 years.
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];
const regular = [1000, 631, 468, 382, 326, 289, 262, 241];

describe('fitShiftedBetaGeometric (Fader & Hardie 2007)', () => {
  it('finds the published estimates: high end α = 0.668, β = 3.806; regular α = 0.704, β = 1.182', () => {
    const high = fitShiftedBetaGeometric(highEnd);
    const low = fitShiftedBetaGeometric(regular);
    expect([high.alpha, high.beta].map((x) => x.toFixed(3))).toEqual(['0.668', '3.806']);
    expect([low.alpha, low.beta].map((x) => x.toFixed(3))).toEqual(['0.704', '1.182']);
    expect(high).toMatchObject({ customers: 1000, periods: 7 });
    expect(high.standardErrors!.alpha).toBeGreaterThan(0);
  });

  it('projects retention rising over time, as the paper’s figures show (regular: 63 % in year 1)', () => {
    const model = fitShiftedBetaGeometric(regular);
    const curve = retentionCurve(model, 12);
    expect(curve[0]!.retention).toBeCloseTo(regular[1]! / regular[0]!, 1);
    expect(curve[11]!.retention).toBeGreaterThan(curve[0]!.retention);
    // the fitted survival stays close to the observed cohort (Figure 3 of the paper)
    for (let t = 1; t < regular.length; t += 1)
      expect(Math.abs(curve[t - 1]!.survival * 1000 - regular[t]!)).toBeLessThan(15);
  });

  it('values a renewal-decision customer by DERT: the 2F1 closed form agrees with the direct sum', () => {
    const model = { kind: 'shifted-beta-geometric', alpha: 0.668, beta: 3.806 } as const;
    let survival = 1;
    let direct = 0;
    for (let k = 1; k < 4000; k += 1) {
      survival *= (model.beta + 4 + k - 1) / (model.alpha + model.beta + 4 + k - 1);
      direct += survival / 1.1 ** (k - 1);
    }
    expect(discountedExpectedResidualTransactions(model, { discountRate: 0.1, renewals: 4 })).toBeCloseTo(direct, 10);
  });

  it('validates the survivor counts', () => {
    expect(() => fitShiftedBetaGeometric([1000])).toThrow(ValidationError);
    expect(() => fitShiftedBetaGeometric([1000, 900, 950])).toThrow(/survivors\[2\]/);
    expect(() => fitShiftedBetaGeometric([0, 0])).toThrow(/survivors\[0\]/);
    expect(() => fitShiftedBetaGeometric([100, 'x' as unknown as number])).toThrow(/survivors\[1\]/);
  });

  it('reports a cohort that never churns as not identified instead of returning a huge β', () => {
    expect(() => fitShiftedBetaGeometric([100, 100, 100])).toThrow(ConvergenceError);
  });
});
