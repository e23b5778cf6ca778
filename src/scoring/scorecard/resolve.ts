import { ValidationError, makeIssue, describeValue } from '../../shared/errors.js';
import { readingFailed } from '../../shared/input.js';
import { isGradeBands } from '../grades/defineGradeBands.js';
import type { GradeBands } from '../grades/types.js';
import type { Normalisation } from './scorecardSchema.js';
import type { Core } from './core.js';
import { coreOf, defineScorecard, isScorecard, type ScorecardInput } from './defineScorecard.js';
import type { Settings } from './evaluate.js';
import type { MissingPolicy, ScoreOptions, Scorecard } from './types.js';
import { ratioRangeIssue } from './ratioRange.js';

/** A compiled scorecard, its core, and its settings under no options (filled in on first use). */
export interface Resolved {
  readonly model: Scorecard;
  readonly core: Core;
  /** The settings under no options, resolved on first use. */
  defaults?: Settings;
  /** The option values resolved last for this model, and their settings. */
  last?: { readonly values: readonly unknown[]; readonly settings: Settings };
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

const POLICIES = new Set(['error', 'min', 'exclude']);
const NORMALISATIONS = new Set(['ratio', 'minmax']);

/**
 * The option fields `score` reads, each read once, in this order: normalisation, missing, clamp,
 * bands, ignoreUnknown, explain (a throwing getter or proxy trap is a `ValidationError` at
 * `options`). Other fields are not read here (the batch forms read `idField` and `ratings`).
 */
function readOptionValues(options: unknown): readonly unknown[] | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null)
    throw new ValidationError(
      [makeIssue('options', 'an options object', describeValue(options), 'invalid_type')],
      'score',
    );
  const o = options as Record<string, unknown>;
  try {
    return [o['normalisation'], o['missing'], o['clamp'], o['bands'], o['ignoreUnknown'], o['explain']];
  } catch (error) {
    // a throwing getter or proxy trap: a ValidationError at `options`
    return readingFailed('options', 'score', error);
  }
}

/** Validates and fills in score options. */
export function resolveSettings(model: Scorecard, given: ScoreOptions | undefined): Settings {
  return settingsFrom(model, readOptionValues(given));
}

/**
 * The settings of `options` for a resolved model. No options: the model's defaults, resolved once.
 * Options whose fields hold the values of the options resolved last for this model (a loop passing
 * the same options, or an equal literal, each time): the settings resolved then.
 */
export function settingsOf(resolved: Resolved, options: ScoreOptions | undefined): Settings {
  if (options === undefined) return (resolved.defaults ??= resolveSettings(resolved.model, undefined));
  const values = readOptionValues(options)!;
  const last = resolved.last;
  if (last !== undefined && sameValues(values, last.values)) return last.settings;
  const settings = settingsFrom(resolved.model, values);
  resolved.last = { values, settings };
  return settings;
}

/** Whether two lists of read option fields hold the same values (`===`), field by field. */
function sameValues(values: readonly unknown[], last: readonly unknown[]): boolean {
  for (let index = 0; index < values.length; index++) if (values[index] !== last[index]) return false;
  return true;
}

/** Validates the read option fields (see {@link readOptionValues}) and fills in the defaults. */
function settingsFrom(model: Scorecard, values: readonly unknown[] | undefined): Settings {
  const [givenNormalisation, givenMissing, clamp, givenBands, ignoreUnknown, givenExplain] = values ?? [];
  const issues = [];
  const normalisation = (givenNormalisation ?? model.normalisation) as Normalisation;
  const missing = (givenMissing ?? 'error') as MissingPolicy;
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
  if (givenBands !== undefined && givenBands !== null && !isGradeBands(givenBands))
    issues.push(
      makeIssue(
        'options.bands',
        'grade bands compiled by defineGradeBands (or a preset), or null',
        describeValue(givenBands),
        'invalid_type',
      ),
    );
  const explain = givenExplain === undefined ? true : givenExplain;
  if (typeof explain !== 'boolean')
    issues.push(makeIssue('options.explain', 'true or false', describeValue(explain), 'invalid_type'));
  if (issues.length > 0) throw new ValidationError(issues, 'score');
  return {
    normalisation,
    missing,
    clamp: clamp === true,
    bands: givenBands === undefined ? model.grades : (givenBands as GradeBands | null),
    ignoreUnknown: ignoreUnknown === true,
    explain: explain !== false,
  };
}
