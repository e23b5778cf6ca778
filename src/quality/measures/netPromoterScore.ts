import { ValidationError, describeValue, fail, joinPath, makeIssue, type Issue } from '../../shared/errors.js';
import { readInput } from '../../shared/input.js';
import { withDisplay } from '../../shared/display.js';

/** What {@link netPromoterScore} returns. @category Quality */
export interface NetPromoterScore {
  /** 100 · (promoters − detractors) / n, unrounded; `null` without answers. */
  readonly score: number | null;
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers of 0 to 6. */
  readonly detractors: number;
  /** Answers counted (missing ones skipped). */
  readonly n: number;
  /** Standard error of the score in points: 100·√((p + d − (p − d)²)/n), p and d the shares; `null` below two answers.
   * */
  readonly standardError: number | null;
  /** The answer scale, stored with the score. */
  readonly scale: { readonly min: 0; readonly max: 10 };
}

/**
 * Net Promoter Score of "how likely are you to recommend us" answers on 0–10: promoters (9–10)
 * minus detractors (0–6), as a share of all answers, times 100, unrounded; with its standard error
 * (the multinomial variance of a difference of two shares).
 *
 * The score is the correctly rounded double of an exact ratio of counts. Seed 000 (an unhappy client
 * tells 5–8 others) is why detractors weigh so much.
 *
 * Reference: Reichheld (2003), "The One Number You Need to Grow", Harvard Business Review.
 *
 * @param answers - Whole numbers 0–10; `null` = not answered.
 * @returns `{ score, promoters, passives, detractors, n, standardError, scale }`.
 * @throws {ValidationError} when an answer is not a whole number from 0 to 10 (each bad answer listed by index).
 * @example
 * ```ts
 * import { netPromoterScore } from 'clientele';
 * const nps = netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
 * [nps.score, nps.promoters, nps.detractors]; // 20 5 3
 * ```
 * @category Quality
 */
export function netPromoterScore(given: readonly (number | null | undefined)[]): NetPromoterScore {
  const answers = readInput(given, 'answers', 'netPromoterScore');
  if (!Array.isArray(answers))
    fail('answers', 'an array of answers from 0 to 10', answers, 'netPromoterScore', 'invalid_type');
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  const issues: Issue[] = [];
  for (let index = 0; index < answers.length; index++) {
    const value: unknown = answers[index];
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10) {
      issues.push(makeIssue(joinPath('answers', index), 'a whole number from 0 to 10 or null', describeValue(value)));
      continue;
    }
    if (value >= 9) promoters++;
    else if (value >= 7) passives++;
    else detractors++;
  }
  if (issues.length > 0) throw new ValidationError(issues, 'netPromoterScore');
  const n = promoters + passives + detractors;
  const scale = { min: 0, max: 10 } as const;
  if (n === 0) return { score: null, promoters, passives, detractors, n, standardError: null, scale };
  const p = promoters / n;
  const d = detractors / n;
  const standardError = n > 1 ? 100 * Math.sqrt(Math.max(p + d - (p - d) ** 2, 0) / n) : null;
  return withDisplay(
    { score: (100 * (promoters - detractors)) / n, promoters, passives, detractors, n, standardError, scale },
    'Net Promoter Score',
  );
}
