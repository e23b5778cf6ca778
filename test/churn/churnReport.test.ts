import { describe, expect, it } from 'vitest';
import { ValidationError, churnReport, type ChurnReportAccount } from '../../src/index.js';

/**
 * Seed 003 (第6篇): in the first half of 2005 a telecom branch lost 3.06% of its key-account revenue;
 * 32% of the loss to competitors' long-distance, 8.5% to competitors' data, 40% to the clients' own
 * business problems; by industry 党政军 26.53%, 采掘制造 14.82%, 房产物业管理 13.57% of the loss.
 * The accounts below are constructed (on a base of 10,000,000) so both breakdowns match the seed.
 */
export const telecomHalfYear: ChurnReportAccount[] = [
  {
    id: 'G1',
    industry: 'government',
    revenue: 2_000_000,
    losses: [{ date: '2005-03-10', amount: '81181.8', cause: 'competitor', reason: 'competitor-long-distance' }],
  },
  {
    id: 'M1',
    industry: 'mining-manufacturing',
    revenue: 1_500_000,
    losses: [{ date: '2005-02-01', amount: '16738.2', cause: 'competitor', reason: 'competitor-long-distance' }],
  },
  {
    id: 'M2',
    industry: 'mining-manufacturing',
    revenue: 26_010,
    losses: [{ date: '2005-04-15', cause: 'competitor', reason: 'competitor-data' }],
  },
  {
    id: 'M3',
    industry: 'mining-manufacturing',
    revenue: 2_601,
    losses: [{ date: '2005-05-20', cause: 'customer-business', reason: 'closure' }],
  },
  {
    id: 'R1',
    industry: 'real-estate',
    revenue: 1_000_000,
    losses: [{ date: '2005-06-30', amount: '41524.2', cause: 'customer-business' }],
  },
  {
    id: 'O1',
    industry: 'other',
    revenue: '78274.8',
    losses: [{ date: '2005-01-03', cause: 'customer-business', reason: 'relocation' }],
  },
  { id: 'O2', industry: 'other', revenue: 3_000_000, losses: [{ date: '2005-03-03', amount: 59_670 }] },
  {
    id: 'O3',
    industry: 'other',
    revenue: '2393114.2',
    losses: [
      { date: '2004-12-31', cause: 'competitor' },
      { date: '2005-07-01', cause: 'competitor' },
    ],
  },
];

describe('churnReport: the seed 003 telecom half-year', () => {
  const report = churnReport(telecomHalfYear, { from: '2005-01-01', to: '2005-06-30' });

  it('reproduces the 3.06% revenue churn on a base of 10,000,000', () => {
    expect(report.revenueBase.toString()).toBe('10000000');
    expect(report.lostRevenue.toString()).toBe('306000');
    expect(report.revenueRate!.toString()).toBe('0.0306');
    // three accounts left entirely (M2, M3, O1); losses outside the period (O3) do not count
    expect(report.churnedAccounts).toBe(3);
    expect(report.countRate!.toString()).toBe('0.375');
  });

  it('reproduces the causes: 32% + 8.5% to competitors, 40% to the clients’ own business', () => {
    const reasons = Object.fromEntries(report.byReason.map((line) => [line.reason, line.shareOfLost!.toString()]));
    expect(reasons['competitor-long-distance']).toBe('0.32');
    expect(reasons['competitor-data']).toBe('0.085');
    const causes = Object.fromEntries(report.byCause.map((line) => [line.cause, line.shareOfLost!.toString()]));
    expect(causes).toEqual({ competitor: '0.405', 'customer-business': '0.4', unattributed: '0.195' });
    expect(report.byCause[0]!.labels?.['zh-CN']).toBe('竞争对手的进攻');
  });

  it('splits controllable from uncontrollable (seed 003: relocation and closure are uncontrollable)', () => {
    expect(report.controllable.shareOfLost!.toString()).toBe('0.405');
    expect(report.uncontrollable.shareOfLost!.toString()).toBe('0.4');
    expect(report.unattributed.shareOfLost!.toString()).toBe('0.195');
    expect(report.controllable.accounts).toBe(3);
  });

  it('reproduces the industries: 26.53%, 14.82% and 13.57% of the loss', () => {
    const industries = Object.fromEntries(
      report.byIndustry.map((line) => [line.industry, line.shareOfLost!.toString()]),
    );
    expect(industries).toMatchObject({
      government: '0.2653',
      'mining-manufacturing': '0.1482',
      'real-estate': '0.1357',
    });
    const mining = report.byIndustry.find((line) => line.industry === 'mining-manufacturing')!;
    expect(mining).toMatchObject({ accountsInBase: 3, churnedAccounts: 2 });
    expect(report.byIndustry[0]!.industry).toBe('other'); // largest loss first
  });

  it('shares add up to exactly one', () => {
    const total = report.byCause.reduce(
      (sum, line) => sum.plus(line.shareOfLost!),
      report.revenueBase.minus(report.revenueBase),
    );
    expect(total.toString()).toBe('1');
  });
});

describe('churnReport: edges and bad input', () => {
  it('gives null rates for an empty portfolio and zero losses', () => {
    const empty = churnReport([], { from: '2026-01-01', to: '2026-06-30' });
    expect(empty.countRate).toBeNull();
    expect(empty.revenueRate).toBeNull();
    const calm = churnReport([{ id: 'A', revenue: 100 }], { from: '2026-01-01', to: '2026-06-30' });
    expect(calm.revenueRate!.toString()).toBe('0');
    expect(calm.controllable.shareOfLost).toBeNull();
  });

  it('throws on losses above the revenue, duplicate ids, bad fields and a reversed period', () => {
    const paths = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((issue) => issue.path);
      }
      throw new Error('no error');
    };
    const period = { from: '2026-01-01', to: '2026-06-30' };
    expect(
      paths(() => churnReport([{ id: 'A', revenue: 100, losses: [{ date: '2026-02-01', amount: 150 }] }], period)),
    ).toEqual(['accounts[0].losses[0].amount']);
    expect(
      paths(() =>
        churnReport(
          [
            { id: 'A', revenue: 1 },
            { id: 'A', revenue: 2 },
          ],
          period,
        ),
      ),
    ).toEqual(['accounts[1].id']);
    expect(paths(() => churnReport([{ id: 'A', revenue: 'much' }] as never, period))).toEqual(['accounts[0].revenue']);
    expect(
      paths(() =>
        churnReport([{ id: 'A', revenue: 1, losses: [{ date: '2026-02-01', cause: '__proto__' }] }], period),
      )[0],
    ).toBe('accounts[0].losses[0].cause');
    expect(paths(() => churnReport([], { from: '2026-06-30', to: '2026-01-01' }))).toEqual(['to']);
    expect(paths(() => churnReport('accounts' as never, period))).toEqual(['accounts']);
  });
});

describe('churnReport: the revolving door (seed 000_314cca147d0dd30a.txt, 旋转门效应)', () => {
  const period = { from: '2026-01-01', to: '2026-06-30' } as const;
  const accounts: ChurnReportAccount[] = [
    { id: 'old-1', revenue: 100, endRevenue: 120 },
    { id: 'old-2', revenue: 100, endRevenue: 0, losses: [{ date: '2026-03-01', cause: 'competitor' }] },
    { id: 'old-3', revenue: 200, endRevenue: 200 },
    { id: 'new-1', revenue: 0, gainedAt: '2026-02-01', endRevenue: 50 },
    { id: 'new-2', revenue: 0, gainedAt: '2026-05-01', endRevenue: 30 },
  ];

  it('counts new vs lost accounts, with new accounts outside the churn base ("当费尽心机将新客户拉进来时,原有旳客户却出走了")', () => {
    const report = churnReport(accounts, period);
    expect(report.accounts).toBe(3);
    expect(report.churnedAccounts).toBe(1);
    expect(report.countRate?.toFixed(4)).toBe((1 / 3).toFixed(4));
    expect(report.revolvingDoor).toMatchObject({ newAccounts: 2, lostAccounts: 1, netAccounts: 1 });
    // net revenue retention over the base only: (120 + 0 + 200) / 400
    expect(report.revolvingDoor.netRevenueRetention?.toString()).toBe('0.8');
  });

  it('prices replacing a lost account at about 5× keeping one ("争取一位新客户旳成本大概比维持一位老客户旳成本多5倍")', () => {
    const report = churnReport(accounts, { ...period, costToKeep: 1000 });
    expect(report.revolvingDoor.replacementCostMultiple.toString()).toBe('5');
    expect(report.revolvingDoor.replacementCost?.toString()).toBe('5000');
    expect(
      churnReport(accounts, {
        ...period,
        costToKeep: 1000,
        replacementCostMultiple: 6,
      }).revolvingDoor.replacementCost?.toString(),
    ).toBe('6000');
    expect(churnReport(accounts, period).revolvingDoor.replacementCost).toBeNull();
  });

  it('an account won before the period is in the base; net retention is unknown when an end revenue is missing', () => {
    const report = churnReport([...accounts, { id: 'old-4', revenue: 10, gainedAt: '2025-06-01' }], period);
    expect(report.accounts).toBe(4);
    expect(report.revolvingDoor.netRevenueRetention).toBeNull();
    expect(() => churnReport(accounts, { ...period, costToKeep: -1 })).toThrow(ValidationError);
  });
});
