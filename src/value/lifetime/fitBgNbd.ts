import { bgNbdLogLikelihood } from './internal/bgNbd.js';
import { maximiseLikelihood, readFitOptions, settle } from './internal/fit.js';
import { readPurchaseHistories } from './internal/histories.js';
import type { BgNbdModel, FitOptions, PurchaseHistory } from './types.js';

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
 * const model = fitBgNbd([
 *   { frequency: 0, recency: 0, T: 30, count: 40 },
 *   { frequency: 1, recency: 5, T: 30, count: 12 },
 *   { frequency: 2, recency: 25, T: 28, count: 8 },
 *   { frequency: 4, recency: 10, T: 30, count: 5 },
 *   { frequency: 6, recency: 29, T: 30, count: 3 },
 * ]);
 * model.convergence.converged; // true
 * probabilityAlive(model, { frequency: 4, recency: 10, T: 30 }) < 0.5; // true: busy, then silent
 * ```
 * @category Lifetime value
 */
export function fitBgNbd(customers: Iterable<PurchaseHistory>, options?: FitOptions<'r' | 'alpha' | 'a' | 'b'>): BgNbdModel {
  const context = 'fitBgNbd';
  const columns = readPurchaseHistories(customers, context);
  const defaults = Float64Array.of(1, Math.max(columns.meanAge / (columns.meanFrequency + 1), 1e-3), 1, 1);
  const settings = readFitOptions(options, ['r', 'alpha', 'a', 'b'], defaults, context);
  const fit = maximiseLikelihood(bgNbdLogLikelihood(columns), settings.start, settings.maxEvaluations);
  const [r, alpha, a, b] = fit.parameters;
  const errors = fit.standardErrors;
  const model: BgNbdModel = Object.freeze({
    kind: 'bg-nbd',
    r: r!,
    alpha: alpha!,
    a: a!,
    b: b!,
    logLikelihood: fit.logLikelihood,
    customers: columns.customers,
    standardErrors: errors === null ? null : Object.freeze({ r: errors[0]!, alpha: errors[1]!, a: errors[2]!, b: errors[3]! }),
    convergence: fit.convergence,
  });
  return settle(model, settings.onNonConvergence, context);
}
