/**
 * Demo: a service-quality survey of the sample portfolio's clients on the seed's six dimensions
 * (seed 000, 提高服务质量), two quarters, external clients and internal customers, plus complaints.
 * The answers are synthetic but derived from each account (a falling spend trend, a poor payment
 * record, a small account) with a fixed-seed generator, so every run prints the same report.
 */
import {
  compareSurveyGroups,
  deriveQualitySignals,
  importancePerformanceAnalysis,
  ipaQuadrantLabels,
  measureComplaints,
  measureServqualGaps,
  netPromoterScore,
  prepareSurvey,
  scoreSurvey,
  serviceQualityInstrument,
  surveyReliability,
  type IpaQuadrant,
} from '../../src/index.js';
import { SAMPLE_AS_OF, samplePortfolio, seededRandom } from '../sample-portfolio.js';

const instrument = serviceQualityInstrument;
const DIMENSION_BIAS: Record<string, number> = {
  convenience: 0.2,
  communication: -0.1,
  capability: 0.3,
  attitude: 0.4,
  reliability: -0.5,
  facilities: 0,
};

function buildResponses(): { responses: unknown[]; recommend: number[] } {
  const random = seededRandom(4040);
  const clamp = (value: number) => Math.min(5, Math.max(1, Math.round(value)));
  const responses: unknown[] = [];
  const recommend: number[] = [];
  for (const period of ['2026-Q2', '2026-Q3']) {
    for (const account of samplePortfolio) {
      if (random() < 0.25) continue; // not everyone answers
      const spend = account.monthlySpend;
      const recent = spend.slice(-3).reduce((a, b) => a + b, 0);
      const before = spend.slice(-6, -3).reduce((a, b) => a + b, 0);
      const trend = before > 0 ? recent / before - 1 : 0;
      // a client whose spend is falling, or who pays late, tends to rate the agency lower
      const mood =
        3.3 +
        2 * Math.max(-0.5, Math.min(0.5, trend)) +
        (account.ratings.latePayment - 5) / 10 +
        (period === '2026-Q3' ? -0.15 : 0);
      const answers: Record<string, number | null> = {};
      for (const dimension of instrument.dimensions) {
        // each client sees each dimension their own way; items of a dimension then agree up to noise
        const own = (random() - 0.5) * 2;
        const level =
          mood +
          own +
          DIMENSION_BIAS[dimension.id]! +
          (period === '2026-Q3' && dimension.id === 'reliability' ? -0.3 : 0);
        for (const item of dimension.items) {
          if (random() < 0.04) continue; // a skipped question
          const answer = clamp(level + (random() - 0.5) * 1.4);
          answers[item.id] = item.reverse ? 6 - answer : answer;
          if (item.expectation) answers[item.expectation.id] = clamp(4.3 + random() * 0.9);
        }
      }
      const r = random();
      const importance =
        r < 0.4
          ? { reliability: 30, capability: 25, communication: 20, convenience: 10, attitude: 10, facilities: 5 }
          : undefined;
      responses.push({
        id: `${account.id}-${period}`,
        group: 'external-client',
        period,
        answers,
        ...(importance ? { importance } : {}),
      });
      recommend.push(Math.max(0, Math.min(10, Math.round(mood * 2 + (random() - 0.3) * 3))));
    }
    // field staff rating the back office (seed 000: internal customers)
    for (let i = 0; i < 25; i++) {
      const answers: Record<string, number | null> = {};
      for (const item of instrument.items)
        answers[item.id] = item.reverse ? 6 - clamp(3 + random() * 2) : clamp(2.6 + random() * 2.2);
      responses.push({ id: `staff-${i}-${period}`, group: 'internal-customer', period, answers });
    }
  }
  // what a real export contains too: an answer off the scale, an unknown item, a duplicate id
  responses.push({
    id: 'A001-2026-Q3',
    group: 'external-client',
    period: '2026-Q3',
    answers: { 'reliability.promises': 7 },
  });
  responses.push({ id: 'broken-2', period: '2026-Q3', answers: { 'reliability.speed': 4 } });
  return { responses, recommend };
}

/** Pads to a display width, counting CJK characters as two columns. */
function pad(text: string, width: number): string {
  const columns = [...text].reduce((total, char) => total + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - columns));
}

const fixed = (value: { toFixed(digits: number): string } | number | null | undefined, digits = 2): string =>
  value === null || value === undefined ? '—' : value.toFixed(digits);

export default function qualitySection(): void {
  const { responses, recommend } = buildResponses();
  const data = prepareSurvey(instrument, responses);
  console.log('\n== Service quality (服务质量, seed 000: six dimensions) ==');
  console.log(
    `${data.results.length} responses kept, ${data.errors.length} rejected. Instrument ` +
      `${instrument.id}@${instrument.version} ${instrument.fingerprint.slice(0, 19)}…`,
  );
  for (const error of data.errors)
    console.log(`  rejected #${error.index} ${error.id ?? '(no id)'}: ${error.issues[0]!.message}`);

  const latest = { period: '2026-Q3', group: 'external-client' };
  const score = scoreSurvey(instrument, data, { where: latest, missing: { minimumShare: 0.5 } });
  console.log('\nExternal clients, 2026-Q3 (prorated mean, at least half the items answered):');
  console.log(`  ${pad('dimension', 44)}    n  mean    sd   95% CI        top-2  bottom-2  index`);
  for (const id of score.weakestFirst) {
    const d = score.dimensions.find((dimension) => dimension.dimension === id)!;
    const name = pad(`${d.labels.en} ${d.labels['zh-CN']}`, 44);
    console.log(
      `  ${name} ${String(d.n).padStart(4)}  ${fixed(d.mean)}  ${fixed(d.sd)}  [${fixed(d.ci.lower)}, ` +
        `${fixed(d.ci.upper)}]  ${fixed(d.topBoxShare?.times(100), 0).padStart(4)}%  ` +
        `${fixed(d.bottomBoxShare?.times(100), 0).padStart(6)}%  ` +
        `${fixed(d.index, 1).padStart(5)}${d.belowStandard ? '  below standard' : ''}`,
    );
  }
  console.log(
    `  overall index ${fixed(score.overall.index, 1)} ` +
      `(${score.overall.weighted ? 'importance-weighted' : 'equal weights'}; standard ${score.standard.toString()})`,
  );
  console.log(`  weakest first: ${score.weakestFirst.join(' < ')}`);

  const ipa = importancePerformanceAnalysis(instrument, data, { where: latest });
  const source =
    ipa.importanceSource === 'respondents' ? "the respondents' 100-point allocations" : `the ${ipa.importanceSource}`;
  console.log(
    `\nImportance–performance (importance from ${source}; crosshair at the means: importance ` +
      `${fixed(ipa.crosshair.importance, 3)}, index ${fixed(ipa.crosshair.performance, 1)}):`,
  );
  for (const quadrant of Object.keys(ipa.quadrants) as IpaQuadrant[]) {
    const labels = ipaQuadrantLabels[quadrant];
    console.log(`  ${pad(`${labels.en} ${labels['zh-CN']}`, 32)} ${ipa.quadrants[quadrant].join(', ') || '—'}`);
  }

  const reliability = surveyReliability(instrument, data, { where: latest });
  console.log("\nReliability per dimension (Cronbach's alpha, 95% Feldt interval):");
  for (const d of reliability.dimensions) {
    const flagged = d.flaggedItems.length > 0 ? `  raises alpha if dropped: ${d.flaggedItems.join(', ')}` : '';
    console.log(
      `  ${d.dimension.padEnd(14)} α ${fixed(d.alpha, 3)}  [${fixed(d.ci.lower, 3)}, ${fixed(d.ci.upper, 3)}]  ` +
        `standardised ${fixed(d.standardizedAlpha, 3)}  n ${d.n}${flagged}${d.reason ? `  (${d.reason})` : ''}`,
    );
  }

  const gaps = measureServqualGaps(instrument, data, { where: latest, missing: { minimumShare: 0.5 } });
  console.log('\nSERVQUAL gaps (perception − expectation) beside SERVPERF (perception only), largest shortfall first:');
  for (const id of gaps.weakestFirst) {
    const d = gaps.dimensions.find((dimension) => dimension.dimension === id)!;
    console.log(
      `  ${id.padEnd(14)} gap ${fixed(d.gap).padStart(6)}   perception ${fixed(d.perception)}   expectation ` +
        `${fixed(d.expectation)}   n ${d.n}`,
    );
  }
  console.log(
    `  overall gap ${fixed(gaps.overall.gap)}, importance-weighted ${fixed(gaps.overall.weightedGap)} (weights ` +
      `from ${gaps.overall.weightsFrom})`,
  );

  const change = compareSurveyGroups(instrument, data, {
    by: 'period',
    baseline: '2026-Q2',
    comparison: '2026-Q3',
    missing: { minimumShare: 0.5 },
  });
  console.log('\nQ2 → Q3, all respondents (Welch 95% interval of the difference), weakest first:');
  for (const d of change.dimensions) {
    console.log(
      `  ${d.dimension.padEnd(14)} ${fixed(d.baseline.mean)} → ${fixed(d.comparison.mean)}  Δ ` +
        `${fixed(d.difference).padStart(5)}  [${fixed(d.ci.lower)}, ${fixed(d.ci.upper)}]  ${d.direction}`,
    );
  }
  const groups = compareSurveyGroups(instrument, data, {
    by: 'group',
    baseline: 'external-client',
    comparison: 'internal-customer',
    missing: { minimumShare: 0.5 },
  });
  const attitude = groups.dimensions.find((d) => d.dimension === 'attitude')!;
  console.log(
    `  internal customers vs external clients, attitude 态度: Δ ${fixed(attitude.difference)} ` +
      `[${fixed(attitude.ci.lower)}, ${fixed(attitude.ci.upper)}]`,
  );

  const previous = scoreSurvey(instrument, data, {
    where: { period: '2026-Q2', group: 'external-client' },
    missing: { minimumShare: 0.5 },
  });
  const signals = deriveQualitySignals(score, { previous });
  console.log(
    `\nChurn signals: qualityScore ${fixed(signals.qualityScore, 1)}, lowestQualityScore ` +
      `${fixed(signals.lowestQualityScore, 1)} (${signals.weakestDimension}), qualityChange ` +
      `${fixed(signals.qualityChange, 1)}, falling dimensions: ${signals.fallingDimensions.join(', ') || 'none'}`,
  );

  const nps = netPromoterScore(recommend);
  console.log(
    `NPS ${fixed(nps.score, 1)} ± ${fixed(nps.standardError, 1)} (promoters ${nps.promoters}, passives ` +
      `${nps.passives}, detractors ${nps.detractors}, n ${nps.n})`,
  );

  const random = seededRandom(4041);
  const complaints = samplePortfolio.slice(0, 40).map((account, i) => {
    const opened = new Date(Date.UTC(2026, 7, 1) + Math.floor(random() * 90) * 86_400_000);
    const days = Math.floor(random() * 20);
    const resolved = new Date(opened.getTime() + days * 86_400_000);
    const open = random() < 0.2 || resolved.toISOString().slice(0, 10) > SAMPLE_AS_OF;
    return {
      id: `C${String(i + 1).padStart(3, '0')}`,
      accountId: account.id,
      openedAt: opened,
      resolvedAt: open ? null : resolved,
      resolvedWell: random() < 0.75,
    };
  });
  const handled = measureComplaints(complaints, { asOf: SAMPLE_AS_OF, slaDays: 7 });
  console.log(
    `Complaints as of ${SAMPLE_AS_OF}: ${handled.total} (open ${handled.open}, oldest ` +
      `${fixed(handled.openAge.max, 0)} days), resolution rate ${fixed(handled.resolutionRate?.times(100), 0)}%, ` +
      `median ${fixed(handled.timeToResolution.median, 0)} days (p90 ` +
      `${fixed(handled.timeToResolution.percentile.value, 1)}), SLA breaches ${handled.sla.breachedIds.length}; ` +
      `≈${fixed(handled.expectedReturningClients, 1)} clients expected back (70%), unhappy clients could tell ` +
      `${handled.wordOfMouth.reachLow}–${handled.wordOfMouth.reachHigh} others.`,
  );
}
