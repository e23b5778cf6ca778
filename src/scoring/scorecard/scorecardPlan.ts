import { ValidationError, describeValue, makeIssue } from '../../shared/errors.js';
import { planOf } from './core.js';
import { ratioRangeIssue } from './ratioRange.js';
import type { ScorecardInput } from './defineScorecard.js';
import type { ScorecardPlan } from './plan.js';
import { resolveModel } from './resolve.js';
import type { Normalisation } from './scorecardSchema.js';
import type { Scorecard } from './types.js';

/**
 * The exact plan a scorecard is scored with: every category's points per rating unit as an
 * integer multiplier over one common denominator, the factors' bounds and their scales as data.
 *
 * A total is `Σ_c multiplier_c × (Σ ratings_c − base_c) / denominator` (seed 002's
 * 100 × Σ weight × ratio, with `base` 0 under `ratio` and Σ min under `minmax`). `score`, the
 * batch functions, `scoreColumns` and `toSql` all read this one plan, so the library, the columnar
 * path and the warehouse agree to the last digit. Built once per model and normalisation.
 *
 * @param model - A compiled scorecard (or its JSON, compiled on the fly).
 * @param normalisation - Defaults to the model's own.
 * @returns The frozen plan; its numbers are exact fractions (`bigint` numerator and denominator).
 * @throws {ValidationError} when the model is invalid, the normalisation is not `ratio` or `minmax`,
 *   or `ratio` is asked of a model with a negative rating minimum (its maxima may sum to 0).
 * @example
 * ```ts
 * import { potentialValueModel, scorecardPlan } from 'clientele';
 * const plan = scorecardPlan(potentialValueModel);
 * plan.denominator; // 1n: the seed's maxima 30/20/50 make every rating worth exactly one point
 * plan.categories.map((category) => category.multiplier); // [1n, 1n, 1n]
 * scorecardPlan(potentialValueModel, 'minmax').categories[0]?.base; // { numerator: 4n, denominator: 1n }
 * ```
 * @category Scorecard
 */
export function scorecardPlan(model: Scorecard | ScorecardInput, normalisation?: Normalisation): ScorecardPlan {
  const { model: compiled, core } = resolveModel(model);
  const chosen = normalisation ?? compiled.normalisation;
  if (chosen !== 'ratio' && chosen !== 'minmax') {
    throw new ValidationError(
      [makeIssue('normalisation', 'one of "ratio", "minmax"', describeValue(chosen))],
      'scorecardPlan',
    );
  }
  // ratio asked of a minmax model with negative minima: refused as score() refuses it (never a RangeError)
  const ratioIssue =
    chosen === 'ratio'
      ? ratioRangeIssue(
          compiled.factors.map((factor) => ({ path: `factors.${factor.id}.min`, min: factor.min })),
          'normalisation',
        )
      : null;
  if (ratioIssue) throw new ValidationError([ratioIssue], 'scorecardPlan');
  return planOf(core, chosen);
}
