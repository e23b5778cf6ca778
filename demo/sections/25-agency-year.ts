/**
 * Demo: the agency's year in one plan (seeds 001 and 003) — the key-account list fixed for the
 * year, each account's 走访标准, the staffing gap, account teams by role, 鸡头凤尾 and the missed
 * visits per month; then the revolving door of the year (seed 000).
 */
import { churnReport, classifyValue, planAgencyYear, telecomTierPolicy } from '../../src/index.js';
import { samplePortfolio, seededRandom } from '../sample-portfolio.js';

export default function agencyYearSection(): void {
  const random = seededRandom(25);
  // Synthetic, deterministic visits: every account is visited every 30–150 days from January.
  const accounts = samplePortfolio.map((account, index) => {
    const every = 30 + Math.floor(random() * 120);
    const visits: string[] = [];
    for (let day = Math.floor(random() * every); day < 300; day += every)
      visits.push(new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10));
    const grades = ['A', 'B', 'C', 'D'] as const;
    // the spend the list is fixed on: the account's December 2025 spend
    return {
      id: account.id,
      monthlySpend: account.monthlySpend[13]!,
      customerClass: classifyValue(grades[index % 4]!, grades[(index * 7) % 4]!).customerClass,
      visits,
    };
  });
  const plan = planAgencyYear(telecomTierPolicy, accounts, {
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    managersOnStaff: 3,
    asOf: '2026-10-31',
  });

  console.log('\n== The agency’s year (seeds 001, 003) ==');
  console.log(
    'Key-account list 2026, accounts per tier:',
    plan.list.counts
      .filter((line) => line.accounts > 0)
      .map((line) => `${line.tier} ${line.accounts}`)
      .join(', '),
  );
  console.log(`Managers needed ${plan.staffing.managers}, on staff 3, gap ${plan.managerGap}`);
  if (plan.teams !== null)
    console.log(
      'Account teams:',
      plan.teams.byRole.map((line) => `${line.labels['zh-CN']} ${line.min}–${line.max}`).join(', '),
    );
  console.log(
    '鸡头凤尾 inversions in the policy:',
    plan.inversions.length === 0 ? 'none' : plan.inversions.map((inversion) => inversion.message.en).join('; '),
  );
  console.log(
    'Accounts with an overdue visit at each month end:',
    plan.missedVisits.map((month) => `${month.month.slice(5)}:${month.overdueVisits}`).join(' '),
  );

  // The revolving door of the year: a few accounts won, a few lost (synthetic).
  const door = churnReport(
    [
      ...samplePortfolio.slice(0, 40).map((account, index) => ({
        id: account.id,
        revenue: account.monthlySpend
          .slice(0, 12)
          .reduce((sum, spend) => sum + spend, 0)
          .toFixed(2),
        endRevenue:
          index % 9 === 0
            ? 0
            : account.monthlySpend
                .slice(12)
                .reduce((sum, spend) => sum + spend, 0)
                .toFixed(2),
        losses: index % 9 === 0 ? [{ date: '2026-06-30', cause: 'competitor' }] : [],
      })),
      ...['NEW-1', 'NEW-2'].map((id) => ({ id, revenue: 0, gainedAt: '2026-03-01', endRevenue: 12000 })),
    ],
    { from: '2026-01-01', to: '2026-12-31', costToKeep: 2000 },
  ).revolvingDoor;
  console.log(
    `Revolving door: ${door.newAccounts} won, ${door.lostAccounts} lost, net ${door.netAccounts}; net revenue ` +
      `retention ${door.netRevenueRetention?.times(100).toFixed(1)}%; replacing the lost costs ` +
      `${door.replacementCost?.toFixed(0)} (${door.replacementCostMultiple.toString()}× keeping them)`,
  );
}
