import { describe, expect, it } from 'vitest';
import { ValidationError, churnReport, type ChurnReportAccount } from '../../src/index.js';

/**
 * Seed 003 (第6篇): in the first half of 2005 a telecom branch lost 3.06% of its key-account revenue;
 * 32% of the loss to competitors' long-distance, 8.5% to competitors' data, 40% to the clients' own
 * business problems; by industry 党政军 26.53%, 采掘制造 14.82%, 房产物业管理 13.57% of the loss.
 * The accounts below are constructed (on a base of 10,000,000) so both breakdowns match the seed.
 */
export const telecomHalfYear: ChurnReportAccount[] = [
  { id: 'G1', industry: 'government', revenue: 2_000_000, losses: [{ date: '2005-03-10', amount: '81181.8', cause: 'competitor', reason: 'competitor-long-distance' }] },
  { id: 'M1', industry: 'mining-manufacturing', revenue: 1_500_000, losses: [{ date: '2005-02-01', amount: '16738.2', cause: 'competitor', reason: 'competitor-long-distance' }] },
  { id: 'M2', industry: 'mining-manufacturing', revenue: 26_010, losses: [{ date: '2005-04-15', cause: 'competitor', reason: 'competitor-data' }] },
  { id: 'M3', industry: 'mining-manufacturing', revenue: 2_601, losses: [{ date: '2005-05-20', cause: 'customer-business', reason: 'closure' }] },
  { id: 'R1', industry: 'real-estate', revenue: 1_000_000, losses: [{ date: '2005-06-30', amount: '41524.2', cause: 'customer-business' }] },
  { id: 'O1', industry: 'other', revenue: '78274.8', losses: [{ date: '2005-01-03', cause: 'customer-business', reason: 'relocation' }] },
  { id: 'O2', industry: 'other', revenue: 3_000_000, losses: [{ date: '2005-03-03', amount: 59_670 }] },
  { id: 'O3', industry: 'other', revenue: '2393114.2', losses: [{ date: '2004-12-31', cause: 'competitor' }, { date: '2005-07-01', cause: 'competitor' }] },
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
    const industries = Object.fromEntries(report.byIndustry.map((line) => [line.industry, line.shareOfLost!.toString()]));
    expect(industries).toMatchObject({ government: '0.2653', 'mining-manufacturing': '0.1482', 'real-estate': '0.1357' });
    const mining = report.byIndustry.find((line) => line.industry === 'mining-manufacturing')!;
    expect(mining).toMatchObject({ accountsInBase: 3, churnedAccounts: 2 });
    expect(report.byIndustry[0]!.industry).toBe('other'); // largest loss first
  });

  it('shares add up to exactly one', () => {
    const total = report.byCause.reduce((sum, line) => sum.plus(line.shareOfLost!), report.revenueBase.minus(report.revenueBase));
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
    expect(paths(() => churnReport([{ id: 'A', revenue: 100, losses: [{ date: '2026-02-01', amount: 150 }] }], period))).toEqual(['accounts[0].losses[0].amount']);
    expect(paths(() => churnReport([{ id: 'A', revenue: 1 }, { id: 'A', revenue: 2 }], period))).toEqual(['accounts[1].id']);
    expect(paths(() => churnReport([{ id: 'A', revenue: 'much' }] as never, period))).toEqual(['accounts[0].revenue']);
    expect(paths(() => churnReport([{ id: 'A', revenue: 1, losses: [{ date: '2026-02-01', cause: '__proto__' }] }], period))[0]).toBe('accounts[0].losses[0].cause');
    expect(paths(() => churnReport([], { from: '2026-06-30', to: '2026-01-01' }))).toEqual(['to']);
    expect(paths(() => churnReport('accounts' as never, period))).toEqual(['accounts']);
  });
});
