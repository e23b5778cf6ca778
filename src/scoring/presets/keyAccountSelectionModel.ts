import { trustScorecard } from '../scorecard/defineScorecard.js';
import { potentialValueBands } from './potentialValueBands.js';

// generic in the id, so the model's type carries its factor ids (a misspelt rating is a compile error)
const rating = <const I extends string>(id: I, en: string, zh: string) => ({
  id,
  labels: { en, 'zh-CN': zh },
  min: 1,
  max: 10,
});

/** The fingerprint `defineX` computes for this definition (a test checks it), so importing hashes nothing. */
const FINGERPRINT = 'sha256:fe89847cba65d84bbe6dcc3d514bce18bd11612d6e39c84daa0ef1472c0dcd4e';

/**
 * Key-account selection (seed 003, 第5篇 大客户选择标准 and 第7篇 识别"大户"与"假大户") as a scorecard.
 *
 * The seed lists the criteria but gives no weights. We group them into three categories and weight
 * them close to equally, leaning slightly towards volume because both articles put it first:
 * `volume` 0.4 (purchase volume, volume of high-margin services, purchase concentration),
 * `relationship` 0.3 (fit with the service level we offer, price insensitivity, wish for a
 * long-term partnership), `contribution` 0.3 (our share of the client's category spend, profit
 * contribution). Every criterion is rated 1–10, higher is better (a price-insensitive client gets
 * 10 on `priceInsensitivity`). Graded with the A–D `potentialValueBands`: A = select as a key
 * account, B = develop, C = watch, D = serve as a standard account. See docs/scoring.md.
 *
 * @example
 * ```ts
 * import { keyAccountSelectionModel, score } from 'clientele';
 * const ratings = Object.fromEntries(keyAccountSelectionModel.factorIds.map((id) => [id, 7]));
 * score(keyAccountSelectionModel, ratings).grade; // 'B'
 * ```
 * @category Presets
 */
export const keyAccountSelectionModel = /* @__PURE__ */ trustScorecard(FINGERPRINT, {
  id: 'key-account-selection',
  version: '1.0.0',
  labels: { en: 'Key-account selection', 'zh-CN': '大客户选择标准' },
  normalisation: 'ratio',
  grades: potentialValueBands,
  categories: [
    {
      id: 'volume',
      labels: { en: 'Purchase volume', 'zh-CN': '采购规模' },
      weight: '0.4',
      factors: [
        /* @__PURE__ */ rating('purchaseVolume', 'Purchase volume', '采购数量'),
        /* @__PURE__ */ rating('highMarginVolume', 'Volume of high-margin services', '高利产品的采购数量'),
        /* @__PURE__ */ rating('purchaseConcentration', 'Purchase concentration', '采购的集中性'),
      ],
    },
    {
      id: 'relationship',
      labels: { en: 'Relationship fit', 'zh-CN': '合作关系' },
      weight: '0.3',
      factors: [
        /* @__PURE__ */ rating('serviceLevelFit', 'Fit with the service level we offer', '对服务水准的要求'),
        /* @__PURE__ */ rating(
          'priceInsensitivity',
          'Price insensitivity (less sensitive is better)',
          '对价格不敏感的程度(越不敏感越好)',
        ),
        /* @__PURE__ */ rating('partnershipIntent', 'Wish for a long-term partnership', '建立长期伙伴关系的意愿'),
      ],
    },
    {
      id: 'contribution',
      labels: { en: 'Contribution', 'zh-CN': '贡献' },
      weight: '0.3',
      factors: [
        /* @__PURE__ */ rating(
          'shareOfWallet',
          'Our share of its category purchases',
          '我方产品占其同类产品采购的比重',
        ),
        /* @__PURE__ */ rating('profitContribution', 'Profit contribution', '利润贡献'),
      ],
    },
  ],
});

/** The factor ids of `keyAccountSelectionModel`. @category Presets */
export type KeyAccountFactorId =
  | 'purchaseVolume'
  | 'highMarginVolume'
  | 'purchaseConcentration'
  | 'serviceLevelFit'
  | 'priceInsensitivity'
  | 'partnershipIntent'
  | 'shareOfWallet'
  | 'profitContribution';
