import type { ScorecardInput } from './defineScorecard.js';
import { evaluate } from './evaluate.js';
import { resolveCompiled, resolveModel, settingsOf, type Resolved } from './resolve.js';
import type { GradeBands } from '../grades/types.js';
import type { GradeOf, ScoreOptions, ScoreOptionsOf, ScoreRatings, ScoredOf, Scorecard } from './types.js';
import { withDisplay } from '../../shared/display.js';

/**
 * The parameters of {@link score} and `safeScore`: a model, ratings keyed by its factor ids
 * (any object for a model of unknown shape or under `ignoreUnknown: true`), options.
 * @category Scorecard
 */
export type ScoreArguments<F extends string, G extends string, B, U, E = undefined> = [
  model: Scorecard<F, G> | ScorecardInput,
  ratings: ScoreRatings<NoInfer<F>, U>,
  options?: ScoreOptionsOf<B, U, ScoreOptions, E>,
];

/**
 * The parameters of `score` and `safeScore` from `clientele/scoring`: as {@link ScoreArguments},
 * but the model is compiled (a preset or what `defineScorecard` returned).
 * @category Scorecard
 */
export type CompiledScoreArguments<F extends string, G extends string, B, U, E = undefined> = [
  model: Scorecard<F, G>,
  ...rest: ScoreArguments<F, G, B, U, E> extends [unknown, ...infer R] ? R : never,
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
 * @param options - Normalisation, missing-value policy, clamping, grade bands; `explain: false`
 *   for a {@link ScoreSummary} without the explanation lines.
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
  E extends false | undefined = undefined,
>(
  model: Scorecard<F, G> | ScorecardInput,
  ratings: ScoreRatings<NoInfer<F>, U>,
  options?: ScoreOptionsOf<B, U, ScoreOptions, E>,
): ScoredOf<F, GradeOf<G, B>, E> {
  return scoreResolved(resolveModel(model), ratings, options) as ScoredOf<F, GradeOf<G, B>, E>;
}

/**
 * {@link score} as `clientele/scoring` exports it: the model must be compiled (by
 * `defineScorecard`, once, or a preset); its JSON is a `ValidationError` at `model`. Scoring with a
 * compiled model is what every call does anyway; taking only compiled models keeps the model
 * checks, the JSON reader and the hash out of a bundle that scores with a preset (the root
 * `clientele` export also compiles JSON on the fly).
 *
 * @param model - A compiled scorecard: a preset or what `defineScorecard` returned.
 * @param ratings - Ratings (or raw measures, for factors with a scale) keyed by factor id.
 * @param options - Normalisation, missing-value policy, clamping, grade bands.
 * @returns Total, grade, next grade, coverage, bounds, per-category and per-factor explanation.
 * @throws {ValidationError} for a model that is not compiled, or listing every bad rating.
 * @example
 * ```ts
 * import { defineScorecard, potentialValueModel, score } from 'clientele/scoring';
 * const model = defineScorecard(potentialValueModel.toJSON()); // once, then score many accounts
 * const top = Object.fromEntries(model.factors.map((factor) => [factor.id, factor.max]));
 * score(model, top).total.toString(); // '100'
 * ```
 * @category Scorecard
 */
export function scoreCompiled<
  F extends string = string,
  G extends string = string,
  B extends GradeBands | null | undefined = undefined,
  U extends boolean | undefined = false,
  E extends false | undefined = undefined,
>(...[model, ratings, options]: CompiledScoreArguments<F, G, B, U, E>): ScoredOf<F, GradeOf<G, B>, E> {
  return scoreResolved(resolveCompiled(model, 'score'), ratings, options) as ScoredOf<F, GradeOf<G, B>, E>;
}

/** Scores with a resolved model: the options read once, the ratings evaluated, the result displayable. */
function scoreResolved(resolved: Resolved, ratings: unknown, options: unknown): unknown {
  const settings = settingsOf(resolved, options as ScoreOptionsOf<undefined, false> | undefined);
  return withDisplay(evaluate(resolved.model, resolved.core, settings, ratings), 'Score');
}
