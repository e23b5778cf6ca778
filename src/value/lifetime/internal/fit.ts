/**
 * The maximum-likelihood driver every lifetime-value fit shares: Nelder–Mead on the logarithms of
 * the (positive) parameters, then the Hessian's verdict and standard errors.
 *
 * @module
 */
import { exp, log } from '../../../shared/portableMath.js';
import { fail } from '../../../shared/errors.js';
import { ConvergenceError } from '../ConvergenceError.js';
import type { FitConvergence } from '../types.js';
import { finiteDifferenceHessian, invertPositiveDefinite, minimiseNelderMead } from './optimize.js';

/**
 * Where a parameter counts as run off to 0 or ∞ (the data do not identify it): a shape parameter
 * (unit-free) outside [10⁻⁴, 10⁴] — the model has degenerated to its homogeneous limit or worse —
 * and a scale parameter (in the data's time or money unit) outside e^±35 ≈ 10^±15.
 */
const SHAPE_LOG_BOUND = log(1e4);
const SCALE_LOG_BOUND = 35;

/** What a fit yields before it is dressed as a model. */
export interface MaximumLikelihood {
  readonly parameters: Float64Array;
  readonly logLikelihood: number;
  readonly standardErrors: Float64Array | null;
  readonly convergence: FitConvergence;
}

/**
 * Maximises `logLikelihood` over positive parameters.
 *
 * @param logLikelihood - The log-likelihood at natural (positive) parameters; non-finite means "outside".
 * @param start - Starting parameters, each > 0.
 * @param scales - Per parameter, true for a scale (with a unit), false for a unit-free shape.
 */
export function maximiseLikelihood(
  logLikelihood: (parameters: Float64Array) => number,
  start: Float64Array,
  maxEvaluations: number,
  scales: readonly boolean[],
): MaximumLikelihood {
  let extra = 0;
  const bounds = scales.map((scale) => (scale ? SCALE_LOG_BOUND : SHAPE_LOG_BOUND));
  const negativeAtLog = (logs: Float64Array): number => {
    // a margin beyond the bounds lets the simplex show that it is heading out, without overflow
    for (let i = 0; i < logs.length; i += 1) if (Math.abs(logs[i]!) > bounds[i]! + 5) return Number.POSITIVE_INFINITY;
    const value = -logLikelihood(logs.map((value) => exp(value)));
    return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
  };
  const startLogs = start.map((value) => log(value));
  const result = minimiseNelderMead(negativeAtLog, startLogs, {
    valueTolerance: 1e-9,
    pointTolerance: 1e-7,
    maxEvaluations,
    initialStep: 0.5,
  });
  const parameters = result.point.map((value) => exp(value));
  const boundary = result.point.some((log, i) => Math.abs(log) > bounds[i]!);
  let standardErrors: Float64Array | null = null;
  let verdict: FitConvergence['hessian'] = 'not-negative-definite';
  if (Number.isFinite(result.value)) {
    const counting = (logs: Float64Array): number => {
      extra += 1;
      return negativeAtLog(logs);
    };
    // Hessian of −LL in log-parameters; at a stationary point the natural-scale covariance is
    // diag(θ)·H⁻¹·diag(θ), so SE(θᵢ) = θᵢ·√(H⁻¹)ᵢᵢ (delta method).
    const covariance = invertPositiveDefinite(finiteDifferenceHessian(counting, result.point, 1e-3));
    if (covariance !== null) {
      verdict = 'negative-definite';
      standardErrors = parameters.map((theta, i) => theta * Math.sqrt(covariance[i]![i]!));
    }
  }
  const reason: FitConvergence['reason'] = !result.converged
    ? result.reason === 'non-finite'
      ? 'non-finite'
      : 'max-evaluations'
    : boundary
      ? 'boundary'
      : verdict !== 'negative-definite'
        ? 'hessian-not-negative-definite'
        : 'converged';
  return {
    parameters,
    logLikelihood: -result.value,
    standardErrors: reason === 'converged' ? standardErrors : null,
    convergence: Object.freeze({
      converged: reason === 'converged',
      reason,
      hessian: verdict,
      iterations: result.iterations,
      evaluations: result.evaluations + extra,
    }),
  };
}

/** Throws the `ConvergenceError` unless the caller asked to get untrusted fits back. */
export function settle<Model extends { readonly convergence: FitConvergence }>(
  model: Model,
  onNonConvergence: unknown,
  context: string,
): Model {
  if (model.convergence.converged || onNonConvergence === 'return') return model;
  throw new ConvergenceError(context, model.convergence, model);
}

/** Reads the common fit options. */
export function readFitOptions(
  options: unknown,
  names: readonly string[],
  defaults: Float64Array,
  context: string,
): { start: Float64Array; maxEvaluations: number; onNonConvergence: 'throw' | 'return' } {
  if (options === undefined) return { start: defaults, maxEvaluations: 20_000, onNonConvergence: 'throw' };
  if (typeof options !== 'object' || options === null) fail('options', 'an options object', options, context);
  const record = options as { start?: unknown; maxEvaluations?: unknown; onNonConvergence?: unknown };
  const start = Float64Array.from(defaults);
  if (record.start !== undefined) {
    if (typeof record.start !== 'object' || record.start === null)
      fail('options.start', 'an object of starting parameters', record.start, context);
    const given = record.start as Record<string, unknown>;
    names.forEach((name, i) => {
      const value = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : undefined;
      if (value === undefined) return;
      if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))
        fail(`options.start.${name}`, 'a finite number > 0', value, context);
      start[i] = value;
    });
  }
  const maxEvaluations = record.maxEvaluations ?? 20_000;
  if (typeof maxEvaluations !== 'number' || !Number.isSafeInteger(maxEvaluations) || maxEvaluations < 10) {
    fail('options.maxEvaluations', 'a whole number ≥ 10', maxEvaluations, context);
  }
  const onNonConvergence = record.onNonConvergence ?? 'throw';
  if (onNonConvergence !== 'throw' && onNonConvergence !== 'return')
    fail('options.onNonConvergence', 'one of "throw", "return"', onNonConvergence, context);
  return { start, maxEvaluations, onNonConvergence };
}

/** The parameters, log-likelihood, standard errors and convergence of a fit, keyed by parameter name. */
export function fitSummary<Name extends string>(
  names: readonly Name[],
  fit: MaximumLikelihood,
): Record<Name, number> & {
  logLikelihood: number;
  standardErrors: Readonly<Record<Name, number>> | null;
  convergence: FitConvergence;
} {
  const named = (values: Float64Array) =>
    Object.fromEntries(names.map((name, i) => [name, values[i]!])) as Record<Name, number>;
  return {
    ...named(fit.parameters),
    logLikelihood: fit.logLikelihood,
    standardErrors: fit.standardErrors === null ? null : Object.freeze(named(fit.standardErrors)),
    convergence: fit.convergence,
  };
}
