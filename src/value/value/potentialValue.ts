import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import {
  potentialValueModel,
  score,
  type ScoreOptions,
  type ScoreResult,
  type Scorecard,
} from '../../scoring/index.js';
import { readObject } from '../internal/read.js';
import { readUplift, type UpliftInput, type UpliftResult } from './upliftValue.js';

/**
 * What {@link potentialValue} needs: scorecard ratings, an uplift estimate, or both.
 * @category Value
 */
export interface PotentialValueInput {
  /** Ratings of the scorecard's factors (seed 002's 13 factors for the default model). */
  readonly ratings?: object | undefined;
  /** The scorecard; default `potentialValueModel` (seed 002, 客户潜在价值计算表). */
  readonly scorecard?: Scorecard | undefined;
  /** Options passed to `score` (grade bands, missing-value policy, clamping). */
  readonly scoreOptions?: ScoreOptions | undefined;
  /** The money side: cross-selling, share of wallet, referrals (see {@link upliftValue}). */
  readonly uplift?: UpliftInput | undefined;
}

/**
 * Potential value from the scorecard and/or an uplift estimate.
 * @category Value
 */
export interface PotentialValueResult {
  /** The scorecard total (0–100), `null` without ratings. */
  readonly score: Decimal | null;
  /** The potential-value grade (`'A'`–`'D'` with the default bands), `null` without ratings or bands. */
  readonly grade: string | null;
  /** The full, explained scorecard result, `null` without ratings. */
  readonly scorecard: ScoreResult | null;
  /** The expected extra margin per period, `null` without an uplift estimate. */
  readonly uplift: UpliftResult | null;
}

/**
 * Potential value (seed 001, DMG: the value reachable through cross-selling, more engagement and
 * referrals), measured two ways that can be used together: the potential-value scorecard of seed
 * 002 (客户潜在价值计算表, a 0–100 score graded A–D) and an uplift estimate in money.
 *
 * The grade feeds the value matrix ({@link classifyValue}); the uplift is a margin per period that
 * {@link currentValue} can capitalise.
 *
 * @throws {ValidationError} when neither `ratings` nor `uplift` is given, or either is invalid
 *   (a rating out of range, a missing rating without a missing-value policy, a bad uplift part).
 * @example
 * ```ts
 * import { potentialValue } from 'clientele';
 * const result = potentialValue({
 *   ratings: {
 *     tenure: 4, creditRecord: 9, latePayment: 8, missedAppointments: 4,
 *     productVariety: 2, purchaseCount: 2, purchaseFrequency: 2, competitorPurchase: 6, competitorFrequency: 4,
 *     assetSize: 16, industry: 8, marketPosition: 8, peerUserBase: 7,
 *   },
 *   uplift: { crossSell: [{ margin: 20000, probability: 0.25 }] },
 * });
 * result.score?.toString(); // '80'
 * result.grade; // 'A'
 * result.uplift?.value.toString(); // '5000'
 * ```
 * @category Value
 */
export function potentialValue(input: PotentialValueInput): PotentialValueResult {
  const context = 'potentialValue';
  const record = readObject(input, '', context);
  if (record.ratings === undefined && record.uplift === undefined)
    fail('', 'ratings, an uplift estimate, or both', input, context);
  let scorecard: ScoreResult | null = null;
  if (record.ratings !== undefined) {
    const ratings = readObject(record.ratings, 'ratings', context);
    scorecard = score(
      (record.scorecard as Scorecard | undefined) ?? potentialValueModel,
      ratings,
      record.scoreOptions as ScoreOptions | undefined,
    );
  }
  const uplift = record.uplift === undefined ? null : readUplift(record.uplift, 'uplift', context);
  return { score: scorecard?.total ?? null, grade: scorecard?.grade ?? null, scorecard, uplift };
}
