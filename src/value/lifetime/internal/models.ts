/**
 * Reading fitted models back: a model is plain data (it may come from `JSON.parse`), so each use
 * checks its kind and that its parameters are positive finite numbers.
 *
 * @module
 */
import { fail } from '../../../shared/errors.js';
import type { GammaGammaParameters, ShiftedBetaGeometricParameters, TransactionModelParameters } from '../types.js';

function positive(model: object, names: readonly string[], path: string, context: string): void {
  for (const name of names) {
    const value = (model as Record<string, unknown>)[name];
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))
      fail(
        `${path}.${name}`,
        'a finite number > 0',
        value,
        context,
        typeof value === 'number' ? 'out_of_range' : 'invalid_type',
      );
  }
}

/** Checks a BG/NBD or Pareto/NBD model. */
export function readTransactionModel(model: unknown, context: string, path = 'model'): TransactionModelParameters {
  if (typeof model === 'object' && model !== null) {
    const kind = (model as { kind?: unknown }).kind;
    if (kind === 'bg-nbd') {
      positive(model, ['r', 'alpha', 'a', 'b'], path, context);
      return model as TransactionModelParameters;
    }
    if (kind === 'pareto-nbd') {
      positive(model, ['r', 'alpha', 's', 'beta'], path, context);
      return model as TransactionModelParameters;
    }
    if (kind === 'bg-bb') {
      positive(model, ['alpha', 'beta', 'gamma', 'delta'], path, context);
      return model as TransactionModelParameters;
    }
  }
  return fail(path, 'a model from fitBgNbd, fitParetoNbd or fitBgBb', model, context, 'not_a_model');
}

/** Checks a Gamma-Gamma model. */
export function readGammaGammaModel(model: unknown, context: string, path = 'spendModel'): GammaGammaParameters {
  if (typeof model === 'object' && model !== null && (model as { kind?: unknown }).kind === 'gamma-gamma') {
    positive(model, ['p', 'q', 'v'], path, context);
    return model as GammaGammaParameters;
  }
  return fail(path, 'a model from fitGammaGamma', model, context, 'not_a_model');
}

/** Checks a shifted-beta-geometric model. */
export function readShiftedBetaGeometricModel(
  model: unknown,
  context: string,
  path = 'model',
): ShiftedBetaGeometricParameters {
  if (typeof model === 'object' && model !== null && (model as { kind?: unknown }).kind === 'shifted-beta-geometric') {
    positive(model, ['alpha', 'beta'], path, context);
    return model as ShiftedBetaGeometricParameters;
  }
  return fail(path, 'a model from fitShiftedBetaGeometric', model, context, 'not_a_model');
}

/** Reads a time span t ≥ 0. */
export function readDuration(value: unknown, path: string, context: string): number {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value))
    fail(path, "a finite number ≥ 0 (in the model's time unit)", value, context);
  return value;
}

/** A computed value must be a finite number; anything else means a numerical failure, reported instead of returned. */
export function finiteResult(value: number, context: string, what: string): number {
  if (!Number.isFinite(value))
    fail(
      '',
      `parameters and history for which ${what} can be computed in double precision`,
      'a non-finite intermediate result',
      context,
    );
  return value;
}
