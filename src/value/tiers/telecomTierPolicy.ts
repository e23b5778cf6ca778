import { defineTierPolicy, type TierPolicy } from './defineTierPolicy.js';

/**
 * The telecom branch's tier policy of seed 003 (第6篇), monthly spend in CNY.
 *
 * From the seed: key accounts (大客户) are those spending ≥ 3,000 a month, in six levels; the
 * lowest, crystal (水晶客户, 3,000–10,000 a month), is visited twice a quarter and called once a
 * month. Commercial accounts (商业客户) are in four tiers; the top, A/A+ (1,500–3,000 a month), is
 * visited once a quarter and called once a month.
 *
 * The seed names neither the five upper key-account levels nor the three lower commercial tiers,
 * nor gives their bands or standards: those below are documented assumptions, chosen so that a
 * higher tier never gets a looser standard (the policy passes {@link checkTierPolicy}). Spend
 * below 100 a month (mass-market 公众客户) has no tier.
 *
 * | tier | band (CNY / month) | visits | calls | source |
 * |---|---|---|---|---|
 * | key-1 | ≥ 200,000 | 1 / week | 2 / week | assumed |
 * | key-2 | 100,000 – 200,000 | 2 / month | 2 / week | assumed |
 * | key-3 | 50,000 – 100,000 | 2 / month | 1 / week | assumed |
 * | key-4 | 30,000 – 50,000 | 1 / month | 1 / week | assumed |
 * | key-5 | 10,000 – 30,000 | 1 / month | 2 / month | assumed |
 * | crystal | 3,000 – 10,000 | 2 / quarter | 1 / month | seed |
 * | commercial-a | 1,500 – 3,000 | 1 / quarter | 1 / month | seed |
 * | commercial-b | 800 – 1,500 | 2 / year | 1 / quarter | assumed |
 * | commercial-c | 300 – 800 | 1 / year | 2 / year | assumed |
 * | commercial-d | 100 – 300 | none | 1 / year | assumed |
 * @example
 * ```ts
 * import { telecomTierPolicy } from 'clientele';
 * const crystal = telecomTierPolicy.tierFor(5000);
 * crystal?.labels['zh-CN']; // '水晶客户'
 * crystal?.contact.visitEveryDays?.toString(); // '45.65625'  (91.3125 / 2)
 * ```
 * @category Tiers
 */
export const telecomTierPolicy: TierPolicy = /* @__PURE__ */ defineTierPolicy({
  id: 'telecom-tiers',
  version: '1.0.0',
  labels: { en: 'Telecom branch key-account and commercial tiers', 'zh-CN': '电信分公司大客户与商业客户分级' },
  currency: 'CNY',
  tiers: [
    {
      id: 'key-1',
      group: 'key-account',
      labels: { en: 'Key account, level 1 (top)', 'zh-CN': '大客户一级' },
      minMonthlySpend: 200000,
      visits: { times: 1, per: 'week' },
      calls: { times: 2, per: 'week' },
    },
    {
      id: 'key-2',
      group: 'key-account',
      labels: { en: 'Key account, level 2', 'zh-CN': '大客户二级' },
      minMonthlySpend: 100000,
      maxMonthlySpend: 200000,
      visits: { times: 2, per: 'month' },
      calls: { times: 2, per: 'week' },
    },
    {
      id: 'key-3',
      group: 'key-account',
      labels: { en: 'Key account, level 3', 'zh-CN': '大客户三级' },
      minMonthlySpend: 50000,
      maxMonthlySpend: 100000,
      visits: { times: 2, per: 'month' },
      calls: { times: 1, per: 'week' },
    },
    {
      id: 'key-4',
      group: 'key-account',
      labels: { en: 'Key account, level 4', 'zh-CN': '大客户四级' },
      minMonthlySpend: 30000,
      maxMonthlySpend: 50000,
      visits: { times: 1, per: 'month' },
      calls: { times: 1, per: 'week' },
    },
    {
      id: 'key-5',
      group: 'key-account',
      labels: { en: 'Key account, level 5', 'zh-CN': '大客户五级' },
      minMonthlySpend: 10000,
      maxMonthlySpend: 30000,
      visits: { times: 1, per: 'month' },
      calls: { times: 2, per: 'month' },
    },
    {
      id: 'crystal',
      group: 'key-account',
      labels: { en: 'Crystal key account', 'zh-CN': '水晶客户' },
      minMonthlySpend: 3000,
      maxMonthlySpend: 10000,
      visits: { times: 2, per: 'quarter' },
      calls: { times: 1, per: 'month' },
    },
    {
      id: 'commercial-a',
      group: 'commercial',
      labels: { en: 'Commercial A/A+', 'zh-CN': '商业客户A(A+)类' },
      minMonthlySpend: 1500,
      maxMonthlySpend: 3000,
      visits: { times: 1, per: 'quarter' },
      calls: { times: 1, per: 'month' },
    },
    {
      id: 'commercial-b',
      group: 'commercial',
      labels: { en: 'Commercial B', 'zh-CN': '商业客户B类' },
      minMonthlySpend: 800,
      maxMonthlySpend: 1500,
      visits: { times: 2, per: 'year' },
      calls: { times: 1, per: 'quarter' },
    },
    {
      id: 'commercial-c',
      group: 'commercial',
      labels: { en: 'Commercial C', 'zh-CN': '商业客户C类' },
      minMonthlySpend: 300,
      maxMonthlySpend: 800,
      visits: { times: 1, per: 'year' },
      calls: { times: 2, per: 'year' },
    },
    {
      id: 'commercial-d',
      group: 'commercial',
      labels: { en: 'Commercial D', 'zh-CN': '商业客户D类' },
      minMonthlySpend: 100,
      maxMonthlySpend: 300,
      visits: null,
      calls: { times: 1, per: 'year' },
    },
  ],
});
