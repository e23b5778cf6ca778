import { toRecordError, readId, type RecordError } from '../../shared/batch.js';
import type { Core } from './core.js';
import { evaluate, type Settings } from './evaluate.js';
import type { ScoreOptions, ScoredOf, Scorecard } from './types.js';
import type { ScoreSummary } from './types.js';

/** Options of the batch scoring functions. @category Scorecard */
export interface PortfolioOptions extends ScoreOptions {
  /** The field holding a record's id (default `'id'`); numbers are stringified. */
  readonly idField?: string | undefined;
  /**
   * Where a record's ratings are. By default: the record's `ratings` object when it has one (and
   * the model has no factor called `ratings`), otherwise the record itself minus its id field,
   * which suits flat CSV rows.
   */
  readonly ratings?: ((record: unknown, index: number) => unknown) | undefined;
}

/**
 * One scored record of a batch (`F`, `G`: the model's factor and grade ids; `E`: the type of the
 * `explain` option, `false` for a {@link ScoreSummary}). @category Scorecard
 */
export interface ScoredAccount<F extends string = string, G extends string = string, E = undefined> {
  readonly index: number;
  readonly id: string | undefined;
  readonly result: ScoredOf<F, G, E>;
}

/** One record's outcome in the streaming form: a result or an error, never both. @category Scorecard */
export type ScoreOutcome<F extends string = string, G extends string = string, E = undefined> =
  | { readonly ok: true; readonly index: number; readonly id: string | undefined; readonly result: ScoredOf<F, G, E> }
  | { readonly ok: false; readonly index: number; readonly id: string | undefined; readonly error: RecordError };

/** A record's outcome whichever the `explain` option (what the untyped code inside the library passes around). */
export type AnyScoreOutcome = ScoreOutcome | ScoreOutcome<string, string, false>;

/** Scores one record of a batch, catching validation errors into a `RecordError`. */
export function scoreRecord(
  model: Scorecard,
  core: Core,
  settings: Settings,
  options: PortfolioOptions | undefined,
  record: unknown,
  index: number,
): AnyScoreOutcome {
  const idField = options?.idField ?? 'id';
  const id = readId(record, idField);
  try {
    let ratings: unknown;
    let skipKey: string | undefined;
    if (options?.ratings) ratings = options.ratings(record, index);
    else if (
      typeof record === 'object' &&
      record !== null &&
      !core.factorIndex.has('ratings') &&
      Object.prototype.hasOwnProperty.call(record, 'ratings') &&
      typeof (record as { ratings?: unknown }).ratings === 'object' &&
      (record as { ratings?: unknown }).ratings !== null
    ) {
      ratings = (record as { ratings: unknown }).ratings;
    } else {
      ratings = record;
      skipKey = idField;
    }
    return { ok: true, index, id, result: evaluate(model, core, settings, ratings, skipKey) };
  } catch (error) {
    return { ok: false, index, id, error: toRecordError(error, index, id) };
  }
}
