import { describe, expect, it } from 'vitest';
import { decideRules, defaultChurnRuleSet, evaluateRules } from '../../src/index.js';

describe('decideRules program', () => {
  it('serialises decisions and levels as JSON arrays', () => {
    const json = JSON.parse(JSON.stringify(decideRules(defaultChurnRuleSet, [{ spendChange: -0.6 }]))) as {
      decisions: unknown;
      levels: unknown;
    };
    expect(Array.isArray(json.decisions)).toBe(true);
    expect(json.levels).toEqual([3]);
  });

  it('decides between, known, missing, not and nested any/all as evaluateRules does, with shapes changing', () => {
    const ruleSet = {
      id: 'program',
      signals: { x: { type: 'number' }, y: { type: 'number' }, flag: { type: 'boolean' } },
      rules: [
        { id: 'band', when: { signal: 'x', op: 'between', value: [1, 2.5] }, severity: 'watch', points: 1 },
        { id: 'has', when: { signal: 'y', op: 'known' }, severity: 'warning', points: 1 },
        { id: 'none', when: { signal: 'y', op: 'missing' }, severity: 'watch', points: 1 },
        {
          id: 'nested',
          when: {
            not: { any: [{ signal: 'x', op: 'gt', value: 2 }, { all: [{ signal: 'flag', op: 'eq', value: true }] }] },
          },
          severity: 'critical',
          points: 1,
        },
      ].map((rule) => ({ cause: 'custom', ...rule })),
    };
    const records = [
      { x: 1, y: 0, flag: false },
      { flag: true, x: 2.5 },
      { y: null, x: '2' },
      { x: 3, z: 1, y: 'a' },
      {},
      { x: 1.5, flag: true },
    ];
    const batch = decideRules(ruleSet as never, records);
    records.forEach((record, index) => {
      const single = evaluateRules(ruleSet as never, record);
      const expected = batch.ruleIds.map((id) =>
        single.fired.includes(id) ? 1 : single.unknown.includes(id) ? -1 : 0,
      );
      expect(Array.from(batch.decisions.subarray(index * 4, index * 4 + 4))).toEqual(expected);
    });
  });
});
