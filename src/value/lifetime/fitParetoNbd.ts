import { maximiseLikelihood, readFitOptions, settle } from './internal/fit.js';
import { readPurchaseHistories } from './internal/histories.js';
import { paretoNbdLogLikelihood } from './internal/paretoNbd.js';
import type { FitOptions, ParetoNbdModel, PurchaseHistory } from './types.js';

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) to customers' purchase histories
 * by maximum likelihood, with the likelihood of Fader & Hardie's note "A note on deriving the
 * Pareto/NBD model and related expressions" (2005, eq. 18–20).
 *
 * Same method and safeguards as {@link fitBgNbd}: Nelder–Mead on log-parameters, restarts,
 * Hessian verdict and standard errors, `ConvergenceError` when not trusted. Starts from r = s = 1,
 * α = (mean T)/(mean frequency + 1), β = mean T. Each likelihood evaluation needs two Gauss
 * hypergeometric series per distinct history, so it is several times slower than BG/NBD.
 *
 * @param customers - `{ frequency, recency, T, count? }` per customer; any iterable.
 * @param options - `start`, `maxEvaluations` (20,000), `onNonConvergence` (`'throw'`).
 * @returns `{ kind: 'pareto-nbd', r, alpha, s, beta, logLikelihood, customers, standardErrors, convergence }`.
 * @throws {ValidationError} listing every bad record.
 * @throws {ConvergenceError} when the fit is not trusted (unless `onNonConvergence: 'return'`).
 * @example
 * ```ts
 * import { fitParetoNbd, expectedPurchases } from 'clientele/value';
 * const model = fitParetoNbd([
 *   { frequency: 0, recency: 0, T: 30, count: 40 },
 *   { frequency: 1, recency: 5, T: 30, count: 12 },
 *   { frequency: 2, recency: 25, T: 28, count: 8 },
 *   { frequency: 4, recency: 10, T: 30, count: 5 },
 *   { frequency: 6, recency: 29, T: 30, count: 3 },
 * ]);
 * expectedPurchases(model, { frequency: 6, recency: 29, T: 30 }, 10) > 1; // true
 * ```
 * @category Lifetime value
 */
export function fitParetoNbd(customers: Iterable<PurchaseHistory>, options?: FitOptions<'r' | 'alpha' | 's' | 'beta'>): ParetoNbdModel {
  const context = 'fitParetoNbd';
  const columns = readPurchaseHistories(customers, context);
  const defaults = Float64Array.of(1, Math.max(columns.meanAge / (columns.meanFrequency + 1), 1e-3), 1, Math.max(columns.meanAge, 1e-3));
  const settings = readFitOptions(options, ['r', 'alpha', 's', 'beta'], defaults, context);
  const fit = maximiseLikelihood(paretoNbdLogLikelihood(columns), settings.start, settings.maxEvaluations);
  const [r, alpha, s, beta] = fit.parameters;
  const errors = fit.standardErrors;
  const model: ParetoNbdModel = Object.freeze({
    kind: 'pareto-nbd',
    r: r!,
    alpha: alpha!,
    s: s!,
    beta: beta!,
    logLikelihood: fit.logLikelihood,
    customers: columns.customers,
    standardErrors: errors === null ? null : Object.freeze({ r: errors[0]!, alpha: errors[1]!, s: errors[2]!, beta: errors[3]! }),
    convergence: fit.convergence,
  });
  return settle(model, settings.onNonConvergence, context);
}
