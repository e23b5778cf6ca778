import { safely, type SafeResult } from '../../shared/model.js';
import { score, scoreCompiled, type CompiledScoreArguments, type ScoreArguments } from './score.js';
import type { GradeBands } from '../grades/types.js';
import type { GradeOf, ScoredOf } from './types.js';

export type { SafeResult };

/**
 * The non-throwing form of {@link score}: `{ success: true, output }` or
 * `{ success: false, issues }` (as valibot's `safeParse`).
 *
 * @example
 * ```ts
 * import { potentialValueModel, safeScore } from 'clientele';
 * const outcome = safeScore(potentialValueModel, { tenure: 9 });
 * if (!outcome.success) outcome.issues.map((issue) => issue.path); // ['ratings.tenure', 'ratings.creditRecord', …]
 * ```
 * @category Scorecard
 */
export function safeScore<
  F extends string = string,
  G extends string = string,
  B extends GradeBands | null | undefined = undefined,
  U extends boolean | undefined = false,
  E extends false | undefined = undefined,
>(...args: ScoreArguments<F, G, B, U, E>): SafeResult<ScoredOf<F, GradeOf<G, B>, E>> {
  return safely(score<F, G, B, U, E>, ...args);
}

/**
 * {@link safeScore} as `clientele/scoring` exports it: the model must be compiled (see
 * {@link scoreCompiled}); its JSON gives `{ success: false }` with one issue at `model`.
 *
 * @example
 * ```ts
 * import { potentialValueModel, safeScore } from 'clientele/scoring';
 * const outcome = safeScore(potentialValueModel.toJSON() as never, {});
 * if (!outcome.success) outcome.issues.map((issue) => issue.path); // ['model']
 * ```
 * @category Scorecard
 */
export function safeScoreCompiled<
  F extends string = string,
  G extends string = string,
  B extends GradeBands | null | undefined = undefined,
  U extends boolean | undefined = false,
  E extends false | undefined = undefined,
>(...args: CompiledScoreArguments<F, G, B, U, E>): SafeResult<ScoredOf<F, GradeOf<G, B>, E>> {
  return safely(scoreCompiled<F, G, B, U, E>, ...args);
}
