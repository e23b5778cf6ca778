/**
 * `toSql` and `defineScorecard` given an optional setting as an explicit `undefined` (as a consumer
 * under `exactOptionalPropertyTypes` may write it) do what leaving it out does.
 */
import { describe, expect, it } from 'vitest';
import { defaultChurnRuleSet, defineScorecard, potentialValueModel, toSql } from '../../src/index.js';
import { json, unset } from '../support/explicitUndefined.js';

const scorecardOptions = [
  'columns',
  'keep',
  'identifierCase',
  'missing',
  'clamp',
  'bands',
  'normalisation',
  'ratingScale',
  'totalScale',
];

describe('explicit undefined', () => {
  it('toSql: every optional setting undefined gives the query without them', () => {
    const base = { dialect: 'duckdb', table: 'accounts' } as const;
    expect(json(toSql(potentialValueModel, { ...base, ...unset(...scorecardOptions) }))).toEqual(
      json(toSql(potentialValueModel, base)),
    );
    const asOf = { ...base, asOf: '2026-01-31' };
    expect(json(toSql(defaultChurnRuleSet, { ...asOf, ...unset('columns', 'keep', 'identifierCase') }))).toEqual(
      json(toSql(defaultChurnRuleSet, asOf)),
    );
  });

  it('defineScorecard: grades, labels, a scale and a description undefined define the model without them', () => {
    const definition = {
      id: 'plain',
      categories: [{ id: 'all', weight: 1, factors: [{ id: 'only', min: 0, max: 1 }] }],
    };
    const withUndefined = {
      ...definition,
      ...unset('grades', 'labels'),
      categories: [{ ...definition.categories[0]!, factors: [{ id: 'only', min: 0, max: 1, ...unset('scale') }] }],
    };
    expect(defineScorecard(withUndefined).fingerprint).toBe(defineScorecard(definition).fingerprint);
  });
});
