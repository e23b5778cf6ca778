/**
 * Deterministic inputs for the chart tests: real library results on small hand-made portfolios
 * (the seeds' models and presets), plus churn results in the documented shape.
 */
import {
  assessPortfolio,
  importancePerformanceAnalysis,
  measureServqualGaps,
  paretoCurve,
  potentialValueBands,
  potentialValueModel,
  prepareSurvey,
  score,
  scoreSurvey,
  serviceQualityInstrument,
} from '../../src/index.js';
import { discrimination, gradeOutcomes } from '../../src/outcomes/index.js';
import { seededRandom } from '../../demo/sample-portfolio.js';

const seeded = seededRandom;

const maxima = {
  tenure: 5,
  creditRecord: 10,
  latePayment: 10,
  missedAppointments: 5,
  productVariety: 2.5,
  purchaseCount: 2.5,
  purchaseFrequency: 2.5,
  competitorPurchase: 7.5,
  competitorFrequency: 5,
  assetSize: 20,
  industry: 10,
  marketPosition: 10,
  peerUserBase: 10,
} as const;

/** Ratings between each factor's minimum 1 and maximum, in half steps. */
function ratings(random: () => number, level: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(maxima).map(([id, max]) => [
      id,
      Math.min(
        max,
        Math.max(1, Math.round((1 + (max - 1) * Math.min(1, Math.max(0, level + (random() - 0.5) * 0.5))) * 2) / 2),
      ),
    ]),
  );
}

const random = seeded(16);
/** Forty accounts with skewed margins (a few large ones, a long tail), as in seed 003. */
export const accounts = Array.from({ length: 40 }, (_, index) => ({
  id: `K${String(index + 1).padStart(3, '0')}`,
  ratings: ratings(random, random()),
  margin: Math.round(200_000 / (index + 1) ** 1.1 + random() * 5_000),
}));

export const assessment = assessPortfolio(accounts, { valuation: { discountRate: 0.1, retention: 0.8 } });
export const curve = paretoCurve(accounts.map((account) => account.margin));
export const gradeCounts = Object.fromEntries(
  ['A', 'B', 'C', 'D'].map((grade) => [
    grade,
    assessment.results.filter((account) => account.potential.grade === grade).length,
  ]),
);
export const bands = potentialValueBands;
/** An account of the seed 002 table: the ratings of its first example row (总分 72). */
export const scored = score(potentialValueModel, {
  tenure: 4,
  creditRecord: 8,
  latePayment: 9,
  missedAppointments: 5,
  productVariety: 2,
  purchaseCount: 2,
  purchaseFrequency: 2,
  competitorPurchase: 5,
  competitorFrequency: 4,
  assetSize: 15,
  industry: 8,
  marketPosition: 7,
  peerUserBase: 1,
});

const surveyRandom = seeded(4);
const bias: Record<string, number> = {
  convenience: 0.2,
  communication: -0.1,
  capability: 0.3,
  attitude: 0.4,
  reliability: -0.6,
  facilities: 0,
};
const responses = Array.from({ length: 30 }, (_, index) => {
  const answers: Record<string, number> = {};
  for (const item of serviceQualityInstrument.items) {
    const dimension = item.id.split('.')[0] ?? '';
    const answer = Math.min(5, Math.max(1, Math.round(3.4 + (bias[dimension] ?? 0) + (surveyRandom() - 0.5) * 2)));
    answers[item.id] = item.reverse ? 6 - answer : answer;
    if (item.expectation) answers[item.expectation.id] = Math.min(5, Math.round(4.2 + surveyRandom()));
  }
  const importance = {
    reliability: 30,
    capability: 25,
    communication: 20,
    convenience: 10,
    attitude: 10,
    facilities: 5,
  };
  return { id: `R${index}`, group: 'external-client', answers, importance };
});
const survey = prepareSurvey(serviceQualityInstrument, responses);
export const surveyScore = scoreSurvey(serviceQualityInstrument, survey);
export const ipa = importancePerformanceAnalysis(serviceQualityInstrument, survey);
export const gaps = measureServqualGaps(serviceQualityInstrument, survey);

/** Churn results in the shape `evaluateChurnRiskBatch` returns (the fields the charts read). */
export const churnResults = [
  {
    accountId: 'K001',
    level: 'critical',
    risk: '70',
    alerts: [
      {
        ruleId: 'competitor-share',
        cause: 'competitor',
        severity: 'critical',
        message: { en: 'Share of wallet fell to 40%', 'zh-CN': '钱包份额降至 40%' },
        evidence: [{ signal: 'shareOfWallet', op: 'lt', value: 0.5, actual: 0.4, outcome: 'true' }],
      },
      {
        ruleId: 'complaint-open',
        cause: 'complaint',
        severity: 'warning',
        message: { en: 'Complaint open for 21 days', 'zh-CN': '投诉已 21 天未解决' },
        evidence: [{ signal: 'oldestOpenComplaintDays', op: 'gt', value: 14, actual: 21, outcome: 'true' }],
      },
    ],
  },
  {
    accountId: 'K002',
    level: 'warning',
    risk: '30',
    alerts: [
      {
        ruleId: 'single-threaded',
        cause: 'relationship',
        severity: 'warning',
        message: { en: 'One contact holds the relationship', 'zh-CN': '单线联络' },
        evidence: [{ signal: 'singleThreaded', op: 'eq', value: true, actual: true, outcome: 'true' }],
      },
    ],
  },
  {
    accountId: 'K003',
    level: 'watch',
    risk: '10',
    alerts: [
      {
        ruleId: 'spend-drop',
        cause: 'needs-unmet',
        severity: 'watch',
        message: { en: 'Spend down 25% on the quarter', 'zh-CN': '季度消费下降 25%' },
        evidence: [{ signal: 'spendTrend', op: 'lt', value: -0.2, actual: -0.25, outcome: 'true' }],
      },
      {
        ruleId: 'competitor-buying',
        cause: 'competitor',
        severity: 'watch',
        message: { en: 'Buys from competitors', 'zh-CN': '购买竞争对手产品' },
        evidence: [{ signal: 'buysFromCompetitors', op: 'eq', value: true, actual: true, outcome: 'true' }],
      },
    ],
  },
  { accountId: 'K004', level: 'none', risk: '0', alerts: [] },
  { accountId: 'K005', level: 'none', risk: '0', alerts: [] },
  {
    accountId: 'K006',
    level: 'warning',
    risk: '25',
    alerts: [
      {
        ruleId: 'late-payment',
        cause: 'credit',
        severity: 'warning',
        message: { en: 'Three late payments', 'zh-CN': '三次延迟付款' },
        evidence: [{ signal: 'latePayments', op: 'gte', value: 3, actual: 3, outcome: 'true' }],
      },
    ],
  },
];

// Backtest of the potential score against a synthetic later-churn flag: lower scores churn more.
const outcomeRandom = seeded(9);
const totals = assessment.results.map((account) => account.potential.score);
const churned = totals.map((total) => (outcomeRandom() < 0.9 - Number(total) / 100 ? 1 : 0));
export const backtest = discrimination(totals, churned, { riskier: 'lower', groups: 5 });
export const outcomesByGrade = gradeOutcomes(
  assessment.results.map((account) => account.potential.grade),
  churned,
  { order: ['A', 'B', 'C', 'D'] },
);
