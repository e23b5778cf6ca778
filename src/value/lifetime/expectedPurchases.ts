import { conditionalExpectation } from './internal/dispatch.js';
import { readHistory } from './internal/histories.js';
import { readDuration, readTransactionModel } from './internal/models.js';
import type { PurchaseHistory, TransactionModelParameters } from './types.js';
import { readInput } from '../../shared/input.js';

/**
 * The expected number of purchases a customer with this history makes in the next `t` time units,
 * under a fitted BG/NBD or Pareto/NBD model — the conditional expectation E[Y(t) | x, tₓ, T].
 *
 * BG/NBD: Fader, Hardie & Lee (2005), eq. (10). Its Gauss hypergeometric term is summed after
 * Pfaff's (short horizons) or Euler's (long horizons) transformation, so neither the cancellation
 * in 1 − (…)·₂F₁ for small `t` nor the removable 0/0 at a = 1 costs precision. Pareto/NBD: Fader &
 * Hardie's 2005 note, eq. (22), with its s → 1 limit. Non-decreasing in `t`.
 *
 * @param model - From {@link fitBgNbd} or {@link fitParetoNbd}, or published parameters with `kind`.
 * @param customer - `{ frequency, recency, T }` in the model's time unit.
 * @param t - Length of the forecast period, ≥ 0, in the model's time unit.
 * @returns The expected number of purchases (a `number`).
 * @throws {ValidationError} for a bad model, history or `t`, or when the hypergeometric series cannot be computed in
 * double precision.
 * @example
 * ```ts
 * import { expectedPurchases } from 'clientele/value';
 * // Fader, Hardie & Lee (2005), CDNOW: a customer with x = 2, tₓ = 30.43, T = 38.86 weeks
 * const model = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
 * expectedPurchases(model, { frequency: 2, recency: 30.43, T: 38.86 }, 39).toFixed(2); // '1.23'
 * ```
 * @category Lifetime value
 */
export function expectedPurchases(model: TransactionModelParameters, customer: PurchaseHistory, t: number): number {
  const context = 'expectedPurchases';
  const fitted = readTransactionModel(readInput(model, 'model', context), context);
  const history = readHistory(readInput(customer, 'customer', context), context);
  return conditionalExpectation(fitted, history, readDuration(t, 't', context), context);
}
