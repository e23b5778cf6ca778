/** Severity order and names of churn alerts (seed 000: warn early; SPEC levels). */
export const severities = ['watch', 'warning', 'critical'] as const;

/** Display names of severities and levels. */
export const levelNames: Readonly<Record<string, { en: string; 'zh-CN': string }>> = {
  none: { en: 'none', 'zh-CN': '无' },
  watch: { en: 'watch', 'zh-CN': '关注' },
  warning: { en: 'warning', 'zh-CN': '预警' },
  critical: { en: 'critical', 'zh-CN': '严重' },
};

/** Display names of the seeds' churn causes (seed 003). */
export const causeNames: Readonly<Record<string, { en: string; 'zh-CN': string }>> = {
  'needs-unmet': { en: 'Needs unmet', 'zh-CN': '需求未满足' },
  complaint: { en: 'Complaint', 'zh-CN': '投诉未解决' },
  competitor: { en: 'Competitor', 'zh-CN': '竞争对手' },
  relationship: { en: 'Relationship', 'zh-CN': '关系维系' },
  credit: { en: 'Credit', 'zh-CN': '信用' },
  'customer-business': { en: "Customer's business", 'zh-CN': '客户自身经营' },
};
