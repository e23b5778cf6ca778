import { repeatExpectation } from './internal/dispatch.js';
import { readDuration, readTransactionModel } from './internal/models.js';
import type { TransactionModelParameters } from './types.js';
import { readInput } from '../../shared/input.js';

/**
 * The expected number of repeat purchases in the first `t` time units of a customer acquired now
 * — E[X(t)], the curve a cohort's cumulative repeat purchases follow.
 *
 * BG/NBD: Fader, Hardie & Lee (2005), eq. (9); Pareto/NBD: rβ/(α(s−1))·(1 − (β/(β+t))^(s−1))
 * (Fader & Hardie 2005 note, eq. 17). Non-decreasing in `t`.
 *
 * @param model - From {@link fitBgNbd} or {@link fitParetoNbd}, or published parameters with `kind`.
 * @param t - Time since acquisition, ≥ 0, in the model's time unit.
 * @returns E[X(t)].
 * @throws {ValidationError} for a bad model or `t`.
 * @example
 * ```ts
 * import { expectedRepeatPurchases } from 'clientele/value';
 * const model = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
 * expectedRepeatPurchases(model, 78) > expectedRepeatPurchases(model, 39); // true
 * ```
 * @category Lifetime value
 */
export function expectedRepeatPurchases(model: TransactionModelParameters, t: number): number {
  const context = 'expectedRepeatPurchases';
  const fitted = readTransactionModel(readInput(model, 'model', context), context);
  return repeatExpectation(fitted, readDuration(t, 't', context), context);
}
