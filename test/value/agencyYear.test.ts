/**
 * Team templates (seed 001_6e06c84f373c8fc0.txt: "各配备一个客户总监+1~2个客户经理+1~3个客户执行" for each brand
 * of a high-value client) and the agency's year in one plan (seed 003_898f4cf2b365eafa.txt: tiers and
 * 走访标准, "大客户经理配备不足 … 实际上难以达到规定的走访标准", 鸡头凤尾).
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/index.js';
import { defaultTeamTemplates, planAgencyYear, teamStaffing, telecomTierPolicy } from '../../src/value/index.js';

describe('teamStaffing (seed 001: 1 客户总监 + 1–2 客户经理 + 1–3 客户执行 per high-value brand)', () => {
  it('staffs a high-value brand with one director, one to two managers and one to three executives', () => {
    expect(defaultTeamTemplates.A).toEqual({ director: [1, 1], manager: [1, 2], executive: [1, 3] });
    const teams = teamStaffing({ A: 4 });
    expect(teams.byRole.map((line) => [line.labels['zh-CN'], line.min, line.max])).toEqual([
      ['客户总监', 4, 4],
      ['客户经理', 4, 8],
      ['客户执行', 4, 12],
    ]);
  });

  it('only the high-value class gets a director (the seed names the team for 高价值 brands only)', () => {
    const teams = teamStaffing({ B: 5, C: 4, D: 4 });
    expect(teams.byRole.find((line) => line.role === 'director')).toMatchObject({ min: 0, max: 0 });
    expect(teams.byRole.find((line) => line.role === 'manager')).toMatchObject({ min: 8, max: 8 });
    expect(() => teamStaffing({ Z: 1 })).toThrow(ValidationError);
    expect(() => teamStaffing({ A: 1.5 })).toThrow(ValidationError);
  });
});

describe('planAgencyYear (seed 003)', () => {
  const accounts = [
    // a crystal account (走访 2次/季度) visited once, in January
    { id: 'crystal-1', monthlySpend: 5000, customerClass: 'A', visits: ['2026-01-10'] },
    // a commercial A/A+ account (1次/季度) visited in January and April
    { id: 'a-1', monthlySpend: 2000, customerClass: 'B', visits: ['2026-01-05', '2026-04-01'] },
  ];
  const plan = planAgencyYear(telecomTierPolicy, accounts, {
    validFrom: '2026-01-01',
    validTo: '2026-06-30',
    managersOnStaff: 0,
  });

  it('fixes the list, computes the manager gap and the teams by role', () => {
    expect(plan.list.assignments).toEqual({ 'crystal-1': 'crystal', 'a-1': 'commercial-a' });
    expect(plan.staffing.managers).toBe(1);
    expect(plan.managerGap).toBe(1);
    expect(plan.teams?.byRole.find((line) => line.role === 'director')).toMatchObject({ min: 1, max: 1 });
  });

  it('reports missed visits per month against each account’s own standard', () => {
    // crystal-1's last visit (10 January) is more than 45.65625 days old from the end of February on;
    // a-1's January visit is more than 91.3125 days old on 30 April only if not renewed: it was, on 1 April
    expect(plan.missedVisits.map((month) => [month.month, month.accounts])).toEqual([
      ['2026-01', []],
      ['2026-02', ['crystal-1']],
      ['2026-03', ['crystal-1']],
      ['2026-04', ['crystal-1']],
      ['2026-05', ['crystal-1']],
      ['2026-06', ['crystal-1']],
    ]);
  });

  it('reports the policy’s 鸡头凤尾 inversions (A/A+ 鸡头 vs 水晶 凤尾)', () => {
    expect(Array.isArray(plan.inversions)).toBe(true);
    expect(plan.inversions.length).toBe(0);
  });

  it('stops at asOf and refuses a bad staff count', () => {
    expect(
      planAgencyYear(telecomTierPolicy, accounts, {
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        managersOnStaff: 2,
        asOf: '2026-03-15',
      }).missedVisits.map((m) => m.month),
    ).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(() =>
      planAgencyYear(telecomTierPolicy, accounts, {
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        managersOnStaff: -1,
      }),
    ).toThrow(ValidationError);
  });
});
