/**
 * The annual key-account list and event-triggered visits. Seed 003_898f4cf2b365eafa.txt (第6篇):
 * "省公司根据大客户每月电信消费额度,将大客户分为六个等级。对不同级别的大客户制定不同的走访标准", "对水晶客户上门走访的要求是:2次/季度",
 * and for A(A+) "上门走访要求是:1次/季度或视客户业务发展、流失等情况走访".
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/index.js';
import { contactCompliance, fixKeyAccountList, telecomTierPolicy } from '../../src/value/index.js';
import { deriveSignals } from '../../src/churn/index.js';

const YEAR = { validFrom: '2026-01-01', validTo: '2026-12-31' } as const;

describe('fixKeyAccountList (seed 003: a tier per account, fixed for the year)', () => {
  const list = fixKeyAccountList(
    telecomTierPolicy,
    [
      { id: 'crystal-1', monthlySpend: 5000 },
      { id: 'a-1', tier: 'commercial-a' },
      { id: 'none', monthlySpend: 10 },
    ],
    YEAR,
  );

  it('a declining crystal account keeps the crystal visit standard (2次/季度) for the whole year', () => {
    // its spend has fallen to 2,000 a month, the commercial-a band (1次/季度 ≈ 91 days); last visit 60 days ago
    const account = { id: 'crystal-1', monthlySpend: 2000, lastVisit: '2026-09-02', lastCall: '2026-10-25' };
    const bySpend = contactCompliance(telecomTierPolicy, [account], { asOf: '2026-11-01' });
    const byList = contactCompliance(telecomTierPolicy, [account], { asOf: '2026-11-01', keyAccountList: list });
    expect(bySpend.results[0]).toMatchObject({ tier: 'commercial-a', visit: { status: 'ok' } });
    expect(byList.results[0]).toMatchObject({ tier: 'crystal', visit: { status: 'overdue' } });
  });

  it('deriveSignals judges the visit against the listed tier, not the tier of the last three months’ spend', () => {
    const history = {
      id: 'crystal-1',
      spend: ['2026-08', '2026-09', '2026-10'].map((period) => ({ period, amount: 2000 })),
      visits: [{ date: '2026-09-02' }],
    };
    const bySpend = deriveSignals(history, { asOf: '2026-11-01', tierPolicy: telecomTierPolicy });
    const byList = deriveSignals(history, { asOf: '2026-11-01', tierPolicy: telecomTierPolicy, keyAccountList: list });
    expect(bySpend.values.tier).toBe('commercial-a');
    expect(byList.values.tier).toBe('crystal');
    expect((byList.values.visitOverdueRatio as { gt(n: number): boolean }).gt(1)).toBe(true);
    expect((bySpend.values.visitOverdueRatio as { gt(n: number): boolean }).gt(1)).toBe(false);
  });

  it('applies only inside its period, and counts accounts per tier', () => {
    expect(list.tierOf('crystal-1', '2026-12-31')?.id).toBe('crystal');
    expect(list.tierOf('crystal-1', '2027-01-01')).toBeUndefined();
    expect(list.tierOf('unlisted', '2026-06-01')).toBeUndefined();
    expect(list.tierOf('none', '2026-06-01')).toBeNull();
    expect(list.assignments).toEqual({ 'crystal-1': 'crystal', 'a-1': 'commercial-a', none: null });
    expect(list.counts.find((count) => count.tier === 'crystal')?.accounts).toBe(1);
  });

  it('reports bad records and refuses a reversed period', () => {
    const withBad = fixKeyAccountList(
      telecomTierPolicy,
      [
        { id: 'x', tier: 'gold' },
        { id: 'x', monthlySpend: 5000 },
        { id: 'x', monthlySpend: 5000 },
      ],
      YEAR,
    );
    expect(withBad.errors.map((error) => error.index)).toEqual([0, 2]);
    expect(() => fixKeyAccountList(telecomTierPolicy, [], { validFrom: '2026-12-31', validTo: '2026-01-01' })).toThrow(
      ValidationError,
    );
  });
});

describe('event-triggered visits ("或视客户业务发展、流失等情况走访")', () => {
  const alerted = {
    id: 'a-1',
    tier: 'commercial-a',
    lastVisit: '2026-10-01',
    lastCall: '2026-10-20',
    dueVisit: { raisedAt: '2026-10-10', dueBy: '2026-10-24', reason: 'a-1::spend-drop' },
  };

  it('a churn alert’s visit not made by its due date is missed, even when the quarterly standard is kept', () => {
    const report = contactCompliance(telecomTierPolicy, [alerted], { asOf: '2026-11-01' });
    expect(report.results[0]!.visit.status).toBe('ok');
    expect(report.results[0]!.dueVisit).toMatchObject({ status: 'missed', reason: 'a-1::spend-drop' });
    expect(report.results[0]!.overdue).toBe(true);
    expect(report.summary.missedDueVisits).toBe(1);
  });

  it('a visit after the alert was raised makes it done; before its due date it is pending', () => {
    const visited = contactCompliance(telecomTierPolicy, [{ ...alerted, lastVisit: '2026-10-15' }], {
      asOf: '2026-11-01',
    });
    expect(visited.results[0]!.dueVisit?.status).toBe('done');
    expect(visited.results[0]!.overdue).toBe(false);
    const early = contactCompliance(telecomTierPolicy, [alerted], { asOf: '2026-10-20' });
    expect(early.results[0]!.dueVisit?.status).toBe('pending');
  });
});
