import type { ScorecardInput } from './defineScorecard.js';
import { readRecordLayout, scoreRecord, type PortfolioOptions, type ScoreOutcome } from './batch.js';
import { resolveModel, resolveSettings } from './resolve.js';
import type { GradeBands } from '../grades/types.js';
import type { GradeOf, ScoreOptionsOf, Scorecard } from './types.js';

/**
 * The per-record scorer behind {@link scoreEach}: the model and options are resolved once, and
 * the returned function scores one record at a time, never throwing for a bad record (it returns
 * `{ ok: false, error }` with the record's index and id). Use it in a loop of your own that also
 * needs the record (to read other fields beside its ratings).
 *
 * @param model - A compiled scorecard (or its JSON).
 * @param options - Score options plus `idField` and a `ratings` accessor.
 * @throws {ValidationError} for bad options or a bad model, when the scorer is made.
 * @example
 * ```ts
 * import { createScorer, potentialValueModel } from 'clientele';
 * const scoreOne = createScorer(potentialValueModel, { missing: 'min' });
 * const outcome = scoreOne({ id: 'a', ratings: { tenure: 5 } }, 0);
 * outcome.ok ? outcome.result.total.toString() : outcome.error.message; // '17'
 * ```
 * @category Scorecard
 */
export function createScorer<
  F extends string = string,
  G extends string = string,
  B extends GradeBands | null | undefined = undefined,
  E extends false | undefined = undefined,
>(
  model: Scorecard<F, G> | ScorecardInput,
  options?: ScoreOptionsOf<B, boolean | undefined, PortfolioOptions, E>,
): (record: unknown, index: number) => ScoreOutcome<F, GradeOf<G, B>, E> {
  const resolved = resolveModel(model);
  const settings = resolveSettings(resolved.model, options);
  const layout = readRecordLayout(options, 'score');
  return (record, index) =>
    scoreRecord(resolved.model, resolved.core, settings, layout, record, index) as ScoreOutcome<F, GradeOf<G, B>, E>;
}
