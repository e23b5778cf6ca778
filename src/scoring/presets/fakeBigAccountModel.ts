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
const FINGERPRINT = 'sha256:4fa9b734bf31a246e6b7e73d48c62a1a9ff12ec195fdd948f31b00309deba8e8';

/**
 * The fake-big-account check (假大户, seed 003 第7篇 识别“大户”与“假大户”) as a scorecard: is an
 * account that buys a lot a real key account? Volume is deliberately not a factor — the seed's
 * point (and seed 001's whole argument) is that size today is not value: a dealer with big sales,
 * big trucks and a wide outside market but "本埠市场小、终端客户网络小,终端卖场陈列差" becomes a
 * "窜货砸价大户,也就是我们通常所说的“假大户”", and "一个假大户增加1000万,整个市场可能会损失5000万".
 *
 * Every criterion is rated 1–10, higher is more genuine (10 on `priceDiscipline` = no sign of
 * cross-territory selling or price dumping). The seed names the criteria, not weights; ours:
 * `share` 0.4 (our share of its category sales, its profit contribution — the seed's relative
 * definition of a 大客户), `reach` 0.4 (home market, terminal network, shelf display), `discipline`
 * 0.2 (窜货砸价). Graded with the A–D `potentialValueBands`: on a high-volume account, C or D means
 * "treat as a suspected 假大户".
 *
 * @example
 * ```ts
 * import { fakeBigAccountModel, score } from 'clientele';
 * score(fakeBigAccountModel, {
 *   shareOfCategory: 2,
 *   profitContribution: 3,
 *   homeMarket: 2,
 *   terminalNetwork: 2,
 *   shelfDisplay: 2,
 *   priceDiscipline: 1,
 * }).grade; // 'D'
 * ```
 * @category Presets
 */
export const fakeBigAccountModel = /* @__PURE__ */ trustScorecard(FINGERPRINT, {
  id: 'fake-big-account',
  version: '1.0.0',
  labels: { en: 'Genuine or fake big account', 'zh-CN': '识别“大户”与“假大户”' },
  normalisation: 'ratio',
  grades: potentialValueBands,
  categories: [
    {
      id: 'share',
      labels: { en: 'Share and profit', 'zh-CN': '销售比重与利润' },
      weight: '0.4',
      factors: [
        /* @__PURE__ */ rating(
          'shareOfCategory',
          'Our share of its sales of the category',
          '我方产品占其同类产品销量的比重',
        ),
        /* @__PURE__ */ rating('profitContribution', 'Its contribution to our profit', '对企业整体利润的贡献'),
      ],
    },
    {
      id: 'reach',
      labels: { en: 'Reach in its own market', 'zh-CN': '本埠市场与终端' },
      weight: '0.4',
      factors: [
        /* @__PURE__ */ rating('homeMarket', 'Size of its home market', '本埠市场规模'),
        /* @__PURE__ */ rating('terminalNetwork', 'Its terminal (retail) network', '终端客户网络'),
        /* @__PURE__ */ rating('shelfDisplay', 'Display in its terminal stores', '终端卖场陈列'),
      ],
    },
    {
      id: 'discipline',
      labels: { en: 'Price discipline', 'zh-CN': '价格秩序' },
      weight: '0.2',
      factors: [
        /* @__PURE__ */ rating(
          'priceDiscipline',
          'No cross-territory selling or price dumping (10 = none)',
          '无窜货砸价(10 = 无)',
        ),
      ],
    },
  ],
});

/** The factor ids of `fakeBigAccountModel`. @category Presets */
export type FakeBigAccountFactorId =
  'shareOfCategory' | 'profitContribution' | 'homeMarket' | 'terminalNetwork' | 'shelfDisplay' | 'priceDiscipline';
