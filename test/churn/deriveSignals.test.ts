import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import {
  ValidationError,
  churnSignalCatalogue,
  deriveSignals,
  evaluateRules,
  defaultChurnRuleSet,
  telecomTierPolicy,
  type TierPolicyLike,
} from '../../src/index.js';
import { AS_OF, CRYSTAL_STANDARD, healthyHistory } from './fixtures.js';

const derive = (history: unknown, options: Record<string, unknown> = {}) =>
  deriveSignals(history, { asOf: AS_OF, ...options });
const value = (history: unknown, name: string, options: Record<string, unknown> = {}) => {
  const signals = derive(history, options);
  const found = (signals.values as Record<string, unknown>)[name];
  return Decimal.isDecimal(found) ? (found as Decimal).toString() : found;
};

describe('deriveSignals', () => {
  it('knows every catalogued signal of a complete history, and no default rule fires on a healthy account', () => {
    const signals = derive(healthyHistory(), { contactStandard: CRYSTAL_STANDARD });
    expect(Object.keys(signals.values).sort()).toEqual(Object.keys(churnSignalCatalogue).sort());
    // no lifetime model, no tier policy given
    expect(signals.unknown).toEqual(['probabilityAlive', 'expectedPurchases', 'tier']);
    const result = evaluateRules(defaultChurnRuleSet, signals.values);
    expect(result.fired).toEqual([]);
    expect(result.unknown).toEqual([]);
  });

  it('makes every signal unknown, with a reason, for a history with no data', () => {
    const signals = derive({ id: 'EMPTY' });
    expect(signals.unknown.length).toBe(Object.keys(churnSignalCatalogue).length);
    for (const reading of Object.values(signals.readings)) {
      expect(reading.value).toBeNull();
      expect(reading.reason).toBeTruthy();
    }
    expect(evaluateRules(defaultChurnRuleSet, signals.values).fired).toEqual([]);
  });

  it('spend trend: last three full months against the three before and against last year', () => {
    const history = healthyHistory();
    history.spend = history.spend!.map((entry) => (entry.period >= '2026-08' ? { ...entry, amount: 6_000 } : entry));
    expect(value(history, 'spendChange')).toBe('-0.4');
    expect(value(history, 'spendChangeYearOnYear')).toBe('-0.4');
    expect(value(history, 'averageMonthlySpend')).toBe('6000');
    const reading = derive(history).readings.spendChange;
    expect(reading.evidence).toMatchObject({
      recentMonths: ['2026-08', '2026-09', '2026-10'],
      baselineMonths: ['2026-05', '2026-06', '2026-07'],
    });
  });

  it('spend trend: a month not recorded is unknown, not zero; a zero baseline with zero spend is no change', () => {
    const history = healthyHistory();
    history.spend = history.spend!.filter((entry) => entry.period !== '2026-06');
    expect(value(history, 'spendChange')).toBeNull();
    expect(derive(history).readings.spendChange.reason).toContain('2026-06');
    expect(value(history, 'spendChangeYearOnYear')).toBe('0');
    const zero = healthyHistory();
    zero.spend = zero.spend!.map((entry) => ({ ...entry, amount: 0 }));
    expect(value(zero, 'spendChange')).toBe('0');
    const growth = healthyHistory();
    growth.spend = growth.spend!.map((entry) => ({ ...entry, amount: entry.period >= '2026-08' ? 5 : 0 }));
    expect(value(growth, 'spendChange')).toBeNull();
  });

  it('ignores everything after asOf, so a history replays as of any date', () => {
    const history = healthyHistory();
    history.complaints = [{ openedAt: '2026-11-02', severity: 'critical' }];
    history.spend = [...history.spend!, { period: '2026-11', amount: 0 }];
    const signals = derive(history);
    expect(signals.values.openComplaints).toBe(0);
    expect((signals.values.spendChange as Decimal).toString()).toBe('0');
    const earlier = deriveSignals(healthyHistory(), { asOf: '2026-08-01' });
    expect(earlier.readings.spendChange.evidence['recentMonths']).toEqual(['2026-05', '2026-06', '2026-07']);
  });

  it('order gap: days since the last order against the median interval', () => {
    const history = healthyHistory();
    history.orders = [{ date: '2026-06-01' }, { date: '2026-07-01' }, { date: '2026-07-31' }, { date: '2026-08-30' }];
    expect(value(history, 'daysSinceLastOrder')).toBe(63);
    expect(value(history, 'orderGapRatio')).toBe('2.1');
    expect(value(history, 'lastOrderDate')).toBe('2026-08-30');
    history.orders = [{ date: '2026-06-01' }, { date: '2026-07-01' }];
    expect(value(history, 'orderGapRatio')).toBeNull();
    history.orders = [];
    expect(value(history, 'daysSinceLastOrder')).toBeNull();
  });

  it('contact: days since the last visit and call against an explicit standard or the tier policy', () => {
    const history = healthyHistory();
    history.visits = [{ date: '2026-08-01' }];
    expect(value(history, 'daysSinceLastVisit')).toBe(92);
    expect(value(history, 'visitOverdueRatio')).toBeNull();
    expect(String(value(history, 'visitOverdueRatio', { contactStandard: CRYSTAL_STANDARD })).slice(0, 12)).toBe(
      '2.0444444444',
    );
    const policy: TierPolicyLike = {
      tierFor: (spend) =>
        spend.gte(3000) ? { tier: 'crystal', contact: { visitEveryDays: 46, callEveryDays: 30 } } : null,
    };
    const signals = derive(history, { tierPolicy: policy });
    expect(signals.values.tier).toBe('crystal');
    expect((signals.values.visitOverdueRatio as Decimal).toString()).toBe('2');
    expect(signals.readings.visitOverdueRatio.evidence).toMatchObject({ standard: 'tier crystal' });
    // the explicit standard wins over the tier's
    expect(value(history, 'visitOverdueRatio', { tierPolicy: policy, contactStandard: { visitEveryDays: 92 } })).toBe(
      '1',
    );
    // never visited: the whole relationship since the start date is the gap
    history.visits = [];
    expect(value(history, 'daysSinceLastVisit')).toBe(2496);
    delete history.since;
    expect(value(history, 'daysSinceLastVisit')).toBeNull();
  });

  it('works with the value module’s seed 003 telecom tier policy (水晶: two visits a quarter, a call a month)', () => {
    const history = healthyHistory();
    history.spend = history.spend!.map((entry) => ({ ...entry, amount: 5000 }));
    history.visits = [{ date: '2026-08-01' }];
    const signals = derive(history, { tierPolicy: telecomTierPolicy });
    expect(signals.values.tier).toBe('crystal');
    expect(signals.readings.visitOverdueRatio.evidence).toMatchObject({ days: 92, standard: 'tier crystal' });
    expect((signals.values.visitOverdueRatio as Decimal).gt(2)).toBe(true); // 92 days against a 45.65625-day standard
    const result = evaluateRules(defaultChurnRuleSet, signals.values);
    expect(result.fired).toEqual(expect.arrayContaining(['visit-overdue', 'visit-overdue-double']));
  });

  it('complaints: open count, age of the oldest, severe ones, last 90 days', () => {
    const history = healthyHistory();
    history.complaints = [
      { id: 'A', openedAt: '2026-09-01', severity: 'high' },
      { id: 'B', openedAt: '2026-10-20', resolvedAt: null, severity: 'low' },
      { id: 'C', openedAt: '2026-10-01', resolvedAt: '2026-10-03' },
      // resolved after asOf: open as of asOf
      { id: 'D', openedAt: '2026-03-01', resolvedAt: '2026-11-05', severity: 'medium' },
    ];
    const signals = derive(history);
    expect(signals.values.openComplaints).toBe(3);
    expect(signals.values.oldestOpenComplaintDays).toBe(245);
    expect(signals.values.openSevereComplaints).toBe(1);
    expect(signals.values.complaintsLast90Days).toBe(3);
    history.complaints = [{ openedAt: '2026-10-01' }];
    expect(value(history, 'openSevereComplaints')).toBeNull();
    history.complaints = [];
    expect(value(history, 'oldestOpenComplaintDays')).toBe(0);
  });

  it('payments: late payments in the last year, overdue amount, days overdue', () => {
    const history = healthyHistory();
    history.invoices = [
      { id: 'I1', dueAt: '2026-03-31', amount: 1000 },
      { id: 'I2', dueAt: '2026-06-30', amount: 2000 },
      { id: 'I3', dueAt: '2026-08-31', amount: '1500.50' },
      { id: 'I4', dueAt: '2026-12-31', amount: 9999 },
    ];
    history.payments = [
      { invoiceId: 'I1', date: '2026-03-30', amount: 1000 },
      { invoiceId: 'I2', date: '2026-07-15', amount: 2000 },
      { invoiceId: 'I3', date: '2026-09-10', amount: 500 },
    ];
    const signals = derive(history);
    expect(signals.values.latePaymentsLastYear).toBe(2);
    expect((signals.values.overdueAmount as Decimal).toString()).toBe('1000.5');
    expect(signals.values.maxDaysOverdue).toBe(62);
    expect(signals.readings.overdueAmount.evidence).toEqual({ invoices: ['I3'] });
    delete history.payments;
    expect(value(history, 'overdueAmount')).toBeNull();
  });

  it('competitors: purchases in the last 90 days and share of wallet over about six months', () => {
    const history = healthyHistory();
    history.competitor = {
      purchases: [{ date: '2026-10-10', competitor: 'Rival' }, { date: '2026-05-01' }],
      shareOfWallet: [
        { period: '2026-03', share: 0.7 },
        { period: '2026-04', share: '0.65' },
        { period: '2026-10', share: 0.5 },
      ],
    };
    const signals = derive(history);
    expect(signals.values.competitorPurchasesLast90Days).toBe(1);
    expect((signals.values.shareOfWallet as Decimal).toString()).toBe('0.5');
    expect((signals.values.shareOfWalletChange as Decimal).toString()).toBe('-0.15');
    history.competitor = {
      shareOfWallet: [
        { period: '2026-08', share: 0.4 },
        { period: '2026-10', share: 0.5 },
      ],
    };
    expect(value(history, 'shareOfWalletChange')).toBeNull();
    expect(value(history, 'competitorPurchasesLast90Days')).toBeNull();
  });

  it('relationship: 人走客户走 (seed 000) needs the handover to be recorded', () => {
    const history = healthyHistory();
    history.relationship = { accountManager: 'Li', managerLeftAt: '2026-09-30', handoverAt: null, internalContacts: 1 };
    expect(value(history, 'managerDepartedWithoutHandover')).toBe(true);
    expect(value(history, 'singleThreaded')).toBe(true);
    history.relationship = { managerLeftAt: '2026-09-30', handoverAt: '2026-10-10' };
    expect(value(history, 'managerDepartedWithoutHandover')).toBe(false);
    history.relationship = { managerLeftAt: '2026-09-30', handoverAt: '2026-11-20' };
    expect(value(history, 'managerDepartedWithoutHandover')).toBe(true);
    history.relationship = { managerLeftAt: '2026-09-30' };
    expect(value(history, 'managerDepartedWithoutHandover')).toBeNull();
    history.relationship = { managerLeftAt: '2026-12-01', handoverAt: null };
    expect(value(history, 'managerDepartedWithoutHandover')).toBe(false);
    history.relationship = {};
    expect(value(history, 'managerDepartedWithoutHandover')).toBeNull();
    expect(value(history, 'internalContacts')).toBeNull();
  });

  it(
    '单线联络 counts OUR staff (seed 000_314cca147d0dd30a.txt: "员工拥有广告客户关系旳“单线联络”现象 … ' +
      '员工掌握旳客户资源越多,未来“人走客户走”旳风险也就越大")',
    () => {
      const history = healthyHistory();
      // one of our people holds the relationship, however many people we know at the client: single-threaded
      history.relationship = { managerLeftAt: null, internalContacts: 1, clientContacts: 6 };
      expect(value(history, 'singleThreaded')).toBe(true);
      expect(value(history, 'clientContacts')).toBe(6);
      // three of our people in touch with one person at the client: not what the seed calls 单线联络
      history.relationship = { managerLeftAt: null, internalContacts: 3, clientContacts: 1 };
      expect(value(history, 'singleThreaded')).toBe(false);
      expect(value(history, 'clientContacts')).toBe(1);
      expect(churnSignalCatalogue.internalContacts!.labels['zh-CN']).toBe('我方对接人数');
    },
  );

  it(
    'satisfiedButNotLoyal: a high quality score while share of wallet falls (seed 001_6e06c84f373c8fc0.txt: ' +
      '"他们会因满意度的变化而转移到其他企业")',
    () => {
      const history = healthyHistory();
      history.quality = [{ period: '2026-10', dimension: 'overall', score: 88 }];
      history.competitor = {
        shareOfWallet: [
          { period: '2026-03', share: 0.6 },
          { period: '2026-10', share: 0.45 },
        ],
      };
      expect(value(history, 'satisfiedButNotLoyal')).toBe(true);
      history.competitor = {
        shareOfWallet: [
          { period: '2026-03', share: 0.45 },
          { period: '2026-10', share: 0.6 },
        ],
      };
      expect(value(history, 'satisfiedButNotLoyal')).toBe(false);
      history.quality = [{ period: '2026-10', dimension: 'overall', score: 50 }];
      history.competitor = {
        shareOfWallet: [
          { period: '2026-03', share: 0.6 },
          { period: '2026-10', share: 0.45 },
        ],
      };
      expect(value(history, 'satisfiedButNotLoyal')).toBe(false);
      delete history.competitor;
      expect(value(history, 'satisfiedButNotLoyal')).toBeNull();
    },
  );

  it('quality: latest mean, weakest dimension, change since the previous survey', () => {
    const history = healthyHistory();
    history.quality = [
      { period: '2026-07', dimension: 'communication', score: 70 },
      { period: '2026-07', dimension: 'attitude', score: 74 },
      { period: '2026-10', dimension: 'communication', score: 55 },
      { period: '2026-10', dimension: 'attitude', score: 62.5 },
    ];
    const signals = derive(history);
    expect((signals.values.qualityScore as Decimal).toString()).toBe('58.75');
    expect((signals.values.lowestQualityScore as Decimal).toString()).toBe('55');
    expect((signals.values.qualityChange as Decimal).toString()).toBe('-13.25');
    expect(signals.readings.lowestQualityScore.evidence).toMatchObject({ dimension: 'communication' });
  });

  it('distress: the client’s own business in the last 12 months (seed 003)', () => {
    const history = healthyHistory();
    history.distress = [{ date: '2026-09-01', kind: 'losses' }];
    expect(value(history, 'businessDistress')).toBe(true);
    expect(value(history, 'relocatingOrClosing')).toBe(false);
    history.distress = [{ date: '2025-06-01', kind: 'closure' }];
    expect(value(history, 'businessDistress')).toBe(false);
    history.distress = [{ date: '2026-10-01', kind: 'relocation' }];
    expect(value(history, 'relocatingOrClosing')).toBe(true);
  });

  it('throws a ValidationError with a code-like path on bad input', () => {
    const cases: [unknown, string][] = [
      [{ id: 'X', spend: [{ period: '2026-13', amount: 1 }] }, 'spend[0].period'],
      [{ id: 'X', spend: [{ period: '2026-10', amount: 'lots' }] }, 'spend[0].amount'],
      [{ id: 'X', spend: [{ period: '2026-10', amount: -5 }] }, 'spend[0].amount'],
      [{ id: 'X', visits: [{ date: '2026-02-30' }] }, 'visits[0].date'],
      [{ id: 'X', complaints: [{ openedAt: '2026-01-01', severity: 'awful' }] }, 'complaints[0].severity'],
      [
        { id: 'X', competitor: { shareOfWallet: [{ period: '2026-01', share: 1.5 }] } },
        'competitor.shareOfWallet[0].share',
      ],
      [{ id: 'X', relationship: { internalContacts: -1 } }, 'relationship.internalContacts'],
      [{ id: 'X', colour: 'red' }, 'colour'],
      [{ spend: [] }, 'id'],
    ];
    for (const [history, path] of cases) {
      try {
        derive(history);
        expect.unreachable(path);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues[0]!.path).toBe(path);
      }
    }
    expect(() => deriveSignals({ id: 'X' }, { asOf: 'yesterday' })).toThrow(ValidationError);
    expect(() => deriveSignals({ id: 'X' }, { asOf: AS_OF, contactStandard: { visitEveryDays: 0 } })).toThrow(
      ValidationError,
    );
  });

  it('accepts Date objects and date-times for asOf and events', () => {
    const history = healthyHistory();
    history.visits = [{ date: new Date(Date.UTC(2026, 9, 15, 16, 0)) }];
    const signals = deriveSignals(history, { asOf: new Date(Date.UTC(2026, 10, 1)) });
    expect(signals.values.daysSinceLastVisit).toBe(17);
    expect(signals.asOf).toBe('2026-11-01');
  });
});
