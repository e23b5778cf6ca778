/**
 * What `reasons` and `nextGrade` share: the live result (or its JSON form, revived), their options
 * read once (the model or bands the labels come from, checked against the result's fingerprints,
 * and the locale), and the message templates by locale.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { Decimal as DecimalClass } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { readInput } from '../../shared/input.js';
import { isLocaleTag, labelIn, type LabelsInput } from '../../shared/labelsCore.js';
import { isGradeBands } from '../grades/defineGradeBands.js';
import type { GradeBands } from '../grades/types.js';
import { isScorecard } from './defineScorecard.js';
import { parseScoreResult } from './parseScoreResult.js';
import type { ScoreResult, Scorecard } from './types.js';

/** Options of `reasons` and `nextGrade` that pick the language and labels of messages. @category Scorecard */
export interface MessageOptions {
  /**
   * The language of labels and messages: any BCP 47 tag (`'en'`, the default; `'zh-CN'`, `'de'`,
   * `'ja'`, …). Labels come from the model in that locale (by BCP 47 lookup, falling back to `en`);
   * messages are written in `en`, `zh-CN` or `de`, in `en` for any other locale.
   */
  readonly locale?: string | undefined;
  /**
   * The scorecard the result came from, for its labels (its fingerprint must be the result's).
   * Without it, labels are the ids.
   */
  readonly model?: Scorecard | undefined;
}

/** The live result, or the result revived from its JSON form (validated by the result schema). */
export function liveResult(given: unknown, context: string): ScoreResult {
  const result = readInput(given, 'result', context);
  const factors = typeof result === 'object' && result !== null ? (result as { factors?: unknown }).factors : undefined;
  const live =
    Array.isArray(factors) &&
    factors.every((factor: { shortfall?: unknown } | null) => factor?.shortfall instanceof DecimalClass);
  if (factors === undefined && (result as { total?: unknown } | null)?.total instanceof DecimalClass)
    fail('result.factors', 'a result with its lines (score without explain: false)', factors, context, 'invalid_type');
  return live ? (result as ScoreResult) : parseScoreResult(result);
}

/** The options read once: the locale checked, the model and bands checked against the result. */
export function readMessageOptions(
  given: unknown,
  result: ScoreResult,
  context: string,
): { options: Record<string, unknown>; locale: string; model: Scorecard | undefined; bands: GradeBands | undefined } {
  const read: unknown = readInput(given, 'options', context);
  if (read !== undefined && read !== null && typeof read !== 'object')
    fail('options', 'an options object', read, context, 'invalid_type');
  const options = (read ?? {}) as Record<string, unknown>;
  const { locale = 'en', model, bands } = options;
  if (typeof locale !== 'string' || !isLocaleTag(locale))
    fail('options.locale', 'a BCP 47 locale tag (en, zh-CN, de, ja, …)', locale, context, 'invalid_value');
  if (model !== undefined && (!isScorecard(model) || model.fingerprint !== result.model.fingerprint))
    fail('options.model', `the scorecard the result came from (${result.model.fingerprint})`, model, context);
  if (bands !== undefined && (!isGradeBands(bands) || bands.fingerprint !== result.bands?.fingerprint))
    fail('options.bands', `the grade bands the result was graded with (${result.bands?.fingerprint})`, bands, context);
  return { options, locale, model, bands: bands ?? model?.grades ?? undefined };
}

/** A number as a message shows it: at most two decimal places, ties away from zero. */
export function shown(value: Decimal): string {
  return value.toDecimalPlaces(2, 4).toString();
}

/** A template for the locale (`en` when none is written for it), filled from `values` by `{name}`. */
export function message(templates: LabelsInput, locale: string, values: Readonly<Record<string, string>>): string {
  return labelIn(templates, locale).replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
