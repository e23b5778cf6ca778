import { isAsyncIterable, isIterable, type RecordError } from '../../shared/batch.js';
import { fail } from '../../shared/errors.js';
import type { ScorecardInput } from './defineScorecard.js';
import type { AnyScoreOutcome, PortfolioOptions, ScoredAccount } from './batch.js';
import { resolveModel, resolveSettings } from './resolve.js';
import { scoreEach, scoreEachAsync } from './scoreEach.js';
import type { GradeBands } from '../grades/types.js';
import type { GradeOf, ScoreOptionsOf, ScoreResult, ScoreSummary, Scorecard } from './types.js';
import { withDisplay } from '../../shared/display.js';

/** What `scorePortfolio` returns (`F`, `G`: the model's factor and grade ids). @category Scorecard */
export interface PortfolioScores<F extends string = string, G extends string = string, E = undefined> {
  /** Every record that scored, in input order (under `explain: false`, each result a {@link ScoreSummary}). */
  readonly results: ScoredAccount<F, G, E>[];
  /** Every record that did not, with its index, id and issues. */
  readonly errors: RecordError[];
  /** Counts: records scored, records failed, and scored records per grade (in band order). */
  readonly summary: {
    readonly scored: number;
    readonly failed: number;
    readonly grades: Readonly<Record<G, number>>;
  };
}

/** Accumulates outcomes into a `PortfolioScores`. */
function collector(gradeOrder: readonly string[]) {
  const results: ScoredAccount[] = [];
  const errors: RecordError[] = [];
  const grades: Record<string, number> = {};
  for (const id of gradeOrder) grades[id] = 0;
  return {
    add(outcome: AnyScoreOutcome): void {
      if (!outcome.ok) {
        errors.push(outcome.error);
        return;
      }
      // a summary under explain: false: the overloads give the caller the type that fits
      results.push({ index: outcome.index, id: outcome.id, result: outcome.result as ScoreResult });
      const grade = outcome.result.grade;
      if (grade !== null) grades[grade] = (grades[grade] ?? 0) + 1;
    },
    finish(): PortfolioScores {
      return { results, errors, summary: { scored: results.length, failed: errors.length, grades } };
    },
  };
}

/**
 * Scores a whole portfolio: every good record is scored and explained, every bad record is
 * reported with its index, id and issues; one bad record never aborts the batch.
 *
 * Accepts an array or any iterable (returns the result directly) or an async iterable (returns a
 * promise). For a million accounts, prefer {@link scoreEach} (streaming, bounded memory) or
 * {@link scoreColumns} (columnar fast path).
 *
 * @param model - A compiled scorecard (or its JSON).
 * @param records - Records `{ id, ratings: {...} }` or flat rows `{ id, tenure: 4, ... }`.
 * @param options - Score options plus `idField` and a `ratings` accessor.
 * @throws {ValidationError} only for bad options or a bad model.
 * @example
 * ```ts
 * import { potentialValueModel, scorePortfolio } from 'clientele';
 * const full = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max]));
 * const { results, errors } = scorePortfolio(potentialValueModel, [
 *   { id: 'acme', ratings: full },
 *   { id: 'broken', ratings: { ...full, tenure: 7 } },
 * ]);
 * results.length; // 1
 * errors[0]?.issues[0]?.path; // 'ratings.tenure'
 * ```
 * @category Scorecard
 */
export function scorePortfolio<
  F extends string = string,
  G extends string = string,
  B extends GradeBands | null | undefined = undefined,
  E extends false | undefined = undefined,
>(
  model: Scorecard<F, G> | ScorecardInput,
  records: Iterable<unknown>,
  options?: ScoreOptionsOf<B, boolean | undefined, PortfolioOptions, E>,
): PortfolioScores<F, GradeOf<G, B>, E>;
export function scorePortfolio<
  F extends string = string,
  G extends string = string,
  B extends GradeBands | null | undefined = undefined,
  E extends false | undefined = undefined,
>(
  model: Scorecard<F, G> | ScorecardInput,
  records: AsyncIterable<unknown>,
  options?: ScoreOptionsOf<B, boolean | undefined, PortfolioOptions, E>,
): Promise<PortfolioScores<F, GradeOf<G, B>, E>>;
export function scorePortfolio(
  model: Scorecard | ScorecardInput,
  records: Iterable<unknown> | AsyncIterable<unknown>,
  options?: PortfolioOptions,
): PortfolioScores | Promise<PortfolioScores> {
  const compiled = resolveModel(model).model;
  const bands = resolveSettings(compiled, options).bands;
  const sink = collector(bands ? bands.grades : []);
  if (isAsyncIterable(records)) {
    return (async () => {
      for await (const outcome of scoreEachAsync(compiled, records, options)) sink.add(outcome);
      return withDisplay(sink.finish(), 'Scored portfolio');
    })();
  }
  if (!isIterable(records))
    fail('records', 'an iterable or async iterable of records', records, 'scorePortfolio', 'invalid_type');
  for (const outcome of scoreEach(compiled, records, options)) sink.add(outcome);
  return withDisplay(sink.finish(), 'Scored portfolio');
}
