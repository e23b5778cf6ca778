import type { Decimal } from 'decimal.js';
import { Decimal as DecimalClass } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { parseScoreResult } from './parseScoreResult.js';
import type { ScoreResult } from './types.js';
import { readInput } from '../../shared/input.js';

/** The live result, or the result revived from its JSON form (validated by the result schema). */
function liveResult(given: unknown): ScoreResult {
  const result = readInput(given, 'result', 'reasons');
  const factors = typeof result === 'object' && result !== null ? (result as { factors?: unknown }).factors : undefined;
  const live =
    Array.isArray(factors) &&
    factors.every((factor: { shortfall?: unknown } | null) => factor?.shortfall instanceof DecimalClass);
  return live ? (result as ScoreResult) : parseScoreResult(result);
}

/** One reason a total is not higher. @category Scorecard */
export interface Reason {
  readonly factorId: string;
  readonly categoryId: string;
  /** Points lost against the factor's maximum. */
  readonly shortfall: Decimal;
  readonly contribution: Decimal;
  readonly maxContribution: Decimal;
  readonly rating: Decimal | null;
  readonly max: Decimal;
  readonly raw: string | number | boolean | null;
}

/**
 * The factors that cost the most points against their maximum, largest shortfall first (ties in
 * model order). Excluded factors are skipped: they cost nothing that is known.
 *
 * @param result - A result of `score`, live or read back from its JSON form.
 * @param options - `k`: how many reasons (default 3).
 * @throws {ValidationError} when `result` is not a score result (live or JSON) or `k` is not a number ≥ 0.
 * @example
 * ```ts
 * import { potentialValueModel, reasons, score } from 'clientele';
 * const ratings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max]));
 * const result = score(potentialValueModel, { ...ratings, assetSize: 5 });
 * reasons(result, { k: 1 })[0]?.factorId; // 'assetSize'
 * ```
 * @category Scorecard
 */
export function reasons(given: ScoreResult, options?: { readonly k?: number }): Reason[] {
  const result = liveResult(given);
  const read = readInput(options, 'options', 'reasons');
  const k = read === undefined || read === null ? 3 : typeof read === 'object' ? (read.k ?? 3) : Number.NaN;
  if (typeof k !== 'number' || !(k >= 0)) fail('options.k', 'a number of reasons ≥ 0', k, 'reasons', 'invalid_value');
  return result.factors
    .map((factor, order) => ({ factor, order }))
    .filter(({ factor }) => factor.status !== 'excluded' && factor.shortfall.greaterThan(0))
    .sort((a, b) => b.factor.shortfall.comparedTo(a.factor.shortfall) || a.order - b.order)
    .slice(0, Math.floor(k))
    .map(({ factor }) => ({
      factorId: factor.id,
      categoryId: factor.categoryId,
      shortfall: factor.shortfall,
      contribution: factor.contribution,
      maxContribution: factor.maxContribution,
      rating: factor.rating,
      max: factor.max,
      raw: factor.raw,
    }));
}
