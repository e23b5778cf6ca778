/**
 * Churn early warning on the sample portfolio: each account's spend history plus synthetic visits,
 * calls, complaints, invoices, competitor purchases, relationship and quality data derived from a
 * fixed seed; the default rules (seeds 000, 003); the top alerts with their evidence; a diff
 * against last month's run; and the seed 003 telecom half-year churn report.
 */
import {
  churnReport,
  diffAlerts,
  evaluateChurnRiskBatch,
  type AccountHistory,
  telecomTierPolicy,
  type ChurnRiskResult,
} from '../../src/index.js';
import { SAMPLE_AS_OF, samplePortfolio, seededRandom, type SampleAccount } from '../sample-portfolio.js';

const DAY = 86_400_000;
const AS_OF_MS = Date.UTC(2026, 10, 1);
const day = (daysAgo: number) => new Date(AS_OF_MS - Math.round(daysAgo) * DAY).toISOString().slice(0, 10);

/** Seed 003's telecom tier policy (from the value module): each tier's visit and call standard. */
const tierPolicy = telecomTierPolicy;

/** The months of the sample's 24 spend figures: November 2024 … October 2026. */
const MONTHS = Array.from({ length: 24 }, (_, index) => {
  const total = 2024 * 12 + 10 + index;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
});

export function historyOf(account: SampleAccount, index: number): AccountHistory {
  const random = seededRandom(30_000 + index);
  const risky = random() < 0.25; // a quarter of the accounts get trouble
  // contact as the account's tier asks (seed 003), or lapsing for the risky ones
  const recentAverage = (account.monthlySpend[21]! + account.monthlySpend[22]! + account.monthlySpend[23]!) / 3;
  const contact = tierPolicy.tierFor(recentAverage)?.contact;
  const visitEvery = Number(contact?.visitEveryDays ?? 365);
  const callEvery = Number(contact?.callEveryDays ?? 365);
  const visitGap = visitEvery * (risky ? 0.8 + random() * 3 : 0.2 + random() * 0.75);
  const callGap = callEvery * (risky ? 0.8 + random() * 3 : random() * 0.95);
  const complaints =
    risky && random() < 0.5
      ? [
          {
            id: `${account.id}-C1`,
            openedAt: day(10 + random() * 80),
            severity: random() < 0.4 ? ('high' as const) : ('medium' as const),
          },
        ]
      : [];
  const lateDays = risky && random() < 0.4 ? 20 + random() * 90 : -3;
  const left = risky && random() < 0.2;
  return {
    id: account.id,
    name: account.name,
    industry: account.industry,
    since: account.since,
    spend: account.monthlySpend.map((amount, month) => ({ period: MONTHS[month]!, amount })),
    orders: Array.from({ length: 12 }, (_, order) => ({ date: day((risky ? 60 : 5) + order * 30 + random() * 10) })),
    visits: [{ date: day(visitGap) }, { date: day(visitGap + visitEvery) }],
    calls: [{ date: day(callGap) }],
    complaints,
    invoices: [
      {
        id: `${account.id}-INV-9`,
        dueAt: day(lateDays + 30),
        amount: Math.round(account.monthlySpend[22]! * account.marginRate),
      },
    ],
    payments:
      lateDays > 0
        ? []
        : [
            {
              invoiceId: `${account.id}-INV-9`,
              date: day(40),
              amount: Math.round(account.monthlySpend[22]! * account.marginRate),
            },
          ],
    competitor: { purchases: risky && random() < 0.3 ? [{ date: day(random() * 80), competitor: 'Rival Media' }] : [] },
    relationship: left
      ? {
          accountManager: 'former manager',
          managerLeftAt: day(20 + random() * 40),
          handoverAt: null,
          internalContacts: 1,
        }
      : {
          accountManager: `AM-${(index % 9) + 1}`,
          managerLeftAt: null,
          internalContacts: 1 + Math.floor(random() * 4),
        },
    quality: [
      { period: '2026-07', dimension: 'communication', score: Math.round(60 + random() * 35) },
      { period: '2026-10', dimension: 'communication', score: Math.round((risky ? 45 : 60) + random() * 35) },
    ],
    distress:
      risky && random() < 0.15 ? [{ date: day(random() * 200), kind: random() < 0.3 ? 'closure' : 'losses' }] : [],
  };
}

const money = (value: { toFixed(places: number): string }) => Number(value.toFixed(0)).toLocaleString('en');
const percent = (value: { times(n: number): { toFixed(places: number): string } } | null) =>
  value === null ? '—' : `${value.times(100).toFixed(2)}%`;

export default function (): void {
  console.log('\n## Churn early warning (seeds 000, 003)\n');
  const histories = samplePortfolio.map(historyOf);
  const { results, errors } = evaluateChurnRiskBatch(
    [...histories, { id: 'BROKEN-1', spend: [{ period: '2026-13', amount: 5 }] }],
    { asOf: SAMPLE_AS_OF, tierPolicy },
  );
  const byLevel = { critical: 0, warning: 0, watch: 0, none: 0 };
  for (const result of results) byLevel[result.level]++;
  console.log(
    `${results.length} accounts evaluated as of ${SAMPLE_AS_OF}; ${errors.length} rejected ` +
      `(${errors.map((error) => `${error.id}: ${error.issues[0]?.path}`).join('; ')})`,
  );
  console.log(
    `levels: ${Object.entries(byLevel)
      .map(([level, count]) => `${level} ${count}`)
      .join(', ')}`,
  );

  const top = [...results].sort((a, b) => b.risk.cmp(a.risk) || (a.accountId < b.accountId ? -1 : 1)).slice(0, 3);
  console.log('\nTop alerts (risk = sum of fired points; possible = with the undecided rules):');
  for (const result of top) {
    const name = histories.find((history) => history.id === result.accountId)?.name ?? '';
    console.log(
      `\n  ${result.accountId} ${name} — risk ${result.risk} (possible ${result.possibleRisk}), level ` +
        `${result.level}, tier ${String(result.signals.values.tier)}`,
    );
    for (const alert of result.alerts) {
      const evidence = alert.evidence
        .map((item) => `${item.signal}=${formatValue(item.actual)} ${item.op} ${JSON.stringify(item.value)}`)
        .join('; ');
      console.log(
        `    [${alert.severity}] ${alert.ruleId} ` +
          `(${alert.cause}${alert.controllable ? '' : ', uncontrollable'}): ${alert.message.en}`,
      );
      console.log(`        ${alert.message['zh-CN']}   evidence: ${evidence}`);
    }
  }

  const causes = new Map<string, number>();
  for (const result of results)
    for (const alert of result.alerts) causes.set(alert.cause, (causes.get(alert.cause) ?? 0) + 1);
  console.log(
    `\nAlerts by cause: ${[...causes]
      .sort((a, b) => b[1] - a[1])
      .map(([cause, count]) => `${cause} ${count}`)
      .join(', ')}`,
  );

  // last month's run, for the diff: same histories as of 2026-10-01
  const previous: ChurnRiskResult[] = evaluateChurnRiskBatch(histories, { asOf: '2026-10-01', tierPolicy }).results;
  const diff = diffAlerts(previous, results);
  console.log(
    `\nDiff against the run of 2026-10-01: ${diff.new.length} new (notify), ${diff.ongoing.length} ongoing, ` +
      `${diff.resolved.length} resolved, ${diff.stale.length} stale (data gap, not resolved)`,
  );
  console.log(
    `  first new: ${diff.new
      .slice(0, 3)
      .map((alert) => alert.key)
      .join(', ')}`,
  );

  // seed 003: the telecom branch's first half of 2005 (see docs/churn.md)
  const report = churnReport(
    [
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
      { id: 'O3', industry: 'other', revenue: '2393114.2' },
    ],
    { from: '2005-01-01', to: '2005-06-30' },
  );
  console.log(
    `\nSeed 003 telecom key accounts, H1 2005: lost ${money(report.lostRevenue)} of ` +
      `${money(report.revenueBase)} = ${percent(report.revenueRate)} (seed: 3.06%)`,
  );
  console.log(
    `  by reason: ${report.byReason.map((line) => `${line.reason} ${percent(line.shareOfLost)}`).join(', ')} ` +
      `(seed: 32%, 8.5%)`,
  );
  console.log(
    `  by cause: ${report.byCause.map((line) => `${line.cause} ${percent(line.shareOfLost)}`).join(', ')} ` +
      `(seed: customer's own business 40%)`,
  );
  console.log(
    `  controllable ${percent(report.controllable.shareOfLost)}, uncontrollable ` +
      `${percent(report.uncontrollable.shareOfLost)}, unattributed ${percent(report.unattributed.shareOfLost)}`,
  );
  console.log(
    `  by industry: ` +
      `${report.byIndustry.map((line) => `${line.industry} ${percent(line.shareOfLost)}`).join(', ')} (seed: ` +
      `26.53%, 14.82%, 13.57%)`,
  );
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '?';
  if (typeof value === 'object' && 'toDecimalPlaces' in (value as object))
    return (value as { toDecimalPlaces(n: number): { toString(): string } }).toDecimalPlaces(3).toString();
  return String(value);
}
