import { bgNbdLogLikelihood } from './internal/bgNbd.js';
import { fitSummary, maximiseLikelihood, readFitOptions, settle } from './internal/fit.js';
import { readPurchaseHistories } from './internal/histories.js';
import type { BgNbdModel, FitOptions, PurchaseHistory } from './types.js';
import { checkHistoryLimits } from './limits.js';
import { readInput, readingInput } from '../../shared/input.js';

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
 * Marketing Science 24(2)) to customers' purchase histories by maximum likelihood.
 *
 * The log-likelihood is the paper's eq. (6), summed over customers; it is maximised by Nelder–Mead
 * on the logarithms of r, α, a, b (so they stay positive), restarted until a restart no longer
 * improves it, from r = 1, a = 1, b = 1 and α = r·(mean T)/(mean frequency + 1) — the value that
 * matches the mean purchase rate. Standard errors come from the inverse of the finite-difference
 * Hessian; a Hessian that is not negative definite, a parameter running to 0 or ∞, or running out
 * of evaluations makes the fit untrusted, and by default a `ConvergenceError` is thrown.
 * Identical histories are merged before fitting (the likelihood is the same).
 *
 * @param customers - `{ frequency, recency, T, count? }` per customer (one time unit for all); any iterable.
 * @param options - `start`, `maxEvaluations` (20,000), `onNonConvergence` (`'throw'`).
 * @returns `{ kind: 'bg-nbd', r, alpha, a, b, logLikelihood, customers, standardErrors, convergence }`.
 * @throws {ValidationError} listing every bad record (`customers[3].recency`: a recency above T,
 *   a non-integer frequency, recency ≠ 0 without repeat purchases, …).
 * @throws {ConvergenceError} when the fit is not trusted (unless `onNonConvergence: 'return'`).
 * @example
 * ```ts
 * import { fitBgNbd, probabilityAlive } from 'clientele/value';
 * // grouped histories in weeks: `count` customers share each one
 * const model = fitBgNbd([
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
 * model.convergence.converged; // true
 * probabilityAlive(model, { frequency: 10, recency: 8, T: 38 }) < 0.5; // true: busy, then silent
 * ```
 * @category Lifetime value
 */
export function fitBgNbd(
  customers: Iterable<PurchaseHistory>,
  options?: FitOptions<'r' | 'alpha' | 'a' | 'b'>,
): BgNbdModel {
  const context = 'fitBgNbd';
  const columns = readingInput('customers', context, () => readPurchaseHistories(customers, context));
  checkHistoryLimits(columns, context);
  const defaults = Float64Array.of(1, Math.max(columns.meanAge / (columns.meanFrequency + 1), 1e-3), 1, 1);
  const settings = readFitOptions(readInput(options, 'options', context), ['r', 'alpha', 'a', 'b'], defaults, context);
  const fit = maximiseLikelihood(bgNbdLogLikelihood(columns), settings.start, settings.maxEvaluations, [
    false,
    true,
    false,
    false,
  ]);
  const model: BgNbdModel = Object.freeze({
    kind: 'bg-nbd',
    ...fitSummary(['r', 'alpha', 'a', 'b'] as const, fit),
    customers: columns.customers,
  });
  return settle(model, settings.onNonConvergence, context);
}
