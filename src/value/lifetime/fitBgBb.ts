import { bgBbLogLikelihood } from './internal/bgBb.js';
import { fitSummary, maximiseLikelihood, readFitOptions, settle } from './internal/fit.js';
import { readPurchaseHistories } from './internal/histories.js';
import type { BgBbModel, FitOptions, PurchaseHistory } from './types.js';
import { checkHistoryLimits } from './limits.js';
import { readInput, readingInput } from '../../shared/input.js';

/**
 * Fits the BG/BB model (Fader, Hardie & Shang 2010, "Customer-base analysis in a discrete-time
 * noncontractual setting", Marketing Science 29(6)) by maximum likelihood: for relationships with
 * discrete transaction opportunities — a yearly campaign, a quarterly media plan — where each
 * opportunity is taken or not, and a client who leaves says nothing.
 *
 * Histories are `{ frequency, recency, T, count? }` in whole opportunities: `T` opportunities
 * observed after the first transaction, `frequency` of them taken, the last at `recency`. The
 * likelihood is the paper's eq. (5); fitted like {@link fitBgNbd} (Nelder–Mead on log-parameters
 * from α = β = γ = δ = 1, Hessian verdict, `ConvergenceError`). {@link probabilityAlive},
 * {@link expectedPurchases} (in whole opportunities), {@link expectedRepeatPurchases} and
 * {@link purchaseCountProbability} accept the result.
 *
 * @param customers - `{ frequency, recency, T, count? }` per customer, whole numbers; any iterable.
 * @param options - `start`, `maxEvaluations` (20,000), `onNonConvergence` (`'throw'`).
 * @returns `{ kind: 'bg-bb', alpha, beta, gamma, delta, logLikelihood, customers, standardErrors, convergence }`.
 * @throws {ValidationError} listing every bad record (fractional opportunities, recency above T, …).
 * @throws {ConvergenceError} when the fit is not trusted (unless `onNonConvergence: 'return'`).
 * @example
 * ```ts
 * import { fitBgBb, probabilityAlive } from 'clientele/value';
 * // a cohort of donors over 6 yearly campaigns, grouped by history (Fader, Hardie & Shang 2010)
 * const model = fitBgBb([
 *   { frequency: 0, recency: 0, T: 6, count: 3464 },
 *   { frequency: 1, recency: 1, T: 6, count: 1091 },
 *   { frequency: 1, recency: 6, T: 6, count: 129 },
 *   { frequency: 3, recency: 3, T: 6, count: 322 },
 *   { frequency: 3, recency: 6, T: 6, count: 357 },
 *   { frequency: 6, recency: 6, T: 6, count: 1203 },
 * ]);
 * probabilityAlive(model, { frequency: 3, recency: 3, T: 6 }) <
 *   probabilityAlive(model, { frequency: 3, recency: 6, T: 6 }); // true
 * ```
 * @category Lifetime value
 */
export function fitBgBb(
  customers: Iterable<PurchaseHistory>,
  options?: FitOptions<'alpha' | 'beta' | 'gamma' | 'delta'>,
): BgBbModel {
  const context = 'fitBgBb';
  const columns = readingInput('customers', context, () => readPurchaseHistories(customers, context, undefined, true));
  checkHistoryLimits(columns, context, true);
  const settings = readFitOptions(
    readInput(options, 'options', context),
    ['alpha', 'beta', 'gamma', 'delta'],
    Float64Array.of(1, 1, 1, 1),
    context,
  );
  const fit = maximiseLikelihood(bgBbLogLikelihood(columns), settings.start, settings.maxEvaluations, [
    false,
    false,
    false,
    false,
  ]);
  const model: BgBbModel = Object.freeze({
    kind: 'bg-bb',
    ...fitSummary(['alpha', 'beta', 'gamma', 'delta'] as const, fit),
    customers: columns.customers,
  });
  return settle(model, settings.onNonConvergence, context);
}
