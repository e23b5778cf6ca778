/**
 * Golden files: the exact text generated for every dialect, so a change to BigQuery, Snowflake or
 * Spark output (which no engine checks here) is a reviewed diff. `npx vitest run test/sql -u`
 * rewrites them after an intended change.
 */
import { describe, expect, it } from 'vitest';
import { defineRuleSet } from '../../src/churn/index.js';
import { defineScorecard } from '../../src/scoring/index.js';
import { everyScaleScorecard } from '../arbitraries/scorecard.js';
import { sqlDialects, toSql, type SqlQuery } from '../../src/sql/index.js';
import { defaultValueMatrix } from '../../src/value/index.js';

const scorecard = defineScorecard(everyScaleScorecard);

const ruleSet = defineRuleSet({
  id: 'golden-rules',
  version: '1.0.0',
  signals: { lastVisit: { type: 'date' }, lastOrder: { type: 'date' }, handover: { type: 'boolean' } },
  rules: [
    {
      id: 'spend-drop',
      when: { signal: 'spendChange', op: 'lte', value: -0.2 },
      severity: 'warning',
      points: 2,
      cause: 'competitor',
    },
    {
      id: 'no-visit',
      when: {
        any: [
          { signal: 'lastVisit', op: 'olderThan', value: { months: 3 } },
          { signal: 'lastVisit', op: 'missing' },
        ],
      },
      severity: 'critical',
      points: '3.5',
      cause: 'relationship',
    },
    {
      id: 'tier',
      when: {
        all: [
          { signal: 'tier', op: 'in', value: ['gold', "o'neil"] },
          { not: { signal: 'lastOrder', op: 'within', value: { days: 30 } } },
        ],
      },
      severity: 'watch',
      points: 1,
      cause: 'needs-unmet',
    },
    {
      id: 'handover',
      when: { signal: 'handover', op: 'eq', value: false },
      severity: 'warning',
      points: 1,
      cause: 'relationship',
    },
  ],
});

function golden(query: SqlQuery): string {
  return `${query.text}\n-- params: ${JSON.stringify(query.params)}\n`;
}

describe.each(sqlDialects)('generated %s text', (dialect) => {
  it('scorecard with every scale type, minmax normalisation and grade bands', async () => {
    await expect(
      golden(
        toSql(scorecard, {
          dialect,
          table: ['crm', 'accounts'],
          keep: ['account_id'],
          columns: { marketPosition: 'market_position' },
          missing: 'min',
        }),
      ),
    ).toMatchFileSnapshot(`./golden/${dialect}.scorecard.sql`);
  });

  it('churn rule set with windows, lists, booleans and Kleene groups', async () => {
    await expect(
      golden(toSql(ruleSet, { dialect, table: 'signals', keep: ['account_id'], asOf: '2026-11-01' })),
    ).toMatchFileSnapshot(`./golden/${dialect}.rules.sql`);
  });

  it('default value matrix', async () => {
    await expect(
      golden(toSql(defaultValueMatrix, { dialect, table: 'grades', keep: ['account_id'] })),
    ).toMatchFileSnapshot(`./golden/${dialect}.matrix.sql`);
  });
});
