import { defineRuleSet } from '../rules/defineRuleSet.js';
import type { RuleSetInput } from '../rules/ruleSetSchema.js';
import { churnSignalCatalogue } from '../signals/churnSignalCatalogue.js';

/**
 * The default early-warning rules as JSON (see {@link defaultChurnRuleSet}). Exported so it can be
 * copied, edited and passed to `defineRuleSet`.
 * @example
 * ```ts
 * import { defaultChurnRules, defineRuleSet } from 'clientele';
 * // a stricter copy: warn at a 10% drop instead of 20%
 * const stricter = defineRuleSet({
 *   ...defaultChurnRules,
 *   id: 'agency.strict',
 *   rules: defaultChurnRules.rules.map((rule) =>
 *     rule.id === 'spend-drop' ? { ...rule, when: { signal: 'spendChange', op: 'lte', value: -0.1 } } : rule,
 *   ),
 * });
 * stricter.rules.length; // 21
 * ```
 * @category Churn
 */
export const defaultChurnRules: RuleSetInput = /* @__PURE__ */ Object.freeze<RuleSetInput>({
  id: 'clientele.churn.default',
  version: '1.0.0',
  labels: { en: 'Churn early warning (seeds 000, 003)', 'zh-CN': '客户流失预警（种子文档 000、003）' },
  description:
    'Warns before a client leaves and says why. The causes follow seed 003 (needs unmet, complaints, ' +
    'competitors; relocation and closure uncontrollable) and seed 000 (人走客户走, 单线联络). Contact intervals follow ' +
    'seed 003’s tier standards; the other thresholds are documented choices (docs/churn.md).',
  rules: [
    {
      id: 'spend-drop',
      when: { signal: 'spendChange', op: 'lte', value: -0.2 },
      severity: 'warning',
      points: 15,
      cause: 'needs-unmet',
      title: { en: 'Spend falling', 'zh-CN': '投放额下降' },
      message: {
        en: 'Spend over the last 3 months changed {spendChange|percent} against the 3 months before.',
        'zh-CN': '近3个月投放额环比变化 {spendChange|percent}。',
      },
      source:
        'seed 000: churn always shows signs first (客户流失前必有征兆); threshold −20% a quarter is a documented choice',
    },
    {
      id: 'spend-drop-sharp',
      when: { signal: 'spendChange', op: 'lte', value: -0.5 },
      severity: 'critical',
      points: 20,
      cause: 'needs-unmet',
      title: { en: 'Spend halved', 'zh-CN': '投放额腰斩' },
      message: {
        en: 'Spend fell by half or more: {spendChange|percent} against the 3 months before.',
        'zh-CN': '投放额环比下降过半：{spendChange|percent}。',
      },
      source: 'documented choice; adds to spend-drop so risk keeps rising as spend falls',
    },
    {
      id: 'spend-down-year-on-year',
      when: { signal: 'spendChangeYearOnYear', op: 'lte', value: -0.3 },
      severity: 'watch',
      points: 10,
      cause: 'needs-unmet',
      title: { en: 'Spend down on last year', 'zh-CN': '投放额同比下降' },
      message: {
        en: 'Spend is {spendChangeYearOnYear|percent} against the same months last year.',
        'zh-CN': '投放额同比变化 {spendChangeYearOnYear|percent}。',
      },
      source: 'documented choice: a seasonal business compared with its own season',
    },
    {
      id: 'order-gap',
      when: { signal: 'orderGapRatio', op: 'gte', value: 2 },
      severity: 'warning',
      points: 15,
      cause: 'needs-unmet',
      title: { en: 'Orders stopped', 'zh-CN': '下单中断' },
      message: {
        en: 'No order for {daysSinceLastOrder} days, {orderGapRatio|number}× the usual interval.',
        'zh-CN': '已 {daysSinceLastOrder} 天未下单，为通常间隔的 {orderGapRatio|number} 倍。',
      },
      source: 'SPEC §3 order gap; twice the usual interval is a documented choice',
    },
    {
      id: 'visit-overdue',
      when: { signal: 'visitOverdueRatio', op: 'gt', value: 1 },
      severity: 'watch',
      points: 5,
      cause: 'relationship',
      title: { en: 'Visit overdue', 'zh-CN': '走访逾期' },
      message: {
        en: 'Last visit {daysSinceLastVisit} days ago, beyond the tier’s standard.',
        'zh-CN': '距上次走访 {daysSinceLastVisit} 天，超过等级走访标准。',
      },
      source: 'seed 003 第6篇: 水晶 key accounts visited twice a quarter, A/A+ commercial accounts once a quarter',
    },
    {
      id: 'visit-overdue-double',
      when: { signal: 'visitOverdueRatio', op: 'gte', value: 2 },
      severity: 'warning',
      points: 10,
      cause: 'relationship',
      title: { en: 'Visit long overdue', 'zh-CN': '走访严重逾期' },
      message: {
        en: 'Last visit {daysSinceLastVisit} days ago, twice the tier’s standard or more.',
        'zh-CN': '距上次走访 {daysSinceLastVisit} 天，达到走访标准的两倍以上。',
      },
      source: 'seed 003 第6篇 contact standards; the double interval is a documented choice',
    },
    {
      id: 'call-overdue',
      when: { signal: 'callOverdueRatio', op: 'gt', value: 1 },
      severity: 'watch',
      points: 5,
      cause: 'relationship',
      title: { en: 'Call overdue', 'zh-CN': '电话联系逾期' },
      message: {
        en: 'Last call {daysSinceLastCall} days ago, beyond the tier’s standard.',
        'zh-CN': '距上次主动电话联系 {daysSinceLastCall} 天，超过等级标准。',
      },
      source: 'seed 003 第6篇: an active call once a month for both 水晶 and A/A+ accounts',
    },
    {
      id: 'complaint-unresolved',
      when: { signal: 'oldestOpenComplaintDays', op: 'gt', value: 30 },
      severity: 'warning',
      points: 15,
      cause: 'complaint',
      title: { en: 'Complaint unresolved', 'zh-CN': '投诉未及时解决' },
      message: {
        en: 'A complaint has been open for {oldestOpenComplaintDays} days.',
        'zh-CN': '有投诉已 {oldestOpenComplaintDays} 天未解决。',
      },
      source:
        'seed 003 第7篇 cause 2 (投诉和反馈问题得不到及时解决); seed 000 (迅速而有效的处理); 30 days is a documented choice',
    },
    {
      id: 'complaint-severe-open',
      when: { signal: 'openSevereComplaints', op: 'gte', value: 1 },
      severity: 'warning',
      points: 10,
      cause: 'complaint',
      title: { en: 'Severe complaint open', 'zh-CN': '严重投诉未解决' },
      message: {
        en: '{openSevereComplaints} high or critical complaint(s) open.',
        'zh-CN': '{openSevereComplaints} 起严重投诉尚未解决。',
      },
      source: 'seed 003 第7篇 cause 2',
    },
    {
      id: 'complaints-repeated',
      when: { signal: 'complaintsLast90Days', op: 'gte', value: 3 },
      severity: 'watch',
      points: 10,
      cause: 'complaint',
      title: { en: 'Repeated complaints', 'zh-CN': '反复投诉' },
      message: {
        en: '{complaintsLast90Days} complaints in the last 90 days.',
        'zh-CN': '近90天投诉 {complaintsLast90Days} 次。',
      },
      source: 'seed 000: an unhappy client tells 5–8 others; three in a quarter is a documented choice',
    },
    {
      id: 'late-payments',
      when: { signal: 'latePaymentsLastYear', op: 'gte', value: 2 },
      severity: 'watch',
      points: 5,
      cause: 'credit',
      title: { en: 'Paying late', 'zh-CN': '延迟付款' },
      message: {
        en: '{latePaymentsLastYear} invoices paid late in the last 12 months.',
        'zh-CN': '近12个月延迟付款 {latePaymentsLastYear} 次。',
      },
      source: 'seed 002 (延迟付款 is a credit factor); two in a year is a documented choice',
    },
    {
      id: 'long-overdue',
      when: { signal: 'maxDaysOverdue', op: 'gt', value: 60 },
      severity: 'warning',
      points: 10,
      cause: 'credit',
      title: { en: 'Invoice long overdue', 'zh-CN': '账款长期逾期' },
      message: {
        en: 'An invoice is {maxDaysOverdue} days overdue ({overdueAmount} outstanding).',
        'zh-CN': '有账款逾期 {maxDaysOverdue} 天（逾期金额 {overdueAmount}）。',
      },
      source: 'documented choice: 60 days past due',
    },
    {
      id: 'competitor-purchases',
      when: { signal: 'competitorPurchasesLast90Days', op: 'gte', value: 1 },
      severity: 'warning',
      points: 15,
      cause: 'competitor',
      title: { en: 'Buying from competitors', 'zh-CN': '购买竞争对手产品' },
      message: {
        en: '{competitorPurchasesLast90Days} purchase(s) from competitors in the last 90 days.',
        'zh-CN': '近90天购买竞争对手产品 {competitorPurchasesLast90Days} 次。',
      },
      source:
        'seed 002 (是否购买竞争对手产品); seed 003 第7篇 cause 3 and the telecom branch (32% + 8.5% lost to competitors)',
    },
    {
      id: 'share-of-wallet-falling',
      when: { signal: 'shareOfWalletChange', op: 'lte', value: -0.1 },
      severity: 'warning',
      points: 15,
      cause: 'competitor',
      title: { en: 'Share of wallet falling', 'zh-CN': '钱包份额下降' },
      message: {
        en:
          'Our share of the client’s spend moved {shareOfWalletChange|percent} points in about six months ' +
          '(now {shareOfWallet|percent}).',
        'zh-CN': '我方份额约半年变化 {shareOfWalletChange|percent}（现为 {shareOfWallet|percent}）。',
      },
      source: 'seed 003 第7篇 (我方产品占其同类产品比重); ten points is a documented choice',
    },
    {
      id: 'manager-left-no-handover',
      when: { signal: 'managerDepartedWithoutHandover', op: 'eq', value: true },
      severity: 'critical',
      points: 25,
      cause: 'relationship',
      title: { en: 'Manager left, no handover', 'zh-CN': '人走客户走风险' },
      message: {
        en: 'The account manager left and the relationship has not been handed over.',
        'zh-CN': '客户经理已离职，尚未完成客户关系对接。',
      },
      source: 'seed 000 (人走客户走; 客户关系对接)',
    },
    {
      id: 'single-threaded',
      when: { signal: 'singleThreaded', op: 'eq', value: true },
      severity: 'watch',
      points: 5,
      cause: 'relationship',
      title: { en: 'Single-threaded', 'zh-CN': '单线联络' },
      message: {
        en: 'Only {internalContacts} of our staff holds the relationship.',
        'zh-CN': '我方仅有 {internalContacts} 人对接该客户（单线联络）。',
      },
      source: 'seed 000 (员工拥有广告客户关系的“单线联络”现象; 人走客户走)',
    },
    {
      id: 'quality-below-standard',
      when: { signal: 'qualityScore', op: 'lt', value: 60 },
      severity: 'watch',
      points: 10,
      cause: 'needs-unmet',
      title: { en: 'Service quality below standard', 'zh-CN': '服务质量低于标准' },
      message: {
        en: 'Service-quality score {qualityScore|number} is below 60.',
        'zh-CN': '服务质量得分 {qualityScore|number}，低于60。',
      },
      source: 'seed 000 (提高服务质量; the client is the final judge); 60 of 100 is a documented choice',
    },
    {
      id: 'quality-falling',
      when: { signal: 'qualityChange', op: 'lte', value: -10 },
      severity: 'watch',
      points: 5,
      cause: 'needs-unmet',
      title: { en: 'Service quality falling', 'zh-CN': '服务质量下降' },
      message: {
        en: 'Service-quality score moved {qualityChange|number} points since the previous survey.',
        'zh-CN': '服务质量得分较上期变化 {qualityChange|number} 分。',
      },
      source: 'documented choice: ten points on a 0–100 index',
    },
    {
      id: 'business-distress',
      when: { signal: 'businessDistress', op: 'eq', value: true },
      severity: 'warning',
      points: 15,
      cause: 'customer-business',
      title: { en: 'Client in distress', 'zh-CN': '客户经营困难' },
      message: {
        en: 'The client’s own business shows distress (last 12 months).',
        'zh-CN': '客户自身经营出现问题（近12个月）。',
      },
      source:
        'seed 003: 40% of the telecom branch’s lost key-account revenue came from the clients’ own business problems',
    },
    {
      id: 'relocating-or-closing',
      when: { signal: 'relocatingOrClosing', op: 'eq', value: true },
      severity: 'critical',
      points: 30,
      cause: 'customer-business',
      title: { en: 'Client relocating or closing', 'zh-CN': '客户拆迁或倒闭' },
      message: { en: 'The client is relocating or closing.', 'zh-CN': '客户拆迁或倒闭。' },
      source: 'seed 003 第7篇 (拆迁、倒闭等不可控因素)',
    },
    {
      id: 'silent-and-shrinking',
      when: {
        all: [
          { signal: 'spendChange', op: 'lte', value: -0.2 },
          {
            any: [
              { signal: 'visitOverdueRatio', op: 'gt', value: 1 },
              { signal: 'callOverdueRatio', op: 'gt', value: 1 },
            ],
          },
        ],
      },
      severity: 'critical',
      points: 15,
      cause: 'relationship',
      title: { en: 'Shrinking and out of touch', 'zh-CN': '投放下降且疏于联系' },
      message: {
        en: 'Spend changed {spendChange|percent} while contact lapsed (last visit {daysSinceLastVisit} days ago).',
        'zh-CN': '投放额变化 {spendChange|percent}，且联系中断（距上次走访 {daysSinceLastVisit} 天）。',
      },
      source:
        'seed 000 (act before things get worse) and seed 003 第6篇 (对不同级别的大客户制定不同的走访标准: judged against the ' +
        'account’s own tier standard)',
    },
  ],
});

/**
 * The default churn early-warning rule set, built from the seeds with `defineRuleSet` and
 * type-checked against `churnSignalCatalogue`. Thresholds and their sources are listed in each
 * rule's `source` and in docs/churn.md.
 *
 * @example
 * ```ts
 * import { defaultChurnRuleSet, evaluateRules } from 'clientele';
 * const result = evaluateRules(defaultChurnRuleSet, { spendChange: -0.55, managerDepartedWithoutHandover: true });
 * result.fired; // ['spend-drop', 'spend-drop-sharp', 'manager-left-no-handover']
 * [result.risk.toString(), result.level]; // '60' 'critical'
 * ```
 * @category Churn
 */
export const defaultChurnRuleSet = /* @__PURE__ */ defineRuleSet(defaultChurnRules, {
  catalogue: churnSignalCatalogue,
});
