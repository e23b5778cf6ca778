import { gammaGammaLogLikelihood, spendCorrelation } from './internal/gammaGamma.js';
import { fitSummary, maximiseLikelihood, readFitOptions, settle } from './internal/fit.js';
import { readSpendHistories } from './internal/histories.js';
import type { FitOptions, GammaGammaModel, SpendHistory } from './types.js';
import { readInput, readingInput } from '../../shared/input.js';

/**
 * Fits the Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV:
 * using iso-value curves for customer base analysis", JMR 42(4)) by maximum likelihood, and checks
 * the independence of frequency and spend it assumes.
 *
 * Customers without repeat purchases carry no information on spend (the first purchase is left out
 * by convention) and are left out; `excluded` counts them, so a whole summary can be passed.
 * Same method and safeguards as {@link fitBgNbd}; starts from p = 1, q = 2, γ = mean spend.
 * `independence` reports the Pearson correlation of frequency and mean spend with its Fisher-z
 * 95 % interval and `weak: |r| < 0.3`: when it is strong, the model's CLV is biased and a joint
 * model is needed.
 *
 * @param customers - `{ frequency, monetaryValue, count? }` per customer; any iterable.
 * @param options - `start`, `maxEvaluations` (20,000), `onNonConvergence` (`'throw'`).
 * @returns `{ kind: 'gamma-gamma', p, q, v, logLikelihood, customers, excluded, standardErrors, independence,
 * convergence }`.
 * @throws {ValidationError} listing every bad record (a repeat customer without a positive `monetaryValue`, …),
 *   or when no customer has a repeat purchase.
 * @throws {ConvergenceError} when the fit is not trusted (unless `onNonConvergence: 'return'`).
 * @example
 * ```ts
 * import { fitGammaGamma, expectedAverageSpend } from 'clientele/value';
 * const model = fitGammaGamma([
 *   { frequency: 0, monetaryValue: 0, count: 30 },
 *   { frequency: 1, monetaryValue: 20, count: 5 }, { frequency: 1, monetaryValue: 35, count: 8 },
 *   { frequency: 1, monetaryValue: 90, count: 2 }, { frequency: 1, monetaryValue: 12, count: 4 },
 *   { frequency: 2, monetaryValue: 18, count: 3 }, { frequency: 2, monetaryValue: 25, count: 6 },
 *   { frequency: 2, monetaryValue: 48, count: 3 }, { frequency: 3, monetaryValue: 60 },
 *   { frequency: 3, monetaryValue: 22, count: 2 }, { frequency: 4, monetaryValue: 15 },
 *   { frequency: 5, monetaryValue: 30 }, { frequency: 6, monetaryValue: 27 }, { frequency: 8, monetaryValue: 41 },
 * ]);
 * model.excluded; // 30
 * expectedAverageSpend(model, { frequency: 1, monetaryValue: 90 }) < 90; // true: shrunk towards the mean
 * ```
 * @category Lifetime value
 */
export function fitGammaGamma(
  customers: Iterable<SpendHistory>,
  options?: FitOptions<'p' | 'q' | 'v'>,
): GammaGammaModel {
  const context = 'fitGammaGamma';
  const columns = readingInput('customers', context, () => readSpendHistories(customers, context));
  let spendSum = 0;
  for (let i = 0; i < columns.spend.length; i += 1) spendSum += columns.weight[i]! * columns.spend[i]!;
  const defaults = Float64Array.of(1, 2, spendSum / columns.customers);
  const settings = readFitOptions(readInput(options, 'options', context), ['p', 'q', 'v'], defaults, context);
  const fit = maximiseLikelihood(gammaGammaLogLikelihood(columns), settings.start, settings.maxEvaluations, [
    false,
    false,
    true,
  ]);
  const correlation = spendCorrelation(columns);
  const model: GammaGammaModel = Object.freeze({
    kind: 'gamma-gamma',
    ...fitSummary(['p', 'q', 'v'] as const, fit),
    customers: columns.customers,
    excluded: columns.excluded,
    independence: Object.freeze({
      correlation: correlation.correlation,
      interval: Object.freeze({ lower: correlation.lower, upper: correlation.upper }),
      weak: Math.abs(correlation.correlation) < 0.3,
    }),
  });
  return settle(model, settings.onNonConvergence, context);
}
