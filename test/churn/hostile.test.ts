import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  decideRules,
  defaultChurnRuleSet,
  defineRuleSet,
  deriveSignals,
  evaluateChurnRiskBatch,
  evaluateRules,
} from '../../src/index.js';
import { AS_OF } from './fixtures.js';

const snapshot = () => ({
  objectKeys: Object.getOwnPropertyNames(Object.prototype).sort(),
  arrayKeys: Object.getOwnPropertyNames(Array.prototype).sort(),
  globals: Object.getOwnPropertyNames(globalThis).sort(),
});

describe('hostile input', () => {
  it('prototype-pollution payloads are rejected and pollute nothing', () => {
    const before = snapshot();
    const payloads = [
      '{"id":"x","rules":[],"__proto__":{"polluted":"yes"}}',
      '{"id":"x","rules":[{"id":"r","when":{"signal":"a","op":"eq","value":1},"severity":"watch","points":1,' +
        '"cause":"credit","message":{"en":"x","zh-CN":"y","__proto__":{"polluted":"yes"}}}]}',
      '{"id":"x","rules":[{"id":"r","when":{"signal":"a","op":"in","value":[{"__proto__":{"polluted":"yes"}}]},' +
        '"severity":"watch","points":1,"cause":"credit"}]}',
      '{"id":"x","rules":[{"id":"r","when":{"constructor":{"prototype":{"polluted":"yes"}}},' +
        '"severity":"watch","points":1,"cause":"credit"}]}',
    ];
    for (const payload of payloads) expect(() => defineRuleSet(JSON.parse(payload))).toThrow(ValidationError);
    const history = JSON.parse(
      '{"id":"X","__proto__":{"polluted":"yes"},"relationship":{"__proto__":{"polluted":"yes"}}}',
    );
    expect(() => deriveSignals(history, { asOf: AS_OF })).toThrow(ValidationError);
    const signals = JSON.parse('{"__proto__":{"spendChange":-0.9},"constructor":{"prototype":{"x":1}}}');
    expect(evaluateRules(defaultChurnRuleSet, signals).fired).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(snapshot()).toEqual(before);
  });

  it('an object literal with __proto__ (which sets the prototype) is refused, not silently inherited', () => {
    const when = { __proto__: { signal: 'a', op: 'eq', value: 1 } };
    expect(() =>
      defineRuleSet({ id: 'x', rules: [{ id: 'r', when, severity: 'watch', points: 1, cause: 'credit' }] } as never),
    ).toThrow(ValidationError);
    expect(() => defineRuleSet({ __proto__: { id: 'x', rules: [] } } as never)).toThrow(ValidationError);
  });

  it('signal names may be any flat-record key except prototype keys and placeholder delimiters', () => {
    for (const name of ['days since last order', '3mChange', 'spend.change', '投放额变化']) {
      const ruleSet = defineRuleSet({
        id: 'x',
        signals: { [name]: { type: 'number' } },
        rules: [{ id: 'r', when: { signal: name, op: 'gt', value: 0 }, severity: 'watch', points: 1, cause: 'credit' }],
      });
      expect(evaluateRules(ruleSet, { [name]: 1 }).fired).toEqual(['r']);
    }
    for (const name of ['', 'a{b}', 'a|b', 'x'.repeat(101)]) {
      expect(() =>
        defineRuleSet({
          id: 'x',
          checkSignals: false,
          rules: [
            { id: 'r', when: { signal: name, op: 'gt', value: 0 }, severity: 'watch', points: 1, cause: 'credit' },
          ],
        }),
      ).toThrow(ValidationError);
    }
  });

  it('a record whose own property is named like a prototype key is never read', () => {
    const definition = {
      id: 'x',
      rules: [
        {
          id: 'r',
          when: { signal: 'hasOwnProperty', op: 'eq', value: 1 },
          severity: 'watch',
          points: 1,
          cause: 'credit',
        },
      ],
    } as const;
    // the signal check never finds a name on Object.prototype: an undeclared hasOwnProperty is unknown
    expect(() => defineRuleSet(definition)).toThrow(ValidationError);
    expect(() => defineRuleSet({ ...definition, signals: { __proto__: { type: 'number' } } } as never)).toThrow(
      ValidationError,
    );
    const ruleSet = defineRuleSet({ ...definition, signals: { hasOwnProperty: { type: 'number' as const } } });
    expect(evaluateRules(ruleSet, {}).unknown).toEqual(['r']);
    expect(evaluateRules(ruleSet, { hasOwnProperty: 1 }).fired).toEqual(['r']);
  });

  it('huge arrays fail fast with a clear error', () => {
    const huge = Array.from({ length: 100_001 }, (_, index) => ({ date: '2026-01-01', by: `p${index}` }));
    try {
      deriveSignals({ id: 'X', visits: huge }, { asOf: AS_OF });
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues[0]).toMatchObject({
        path: 'visits',
        expected: 'at most 100000 item(s)',
      });
    }
    const longList = Array.from({ length: 1001 }, (_, index) => index);
    expect(() =>
      defineRuleSet({
        id: 'x',
        rules: [
          { id: 'r', when: { signal: 'a', op: 'in', value: longList }, severity: 'watch', points: 1, cause: 'credit' },
        ],
      }),
    ).toThrow(/at most 1000 values/);
  });

  it('wrong types everywhere give ValidationErrors, never TypeErrors', () => {
    const inputs: unknown[] = [
      null,
      undefined,
      0,
      '',
      'x',
      true,
      [],
      [null],
      {},
      { id: 1 },
      { id: 'x', rules: {} },
      { id: 'x', rules: [{}] },
      { id: 'x', rules: [{ id: 'r', when: [] }] },
    ];
    for (const input of inputs) expect(() => defineRuleSet(input as never)).toThrow(ValidationError);
    for (const input of inputs) expect(() => deriveSignals(input, { asOf: AS_OF })).toThrow(ValidationError);
    for (const input of [null, 1, 'x', []])
      expect(() => evaluateRules(defaultChurnRuleSet, input as never)).toThrow(ValidationError);
    expect(() => deriveSignals({ id: 'x' }, null as never)).toThrow(ValidationError);
    expect(() => decideRules(defaultChurnRuleSet, 'records' as never)).toThrow(ValidationError);
    const batch = evaluateChurnRiskBatch(inputs, { asOf: AS_OF });
    expect(batch.errors.length).toBe(inputs.length);
  });
});
