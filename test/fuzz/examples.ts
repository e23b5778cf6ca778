/**
 * Valid example arguments of the newer entry points (charts, display, lifetime value, survey
 * measures, outcomes, SQL, tiers), for the fuzz harness to mutate deep inside. Each comes from the
 * entry point's own TSDoc example or from a call of the library on such an example.
 */
import * as clientele from '../../src/index.js';

const { potentialValueModel, potentialValueBands, serviceQualityInstrument, telecomTierPolicy, defaultChurnRuleSet } =
  clientele;

/** The result of `make`, or `fallback` when the library refuses the example (it is still a shape to mutate). */
function attempt<T>(make: () => T, fallback: T): T {
  try {
    return make();
  } catch {
    return fallback;
  }
}

const ratings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max.toNumber()]));
const lowRatings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.min.toNumber()]));

/** SERVQUAL-style responses with perception and expectation answers, in two periods and groups. */
const surveyRows = ['Q2', 'Q2', 'Q2', 'Q3', 'Q3', 'Q3'].map((period, index) => ({
  id: `r${index}`,
  period,
  group: index % 2 === 0 ? 'north' : 'south',
  answers: Object.fromEntries(
    serviceQualityInstrument.items.flatMap((item) => [
      [item.id, 1 + ((index + item.id.length) % 5)],
      ...(item.expectation ? [[item.expectation.id, 4]] : []),
    ]),
  ),
}));

const surveyScore = clientele.scoreSurvey(serviceQualityInstrument, surveyRows);
const churnResults = [
  {
    level: 'critical',
    accountId: 'ACME',
    risk: 0.8,
    alerts: [
      {
        ruleId: 'r1',
        cause: 'competitor',
        severity: 'critical',
        message: { en: 'Competitor', 'zh-CN': '竞争对手' },
        evidence: [{ signal: 'spendChange', op: 'lt', value: -0.3, actual: -0.4, outcome: 'true' }],
      },
      { cause: 'complaint', severity: 'watch' },
    ],
  },
  { level: 'none', accountId: 'JADE', alerts: [] },
];
const accounts = [
  { id: 'a', ratings, margin: 1200 },
  { id: 'b', ratings: lowRatings, margin: 300 },
];
const assessment = clientele.assessPortfolio(accounts, { valuation: { discountRate: 0.1, retention: 0.8 } });

/** fitParetoNbd's own TSDoc example (seed: Fader & Hardie's CDNOW-style histories). */
const purchaseHistories = [
  { frequency: 0, recency: 0, T: 38, count: 1400 },
  { frequency: 1, recency: 2, T: 38, count: 200 },
  { frequency: 1, recency: 10, T: 38, count: 300 },
  { frequency: 1, recency: 30, T: 38, count: 150 },
  { frequency: 2, recency: 20, T: 38, count: 120 },
  { frequency: 2, recency: 35, T: 38, count: 100 },
  { frequency: 3, recency: 5, T: 38, count: 80 },
  { frequency: 4, recency: 12, T: 38, count: 40 },
  { frequency: 5, recency: 36, T: 38, count: 60 },
  { frequency: 8, recency: 37, T: 38, count: 40 },
  { frequency: 10, recency: 8, T: 38, count: 10 },
];
const bgBbHistories = [
  { frequency: 0, recency: 0, T: 6, count: 300 },
  { frequency: 1, recency: 2, T: 6, count: 150 },
  { frequency: 3, recency: 5, T: 6, count: 80 },
  { frequency: 6, recency: 6, T: 6, count: 40 },
];
const spendHistories = [
  { frequency: 1, monetaryValue: 40, count: 30 },
  { frequency: 2, monetaryValue: 55, count: 20 },
  { frequency: 4, monetaryValue: 35, count: 12 },
  { frequency: 6, monetaryValue: 80, count: 5 },
];
const survivors = [1000, 631, 468, 382, 326];
const fitOptions = { maxEvaluations: 400, onNonConvergence: 'return' };
const transactionModel = clientele.fitBgNbd(purchaseHistories, fitOptions as never);
const spendModel = clientele.fitGammaGamma(spendHistories, fitOptions as never);
const retentionModel = clientele.fitShiftedBetaGeometric(survivors, fitOptions as never);
const customer = { frequency: 2, recency: 20, T: 38, monetaryValue: 50 };

const scores = [0.7, 0.9, 0.5, 0.6, 0.3];
const outcomes = [1, 1, 1, 0, 0];
const scoreResult = clientele.score(potentialValueModel, ratings);
const backtestHistory = {
  id: 'ACME',
  since: '2020-01-01',
  spend: [
    { period: '2026-05', amount: 100 },
    { period: '2026-06', amount: 0 },
  ],
};
const backtestArgs = {
  histories: [backtestHistory],
  outcomes: [{ accountId: 'ACME', lostAt: '2026-09-15' }],
  options: { asOf: ['2026-07-01', '2026-08-01'] },
};

/** Valid examples per argument kind, merged into the harness's own. */
export const moreExamples = {
  churnResults,
  surveyScore,
  ipa: attempt(() => clientele.importancePerformanceAnalysis(serviceQualityInstrument, surveyRows), {
    crosshair: { importance: 50, performance: 60 },
    dimensions: [{ dimension: 'attitude', labels: { en: 'Attitude' }, importance: 55, performance: 40 }],
  } as never),
  servqualGaps: attempt(() => clientele.measureServqualGaps(serviceQualityInstrument, surveyRows), {
    dimensions: [{ dimension: 'attitude', labels: { en: 'Attitude' }, gap: -0.5 }],
  } as never),
  gains: clientele.discrimination(scores, outcomes),
  gradeOutcomesResult: clientele.gradeOutcomes(['A', 'A', 'B', 'B', 'C', 'C'], [0, 0, 0, 1, 1, 1]),
  gradeBands: potentialValueBands,
  gradeCounts: { A: 3, B: 12, C: 20, D: 5 },
  scoreResultJson: JSON.parse(JSON.stringify(scoreResult)) as unknown,
  scoreChartOptions: { scorecard: potentialValueModel, locale: 'zh-CN' },
  assessment,
  assessmentJson: JSON.parse(JSON.stringify(assessment)) as unknown,
  paretoCurveResult: clientele.paretoCurve([500, 300, 100, 60, 40]),
  paretoChartOptions: { targetShare: 0.8, width: 500, theme: 'dark' },
  chartOptions: { locale: 'zh-CN', digits: 2, percentDigits: 1, theme: 'dark', palette: 'greyscale', width: 500 },
  dimensionChartOptions: { scale: [1, 5], locale: 'en' },
  gainsChartOptions: { kind: 'lift', currency: 'CNY' },
  reportOptions: {
    locale: 'zh-CN',
    asOf: '2026-06-30',
    tiers: [{ id: 'crystal', labels: { en: 'Crystal', 'zh-CN': '水晶' }, count: 3, value: 1000 }],
    churn: churnResults,
    quality: { survey: surveyScore },
    maxAlerts: 5,
  },
  formatValue: '1234567.125',
  formatOptions: { locale: 'en', digits: 2, minimumDigits: 1, grouping: true },
  currency: 'CNY',
  purchaseHistories,
  bgBbHistories,
  spendHistories,
  survivors,
  fitOptions,
  transactionModel,
  spendModel,
  retentionModel,
  customer,
  horizon: 10,
  count: 2,
  periods: 12,
  clvOptions: { discountRate: 0.01, periods: 12, margin: 0.3 },
  dertOptions: { discountRate: 0.1, renewals: 1 },
  transactions: [
    { customerId: 'a', date: '2026-01-05', amount: 10 },
    { customerId: 'a', date: '2026-02-05', amount: 20 },
    { customerId: 'b', date: '2026-03-01', amount: 5 },
  ],
  summarizeOptions: { asOf: '2026-06-30', unit: 'weeks' },
  answers7: [1, 5, 7, null, 6],
  answers5: [1, 5, 4, null, 3],
  cesOptions: { scale: { min: 1, max: 7 } },
  csatOptions: { scale: { min: 1, max: 5 }, satisfiedFrom: 4 },
  surveyRows,
  surveyRow: surveyRows[0],
  compareOptions: { by: 'period', baseline: 'Q2', comparison: 'Q3', level: 0.9 },
  surveyOptions: { missing: 'skip', where: { period: 'Q2' } },
  sampleA: [3, 4, 4, 5, 3],
  sampleB: [4, 5, 5, 5, 4, 5],
  welchOptions: { level: 0.95 },
  likertAnswer: 2,
  likertScale: { min: 1, max: 5 },
  probability: 0.95,
  degrees: 12,
  statistic: 1.5,
  scores,
  outcomes,
  outcomeOptions: { minimumCount: 1 },
  psiExpected: [25, 25, 25, 25],
  psiActual: [10, 20, 30, 40],
  scoreResults: [scoreResult, clientele.score(potentialValueModel, lowRatings)],
  grades: ['A', 'A', 'B', 'B', 'C', 'C'],
  gradeOutcomeValues: [0, 0, 0, 1, 1, 1],
  overrideResult: { total: '62', grade: 'B' },
  override: { grade: 'A', reason: 'signed a three-year framework deal', author: 'Li Na', expiresAt: '2027-03-31' },
  asOfOptions: { asOf: '2026-11-01' },
  ruleSet: defaultChurnRuleSet,
  backtestHistories: backtestArgs.histories,
  backtestOutcomes: backtestArgs.outcomes,
  backtestOptions: backtestArgs.options,
  backtest: attempt<unknown>(
    () =>
      clientele.backtestRules(defaultChurnRuleSet, backtestArgs.histories, backtestArgs.outcomes, backtestArgs.options),
    {},
  ),
  scorerOptions: { missing: 'min' },
  scorerRecord: { id: 'a', ratings: { tenure: 5 } },
  keyAccounts: [{ id: 'crystal-1', monthlySpend: 5000 }],
  validity: { validFrom: '2026-01-01', validTo: '2026-12-31' },
  agencyAccounts: [{ id: 'c1', monthlySpend: 5000, customerClass: 'A', visits: ['2026-01-10'] }],
  agencyOptions: { validFrom: '2026-01-01', validTo: '2026-03-31', managersOnStaff: 0 },
  classCounts: { A: 3, B: 1 },
  teamTemplates: clientele.defaultTeamTemplates,
  historical: {
    entries: [
      { date: '2025-11-01', margin: 1000 },
      { date: '2026-05-01', margin: 500 },
    ],
    asOf: '2026-11-01',
    rate: 0.05,
  },
  uplift: {
    crossSell: [{ margin: 20000, probability: 0.25 }],
    shareOfWallet: { wallet: 1000000, currentShare: 0.3, targetShare: 0.4, marginRate: 0.15 },
    referrals: { count: 0.5, valuePerReferral: 8000 },
  },
  sqlOptions: { dialect: 'duckdb', table: 'accounts', keep: ['account_id'] },
  sqlName: 'account_id',
  dialect: 'postgres',
  normalisation: 'minmax',
  json: { b: [1, '2', { c: null }], a: true },
  telecomTierPolicy,
  labels: { en: 'Credit', 'zh-CN': '客户信用度', de: 'Bonität' },
  locale: 'zh-Hant-TW',
  condition: defaultChurnRuleSet.rules[0]!.when,
  conditionFold: {
    leaf: (leaf: { signal: string }) => [leaf.signal],
    all: (parts: string[][]) => parts.flat(),
    any: (parts: string[][]) => parts.flat(),
    not: (part: string[]) => part,
  },
} as const;
