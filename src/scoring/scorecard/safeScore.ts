import { safely, type SafeResult } from '../../shared/model.js';
import type { ScorecardInput } from './defineScorecard.js';
import { score } from './score.js';
import type { ScoreOptions, ScoreResult, Scorecard } from './types.js';

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
export function safeScore(
  model: Scorecard | ScorecardInput,
  ratings: object,
  options?: ScoreOptions,
): SafeResult<ScoreResult> {
  return safely(score, model, ratings, options);
}
