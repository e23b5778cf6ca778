import { ValidationError, type Issue } from '../../shared/errors.js';
import type { ScorecardInput } from './defineScorecard.js';
import { score } from './score.js';
import type { ScoreOptions, ScoreResult, Scorecard } from './types.js';

/** The outcome of a safe call: the output, or the issues that stopped it. @category Scorecard */
export type SafeResult<T> = { readonly success: true; readonly output: T } | { readonly success: false; readonly issues: readonly Issue[] };

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
export function safeScore(model: Scorecard | ScorecardInput, ratings: object, options?: ScoreOptions): SafeResult<ScoreResult> {
  try {
    return { success: true, output: score(model, ratings, options) };
  } catch (error) {
    if (error instanceof ValidationError) return { success: false, issues: error.issues };
    throw error;
  }
}
