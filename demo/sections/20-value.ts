/**
 * Demo: customer value, the value matrix and portfolio analytics on the sample portfolio
 * (seeds 001, 002, 003).
 */
import {
  assessPortfolio,
  checkTierPolicy,
  contactCompliance,
  defaultValueMatrix,
  historicalValue,
  staffingNeed,
  telecomTierPolicy,
  topShare,
  valueGrades,
} from '../../src/index.js';
import { SAMPLE_AS_OF, brokenRecords, samplePortfolio, seededRandom } from '../sample-portfolio.js';

const money = (value: { toFixed(places: number): string }) => Number(value.toFixed(0)).toLocaleString('en-US');
const percent = (value: { times(n: number): { toFixed(places: number): string } }) => `${value.times(100).toFixed(1)}%`;

export default function valueSection(): void {
  // Synthetic, deterministic extras for this section: a retention per account and the dates of
  // the last visit and call.
  const random = seededRandom(4);
  const extras = samplePortfolio.map(() => ({
    retention: (0.7 + Math.round(random() * 25) / 100).toFixed(2),
    visitDaysAgo: Math.floor(random() * 150),
    callDaysAgo: Math.floor(random() * 50),
  }));
  const asOf = Date.parse(`${SAMPLE_AS_OF}T00:00:00Z`);
  const daysAgo = (days: number) => new Date(asOf - days * 86_400_000).toISOString().slice(0, 10);

  // Historical value (seed 001): 24 months of realised margin, compounded at 5 % a year to asOf.
  const historical = samplePortfolio.map((account) =>
    historicalValue({
      entries: account.monthlySpend.map((spend, month) => ({
        date: new Date(Date.UTC(2024, 10 + month, 15)),
        margin: (spend * account.marginRate).toFixed(2),
      })),
      asOf: SAMPLE_AS_OF,
      rate: 0.05,
    }),
  );
  const historicalTotal = historical.reduce(
    (sum, result) => sum.plus(result.value),
    historical[0]!.value.minus(historical[0]!.value),
  );

  // Current value: last 12 months' margin per year, kept with the account's retention, 8 % discount rate.
  const records = samplePortfolio.map((account, index) => ({
    id: account.id,
    ratings: account.ratings,
    margin: (account.monthlySpend.slice(-12).reduce((sum, spend) => sum + spend, 0) * account.marginRate).toFixed(2),
    retention: extras[index]!.retention,
  }));
  const assessment = assessPortfolio([...records, ...brokenRecords.map((record) => ({ ...record, margin: 1000 }))], {
    valuation: { discountRate: 0.08 },
  });
  const { summary } = assessment;

  console.log('\n== Customer value and the value matrix (客户价值评价标准, seeds 001 and 002) ==');
  console.log(
    `${summary.accounts} accounts assessed, ${summary.failed} rejected. Current value = expected NPV of yearly ` +
      `margin, retention 0.70–0.95, discount 8 %, perpetuity.`,
  );
  console.log(
    `Historical value (24 months of realised margin compounded at 5 % to ${SAMPLE_AS_OF}): ` +
      `${money(historicalTotal)}; current value: ${money(summary.totalValue)}.`,
  );

  console.log(
    `\nValue matrix (${defaultValueMatrix.id}@${defaultValueMatrix.version}): accounts per cell, rows = current ` +
      `value grade (ABC), columns = potential value grade (scorecard)`,
  );
  console.log(`  current \\ potential ${valueGrades.map((grade) => grade.padStart(6)).join('')}`);
  for (const current of valueGrades) {
    const cells = valueGrades.map((potential) => {
      const customerClass = defaultValueMatrix.lookup[current][potential].customerClass;
      return `${String(summary.cells[current][potential]).padStart(4)}${customerClass.toLowerCase()} `;
    });
    console.log(`  ${current.padEnd(20)}${cells.join('')}`);
  }
  console.log('  (the letter after each count is the customer class of the cell)');

  console.log('\nCustomer classes: count and current value');
  for (const item of summary.byClass) {
    console.log(
      `  ${item.customerClass} ${item.labels.en.padEnd(26)} ${item.labels['zh-CN'].padEnd(6)} ` +
        `${String(item.count).padStart(4)} accounts (${percent(item.accountShare).padStart(6)})  value ` +
        `${money(item.value).padStart(14)} (${percent(item.valueShare).padStart(6)})`,
    );
  }
  console.log('\nRecommended service strategy per segment (seeds 000, 001):');
  for (const item of defaultValueMatrix.classes)
    console.log(`  ${item.segment.padEnd(16)} ${item.strategy.en}\n  ${''.padEnd(16)} ${item.strategy['zh-CN']}`);

  const pareto = summary.pareto!;
  const values = assessment.results.map((result) => ({ id: result.id ?? '', value: result.current.value }));
  const top20 = topShare(values, { accountShare: 0.2 });
  console.log('\n== Pareto and concentration of current value (seeds 001, 002, 003) ==');
  console.log(
    `  ${pareto.count} of ${summary.accounts} accounts (${percent(pareto.accountShare)}) give ` +
      `${percent(pareto.valueShare)} of current value (target ${percent(pareto.targetShare)}).`,
  );
  console.log(
    `  The top 20 % of accounts (${top20.count}) give ${percent(top20.valueShare)}: the 20/80 rule seed 001 quotes.`,
  );
  const concentration = summary.concentration!;
  console.log(
    `  HHI ${concentration.hhi.toFixed(0)} points: ${concentration.band.labels.en} ` +
      `(${concentration.band.labels['zh-CN']}); as concentrated as ` +
      `${concentration.equivalentAccounts.toFixed(1)} equal accounts.`,
  );
  console.log(
    `  Top-N shares: ` +
      `${concentration.topShares.map((item) => `top ${item.count} ${percent(item.valueShare)}`).join(', ')}.`,
  );
  const highValue = assessment.results.filter((result) => result.segment === 'high-value').slice(0, 5);
  console.log(`  High-value accounts (first 5): ${highValue.map((result) => result.id).join(', ')}`);
  const potentialOnly = assessment.results.filter((result) => result.segment === 'potential-value').length;
  console.log(
    `  ${potentialOnly} potential-value accounts would be missed by the 20/80 rule alone (low current, high ` +
      `potential).`,
  );

  console.log('\n== Tiers and contact standards (telecom example of seed 003, 第6篇) ==');
  const spends = samplePortfolio.map(
    (account) => account.monthlySpend.slice(-3).reduce((sum, spend) => sum + spend, 0) / 3,
  );
  const counts: Record<string, number> = {};
  for (const spend of spends) {
    const tier = telecomTierPolicy.tierFor(spend.toFixed(2));
    if (tier) counts[tier.id] = (counts[tier.id] ?? 0) + 1;
  }
  const compliance = contactCompliance(
    telecomTierPolicy,
    samplePortfolio.map((account, index) => ({
      id: account.id,
      monthlySpend: spends[index]!.toFixed(2),
      lastVisit: daysAgo(extras[index]!.visitDaysAgo),
      lastCall: daysAgo(extras[index]!.callDaysAgo),
    })),
    { asOf: SAMPLE_AS_OF },
  );
  for (const tier of telecomTierPolicy.tiers) {
    const row = compliance.summary.byTier.find((item) => item.tier === tier.id)!;
    if (row.accounts === 0) continue;
    const visits = tier.contact.visitEveryDays
      ? `visit every ${tier.contact.visitEveryDays.toFixed(1)} d`
      : 'no visits';
    const calls = tier.contact.callEveryDays ? `call every ${tier.contact.callEveryDays.toFixed(1)} d` : 'no calls';
    console.log(
      `  ${tier.labels.en.padEnd(28)} ${tier.labels['zh-CN'].padEnd(10)} ${String(row.accounts).padStart(4)} ` +
        `accounts  ${visits.padEnd(22)} ${calls.padEnd(20)} overdue: ${row.overdueVisits} visits, ` +
        `${row.overdueCalls} calls`,
    );
  }
  console.log(
    `  ${compliance.summary.compliant} of ${compliance.summary.accounts} accounts are fully in line with their ` +
      `contact standard as of ${compliance.asOf}.`,
  );
  const staffing = staffingNeed(telecomTierPolicy, counts);
  console.log(
    `  Staffing: ${staffing.visitsPerYear.toFixed(0)} visits and ${staffing.callsPerYear.toFixed(0)} calls a ` +
      `year (${staffing.hours.toFixed(0)} h, ${staffing.workloadManagers.toFixed(1)} managers of contact work); ` +
      `${staffing.ratio!.accounts} key accounts at ~9 per manager (seed 003) → ${staffing.managers} key-account ` +
      `managers.`,
  );
  const check = checkTierPolicy(telecomTierPolicy);
  console.log(
    `  鸡头凤尾 check of the policy: ` +
      `${check.ok ? 'no lower tier is treated better than a higher one' : `${check.inversions.length} inversions`}.`,
  );

  console.log('\nRejected records (nothing is silently dropped):');
  for (const error of assessment.errors)
    console.log(`  #${error.index} ${error.id}: ${error.issues.map((issue) => issue.message).join('; ')}`);
}
