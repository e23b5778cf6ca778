import { isAsyncIterable, isIterable } from '../../shared/batch.js';
import { fail } from '../../shared/errors.js';
import type { ScorecardInput } from './defineScorecard.js';
import type { PortfolioOptions, ScoreOutcome } from './batch.js';
import { createScorer } from './createScorer.js';
import type { GradeBands } from '../grades/types.js';
import type { GradeOf, ScoreOptionsOf, Scorecard } from './types.js';

/**
 * Scores records one at a time as they are pulled: a generator over any iterable, in bounded
 * memory (a million accounts never sit in memory together). Each outcome is either a result or a
 * per-record error; a bad record never stops the stream.
 *
 * @param model - A compiled scorecard (or its JSON).
 * @param records - Any iterable of records (see {@link PortfolioOptions} for their shape).
 * @param options - Score options plus `idField` and a `ratings` accessor.
 * @throws {ValidationError} only for bad options or a bad model, before the first record.
 * @example
 * ```ts
 * import { potentialValueModel, scoreEach } from 'clientele';
 * const rows = [{ id: 'a', ratings: { tenure: 9 } }];
 * for (const outcome of scoreEach(potentialValueModel, rows, { missing: 'min' })) {
 *   outcome.ok ? outcome.result.total.toString() : outcome.error.message;
 * }
 * ```
 * @category Scorecard
 */
export function* scoreEach<
  F extends string = string,
  G extends string = string,
  B extends GradeBands | null | undefined = undefined,
  E extends false | undefined = undefined,
>(
  model: Scorecard<F, G> | ScorecardInput,
  records: Iterable<unknown>,
  options?: ScoreOptionsOf<B, boolean | undefined, PortfolioOptions, E>,
): Generator<ScoreOutcome<F, GradeOf<G, B>, E>, void, undefined> {
  const scoreOne = createScorer(model, options);
  if (!isIterable(records))
    fail('records', 'an iterable of records (an array, a generator, …)', records, 'scoreEach', 'invalid_type');
  let index = 0;
  for (const record of records) {
    yield scoreOne(record, index);
    index++;
  }
}

/**
 * The asynchronous form of {@link scoreEach}: scores records from an async iterable (a database
 * cursor, a streamed CSV parse) as they arrive, in bounded memory.
 *
 * @example
 * ```ts
 * import { potentialValueModel, scoreEachAsync } from 'clientele';
 * async function* rows() { yield { id: 'a', ratings: { tenure: 5 } }; }
 * for await (const outcome of scoreEachAsync(potentialValueModel, rows(), { missing: 'exclude' })) {
 *   if (outcome.ok) [outcome.id, outcome.result.total.toString()];
 * }
 * ```
 * @throws {ValidationError} only for bad options or a bad model.
 * @category Scorecard
 */
export async function* scoreEachAsync<
  F extends string = string,
  G extends string = string,
  B extends GradeBands | null | undefined = undefined,
  E extends false | undefined = undefined,
>(
  model: Scorecard<F, G> | ScorecardInput,
  records: AsyncIterable<unknown> | Iterable<unknown>,
  options?: ScoreOptionsOf<B, boolean | undefined, PortfolioOptions, E>,
): AsyncGenerator<ScoreOutcome<F, GradeOf<G, B>, E>, void, undefined> {
  const scoreOne = createScorer(model, options);
  if (!isIterable(records) && !isAsyncIterable(records))
    fail('records', 'an iterable or async iterable of records', records, 'scoreEachAsync', 'invalid_type');
  let index = 0;
  for await (const record of records) {
    yield scoreOne(record, index);
    index++;
  }
}
