import { describe, expect, it } from 'vitest';
import { churnSignalCatalogue, defaultChurnRuleSet, evaluateRules } from '../../src/index.js';

/**
 * Every default rule on both sides of its threshold and with its data missing. Thresholds: seed 003
 * (contact standards per tier: 水晶 visited twice a quarter, called once a month), seed 000 (人走客户走, 单线联络), the rest
 * documented choices in docs/churn.md.
 */
const cases: {
  rule: string;
  fires: Record<string, unknown>;
  clear: Record<string, unknown>;
  missing?: Record<string, unknown>;
}[] = [
  { rule: 'spend-drop', fires: { spendChange: -0.2 }, clear: { spendChange: '-0.19999' } },
  { rule: 'spend-drop-sharp', fires: { spendChange: -0.5 }, clear: { spendChange: -0.49 } },
  { rule: 'spend-down-year-on-year', fires: { spendChangeYearOnYear: -0.3 }, clear: { spendChangeYearOnYear: -0.29 } },
  { rule: 'order-gap', fires: { orderGapRatio: 2 }, clear: { orderGapRatio: 1.99 } },
  { rule: 'visit-overdue', fires: { visitOverdueRatio: 1.0001 }, clear: { visitOverdueRatio: 1 } },
  { rule: 'visit-overdue-double', fires: { visitOverdueRatio: 2 }, clear: { visitOverdueRatio: 1.99 } },
  { rule: 'call-overdue', fires: { callOverdueRatio: 1.01 }, clear: { callOverdueRatio: 1 } },
  { rule: 'complaint-unresolved', fires: { oldestOpenComplaintDays: 31 }, clear: { oldestOpenComplaintDays: 30 } },
  { rule: 'complaint-severe-open', fires: { openSevereComplaints: 1 }, clear: { openSevereComplaints: 0 } },
  { rule: 'complaints-repeated', fires: { complaintsLast90Days: 3 }, clear: { complaintsLast90Days: 2 } },
  { rule: 'late-payments', fires: { latePaymentsLastYear: 2 }, clear: { latePaymentsLastYear: 1 } },
  { rule: 'long-overdue', fires: { maxDaysOverdue: 61 }, clear: { maxDaysOverdue: 60 } },
  {
    rule: 'competitor-purchases',
    fires: { competitorPurchasesLast90Days: 1 },
    clear: { competitorPurchasesLast90Days: 0 },
  },
  { rule: 'share-of-wallet-falling', fires: { shareOfWalletChange: -0.1 }, clear: { shareOfWalletChange: -0.09 } },
  {
    rule: 'manager-left-no-handover',
    fires: { managerDepartedWithoutHandover: true },
    clear: { managerDepartedWithoutHandover: false },
  },
  { rule: 'single-threaded', fires: { singleThreaded: true }, clear: { singleThreaded: false } },
  { rule: 'quality-below-standard', fires: { qualityScore: '59.99' }, clear: { qualityScore: 60 } },
  { rule: 'quality-falling', fires: { qualityChange: -10 }, clear: { qualityChange: -9.5 } },
  { rule: 'business-distress', fires: { businessDistress: true }, clear: { businessDistress: false } },
  { rule: 'relocating-or-closing', fires: { relocatingOrClosing: true }, clear: { relocatingOrClosing: false } },
  {
    rule: 'silent-and-shrinking',
    fires: { spendChange: -0.2, visitOverdueRatio: 1.01 },
    clear: { spendChange: -0.2, visitOverdueRatio: 1, callOverdueRatio: 1 },
    missing: { spendChange: -0.2 },
  },
];

describe('default churn rule set (seeds 000, 003)', () => {
  it('has a test case for every rule, and every rule is type-checked against the catalogue', () => {
    expect(cases.map((item) => item.rule).sort()).toEqual(defaultChurnRuleSet.rules.map((rule) => rule.id).sort());
    for (const signal of defaultChurnRuleSet.signals) expect(Object.keys(churnSignalCatalogue)).toContain(signal);
    expect(defaultChurnRuleSet.usesTimeWindows).toBe(false);
  });

  it.each(cases)('$rule fires on the alarming side of its threshold', ({ rule, fires }) => {
    const result = evaluateRules(defaultChurnRuleSet, fires);
    expect(result.fired).toContain(rule);
    const alert = result.alerts.find((item) => item.ruleId === rule)!;
    expect(alert.message.en).not.toContain('{');
    expect(alert.message['zh-CN']).not.toContain('{');
    expect(alert.evidence.length).toBeGreaterThan(0);
  });

  it.each(cases)('$rule stays clear on the other side', ({ rule, clear }) => {
    const result = evaluateRules(defaultChurnRuleSet, clear);
    expect(result.clear).toContain(rule);
  });

  it.each(cases)('$rule is unknown, not clear, when its data is missing', ({ rule, missing }) => {
    const result = evaluateRules(defaultChurnRuleSet, missing ?? {});
    expect(result.unknown).toContain(rule);
    expect(result.fired).not.toContain(rule);
  });

  it(
    'silent-and-shrinking judges contact by the account’s own tier standard (seed 003_898f4cf2b365eafa.txt: ' +
      '"对不同级别的大客户制定不同的走访标准")',
    () => {
      // a low tier visited every 182 days and seen 150 days ago keeps to its own standard: no alert,
      // however long ago in absolute days (the seed sets no quarterly visit for every account)
      const withinOwnStandard = evaluateRules(defaultChurnRuleSet, {
        spendChange: -0.3,
        daysSinceLastVisit: 150,
        visitOverdueRatio: 150 / 182,
        callOverdueRatio: 0.5,
      });
      expect(withinOwnStandard.clear).toContain('silent-and-shrinking');
      // a crystal account (走访 2次/季度, about 45.66 days) seen 60 days ago is past its own standard
      const pastOwnStandard = evaluateRules(defaultChurnRuleSet, {
        spendChange: -0.3,
        daysSinceLastVisit: 60,
        visitOverdueRatio: 60 / 45.65625,
        callOverdueRatio: 0.5,
      });
      expect(pastOwnStandard.fired).toContain('silent-and-shrinking');
    },
  );

  it(
    'single-threaded speaks of OUR staff, not the client’s (seed 000_314cca147d0dd30a.txt: ' +
      '"员工拥有广告客户关系旳“单线联络”现象" and "人走客户走")',
    () => {
      const rule = defaultChurnRuleSet.rules.find((item) => item.id === 'single-threaded')!;
      expect(rule.message!['zh-CN']).toContain('我方');
      expect(rule.message!['zh-CN']).not.toContain('客户方');
      expect(churnSignalCatalogue.internalContacts!.labels['zh-CN']).toBe('我方对接人数');
      expect(churnSignalCatalogue.singleThreaded!.labels['zh-CN']).toBe('单线联络');
      expect(churnSignalCatalogue.clientContacts!.labels['zh-CN']).toBe('客户方联系人数');
      const fired = evaluateRules(defaultChurnRuleSet, { singleThreaded: true, internalContacts: 1 });
      expect(fired.alerts.find((alert) => alert.ruleId === 'single-threaded')!.message.en).toBe(
        'Only 1 of our staff holds the relationship.',
      );
    },
  );

  it('adds the sharp-drop rule to the drop rule, so risk keeps rising as spend falls', () => {
    const mild = evaluateRules(defaultChurnRuleSet, { spendChange: -0.3 });
    const sharp = evaluateRules(defaultChurnRuleSet, { spendChange: -0.6 });
    expect(mild.risk.toString()).toBe('15');
    expect(sharp.risk.toString()).toBe('35');
    expect(mild.level).toBe('warning');
    expect(sharp.level).toBe('critical');
  });

  it('gives every rule bilingual labels, a cause from the taxonomy and a source', () => {
    for (const rule of defaultChurnRuleSet.rules) {
      expect(rule.title?.en).toBeTruthy();
      expect(rule.title?.['zh-CN']).toBeTruthy();
      expect(['needs-unmet', 'complaint', 'competitor', 'relationship', 'credit', 'customer-business']).toContain(
        rule.cause,
      );
      expect(typeof rule.controllable).toBe('boolean');
      expect(rule.source).toBeTruthy();
    }
    expect(defaultChurnRuleSet.rules.find((rule) => rule.id === 'relocating-or-closing')!.controllable).toBe(false);
    expect(defaultChurnRuleSet.rules.find((rule) => rule.id === 'competitor-purchases')!.controllable).toBe(true);
  });
});
