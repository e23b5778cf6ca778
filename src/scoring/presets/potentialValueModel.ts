import { trustScorecard } from '../scorecard/defineScorecard.js';
import { potentialValueBands } from './potentialValueBands.js';

/** The fingerprint `defineX` computes for this definition (a test checks it), so importing hashes nothing. */
const FINGERPRINT = 'sha256:91ecce9a580a078280d53a5c17a6b29e930d95ba51391a700d5baca29dcc9a8e';

/**
 * The seed's 客户潜在价值计算表 (seed 002) as a scorecard: three weighted categories, thirteen
 * factors rated "higher is better" on the seed's ranges, graded with `potentialValueBands`.
 *
 * | category | weight | factors (min–max) |
 * |---|---|---|
 * | `credit` 客户信用度 | 0.3 | `tenure` 1–5, `creditRecord` 1–10, `latePayment` 1–10, `missedAppointments` 1–5 |
 * | `loyalty` 客户忠诚度 | 0.2 | `productVariety`, `purchaseCount`, `purchaseFrequency` 1–2.5, `competitorPurchase` 1–7.5,
 * `competitorFrequency` 1–5 |
 * | `influence` 客户目标市场的影响力 | 0.5 | `assetSize` 1–20, `industry`, `marketPosition`, `peerUserBase` 1–10 |
 *
 * The category maxima (30, 20, 50) equal the weights × 100, so under the default `ratio`
 * normalisation the total is the plain sum of the thirteen ratings: the seed's 总分合计.
 * (The seed omits the minimum of 爽约次数; it is 1 like the others.)
 *
 * @example
 * ```ts
 * import { potentialValueModel, score } from 'clientele';
 * const top = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max]));
 * score(potentialValueModel, top).total.toString(); // '100'
 * ```
 * @category Presets
 */
export const potentialValueModel = /* @__PURE__ */ trustScorecard(FINGERPRINT, {
  id: 'potential-value',
  version: '1.0.0',
  labels: { en: 'Customer potential value', 'zh-CN': '客户潜在价值计算表' },
  normalisation: 'ratio',
  grades: potentialValueBands,
  categories: [
    {
      id: 'credit',
      labels: { en: 'Creditworthiness', 'zh-CN': '客户信用度' },
      weight: '0.3',
      factors: [
        { id: 'tenure', labels: { en: 'Length of relationship', 'zh-CN': '交往时间' }, min: 1, max: 5 },
        { id: 'creditRecord', labels: { en: 'Credit record', 'zh-CN': '信用记录' }, min: 1, max: 10 },
        { id: 'latePayment', labels: { en: 'Late payments (fewer is better)', 'zh-CN': '延迟付款' }, min: 1, max: 10 },
        {
          id: 'missedAppointments',
          labels: { en: 'Missed appointments (fewer is better)', 'zh-CN': '爽约次数' },
          min: 1,
          max: 5,
        },
      ],
    },
    {
      id: 'loyalty',
      labels: { en: 'Loyalty', 'zh-CN': '客户忠诚度' },
      weight: '0.2',
      factors: [
        { id: 'productVariety', labels: { en: 'Range of services bought', 'zh-CN': '总购买品种' }, min: 1, max: 2.5 },
        { id: 'purchaseCount', labels: { en: 'Number of purchases', 'zh-CN': '总购买次数' }, min: 1, max: 2.5 },
        { id: 'purchaseFrequency', labels: { en: 'Purchase frequency', 'zh-CN': '总购买频率' }, min: 1, max: 2.5 },
        {
          id: 'competitorPurchase',
          labels: { en: 'Buys from competitors (no is better)', 'zh-CN': '是否购买竞争对手产品' },
          min: 1,
          max: 7.5,
        },
        {
          id: 'competitorFrequency',
          labels: { en: 'Competitor purchase frequency (rarer is better)', 'zh-CN': '购买竞争对手产品频率' },
          min: 1,
          max: 5,
        },
      ],
    },
    {
      id: 'influence',
      labels: { en: 'Influence in its target market', 'zh-CN': '客户目标市场的影响力' },
      weight: '0.5',
      factors: [
        { id: 'assetSize', labels: { en: 'Asset size', 'zh-CN': '资产规模' }, min: 1, max: 20 },
        { id: 'industry', labels: { en: 'Industry', 'zh-CN': '所属行业' }, min: 1, max: 10 },
        { id: 'marketPosition', labels: { en: 'Market position', 'zh-CN': '市场地位' }, min: 1, max: 10 },
        {
          id: 'peerUserBase',
          labels: { en: 'Size of the peer user base', 'zh-CN': '周围同类产品用户群规模' },
          min: 1,
          max: 10,
        },
      ],
    },
  ],
});

/** The category ids of `potentialValueModel`. @category Presets */
export type PotentialValueCategoryId = 'credit' | 'loyalty' | 'influence';

/** The factor ids of `potentialValueModel`. @category Presets */
export type PotentialValueFactorId =
  | 'tenure'
  | 'creditRecord'
  | 'latePayment'
  | 'missedAppointments'
  | 'productVariety'
  | 'purchaseCount'
  | 'purchaseFrequency'
  | 'competitorPurchase'
  | 'competitorFrequency'
  | 'assetSize'
  | 'industry'
  | 'marketPosition'
  | 'peerUserBase';

/** Ratings for `potentialValueModel`: one per factor id; a typo fails to compile. @category Presets */
export type PotentialValueRatings = Record<PotentialValueFactorId, number | string>;
