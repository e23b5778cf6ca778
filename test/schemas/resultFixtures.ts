/**
 * Stored results for the JSON Schema tests: the JSON of live results the library computes from
 * the presets and the shared fixtures, with the function that reads each kind back.
 */
import * as library from '../../src/index.js';
import { backtestRules, parseBacktestResult } from '../../src/outcomes/index.js';
import { AS_OF, healthyHistory } from '../churn/fixtures.js';
import { monthlyOrders, orderGapRules, REPLAY_DATES } from '../outcomes/fixtures.js';

export type Json = Record<string, any>;
const json = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

const ratings = Object.fromEntries(library.potentialValueModel.factors.map((factor) => [factor.id, factor.max]));
const lowest = Object.fromEntries(library.potentialValueModel.factors.map((factor) => [factor.id, factor.min]));
const troubled = {
  ...healthyHistory(),
  id: 'ACC-LATE',
  visits: [],
  relationship: { accountManager: 'Li Wei', managerLeftAt: '2026-09-01', internalContacts: 1, clientContacts: 1 },
};
export const churnBatch = library.evaluateChurnRiskBatch([healthyHistory(), troubled, { id: 7 } as never], {
  asOf: AS_OF,
});
const answers = (value: number) =>
  Object.fromEntries(library.serviceQualityInstrument.items.map((item) => [item.id, value]));

/** Each result kind: its schema's name, how to read it back, and the JSON of live results. */
export const results: { name: string; parse: (json: unknown) => unknown; live: Json[] }[] = [
  {
    name: 'scoreResult',
    parse: library.parseScoreResult,
    live: [
      json(library.score(library.potentialValueModel, ratings)),
      json(library.score(library.potentialValueModel, { tenure: 4, creditRecord: 8 }, { missing: 'exclude' })),
    ],
  },
  {
    name: 'scoreSummary',
    parse: library.parseScoreSummary,
    live: [
      json(library.score(library.potentialValueModel, lowest, { bands: library.potentialValueBands, explain: false })),
      json(
        library.score(
          library.potentialValueModel,
          { tenure: 4, creditRecord: 8 },
          { missing: 'exclude', explain: false },
        ),
      ),
    ],
  },
  {
    name: 'churnRiskResult',
    parse: library.parseChurnRiskResult,
    live: [troubled, healthyHistory()].map((history) => json(library.evaluateChurnRisk(history, { asOf: AS_OF }))),
  },
  { name: 'churnRiskBatch', parse: library.parseChurnRiskBatch, live: [json(churnBatch)] },
  {
    name: 'portfolioAssessment',
    parse: library.parsePortfolioAssessment,
    live: [
      json(
        library.assessPortfolio(
          [
            { id: 'a', ratings, margin: 1200 },
            { id: 'b', ratings: { ...ratings, tenure: 1 }, margin: 300 },
            { id: 'c', ratings, margin: 'lots' },
          ],
          { valuation: { discountRate: 0.1, retention: 0.8 } },
        ),
      ),
    ],
  },
  {
    name: 'surveyScore',
    parse: library.parseSurveyScore,
    live: [
      json(
        library.scoreSurvey(library.serviceQualityInstrument, [
          { id: 'a', answers: answers(4) },
          { id: 'b', answers: answers(2) },
          { id: 'c', answers: { nonsense: 9 } },
        ]),
      ),
      json(library.scoreSurvey(library.serviceQualityInstrument, [])),
    ],
  },
  {
    name: 'backtestResult',
    parse: parseBacktestResult,
    live: [
      json(
        backtestRules(
          orderGapRules(60),
          [
            { id: 'A', since: '2020-01-01', orders: monthlyOrders('2025-01', '2026-01') },
            { id: 'B', since: '2020-01-01', orders: monthlyOrders('2025-01', '2026-06') },
          ],
          [{ accountId: 'A', lostAt: '2026-05-15' }],
          { asOf: REPLAY_DATES },
        ),
      ),
    ],
  },
];
