import { readInput } from '../../shared/input.js';
import { fail } from '../../shared/errors.js';
import { readAnswers, readSimpleScale } from '../internal/likert.js';

/** Options of {@link customerSatisfactionScore}. @category Quality */
export interface CustomerSatisfactionOptions {
  /** Answer scale; default 1–5. */
  readonly scale?: { readonly min: number; readonly max: number } | undefined;
  /** Lowest answer that counts as satisfied; default the top two points (4 on 1–5). */
  readonly satisfiedFrom?: number | undefined;
}

/** What {@link customerSatisfactionScore} returns: the score with the scale it was measured on. @category Quality */
export interface CustomerSatisfactionScore {
  /** 100 · satisfied / n, unrounded; `null` without answers. */
  readonly score: number | null;
  readonly satisfied: number;
  readonly n: number;
  readonly scale: { readonly min: number; readonly max: number };
  readonly satisfiedFrom: number;
  /** Mean answer; `null` without answers. */
  readonly mean: number | null;
}

/**
 * CSAT: the share of satisfied answers (at or above `satisfiedFrom`, by default the top two scale
 * points) in percent, stored with its scale so scores from different scales are never mixed up.
 *
 * Reference: the American Customer Satisfaction Index practice of top-box reporting; seed 000
 * ("satisfied clients are not always loyal, dissatisfied ones never are").
 *
 * @param answers - Whole numbers on the scale; `null` = not answered.
 * @param options - `{ scale, satisfiedFrom }`.
 * @throws {ValidationError} on an answer off the scale or a bad option.
 * @example
 * ```ts
 * import { customerSatisfactionScore } from 'clientele';
 * customerSatisfactionScore([5, 4, 3, 4, 2]).score; // 60
 * ```
 * @category Quality
 */
export function customerSatisfactionScore(
  answers: readonly (number | null | undefined)[],
  givenOptions?: CustomerSatisfactionOptions,
): CustomerSatisfactionScore {
  const context = 'customerSatisfactionScore';
  const options = readInput(givenOptions, 'options', context);
  const scale = readSimpleScale(options?.scale, context, { min: 1, max: 5 });
  const satisfiedFrom = options?.satisfiedFrom ?? scale.max - 1;
  if (!Number.isInteger(satisfiedFrom) || satisfiedFrom < scale.min || satisfiedFrom > scale.max) {
    fail('options.satisfiedFrom', `a whole number from ${scale.min} to ${scale.max}`, satisfiedFrom, context);
  }
  const values = readAnswers(readInput(answers, 'answers', context), scale, context);
  const n = values.length;
  let satisfied = 0;
  let total = 0;
  for (const value of values) {
    total += value;
    if (value >= satisfiedFrom) satisfied++;
  }
  return {
    score: n === 0 ? null : (100 * satisfied) / n,
    satisfied,
    n,
    scale,
    satisfiedFrom,
    mean: n === 0 ? null : total / n,
  };
}
