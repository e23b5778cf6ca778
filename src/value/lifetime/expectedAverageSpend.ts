import { fail } from '../../shared/errors.js';
import { gammaGammaExpectedSpend } from './internal/gammaGamma.js';
import { readFloat } from './internal/histories.js';
import { readGammaGammaModel } from './internal/models.js';
import type { GammaGammaParameters, SpendHistory } from './types.js';
import { readInput } from '../../shared/input.js';

/**
 * The expected value of a customer's future transactions under a Gamma-Gamma model: their observed
 * mean spend shrunk towards the population mean, the more so the fewer repeat purchases it rests on.
 *
 * E[M | x, z̄] = p(γ + x z̄)/(px + q − 1) — a weighted mean of the population mean pγ/(q − 1) and
 * the observed z̄ (Fader, Hardie & Lee 2005, "RFM and CLV", eq. 5 of Fader & Hardie's 2013 note).
 * A customer without repeat purchases gets the population mean (which needs q > 1).
 *
 * @param model - From {@link fitGammaGamma}, or `{ kind: 'gamma-gamma', p, q, v }`.
 * @param customer - `{ frequency, monetaryValue }`.
 * @returns The expected spend per transaction (a `number`).
 * @throws {ValidationError} for a bad model or history, or when the mean is infinite (px + q ≤ 1).
 * @example
 * ```ts
 * import { expectedAverageSpend } from 'clientele/value';
 * // the CDNOW estimates of Fader, Hardie & Lee (2005)
 * const spend = { kind: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;
 * expectedAverageSpend(spend, { frequency: 0, monetaryValue: 0 }).toFixed(2); // '35.22'
 * expectedAverageSpend(spend, { frequency: 2, monetaryValue: 22.35 }).toFixed(2); // '24.66'
 * ```
 * @category Lifetime value
 */
export function expectedAverageSpend(model: GammaGammaParameters, givenCustomer: SpendHistory): number {
  const context = 'expectedAverageSpend';
  const { p, q, v } = readGammaGammaModel(readInput(model, 'model', context), context, 'model');
  const customer = readInput(givenCustomer, 'customer', context);
  if (typeof customer !== 'object' || customer === null)
    fail('customer', 'a customer { frequency, monetaryValue }', customer, context);
  const x = readFloat(customer.frequency);
  if (x === undefined || x < 0 || !Number.isInteger(x))
    fail('customer.frequency', 'a whole number ≥ 0', customer.frequency, context);
  const spend = x === 0 ? 0 : readFloat(customer.monetaryValue);
  if (spend === undefined || (x > 0 && !(spend > 0)))
    fail('customer.monetaryValue', 'a number > 0 for a repeat customer', customer.monetaryValue, context);
  if (!(p * x + q > 1)) fail('model.q', 'q > 1 − p·frequency, so that the expected spend is finite', q, context);
  return gammaGammaExpectedSpend(p, q, v, x, spend);
}
