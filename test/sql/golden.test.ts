/**
 * Golden files: the exact text generated for every dialect, so a change to BigQuery, Snowflake or
 * Spark output (which no engine checks here) is a reviewed diff. `npx vitest run test/sql -u`
 * rewrites them after an intended change.
 */
import { describe, expect, it } from 'vitest';
import { defineRuleSet } from '../../src/churn/index.js';
import { defineScorecard } from '../../src/scoring/index.js';
import { sqlDialects, toSql, type SqlQuery } from '../../src/sql/index.js';
import { defaultValueMatrix } from '../../src/value/index.js';

const labels = (text: string) => ({ en: text, 'zh-CN': text });

const scorecard = defineScorecard({
  id: 'golden-scorecard',
  version: '1.0.0',
  normalisation: 'minmax',
  grades: { id: 'grades', version: '1', domain: '[0, 100]', bands: [
    { id: 'A', labels: labels('A'), interval: '[80, 100]' },
    { id: 'B', labels: labels('B'), interval: '(40, 80)' },
    { id: 'C', labels: labels('C'), interval: '[0, 40]' },
  ] },
  categories: [
    { id: 'credit', labels: labels('Credit'), weight: '0.3', factors: [
      { id: 'tenure', labels: labels('Tenure'), min: 1, max: 5, scale: { type: 'bands', bands: [{ interval: '[0, 365)', rating: 1 }, { interval: '[365, +inf)', rating: 5 }] } },
      { id: 'latePayments', labels: labels('Late payments'), min: 1, max: 10, scale: { type: 'linear', from: { raw: 0, rating: 10 }, to: { raw: 12, rating: 1 } } },
    ] },
    { id: 'influence', labels: labels('Influence'), weight: '0.7', factors: [
      { id: 'industry', labels: labels('Industry'), min: 1, max: 10, scale: { type: 'categorical', categories: [{ value: 'fmcg', rating: 9 }, { value: "o'brien", rating: 3 }], default: 5 } },
      { id: 'exclusive', labels: labels('Exclusive'), min: 0, max: 2, scale: { type: 'boolean', true: 2, false: 0 } },
      { id: 'marketPosition', labels: labels('Market position'), min: 1, max: 10 },
    ] },
  ],
});

const ruleSet = defineRuleSet({
  id: 'golden-rules',
  version: '1.0.0',
  rules: [
    { id: 'spend-drop', when: { signal: 'spendChange', op: 'lte', value: -0.2 }, severity: 'warning', points: 2, cause: 'competitor' },
    { id: 'no-visit', when: { any: [{ signal: 'lastVisit', op: 'olderThan', value: { months: 3 } }, { signal: 'lastVisit', op: 'missing' }] }, severity: 'critical', points: '3.5', cause: 'relationship' },
    { id: 'tier', when: { all: [{ signal: 'tier', op: 'in', value: ['gold', "o'neil"] }, { not: { signal: 'lastOrder', op: 'within', value: { days: 30 } } }] }, severity: 'watch', points: 1, cause: 'needs-unmet' },
    { id: 'handover', when: { signal: 'handover', op: 'eq', value: false }, severity: 'warning', points: 1, cause: 'relationship' },
  ],
});

function golden(query: SqlQuery): string {
  return `${query.text}\n-- params: ${JSON.stringify(query.params)}\n`;
}

describe.each(sqlDialects)('generated %s text', (dialect) => {
  it('scorecard with every scale type, minmax normalisation and grade bands', async () => {
    await expect(golden(toSql(scorecard, { dialect, table: ['crm', 'accounts'], keep: ['account_id'], columns: { marketPosition: 'market_position' }, missing: 'min' }))).toMatchFileSnapshot(`./golden/${dialect}.scorecard.sql`);
  });

  it('churn rule set with windows, lists, booleans and Kleene groups', async () => {
    await expect(golden(toSql(ruleSet, { dialect, table: 'signals', keep: ['account_id'], asOf: '2026-11-01' }))).toMatchFileSnapshot(`./golden/${dialect}.rules.sql`);
  });

  it('default value matrix', async () => {
    await expect(golden(toSql(defaultValueMatrix, { dialect, table: 'grades', keep: ['account_id'] }))).toMatchFileSnapshot(`./golden/${dialect}.matrix.sql`);
  });
});
