import type { Decimal } from 'decimal.js';
import { labelIn } from '../../shared/labelsCore.js';
import type { GradeBands } from '../grades/types.js';
import { liveResult, message, readMessageOptions, shown, type MessageOptions } from './messages.js';
import type { ScoreResult } from './types.js';

/** "5 points to reach High potential value (A)", by locale; `(` edges need more than the points. */
const REACH = {
  en: '{points} points to reach {label} ({grade})',
  'zh-CN': '距{label}（{grade}）还差 {points} 分',
  de: '{points} Punkte bis {label} ({grade})',
};
const EXCEED = {
  en: 'more than {points} points to reach {label} ({grade})',
  'zh-CN': '距{label}（{grade}）还差超过 {points} 分',
  de: 'mehr als {points} Punkte bis {label} ({grade})',
};

/** The next better grade, explained in a locale (what {@link nextGrade} returns). @category Scorecard */
export interface NextGradeMessage<G extends string = string> {
  /** The next better grade's id. */
  readonly grade: G;
  /** Its label in the chosen locale (its id when no model or bands are given). */
  readonly label: string;
  /** Points from the total to that grade's lower edge, exact. */
  readonly points: Decimal;
  /** `true` when reaching the edge is enough (`[`), `false` when the total must exceed it (`(`). */
  readonly edgeInclusive: boolean;
  /** One line for a reader, in the chosen locale: `'2 points to reach High potential value (A)'`. */
  readonly message: string;
}

/** Options of {@link nextGrade}. @category Scorecard */
export interface NextGradeOptions extends MessageOptions {
  /** The grade bands the result was graded with, for their labels (the model's own by default). */
  readonly bands?: GradeBands | undefined;
}

/**
 * How far a total is from the next better grade, with that grade's label and a one-line message
 * in the chosen `locale`; `null` at the top grade or for an ungraded result. Pass the `model` the
 * result came from (or the `bands` it was graded with) for the grade's labels (ids otherwise).
 * Numbers in the message show at most two decimal places, ties away from zero; `points` stays exact.
 *
 * @param result - A result of `score`, live or read back from its JSON form.
 * @param options - `locale`, and `model` or `bands` for labels.
 * @throws {ValidationError} when `result` is not a score result (live or JSON), `locale` is not a
 *   BCP 47 tag, or `model` / `bands` are not those the result came from.
 * @example
 * ```ts
 * import { nextGrade, potentialValueModel, score } from 'clientele';
 * const ratings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max]));
 * const result = score(potentialValueModel, { ...ratings, assetSize: 1, peerUserBase: 3 }); // 74: a B
 * nextGrade(result, { model: potentialValueModel })?.message; // '6 points to reach High potential value (A)'
 * nextGrade(result, { model: potentialValueModel, locale: 'zh-CN' })?.message; // '距潜在价值高（A）还差 6 分'
 * ```
 * @category Scorecard
 */
export function nextGrade<G extends string = string>(
  given: ScoreResult<string, G>,
  options?: NextGradeOptions,
): NextGradeMessage<G> | null {
  const result = liveResult(given, 'nextGrade');
  const { locale, bands } = readMessageOptions(options, result, 'nextGrade');
  const next = result.nextGrade;
  if (next === null) return null;
  const band =
    bands?.fingerprint === result.bands?.fingerprint ? bands?.bands.find((b) => b.id === next.grade) : undefined;
  const label = band ? labelIn(band.labels, locale) : next.grade;
  const values = { label, grade: next.grade, points: shown(next.points) };
  return {
    grade: next.grade as G,
    label,
    points: next.points,
    edgeInclusive: next.edgeInclusive,
    message: message(next.edgeInclusive ? REACH : EXCEED, locale, values),
  };
}
