/**
 * Demo: the sample portfolio as one standalone HTML page (clientele/charts renderReport): value
 * matrix, Pareto curve, tiers, churn alerts with evidence and service quality, in English and
 * Chinese. The demo (not the library) writes the files and says where.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assessPortfolio,
  evaluateChurnRiskBatch,
  importancePerformanceAnalysis,
  measureServqualGaps,
  prepareSurvey,
  scoreSurvey,
  serviceQualityInstrument,
  telecomTierPolicy,
} from '../../src/index.js';
import { renderReport } from '../../src/charts/index.js';
import { SAMPLE_AS_OF, samplePortfolio, seededRandom } from '../sample-portfolio.js';
import { historyOf } from './30-churn.js';

function survey() {
  const random = seededRandom(6060);
  const responses = samplePortfolio.slice(0, 80).map((account) => {
    const answers: Record<string, number> = {};
    for (const item of serviceQualityInstrument.items) {
      const answer = Math.min(
        5,
        Math.max(1, Math.round(3.3 + (item.id.startsWith('reliability') ? -0.6 : 0.2) + (random() - 0.5) * 2.2)),
      );
      answers[item.id] = item.reverse ? 6 - answer : answer;
      if (item.expectation) answers[item.expectation.id] = Math.min(5, Math.round(4.2 + random()));
    }
    return {
      id: account.id,
      group: 'external-client',
      answers,
      importance: { reliability: 30, capability: 25, communication: 20, convenience: 10, attitude: 10, facilities: 5 },
    };
  });
  return prepareSurvey(serviceQualityInstrument, responses);
}

export default function reportSection(): void {
  const records = samplePortfolio.map((account) => ({
    id: account.id,
    ratings: account.ratings,
    margin: (account.monthlySpend.slice(-12).reduce((sum, spend) => sum + spend, 0) * account.marginRate).toFixed(2),
  }));
  const assessment = assessPortfolio(records, { valuation: { discountRate: 0.08, retention: 0.85 } });
  const churn = evaluateChurnRiskBatch(samplePortfolio.map(historyOf), {
    asOf: SAMPLE_AS_OF,
    tierPolicy: telecomTierPolicy,
  }).results;
  // Accounts per tier of the seed 003 telecom policy, in tier order, by average monthly spend of the last quarter.
  const counts = new Map<string, number>();
  for (const account of samplePortfolio) {
    const monthly = account.monthlySpend.slice(-3).reduce((sum, spend) => sum + spend, 0) / 3;
    const id = telecomTierPolicy.tierFor(monthly.toFixed(2))?.id ?? 'untiered';
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const tiers = telecomTierPolicy.tiers.map((tier) => ({
    id: tier.id,
    labels: tier.labels,
    count: counts.get(tier.id) ?? 0,
  }));
  if (counts.has('untiered'))
    tiers.push({
      id: 'untiered',
      labels: { en: 'Below the lowest tier', 'zh-CN': '未达最低级别' },
      count: counts.get('untiered') ?? 0,
    });
  const data = survey();
  const quality = {
    survey: scoreSurvey(serviceQualityInstrument, data),
    ipa: importancePerformanceAnalysis(serviceQualityInstrument, data),
    servqual: measureServqualGaps(serviceQualityInstrument, data),
  };
  const options = { asOf: SAMPLE_AS_OF, churn, quality, tiers };
  console.log('\n## Report (clientele/charts)\n');
  for (const locale of ['en', 'zh-CN'] as const) {
    const file = join(tmpdir(), `clientele-report-${locale}.html`);
    writeFileSync(file, renderReport(assessment, { ...options, locale }));
    console.log(
      `${locale === 'en' ? 'English' : 'Chinese'} report written to ${file} (open it in a browser; no scripts, ` +
        `no network).`,
    );
  }
}
