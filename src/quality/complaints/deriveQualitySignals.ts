import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { readInput } from '../../shared/input.js';
import { tryDecimal } from '../../shared/numeric.js';
import { parseWith } from '../../shared/schema.js';
import { surveyScoreSchema } from '../measures/parseSurveyScore.js';
import type { SurveyScore } from '../measures/scoreSurvey.js';

const CONTEXT = 'deriveQualitySignals';

/** Options of {@link deriveQualitySignals}. @category Quality */
export interface QualitySignalOptions {
  /** The previous survey's score (live, or its JSON form), to tell whether quality is falling. */
  readonly previous?: SurveyScore | undefined;
  /** A fall of at least this many index points counts as falling; default 10. */
  readonly fallingBy?: number | string | Decimal | undefined;
}

/**
 * The service-quality signals the churn rules read (`clientele/churn`: `qualityScore`,
 * `lowestQualityScore`, `qualityChange`), plus the verdicts behind them. `null` = unknown (no score
 * yet, no previous survey), never a silent 0.
 * @category Quality
 */
export interface QualitySignals {
  /** The overall index (0–100). */
  readonly qualityScore: Decimal | null;
  /** The weakest dimension's index. */
  readonly lowestQualityScore: Decimal | null;
  readonly weakestDimension: string | null;
  /** Overall index now minus before. */
  readonly qualityChange: Decimal | null;
  /** The overall index is below the instrument's standard. */
  readonly qualityBelowStandard: boolean | null;
  /** Dimensions whose index is below the standard, weakest first. */
  readonly dimensionsBelowStandard: readonly string[];
  /** The overall index fell by at least `fallingBy` points. */
  readonly qualityFalling: boolean | null;
  /** Dimensions whose index fell by at least `fallingBy` points. */
  readonly fallingDimensions: readonly string[];
}

/**
 * Turns survey scores into early-warning signals (seed `000_314cca147d0dd30a.txt`: churn always
 * shows signs first; a dimension below standard or falling is one). Feed the result to the churn
 * rules as signal values.
 *
 * Both scores may be live results or their JSON forms read back from storage (validated and revived
 * as {@link parseSurveyScore} does).
 *
 * @param current - The latest {@link scoreSurvey} result.
 * @param options - `{ previous, fallingBy }` (default 10 index points, as the default churn rule).
 * @throws {ValidationError} when `fallingBy` is not a number ≥ 0, or a score is not a
 * {@link scoreSurvey} result (path `current…` or `options.previous…`).
 * @example
 * ```ts
 * import { deriveQualitySignals, scoreSurvey, serviceQualityInstrument } from 'clientele';
 * const all = (value: number) =>
 *   Object.fromEntries(serviceQualityInstrument.items.map((item) => [item.id, item.reverse ? 6 - value : value]));
 * const before = scoreSurvey(serviceQualityInstrument, [{ id: 'a', answers: all(4) }]);
 * const now = scoreSurvey(serviceQualityInstrument, [{ id: 'a', answers: all(3) }]);
 * const signals = deriveQualitySignals(now, { previous: before });
 * [signals.qualityScore?.toString(), signals.qualityChange?.toString(), signals.qualityFalling]; // 50 -25 true
 * ```
 * @category Quality
 */
export function deriveQualitySignals(
  givenCurrent: SurveyScore | unknown,
  givenOptions?: QualitySignalOptions,
): QualitySignals {
  const options = readInput(givenOptions, 'options', CONTEXT);
  const fallingBy = tryDecimal(options?.fallingBy ?? 10);
  if (fallingBy === undefined || fallingBy.isNegative())
    fail('options.fallingBy', 'a number of index points ≥ 0', options?.fallingBy, CONTEXT);
  const current = parseWith(surveyScoreSchema, givenCurrent, CONTEXT, 'current') as unknown as SurveyScore;
  const previous =
    options?.previous === undefined
      ? undefined
      : (parseWith(surveyScoreSchema, options.previous, CONTEXT, 'options.previous') as unknown as SurveyScore);
  const byId = new Map(current.dimensions.map((dimension) => [dimension.dimension, dimension]));
  const weakestId = current.weakestFirst.find((id) => byId.get(id)?.index != null) ?? null;
  const weakest = weakestId === null ? undefined : byId.get(weakestId);
  const dimensionsBelowStandard = current.weakestFirst.filter((id) => byId.get(id)?.belowStandard === true);
  const before = previous?.overall.index ?? null;
  const now = current.overall.index;
  const qualityChange = now !== null && before !== null ? now.minus(before) : null;
  const fallingDimensions: string[] = [];
  if (previous) {
    const earlier = new Map(previous.dimensions.map((dimension) => [dimension.dimension, dimension.index]));
    for (const id of current.weakestFirst) {
      const then = earlier.get(id);
      const index = byId.get(id)?.index;
      if (then != null && index != null && then.minus(index).gte(fallingBy)) fallingDimensions.push(id);
    }
  }
  return {
    qualityScore: now,
    lowestQualityScore: weakest?.index ?? null,
    weakestDimension: weakestId,
    qualityChange,
    qualityBelowStandard: current.overall.belowStandard,
    dimensionsBelowStandard,
    qualityFalling: qualityChange === null ? null : qualityChange.negated().gte(fallingBy),
    fallingDimensions,
  };
}
