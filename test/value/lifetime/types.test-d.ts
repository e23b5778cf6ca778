import type { Decimal } from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import {
  customerLifetimeValue,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitShiftedBetaGeometric,
  probabilityAlive,
  type BgNbdModel,
  type FitConvergence,
  type GammaGammaModel,
  type ShiftedBetaGeometricModel,
  type TransactionModelParameters,
} from '../../../src/index.js';

describe('the public types of lifetime value', () => {
  it('SPEC §9 contracts: the fits return their parameters and log-likelihood as numbers', () => {
    expectTypeOf(fitBgNbd([])).toEqualTypeOf<BgNbdModel>();
    expectTypeOf(fitBgNbd([])).toMatchTypeOf<{
      r: number;
      alpha: number;
      a: number;
      b: number;
      logLikelihood: number;
    }>();
    expectTypeOf(fitGammaGamma([])).toMatchTypeOf<GammaGammaModel & { p: number; q: number; v: number }>();
    expectTypeOf(fitShiftedBetaGeometric([1, 1])).toMatchTypeOf<
      ShiftedBetaGeometricModel & { alpha: number; beta: number; logLikelihood: number }
    >();
    expectTypeOf(probabilityAlive).returns.toEqualTypeOf<number>();
    expectTypeOf(expectedPurchases).returns.toEqualTypeOf<number>();
  });

  it('histories take numbers, decimal strings or Decimals; models may be bare published parameters', () => {
    expectTypeOf(probabilityAlive).parameter(1).toMatchTypeOf<{ frequency: number | string | Decimal }>();
    expectTypeOf({ kind: 'bg-nbd', r: 1, alpha: 1, a: 1, b: 1 } as const).toMatchTypeOf<TransactionModelParameters>();
    const gammaGamma = { kind: 'gamma-gamma', p: 1, q: 2, v: 3 } as const;
    const history = { frequency: 0, recency: 0, T: 1 };
    // @ts-expect-error a Gamma-Gamma model is not a purchase-count model
    expectTypeOf(() => probabilityAlive(gammaGamma, history)).toBeFunction();
  });

  it('convergence reasons are a literal union; CLV is a Decimal', () => {
    expectTypeOf<FitConvergence['reason']>().toEqualTypeOf<
      'converged' | 'max-evaluations' | 'boundary' | 'hessian-not-negative-definite' | 'non-finite'
    >();
    expectTypeOf(customerLifetimeValue).returns.toHaveProperty('value').toEqualTypeOf<Decimal>();
  });
});
