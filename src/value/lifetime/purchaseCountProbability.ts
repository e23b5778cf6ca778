import { fail } from '../../shared/errors.js';
import { countProbability } from './internal/dispatch.js';
import { readDuration, readTransactionModel } from './internal/models.js';
import type { TransactionModelParameters } from './types.js';
import { LIFETIME_MAX_COUNT } from './limits.js';
import { readInput } from '../../shared/input.js';

/**
 * P(X(t) = n): the probability that a customer acquired now makes exactly `n` repeat purchases in
 * the first `t` time units.
 *
 * BG/NBD: Fader, Hardie & Lee (2005), eq. (8). Pareto/NBD: Fader & Hardie's note "Deriving an
 * expression for P(X(t) = x) under the Pareto/NBD model" (2006), eq. (9). Over n = 0, 1, 2, …
 * the probabilities sum to 1 and their mean is {@link expectedRepeatPurchases}.
 *
 * @param model - From {@link fitBgNbd} or {@link fitParetoNbd}, or published parameters with `kind`.
 * @param n - A whole number ≥ 0.
 * @param t - Time since acquisition, > 0, in the model's time unit.
 * @returns A probability in [0, 1].
 * @throws {ValidationError} for a bad model, `n` or `t`.
 * @example
 * ```ts
 * import { purchaseCountProbability } from 'clientele/value';
 * const model = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
 * // most CDNOW customers make no repeat purchase in their first 39 weeks
 * purchaseCountProbability(model, 0, 39) > 0.5; // true
 * ```
 * @category Lifetime value
 */
export function purchaseCountProbability(model: TransactionModelParameters, n: number, t: number): number {
  const context = 'purchaseCountProbability';
  const fitted = readTransactionModel(readInput(model, 'model', context), context);
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0 || n > LIFETIME_MAX_COUNT)
    fail('n', `a whole number from 0 to ${LIFETIME_MAX_COUNT}`, n, context);
  const span = readDuration(t, 't', context);
  if (fitted.kind === 'bg-bb' && span > LIFETIME_MAX_COUNT)
    fail('t', `at most ${LIFETIME_MAX_COUNT} transaction opportunities`, t, context);
  if (span === 0) return n === 0 ? 1 : 0;
  return Math.min(1, Math.max(0, countProbability(fitted, n, span, context)));
}
