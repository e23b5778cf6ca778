import { readInput } from '../../shared/input.js';
import { readAnswers, readSimpleScale } from '../internal/likert.js';

/** Options of {@link customerEffortScore}. @category Quality */
export interface CustomerEffortOptions {
  /** Answer scale; default 1–7 ("the agency made it easy to get my issue handled", 7 = strongly agree). */
  readonly scale?: { readonly min: number; readonly max: number } | undefined;
}

/** What {@link customerEffortScore} returns. @category Quality */
export interface CustomerEffortScore {
  /** Mean answer (higher = less effort on an agreement scale); `null` without answers. */
  readonly mean: number | null;
  /** Share (0–100) of answers in the top two points ("easy"); `null` without answers. */
  readonly easyShare: number | null;
  /** Share (0–100) of answers in the bottom two points ("hard"); `null` without answers. */
  readonly hardShare: number | null;
  readonly n: number;
  readonly scale: { readonly min: number; readonly max: number };
}

/**
 * CES: the mean of "the agency made it easy for me" answers and the shares of easy and hard
 * experiences, stored with the scale. Seed 000's "convenience" dimension (方便) measured from the
 * client's side.
 *
 * Reference: Dixon, Freeman & Toman (2010), "Stop Trying to Delight Your Customers", Harvard Business
 * Review (CES 2.0 uses a 1–7 agreement scale).
 *
 * @param answers - Whole numbers on the scale; `null` = not answered.
 * @param options - `{ scale }`, default 1–7.
 * @throws {ValidationError} on an answer off the scale or a bad scale.
 * @example
 * ```ts
 * import { customerEffortScore } from 'clientele';
 * customerEffortScore([7, 6, 5, 2, 7]).mean; // 5.4
 * ```
 * @category Quality
 */
export function customerEffortScore(
  answers: readonly (number | null | undefined)[],
  givenOptions?: CustomerEffortOptions,
): CustomerEffortScore {
  const context = 'customerEffortScore';
  const options = readInput(givenOptions, 'options', context);
  const scale = readSimpleScale(options?.scale, context, { min: 1, max: 7 });
  const values = readAnswers(readInput(answers, 'answers', context), scale, context);
  const n = values.length;
  let total = 0;
  let easy = 0;
  let hard = 0;
  for (const value of values) {
    total += value;
    if (value >= scale.max - 1) easy++;
    if (value <= scale.min + 1) hard++;
  }
  if (n === 0) return { mean: null, easyShare: null, hardShare: null, n, scale };
  return { mean: total / n, easyShare: (100 * easy) / n, hardShare: (100 * hard) / n, n, scale };
}
