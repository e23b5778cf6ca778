/** Findings of a contract review: paths of bad signals, ids in batch results, errors from every subpath. */
import { describe, expect, it } from 'vitest';
import * as churn from '../../src/churn/index.js';
import * as quality from '../../src/quality/index.js';
import * as scoring from '../../src/scoring/index.js';
import * as sql from '../../src/sql/index.js';
import * as value from '../../src/value/index.js';
import { ValidationError } from '../../src/index.js';

describe('churn surface', () => {
  it('names a bad signal value as signals.<name>', () => {
    const rules = churn.defineRuleSet({
      id: 'r',
      signals: { x: { type: 'number' } },
      rules: [
        {
          id: 'a',
          when: { signal: 'x', op: 'gt', value: 5 },
          severity: 'watch',
          points: 1,
          cause: 'competitor',
          message: { en: 'x', 'zh-CN': 'x' },
        },
      ],
    });
    try {
      churn.evaluateRules(rules, { x: 'abc' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]!.path).toBe('signals.x');
    }
  });

  it('gives batch results an id, like every other batch function', () => {
    const { results } = churn.evaluateChurnRiskBatch([{ id: 'A' }], { asOf: '2026-11-01' });
    expect(results[0]).toMatchObject({ index: 0, id: 'A', accountId: 'A' });
  });

  it('exports the error classes from every subpath', () => {
    for (const module of [scoring, value, churn, quality, sql]) {
      expect(module.ValidationError).toBe(ValidationError);
      expect(module.ClienteleError).toBeDefined();
    }
  });
});
