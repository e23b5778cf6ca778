import { aliveProbability } from './internal/dispatch.js';
import { readHistory } from './internal/histories.js';
import { readTransactionModel } from './internal/models.js';
import type { PurchaseHistory, TransactionModelParameters } from './types.js';
import { readInput } from '../../shared/input.js';

/**
 * The probability that a customer with this history is still active ("alive") at the end of
 * observation, under a fitted BG/NBD or Pareto/NBD model.
 *
 * BG/NBD: 1/(1 + [x > 0]·a/(b+x−1)·((α+T)/(α+tₓ))^(r+x)) (Fader, Hardie & Lee 2008 note, eq. 2;
 * a customer without repeat purchases never had a chance to drop out, so gets 1 — the model's
 * own assumption, not a finding). Pareto/NBD: 1/(1 + s/(r+s+x)·(α+T)^(r+x)(β+T)^s·A₀) (Fader &
 * Hardie 2005 note, eq. 21), below 1 for every customer.
 *
 * @param model - From {@link fitBgNbd} or {@link fitParetoNbd} (or the same data after a JSON round trip).
 * @param customer - `{ frequency, recency, T }` in the model's time unit.
 * @returns A probability in [0, 1].
 * @throws {ValidationError} for a bad model or history.
 * @example
 * ```ts
 * import { probabilityAlive } from 'clientele/value';
 * // the BG/NBD parameters Fader, Hardie & Lee (2005) estimate on CDNOW (weeks)
 * const model = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
 * probabilityAlive(model, { frequency: 2, recency: 30.43, T: 38.86 }).toFixed(2); // '0.73'
 * probabilityAlive(model, { frequency: 2, recency: 5, T: 38.86 }).toFixed(2); // '0.12'
 * ```
 * @category Lifetime value
 */
export function probabilityAlive(model: TransactionModelParameters, customer: PurchaseHistory): number {
  const context = 'probabilityAlive';
  const fitted = readTransactionModel(readInput(model, 'model', context), context);
  return aliveProbability(fitted, readHistory(readInput(customer, 'customer', context), context), context);
}
