import { fitSummary, maximiseLikelihood, readFitOptions, settle } from './internal/fit.js';
import { readPurchaseHistories } from './internal/histories.js';
import { paretoNbdLogLikelihood } from './internal/paretoNbd.js';
import type { FitOptions, ParetoNbdModel, PurchaseHistory } from './types.js';
import { checkHistoryLimits } from './limits.js';
import { readInput, readingInput } from '../../shared/input.js';

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
 *   { frequency: 0, recency: 0, T: 38, count: 1400 },
 *   { frequency: 1, recency: 2, T: 38, count: 200 },
 *   { frequency: 1, recency: 10, T: 38, count: 300 },
 *   { frequency: 1, recency: 30, T: 38, count: 150 },
 *   { frequency: 2, recency: 20, T: 38, count: 120 },
 *   { frequency: 2, recency: 35, T: 38, count: 100 },
 *   { frequency: 3, recency: 5, T: 38, count: 80 },
 *   { frequency: 4, recency: 12, T: 38, count: 40 },
 *   { frequency: 5, recency: 36, T: 38, count: 60 },
 *   { frequency: 8, recency: 37, T: 38, count: 40 },
 *   { frequency: 10, recency: 8, T: 38, count: 10 },
 * ]);
 * expectedPurchases(model, { frequency: 8, recency: 37, T: 38 }, 10) > 1; // true
 * ```
 * @category Lifetime value
 */
export function fitParetoNbd(
  customers: Iterable<PurchaseHistory>,
  options?: FitOptions<'r' | 'alpha' | 's' | 'beta'>,
): ParetoNbdModel {
  const context = 'fitParetoNbd';
  const columns = readingInput('customers', context, () => readPurchaseHistories(customers, context));
  checkHistoryLimits(columns, context);
  const defaults = Float64Array.of(
    1,
    Math.max(columns.meanAge / (columns.meanFrequency + 1), 1e-3),
    1,
    Math.max(columns.meanAge, 1e-3),
  );
  const settings = readFitOptions(
    readInput(options, 'options', context),
    ['r', 'alpha', 's', 'beta'],
    defaults,
    context,
  );
  const fit = maximiseLikelihood(paretoNbdLogLikelihood(columns), settings.start, settings.maxEvaluations, [
    false,
    true,
    false,
    true,
  ]);
  const model: ParetoNbdModel = Object.freeze({
    kind: 'pareto-nbd',
    ...fitSummary(['r', 'alpha', 's', 'beta'] as const, fit),
    customers: columns.customers,
  });
  return settle(model, settings.onNonConvergence, context);
}
