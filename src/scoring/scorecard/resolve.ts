import { ValidationError, makeIssue, describeValue } from '../../shared/errors.js';
import { readInput } from '../../shared/input.js';
import type { Core } from './core.js';
import { coreOf, defineScorecard, isScorecard, type ScorecardInput } from './defineScorecard.js';
import type { Settings } from './evaluate.js';
import type { ScoreOptions, Scorecard } from './types.js';
import { ratioRangeIssue } from './ratioRange.js';

/** A compiled scorecard, its core, and its settings under no options (filled in on first use). */
export interface Resolved {
  readonly model: Scorecard;
  readonly core: Core;
  defaults?: Settings;
}

// The compiled scorecard resolved last: a loop that scores many accounts with one model finds it
// here instead of in the model registry (compiled models are frozen and their core never changes).
let lastModel: object | null = null;
let lastResolved: Resolved | null = null;

function resolvedCompiled(model: Scorecard): Resolved {
  if (model === lastModel) return lastResolved!;
  const resolved: Resolved = { model, core: coreOf(model)! };
  lastModel = model;
  lastResolved = resolved;
  return resolved;
}

/** A compiled scorecard and its core; compiles a JSON definition on the fly. */
export function resolveModel(model: Scorecard | ScorecardInput): Resolved {
  if (model === lastModel) return lastResolved!;
  if (isScorecard(model)) return resolvedCompiled(model);
  const compiled = defineScorecard(model);
  return { model: compiled, core: coreOf(compiled)! };
}

/** The settings of `options` for a resolved model; no options: the model's defaults, resolved once. */
export function settingsOf(resolved: Resolved, options: ScoreOptions | undefined): Settings {
  if (options === undefined) return (resolved.defaults ??= resolveSettings(resolved.model, undefined));
  return resolveSettings(resolved.model, options);
}

/**
 * A compiled scorecard and its core; anything else (its JSON included) is a `ValidationError` that
 * says to compile it once with `defineScorecard`. What the light `score` of `clientele/scoring`
 * reads, so its bundle carries no model validation.
 */
export function resolveCompiled(model: unknown, context: string): Resolved {
  if (model === lastModel) return lastResolved!;
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
  return resolvedCompiled(model);
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
