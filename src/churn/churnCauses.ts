import type { Labels } from '../shared/labels.js';

/**
 * One cause category of the churn taxonomy.
 * @category Churn
 */
export interface ChurnCauseDefinition {
  readonly id: ChurnCauseId;
  /** Whether the agency can act on the cause (seed 003: relocation and closure cannot be). */
  readonly controllable: boolean;
  readonly labels: Labels;
  /** Where the category comes from. */
  readonly source: string;
}

/**
 * The ids of the seeds' churn-cause taxonomy.
 * @category Churn
 */
export type ChurnCauseId = 'needs-unmet' | 'complaint' | 'competitor' | 'relationship' | 'credit' | 'customer-business';

/**
 * Why key accounts leave, as the seeds classify it, with whether the agency controls the cause.
 *
 * Seed 003 (第7篇, 大客户为何叛离) names three controllable causes: products or services no longer
 * meet the client's needs, complaints and feedback not resolved in time, and competitor attacks;
 * and uncontrollable ones: relocation and closure (客户拆迁、倒闭), here `customer-business`
 * together with the telecom seed's "客户自身经营问题". Seed 000 adds the relationship risk
 * ("人走客户走", single-threaded contacts), which the agency controls. `credit` (late payment,
 * overdue invoices) reflects the client's own liquidity and is counted as uncontrollable.
 *
 * @example
 * ```ts
 * import { churnCauses } from 'clientele';
 * churnCauses.competitor.controllable; // true
 * churnCauses['customer-business'].labels['zh-CN']; // '客户自身经营问题'
 * ```
 * @category Churn
 */
export const churnCauses: Readonly<Record<ChurnCauseId, ChurnCauseDefinition>> = /* @__PURE__ */ Object.freeze({
  'needs-unmet': /* @__PURE__ */ Object.freeze({
    id: 'needs-unmet',
    controllable: true,
    labels: /* @__PURE__ */ Object.freeze({
      en: 'Products or services no longer meet the client’s needs',
      'zh-CN': '产品或服务不能满足客户需求',
    }),
    source: 'seed 003, 第7篇 cause 1',
  }),
  complaint: /* @__PURE__ */ Object.freeze({
    id: 'complaint',
    controllable: true,
    labels: /* @__PURE__ */ Object.freeze({
      en: 'Complaints and feedback not resolved in time',
      'zh-CN': '投诉和反馈问题得不到及时解决',
    }),
    source: 'seed 003, 第7篇 cause 2; seed 000 (埋怨处理)',
  }),
  competitor: /* @__PURE__ */ Object.freeze({
    id: 'competitor',
    controllable: true,
    labels: /* @__PURE__ */ Object.freeze({ en: 'Competitor attack', 'zh-CN': '竞争对手的进攻' }),
    source: 'seed 003, 第7篇 cause 3; telecom branch (使用对手长话/数据业务)',
  }),
  relationship: /* @__PURE__ */ Object.freeze({
    id: 'relationship',
    controllable: true,
    labels: /* @__PURE__ */ Object.freeze({
      en: 'Relationship held by one person or neglected',
      'zh-CN': '人走客户走 / 单线联络',
    }),
    source: 'seed 000 (人走客户走, 单线联络); seed 003 contact standards',
  }),
  credit: /* @__PURE__ */ Object.freeze({
    id: 'credit',
    controllable: false,
    labels: /* @__PURE__ */ Object.freeze({ en: 'Payment and credit problems', 'zh-CN': '付款与信用问题' }),
    source: 'seed 002 (信用记录, 延迟付款)',
  }),
  'customer-business': /* @__PURE__ */ Object.freeze({
    id: 'customer-business',
    controllable: false,
    labels: /* @__PURE__ */ Object.freeze({
      en: 'The client’s own business problems (relocation, closure)',
      'zh-CN': '客户自身经营问题',
    }),
    source: 'seed 003 (客户拆迁、倒闭等不可控因素; 客户自身经营问题 40%)',
  }),
});

/** Whether a cause id is controllable: the taxonomy's answer, an explicit override, or `null` for a custom cause
 * without one. */
export function controllableOf(cause: string, override: boolean | undefined): boolean | null {
  if (override !== undefined) return override;
  return Object.prototype.hasOwnProperty.call(churnCauses, cause)
    ? churnCauses[cause as ChurnCauseId].controllable
    : null;
}
