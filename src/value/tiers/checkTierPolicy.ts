import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import type { Labels } from '../../shared/labels.js';
import type { TierPolicy, TierResult } from './defineTierPolicy.js';
import { readInput } from '../../shared/input.js';
import { withDisplay } from '../../shared/display.js';

/** What kind of inversion was found. @category Tiers */
export type TierInversionKind = 'visits' | 'calls' | 'discount';

/**
 * One "鸡头凤尾" inversion: a lower tier treated better than a higher one.
 * @category Tiers
 */
export interface TierInversion {
  readonly kind: TierInversionKind;
  /** The tier with the lower spend band ("鸡头", the head of the chicken). */
  readonly lowerTier: string;
  /** The tier with the higher spend band ("凤尾", the tail of the phoenix). */
  readonly higherTier: string;
  /** Visits or calls per year, or the discount, of the lower tier. */
  readonly lowerValue: Decimal;
  /** The same for the higher tier. */
  readonly higherValue: Decimal;
  readonly message: Labels;
}

/**
 * The result of {@link checkTierPolicy}.
 * @category Tiers
 */
export interface TierPolicyCheck {
  /** True when nothing was found. */
  readonly ok: boolean;
  /** Every inverted pair, highest tier first, visits before calls before discount. */
  readonly inversions: readonly TierInversion[];
}

const NAMES: Record<TierInversionKind, Labels> = {
  visits: { en: 'visits per year', 'zh-CN': '年走访次数' },
  calls: { en: 'calls per year', 'zh-CN': '年电话联系次数' },
  discount: { en: 'discount', 'zh-CN': '优惠折扣' },
};

/**
 * Flags the "鸡头凤尾" problem of seed 003 (第6篇, 5.1): a lower tier (the commercial channel's
 * top, the "head of the chicken") that gets a stricter contact standard or a bigger discount
 * than a higher tier (the key-account channel's bottom, the "tail of the phoenix").
 *
 * Every pair of tiers is compared, not only neighbours. Visits and calls are compared per year
 * (a tier without the requirement counts 0); discounts are compared only between tiers that
 * both state one. Equal treatment is not an inversion.
 *
 * @returns `{ ok, inversions }`.
 * @throws {ValidationError} when `policy` was not made by `defineTierPolicy`.
 * @example
 * ```ts
 * import { checkTierPolicy, defineTierPolicy, telecomTierPolicy } from 'clientele';
 * checkTierPolicy(telecomTierPolicy).ok; // true
 * // the seed's complaint: commercial clients got better discounts than key accounts
 * const definition = telecomTierPolicy.toJSON();
 * const discounted = defineTierPolicy({
 *   ...definition,
 *   tiers: definition.tiers.map((tier) =>
 *     tier.id === 'commercial-a'
 *       ? { ...tier, discount: 0.2 }
 *       : tier.id === 'crystal'
 *         ? { ...tier, discount: 0.1 }
 *         : tier,
 *   ),
 * });
 * checkTierPolicy(discounted).inversions.map((i) => `${i.kind}: ${i.lowerTier} > ${i.higherTier}`);
 * // ['discount: commercial-a > crystal']
 * ```
 * @category Tiers
 */
export function checkTierPolicy(givenPolicy: TierPolicy): TierPolicyCheck {
  const policy = readInput(givenPolicy, 'policy', 'checkTierPolicy');
  if (typeof policy !== 'object' || policy === null || policy.kind !== 'tierPolicy') {
    fail('policy', 'a tier policy made by defineTierPolicy', policy, 'checkTierPolicy', 'not_a_model');
  }
  const inversions: TierInversion[] = [];
  const measures: [TierInversionKind, (tier: TierResult) => Decimal | null][] = [
    ['visits', (tier) => tier.contact.visitsPerYear],
    ['calls', (tier) => tier.contact.callsPerYear],
    ['discount', (tier) => tier.discount],
  ];
  // policy.tiers runs from the highest band down
  for (let high = 0; high < policy.tiers.length; high++) {
    for (let low = high + 1; low < policy.tiers.length; low++) {
      const higher = policy.tiers[high]!;
      const lower = policy.tiers[low]!;
      for (const [kind, measure] of measures) {
        const lowerValue = measure(lower);
        const higherValue = measure(higher);
        if (lowerValue !== null && higherValue !== null && lowerValue.gt(higherValue)) {
          inversions.push({
            kind,
            lowerTier: lower.id,
            higherTier: higher.id,
            lowerValue,
            higherValue,
            message: {
              en:
                `${lower.labels.en} (lower tier) gets more ${NAMES[kind].en} than ${higher.labels.en}: ` +
                `${lowerValue.toDecimalPlaces(4).toFixed()} > ${higherValue.toDecimalPlaces(4).toFixed()}`,
              'zh-CN':
                `${lower.labels['zh-CN']}(较低等级)的${NAMES[kind]['zh-CN']}高于${higher.labels['zh-CN']}:` +
                `${lowerValue.toDecimalPlaces(4).toFixed()} > ${higherValue.toDecimalPlaces(4).toFixed()}`,
            },
          });
        }
      }
    }
  }
  inversions.sort((a, b) => order(a.kind) - order(b.kind));
  return withDisplay({ ok: inversions.length === 0, inversions }, 'Tier policy check');
}

function order(kind: TierInversionKind): number {
  return kind === 'visits' ? 0 : kind === 'calls' ? 1 : 2;
}
