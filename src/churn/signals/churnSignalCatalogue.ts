import type { ChurnSignalCatalogue, ChurnSignalDefinition } from './signalCatalogueSchema.js';

const entry = (definition: ChurnSignalDefinition): ChurnSignalDefinition => Object.freeze(definition);

/**
 * The signals `deriveSignals` produces, typed, with the direction that is alarming and where each
 * comes from (SPEC §3; seeds 000 and 003). The default rule set is type-checked against it.
 *
 * @example
 * ```ts
 * import { churnSignalCatalogue } from 'clientele';
 * churnSignalCatalogue.spendChange?.alarming; // 'lower'
 * ```
 * @category Churn
 */
export const churnSignalCatalogue: ChurnSignalCatalogue = /* @__PURE__ */ Object.freeze({
  spendChange: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'ratio',
    alarming: 'lower',
    labels: { en: 'Spend change, last 3 months vs the 3 before', 'zh-CN': '近3个月投放额环比变化' },
    description:
      '(recent − baseline) / baseline over the last three full months before asOf and the three before them.',
    source: 'SPEC §3 spend trend; seed 000 (客户流失前必有征兆)',
  }),
  spendChangeYearOnYear: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'ratio',
    alarming: 'lower',
    labels: { en: 'Spend change, last 3 months vs the same months last year', 'zh-CN': '近3个月投放额同比变化' },
    source: 'SPEC §3 spend trend',
  }),
  averageMonthlySpend: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'money per month',
    alarming: 'lower',
    labels: { en: 'Average monthly spend, last 3 months', 'zh-CN': '近3个月月均消费额' },
    source: 'seed 003 (月消费额 tiers)',
  }),
  lastOrderDate: /* @__PURE__ */ entry({ type: 'date', labels: { en: 'Last order', 'zh-CN': '最近一次下单' } }),
  daysSinceLastOrder: /* @__PURE__ */ entry({
    type: 'duration',
    unit: 'days',
    alarming: 'higher',
    labels: { en: 'Days since the last order', 'zh-CN': '距上次下单天数' },
  }),
  orderGapRatio: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'ratio',
    alarming: 'higher',
    labels: { en: 'Days since the last order ÷ the usual (median) interval', 'zh-CN': '下单间隔倍数' },
    source: 'SPEC §3 order gap',
  }),
  probabilityAlive: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'probability',
    alarming: 'lower',
    labels: { en: 'Probability the client is still active (BG/NBD or Pareto/NBD)', 'zh-CN': '客户仍活跃的概率' },
    description: 'From the orders up to asOf and the fitted model in options.lifetime; unknown without one.',
    source: 'Fader, Hardie & Lee (2005); value module, probabilityAlive',
  }),
  expectedPurchases: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'orders in the forecast horizon',
    alarming: 'lower',
    labels: { en: 'Expected orders in the coming period', 'zh-CN': '预计未来下单次数' },
    description:
      'Over options.lifetime.horizonDays (default 90 days), from the orders up to asOf and the fitted model.',
    source: 'Fader, Hardie & Lee (2005); value module, expectedPurchases',
  }),
  lastVisitDate: /* @__PURE__ */ entry({ type: 'date', labels: { en: 'Last visit', 'zh-CN': '最近一次上门走访' } }),
  daysSinceLastVisit: /* @__PURE__ */ entry({
    type: 'duration',
    unit: 'days',
    alarming: 'higher',
    labels: { en: 'Days since the last visit', 'zh-CN': '距上次走访天数' },
  }),
  visitOverdueRatio: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'ratio',
    alarming: 'higher',
    labels: { en: 'Days since the last visit ÷ the tier’s visit interval', 'zh-CN': '走访间隔 / 走访标准' },
    source: 'seed 003 第6篇 contact standards (水晶客户 2次/季度, A/A+ 1次/季度)',
  }),
  lastCallDate: /* @__PURE__ */ entry({ type: 'date', labels: { en: 'Last call', 'zh-CN': '最近一次电话联系' } }),
  daysSinceLastCall: /* @__PURE__ */ entry({
    type: 'duration',
    unit: 'days',
    alarming: 'higher',
    labels: { en: 'Days since the last call', 'zh-CN': '距上次电话联系天数' },
  }),
  callOverdueRatio: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'ratio',
    alarming: 'higher',
    labels: { en: 'Days since the last call ÷ the tier’s call interval', 'zh-CN': '电话间隔 / 电话标准' },
    source: 'seed 003 第6篇 contact standards (主动电话联系 1次/月)',
  }),
  tier: /* @__PURE__ */ entry({ type: 'category', labels: { en: 'Tier (from the tier policy)', 'zh-CN': '客户等级' } }),
  openComplaints: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'count',
    alarming: 'higher',
    labels: { en: 'Open complaints', 'zh-CN': '未解决投诉数' },
  }),
  oldestOpenComplaintDays: /* @__PURE__ */ entry({
    type: 'duration',
    unit: 'days',
    alarming: 'higher',
    labels: { en: 'Age of the oldest open complaint', 'zh-CN': '最久未解决投诉的天数' },
    source: 'seed 003 第7篇 cause 2 (投诉得不到及时解决); seed 000 (迅速而有效的处理)',
  }),
  openSevereComplaints: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'count',
    alarming: 'higher',
    labels: { en: 'Open high or critical complaints', 'zh-CN': '未解决的严重投诉数' },
  }),
  complaintsLast90Days: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'count',
    alarming: 'higher',
    labels: { en: 'Complaints opened in the last 90 days', 'zh-CN': '近90天投诉数' },
  }),
  latePaymentsLastYear: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'count',
    alarming: 'higher',
    labels: { en: 'Invoices paid late or overdue, last 12 months', 'zh-CN': '近12个月延迟付款次数' },
    source: 'seed 002 (延迟付款)',
  }),
  overdueAmount: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'money',
    alarming: 'higher',
    labels: { en: 'Overdue amount', 'zh-CN': '逾期金额' },
  }),
  maxDaysOverdue: /* @__PURE__ */ entry({
    type: 'duration',
    unit: 'days',
    alarming: 'higher',
    labels: { en: 'Days the oldest unpaid invoice is overdue', 'zh-CN': '最长逾期天数' },
  }),
  competitorPurchasesLast90Days: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'count',
    alarming: 'higher',
    labels: { en: 'Purchases from competitors, last 90 days', 'zh-CN': '近90天购买竞争对手产品次数' },
    source: 'seed 002 (是否购买竞争对手产品); seed 003 第7篇 cause 3',
  }),
  shareOfWallet: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'share',
    alarming: 'lower',
    labels: { en: 'Our share of the client’s category spend', 'zh-CN': '我方产品占其同类采购比重' },
    source: 'seed 003 第7篇',
  }),
  shareOfWalletChange: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'share points',
    alarming: 'lower',
    labels: { en: 'Change in share of wallet over about six months', 'zh-CN': '钱包份额半年变化' },
  }),
  managerDepartedWithoutHandover: /* @__PURE__ */ entry({
    type: 'boolean',
    alarming: 'true',
    labels: { en: 'Account manager left without a handover', 'zh-CN': '客户经理离职未完成客户关系对接' },
    source: 'seed 000 (人走客户走, 客户关系对接)',
  }),
  internalContacts: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'people',
    alarming: 'lower',
    labels: { en: 'Our staff holding the relationship', 'zh-CN': '我方对接人数' },
    description: 'How many of the agency’s own people are in touch with the client (relationship.internalContacts).',
    source: 'seed 000 (员工拥有广告客户关系的“单线联络”现象; 人走客户走)',
  }),
  singleThreaded: /* @__PURE__ */ entry({
    type: 'boolean',
    alarming: 'true',
    labels: { en: 'Single-threaded: at most one of our staff holds the relationship', 'zh-CN': '单线联络' },
    description: 'internalContacts ≤ 1: when that one employee leaves, the client leaves with them (人走客户走).',
    source: 'seed 000 (单线联络, 人走客户走)',
  }),
  clientContacts: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'people',
    alarming: 'lower',
    labels: { en: 'People at the client we are in touch with', 'zh-CN': '客户方联系人数' },
    description: 'Breadth on the client’s side (relationship.clientContacts); not what seed 000 calls 单线联络.',
  }),
  qualityScore: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'score 0–100',
    alarming: 'lower',
    labels: { en: 'Service-quality score, latest month', 'zh-CN': '最近一期服务质量得分' },
    source: 'seed 000 (提高服务质量); SPEC §4',
  }),
  lowestQualityScore: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'score 0–100',
    alarming: 'lower',
    labels: { en: 'Weakest service-quality dimension, latest month', 'zh-CN': '最近一期最弱服务维度得分' },
  }),
  qualityChange: /* @__PURE__ */ entry({
    type: 'number',
    unit: 'points',
    alarming: 'lower',
    labels: { en: 'Change in service-quality score since the previous survey', 'zh-CN': '服务质量得分变化' },
  }),
  satisfiedButNotLoyal: /* @__PURE__ */ entry({
    type: 'boolean',
    alarming: 'true',
    labels: { en: 'Satisfied but not loyal: quality score ≥ 80 while share of wallet falls', 'zh-CN': '满意但不忠诚' },
    description: 'qualityScore ≥ 80 and shareOfWalletChange < 0; unknown unless both are known.',
    source: 'seed 001 (他们会因满意度的变化而转移到其他企业 — satisfaction must become trust); seed 000 (记录分析)',
  }),
  businessDistress: /* @__PURE__ */ entry({
    type: 'boolean',
    alarming: 'true',
    labels: { en: 'The client’s own business in distress (last 12 months)', 'zh-CN': '客户自身经营问题' },
    source: 'seed 003 (客户自身经营问题: 40% of the telecom branch’s lost revenue)',
  }),
  relocatingOrClosing: /* @__PURE__ */ entry({
    type: 'boolean',
    alarming: 'true',
    labels: { en: 'The client is relocating or closing', 'zh-CN': '客户拆迁或倒闭' },
    source: 'seed 003 第7篇 (拆迁、倒闭等不可控因素)',
  }),
});

/** The names of the catalogued churn signals. @category Churn */
export type ChurnSignalName =
  | 'spendChange'
  | 'spendChangeYearOnYear'
  | 'averageMonthlySpend'
  | 'lastOrderDate'
  | 'daysSinceLastOrder'
  | 'orderGapRatio'
  | 'probabilityAlive'
  | 'expectedPurchases'
  | 'lastVisitDate'
  | 'daysSinceLastVisit'
  | 'visitOverdueRatio'
  | 'lastCallDate'
  | 'daysSinceLastCall'
  | 'callOverdueRatio'
  | 'tier'
  | 'openComplaints'
  | 'oldestOpenComplaintDays'
  | 'openSevereComplaints'
  | 'complaintsLast90Days'
  | 'latePaymentsLastYear'
  | 'overdueAmount'
  | 'maxDaysOverdue'
  | 'competitorPurchasesLast90Days'
  | 'shareOfWallet'
  | 'shareOfWalletChange'
  | 'managerDepartedWithoutHandover'
  | 'internalContacts'
  | 'singleThreaded'
  | 'clientContacts'
  | 'qualityScore'
  | 'lowestQualityScore'
  | 'qualityChange'
  | 'satisfiedButNotLoyal'
  | 'businessDistress'
  | 'relocatingOrClosing';
