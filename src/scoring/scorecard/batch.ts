import { toRecordError, readId, type RecordError } from '../../shared/batch.js';
import { ValidationError, describeValue, makeIssue } from '../../shared/errors.js';
import { readingInput } from '../../shared/input.js';
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

/** The batch fields of the options, read once: where a record's id and ratings are. */
export interface RecordLayout {
  readonly idField: string;
  readonly ratings: ((record: unknown, index: number) => unknown) | undefined;
}

/**
 * Reads `idField` and `ratings` once each (a throwing getter or proxy trap is a `ValidationError`
 * at `options`), checking that the one is a string and the other a function.
 */
export function readRecordLayout(options: PortfolioOptions | undefined, context: string): RecordLayout {
  if (options === undefined || options === null || typeof options !== 'object')
    return { idField: 'id', ratings: undefined };
  const [idField, ratings] = readingInput('options', context, () => [options.idField, options.ratings]);
  const issues = [];
  if (idField !== undefined && typeof idField !== 'string')
    issues.push(makeIssue('options.idField', 'the name of the id field', describeValue(idField), 'invalid_type'));
  if (ratings !== undefined && typeof ratings !== 'function')
    issues.push(
      makeIssue('options.ratings', 'a function (record, index) => ratings', describeValue(ratings), 'invalid_type'),
    );
  if (issues.length > 0) throw new ValidationError(issues, context);
  return { idField: (idField as string | undefined) ?? 'id', ratings: ratings as RecordLayout['ratings'] };
}

/** Scores one record of a batch, catching validation errors into a `RecordError`. */
export function scoreRecord(
  model: Scorecard,
  core: Core,
  settings: Settings,
  layout: RecordLayout,
  record: unknown,
  index: number,
): AnyScoreOutcome {
  const idField = layout.idField;
  const id = readId(record, idField);
  try {
    let ratings: unknown;
    let skipKey: string | undefined;
    // `{ id, ratings: { … } }` (unless `ratings` is a factor), else the record is the ratings
    const inner =
      layout.ratings === undefined &&
      typeof record === 'object' &&
      record !== null &&
      !core.factorIndex.has('ratings') &&
      Object.prototype.hasOwnProperty.call(record, 'ratings')
        ? (record as { ratings?: unknown }).ratings // read once
        : undefined;
    if (layout.ratings) ratings = layout.ratings(record, index);
    else if (typeof inner === 'object' && inner !== null) ratings = inner;
    else {
      ratings = record;
      skipKey = idField;
    }
    return { ok: true, index, id, result: evaluate(model, core, settings, ratings, skipKey) };
  } catch (error) {
    return { ok: false, index, id, error: toRecordError(error, index, id) };
  }
}
