import { ValidationError, makeIssue, describeValue } from '../../shared/errors.js';
import { readInput } from '../../shared/input.js';
import type { Core } from './core.js';
import { coreOf, defineScorecard, isScorecard, type ScorecardInput } from './defineScorecard.js';
import type { Settings } from './evaluate.js';
import type { ScoreOptions, Scorecard } from './types.js';
import { ratioRangeIssue } from './ratioRange.js';

/** A compiled scorecard and its core; compiles a JSON definition on the fly. */
export function resolveModel(model: Scorecard | ScorecardInput): { model: Scorecard; core: Core } {
  const compiled = isScorecard(model) ? model : defineScorecard(model);
  return { model: compiled, core: coreOf(compiled)! };
}

/**
 * A compiled scorecard and its core; anything else (its JSON included) is a `ValidationError` that
 * says to compile it once with `defineScorecard`. What the light `score` of `clientele/scoring`
 * reads, so its bundle carries no model validation.
 */
export function resolveCompiled(model: unknown, context: string): { model: Scorecard; core: Core } {
  if (!isScorecard(model))
    throw new ValidationError(
      [
        makeIssue(
          'model',
          'a compiled scorecard (from clientele/scoring, compile a definition once with defineScorecard)',
          describeValue(model),
          'invalid_type',
        ),
      ],
      context,
    );
  return { model, core: coreOf(model)! };
}

/** Reads options once into a plain snapshot (a throwing getter or proxy becomes a ValidationError). */
function readOptions(options: ScoreOptions | undefined): ScoreOptions | undefined {
  return options === undefined ? undefined : readInput(options, 'options', 'score');
}

const POLICIES = new Set(['error', 'min', 'exclude']);
const NORMALISATIONS = new Set(['ratio', 'minmax']);

/** Validates and fills in score options. */
export function resolveSettings(model: Scorecard, given: ScoreOptions | undefined): Settings {
  const options = readOptions(given);
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new ValidationError(
      [makeIssue('options', 'an options object', describeValue(options), 'invalid_type')],
      'score',
    );
  }
  const issues = [];
  const normalisation = options?.normalisation ?? model.normalisation;
  const missing = options?.missing ?? 'error';
  if (!NORMALISATIONS.has(normalisation))
    issues.push(makeIssue('options.normalisation', 'one of "ratio", "minmax"', describeValue(normalisation)));
  if (normalisation === 'ratio' && model.normalisation !== 'ratio') {
    const ratioIssue = ratioRangeIssue(
      model.factors.map((factor) => ({ path: `factors.${factor.id}.min`, min: factor.min })),
      'options.normalisation',
    );
    if (ratioIssue) issues.push(ratioIssue);
  }
  if (!POLICIES.has(missing))
    issues.push(makeIssue('options.missing', 'one of "error", "min", "exclude"', describeValue(missing)));
  if (issues.length > 0) throw new ValidationError(issues, 'score');
  return {
    normalisation,
    missing,
    clamp: options?.clamp === true,
    bands: options?.bands === undefined ? model.grades : options.bands,
    ignoreUnknown: options?.ignoreUnknown === true,
  };
}
