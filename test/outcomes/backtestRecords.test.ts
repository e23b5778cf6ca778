import { describe, expect, it } from 'vitest';
import { backtestRules } from '../../src/outcomes/index.js';
import { defaultChurnRuleSet } from '../../src/churn/index.js';

const history = (id: string) => ({
  id,
  since: '2020-01-01',
  spend: [
    { period: '2026-05', amount: 100 },
    { period: '2026-06', amount: 0 },
  ],
});

describe('backtestRules keeps every history', () => {
  it('a hole or an unreadable history is that index’s error; accounts + errors = histories in', () => {
    const histories = [history('a'), , history('c'), 42] as unknown[];
    const result = backtestRules(defaultChurnRuleSet, histories, [], { asOf: ['2026-07-01', '2026-08-01'] });
    expect(result.accounts + result.errors.length).toBe(histories.length);
    expect(result.errors.map((error) => error.index)).toEqual([1, 3]);
    expect(result.evaluations).toBe(4);
  });
});
