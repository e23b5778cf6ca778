import type { ScorecardInput } from './defineScorecard.js';
import { evaluate } from './evaluate.js';
import { resolveModel, resolveSettings } from './resolve.js';
import type { GradeBands } from '../grades/types.js';
import type { GradeOf, ScoreOptionsOf, ScoreRatings, ScoreResult, Scorecard } from './types.js';
import { withDisplay } from '../../shared/display.js';

/**
 * The parameters of {@link score} and `safeScore`: a model, ratings keyed by its factor ids
 * (any object for a model of unknown shape or under `ignoreUnknown: true`), options.
 * @category Scorecard
 */
export type ScoreArguments<F extends string, G extends string, B, U> = [
  model: Scorecard<F, G> | ScorecardInput,
  ratings: ScoreRatings<NoInfer<F>, U>,
  options?: ScoreOptionsOf<B, U>,
];

/**
 * Scores one account on a weighted scorecard, exactly, and explains the total line by line.
 *
 * Default `ratio` normalisation (seed 002): category ratio = Σ ratings / Σ max, total =
 * 100 × Σ weight × ratio; for `potentialValueModel` this is the plain sum of the 13 ratings.
 * Contributions are exact and add up to the total exactly; the grade is decided by exact
 * comparison with the band edges.
 *
 * @param model - A compiled scorecard (or its JSON, compiled on the fly).
 * @param ratings - Ratings (or raw measures, for factors with a scale) keyed by factor id.
 * @param options - Normalisation, missing-value policy, clamping, grade bands.
 * @returns Total, grade, next grade, coverage, bounds, per-category and per-factor explanation.
 * @throws {ValidationError} listing every bad rating (`ratings.tenure: expected a rating within [1, 5] …`).
 * @example
 * ```ts
 * import { potentialValueModel, score } from 'clientele';
 * const result = score(potentialValueModel, {
 *   tenure: 4, creditRecord: 8, latePayment: 9, missedAppointments: 4,
 *   productVariety: 2, purchaseCount: 2, purchaseFrequency: 2.5, competitorPurchase: 6, competitorFrequency: 4,
 *   assetSize: 15, industry: 8, marketPosition: 7, peerUserBase: 8.5,
 * });
 * result.total.toString(); // '80'
 * result.grade; // 'A'
 * ```
 * @category Scorecard
 */
export function score<
  F extends string = string,
  G extends string = string,
  B extends GradeBands | null | undefined = undefined,
  U extends boolean | undefined = false,
>(
  model: Scorecard<F, G> | ScorecardInput,
  ratings: ScoreRatings<NoInfer<F>, U>,
  options?: ScoreOptionsOf<B, U>,
): ScoreResult<F, GradeOf<G, B>> {
  const resolved = resolveModel(model);
  const settings = resolveSettings(resolved.model, options);
  return withDisplay(evaluate(resolved.model, resolved.core, settings, ratings), 'Score') as ScoreResult<
    F,
    GradeOf<G, B>
  >;
}
