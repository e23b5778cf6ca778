import type { Decimal } from 'decimal.js';
import type { ScoreResult } from './types.js';

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
 * @param result - A result of `score`.
 * @param options - `k`: how many reasons (default 3).
 * @example
 * ```ts
 * import { potentialValueModel, reasons, score } from 'clientele';
 * const ratings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max]));
 * const result = score(potentialValueModel, { ...ratings, assetSize: 5 });
 * reasons(result, { k: 1 })[0]?.factorId; // 'assetSize'
 * ```
 * @category Scorecard
 */
export function reasons(result: ScoreResult, options?: { readonly k?: number }): Reason[] {
  const k = Math.max(0, Math.floor(options?.k ?? 3));
  return result.factors
    .map((factor, order) => ({ factor, order }))
    .filter(({ factor }) => factor.status !== 'excluded' && factor.shortfall.greaterThan(0))
    .sort((a, b) => b.factor.shortfall.comparedTo(a.factor.shortfall) || a.order - b.order)
    .slice(0, k)
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
