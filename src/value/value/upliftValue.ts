import type { Decimal } from 'decimal.js';
import { fail, joinPath } from '../../shared/errors.js';
import { ZERO, toDecimal, type Numeric } from '../../shared/numeric.js';
import { readObject, readProbability } from '../internal/read.js';

/**
 * One cross-selling opportunity: the margin it would bring per period and how likely it is.
 * @category Value
 */
export interface CrossSellOpportunity {
  readonly margin: Numeric;
  readonly probability: Numeric;
}

/**
 * What {@link upliftValue} needs; every part is optional, absent parts count as 0.
 * @category Value
 */
export interface UpliftInput {
  /** Products or services the customer does not buy yet. */
  readonly crossSell?: readonly CrossSellOpportunity[] | undefined;
  /** Growing our share of the customer's category spend (its "wallet"). */
  readonly shareOfWallet?:
    | {
        /** The customer's total category spend per period. */
        readonly wallet: Numeric;
        /** Our share of it now, in [0, 1]. */
        readonly currentShare: Numeric;
        /** The share we expect to reach, in [0, 1]. */
        readonly targetShare: Numeric;
        /** Our margin rate on that spend, in [0, 1]. */
        readonly marginRate: Numeric;
      }
    | undefined;
  /** New customers the customer would bring by recommending us. */
  readonly referrals?:
    | {
        /** Expected number of referred customers per period. */
        readonly count: Numeric;
        /** Margin each referral brings per period. */
        readonly valuePerReferral: Numeric;
      }
    | undefined;
}

/**
 * The potential value reachable on top of current behaviour, per period, by source.
 * @category Value
 */
export interface UpliftResult {
  /** Sum of the three parts. */
  readonly value: Decimal;
  /** Σ margin × probability over the cross-selling opportunities. */
  readonly crossSell: Decimal;
  /** wallet × (targetShare − currentShare) × marginRate. */
  readonly shareOfWallet: Decimal;
  /** count × valuePerReferral. */
  readonly referrals: Decimal;
}

/**
 * The money side of potential value (seed 001, DMG: "the extra value reachable through effective
 * cross-selling, more buying engagement, or the customer recommending us"): an expected margin
 * per period from cross-selling, share of wallet and referrals.
 *
 * The result is a margin per period, like the `margin` of {@link currentValue}: pass it there
 * (with the retention and discount rate you use) to capitalise it.
 *
 * @throws {ValidationError} on non-numeric parts, probabilities or shares outside [0, 1], or a
 *   negative wallet, referral count or referral value.
 * @example
 * ```ts
 * import { upliftValue } from 'clientele';
 * const uplift = upliftValue({
 *   crossSell: [{ margin: 20000, probability: 0.25 }],
 *   shareOfWallet: { wallet: 1000000, currentShare: 0.3, targetShare: 0.4, marginRate: 0.15 },
 *   referrals: { count: 0.5, valuePerReferral: 8000 },
 * });
 * uplift.value.toString(); // '24000'
 * ```
 * @category Value
 */
export function upliftValue(input: UpliftInput): UpliftResult {
  return readUplift(input, '', 'upliftValue');
}

/** {@link upliftValue} with every issue path under `base` (`'uplift'` when read inside `potentialValue`). */
export function readUplift(input: unknown, base: string, context: string): UpliftResult {
  const at = (path: string): string => (base === '' ? path : `${base}.${path}`);
  const record = readObject(input, base, context);
  let crossSell = ZERO;
  if (record.crossSell !== undefined) {
    if (!Array.isArray(record.crossSell))
      fail(at('crossSell'), 'an array of { margin, probability }', record.crossSell, context, 'invalid_type');
    record.crossSell.forEach((item: unknown, index: number) => {
      const path = joinPath(at('crossSell'), index);
      const opportunity = readObject(item, path, context);
      const margin = toDecimal(opportunity.margin, joinPath(path, 'margin'));
      const probability = readProbability(opportunity.probability, joinPath(path, 'probability'), context);
      crossSell = crossSell.plus(margin.times(probability));
    });
  }
  let shareOfWallet = ZERO;
  if (record.shareOfWallet !== undefined) {
    const wallet = readObject(record.shareOfWallet, at('shareOfWallet'), context);
    const size = readNonNegative(wallet.wallet, at('shareOfWallet.wallet'), context);
    const current = readProbability(wallet.currentShare, at('shareOfWallet.currentShare'), context);
    const target = readProbability(wallet.targetShare, at('shareOfWallet.targetShare'), context);
    const rate = readProbability(wallet.marginRate, at('shareOfWallet.marginRate'), context);
    shareOfWallet = size.times(target.minus(current)).times(rate);
  }
  let referrals = ZERO;
  if (record.referrals !== undefined) {
    const referral = readObject(record.referrals, at('referrals'), context);
    const count = readNonNegative(referral.count, at('referrals.count'), context);
    const each = readNonNegative(referral.valuePerReferral, at('referrals.valuePerReferral'), context);
    referrals = count.times(each);
  }
  return { value: crossSell.plus(shareOfWallet).plus(referrals), crossSell, shareOfWallet, referrals };
}

function readNonNegative(value: unknown, path: string, context: string): Decimal {
  const decimal = toDecimal(value, path);
  if (decimal.isNegative() && !decimal.isZero()) fail(path, 'a number ≥ 0', value, context);
  return decimal;
}
