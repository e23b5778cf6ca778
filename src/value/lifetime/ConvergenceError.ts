import { ClienteleError } from '../../shared/errors.js';
import type { FitConvergence } from './types.js';

const CONVERGENCE_ERROR = Symbol.for('clientele.convergence-error');

/**
 * Thrown by a lifetime-value fit that did not reach a maximum of the likelihood: the optimiser ran
 * out of evaluations, a parameter ran off to 0 or ∞ (the data cannot identify it), or the Hessian at
 * the end point is not negative definite. `model` holds the best point found, flagged
 * `converged: false`, for inspection; pass `{ onNonConvergence: 'return' }` to get it without the throw.
 *
 * @example
 * ```ts
 * import { ConvergenceError, fitBgNbd } from 'clientele/value';
 * try {
 *   // nobody ever came back: the dropout parameters cannot be estimated
 *   fitBgNbd([{ frequency: 0, recency: 0, T: 10 }, { frequency: 0, recency: 0, T: 20 }]);
 * } catch (error) {
 *   if (error instanceof ConvergenceError) error.convergence.reason; // 'boundary'
 * }
 * ```
 * @category Lifetime value
 */
export class ConvergenceError extends ClienteleError {
  /** Brand that makes `instanceof` work across copies and module formats. */
  readonly [CONVERGENCE_ERROR] = true;
  /** Why the fit is not trusted. */
  readonly convergence: FitConvergence;
  /** The model at the best point found (flagged `convergence.converged: false`). */
  readonly model: unknown;

  constructor(context: string, convergence: FitConvergence, model: unknown) {
    super(`${context}: the likelihood maximisation did not converge (${convergence.reason}); see error.convergence`);
    this.name = 'ConvergenceError';
    this.convergence = convergence;
    this.model = model;
  }

  /** `instanceof` by brand, so errors from another copy or module format of the library match. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this === ConvergenceError) {
      return (
        typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CONVERGENCE_ERROR] === true
      );
    }
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}
