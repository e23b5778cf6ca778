/**
 * assessPortfolio's output pinned byte for byte (SHA-256 of its JSON) on generated portfolios under
 * several option sets, recorded before the module was split into its shared parts: the split and
 * the streaming form must not change a single character.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { brokenRecords, samplePortfolio, seededRandom } from '../../demo/sample-portfolio.js';
import { defineScorecard, potentialValueBands, potentialValueModel, score } from '../../src/scoring/index.js';
import {
  assessPortfolio,
  assessPortfolioEach,
  quantileValueGrader,
  type AssessPortfolioOptions,
} from '../../src/value/index.js';

const transactionModel = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
const spendModel = { kind: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;

/** Accounts: half-point ratings, heavy-tailed margins (some negative), per-record retentions, broken records. */
function generated(count: number, seed: number): Record<string, unknown>[] {
  const random = seededRandom(seed);
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const ratings: Record<string, number> = {};
    for (const factor of potentialValueModel.factors) {
      const steps = (factor.max.toNumber() - factor.min.toNumber()) * 2;
      ratings[factor.id] = factor.min.toNumber() + Math.floor(random() * (steps + 1)) / 2;
    }
    const margin = Math.round((400000 * random() ** 4 - 2000) * 100) / 100;
    const record: Record<string, unknown> = { id: `G-${i}`, ratings, margin };
    if (i % 7 === 3) record.retention = [0.9, 0.8, 0.7];
    if (i % 11 === 5) record.margin = [margin, margin * 2];
    if (i % 97 === 13) record.margin = 'n/a';
    if (i % 89 === 21) record.retention = 1.5;
    if (i % 13 === 0)
      record.history = { frequency: i % 9, recency: (i % 9) * 3, T: 38.86, monetaryValue: 10 + (i % 50) };
    records.push(record);
  }
  return records;
}

const portfolio = [
  ...samplePortfolio.map((account) => ({
    id: account.id,
    ratings: account.ratings,
    margin: account.monthlySpend.slice(-12).map((spend) => Math.round(spend * account.marginRate * 100) / 100),
  })),
  ...brokenRecords,
];
const cases: [string, readonly unknown[], AssessPortfolioOptions][] = [
  ['sample, default options', portfolio, { valuation: { retention: 0.85, discountRate: 0.08 } }],
  ['generated, default options', generated(2_000, 3), { valuation: { retention: 0.85, discountRate: 0.08 } }],
  [
    'generated, quantile grader, start timing, 5 periods, top 3 and 50, 2023 bands',
    generated(1_500, 4),
    {
      valuation: { retention: 0.8, discountRate: 0.1, timing: 'start', horizon: 5 },
      currentGrader: quantileValueGrader,
      targetShare: 0.5,
      top: [3, 50],
      bands: '2023',
    },
  ],
  [
    'generated, lifetime models',
    generated(600, 5),
    {
      valuation: { discountRate: 0.01 },
      lifetime: { transactionModel, spendModel, periods: 12, periodLength: 30.4375 / 7, margin: 0.3 },
    },
  ],
  ['generated, no default retention', generated(500, 6), { valuation: { discountRate: 0.05 } }],
  ['empty', [], { valuation: { retention: 0.85, discountRate: 0.08 } }],
];

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

// recorded from assessPortfolio before the split
const expected: Record<string, string> = {
  'sample, default options': '4eb974447a98c268',
  'generated, default options': '2545df005f05da8f',
  'generated, quantile grader, start timing, 5 periods, top 3 and 50, 2023 bands': '8e8d3e9d20680d07',
  'generated, lifetime models': 'a6b98387605e21b2',
  'generated, no default retention': '7fa2de46e0ef6bda',
  empty: 'd764687042f0bbbb',
};

describe('assessPortfolio output is byte-identical to the recorded digests', () => {
  it.each(cases)('%s', (name, records, options) => {
    expect(digest(assessPortfolio(records, options))).toBe(expected[name]);
  });

  it.each(cases)('%s: the streaming form gives the same bytes', (name, records, options) => {
    const stream = assessPortfolioEach(records, options);
    const outcomes = [...stream.accounts];
    const results = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.result] : []));
    const errors = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
    expect(digest({ results, errors, summary: stream.summary })).toBe(expected[name]);
  });
});

describe('potential scores no double prints exactly', () => {
  it('are kept as decimals and come out exactly as score gives them, in both forms', () => {
    const thirds = defineScorecard({
      id: 'thirds',
      version: '1',
      normalisation: 'ratio',
      grades: potentialValueBands,
      categories: [{ id: 'all', weight: '1', factors: [{ id: 'rating', min: 0, max: 3 }] }],
    });
    const records = [0, 1, 2, 3].map((rating) => ({ id: `t${rating}`, ratings: { rating }, margin: 100 + rating }));
    const options = { scorecard: thirds, valuation: { retention: 0.5, discountRate: 0.1 } };
    const expected = records.map((record) => score(thirds, record.ratings).total.toJSON());
    expect(expected[1]).toMatch(/^33\.3{30,}/);
    expect(assessPortfolio(records, options).results.map((result) => result.potential.score.toJSON())).toEqual(
      expected,
    );
    const streamed = [...assessPortfolioEach(records, options).accounts];
    expect(streamed.map((outcome) => (outcome.ok ? outcome.result.potential.score.toJSON() : null))).toEqual(expected);
  });
});
