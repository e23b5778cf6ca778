import { fail } from '../../shared/errors.js';
import type { Numeric } from '../../shared/numeric.js';
import { readFloat } from './internal/histories.js';
import { finiteResult, readShiftedBetaGeometricModel } from './internal/models.js';
import { discountedResidualTransactions } from './internal/shiftedBetaGeometric.js';
import type { ShiftedBetaGeometricParameters } from './types.js';
import { readInput } from '../../shared/input.js';

/**
 * Options of {@link discountedExpectedResidualTransactions}.
 * @category Lifetime value
 */
export interface ResidualTransactionsOptions {
  /** Discount rate per period, > 0 (0.1 is 10 % a period). */
  readonly discountRate: Numeric;
  /** Renewals the customer has made so far (a whole number ≥ 0; 0 in the first period). */
  readonly renewals: number;
}

/**
 * DERT — discounted expected residual transactions — of a contract customer under the
 * shifted-beta-geometric model (Fader & Hardie 2010, "Customer-base valuation in a contractual
 * setting: the perils of ignoring heterogeneity", Marketing Science 29(1), eq. 6):
 * (β+n)/(α+β+n) · ₂F₁(1, β+n+1; α+β+n+1; 1/(1+d)) for a customer who has made n renewals.
 *
 * It is the number of future payments, discounted, that the customer is still expected to make,
 * valued just before the next renewal decision (the next payment undiscounted, each later one
 * discounted by one more period). Multiply by the margin per period for the residual lifetime
 * value of a retainer account. It grows with `renewals`: a customer who has renewed many times is
 * more likely one with a low churn probability.
 *
 * @param model - From {@link fitShiftedBetaGeometric}, or `{ kind: 'shifted-beta-geometric', alpha, beta }`.
 * @param options - `discountRate` (> 0) and `renewals`.
 * @returns DERT (a `number`, in payments).
 * @throws {ValidationError} for a bad model or option, or when the series does not converge.
 * @example
 * ```ts
 * import { discountedExpectedResidualTransactions } from 'clientele/value';
 * const model = { kind: 'shifted-beta-geometric', alpha: 0.704, beta: 1.182 } as const;
 * const early = discountedExpectedResidualTransactions(model, { discountRate: 0.1, renewals: 0 });
 * const loyal = discountedExpectedResidualTransactions(model, { discountRate: 0.1, renewals: 5 });
 * loyal > early; // true
 * ```
 * @category Lifetime value
 */
export function discountedExpectedResidualTransactions(
  model: ShiftedBetaGeometricParameters,
  givenOptions: ResidualTransactionsOptions,
): number {
  const context = 'discountedExpectedResidualTransactions';
  const { alpha, beta } = readShiftedBetaGeometricModel(readInput(model, 'model', context), context);
  const options = readInput(givenOptions, 'options', context);
  if (typeof options !== 'object' || options === null)
    fail('options', 'an options object with discountRate and renewals', options, context);
  const discountRate = readFloat(options.discountRate);
  if (discountRate === undefined || !(discountRate > 0))
    fail('options.discountRate', 'a rate greater than 0', options.discountRate, context);
  const renewals = options.renewals;
  if (typeof renewals !== 'number' || !Number.isSafeInteger(renewals) || renewals < 0)
    fail('options.renewals', 'a whole number ≥ 0', renewals, context);
  return finiteResult(discountedResidualTransactions(alpha, beta, renewals, discountRate), context, 'DERT');
}
