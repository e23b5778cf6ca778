import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  churnSignalCatalogue,
  defaultChurnRuleSet,
  defaultChurnRules,
  defineRuleSet,
  ruleSetLimits,
  ruleSetSchema,
} from '../../src/index.js';

const rule = (overrides: Record<string, unknown> = {}) => ({
  id: 'spend-drop',
  when: { signal: 'spendChange', op: 'lte', value: -0.2 },
  severity: 'warning',
  points: 15,
  cause: 'needs-unmet',
  message: { en: 'Spend changed {spendChange|percent}', 'zh-CN': '投放额变化 {spendChange|percent}' },
  ...overrides,
});

function issuesOf(run: () => unknown): { path: string; expected: string; received: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return [...(error as ValidationError).issues];
  }
  throw new Error('expected a ValidationError');
}

describe('defineRuleSet: the SPEC §3 contract', () => {
  it('accepts { id, rules } with the contract rule shape and defaults the version', () => {
    const ruleSet = defineRuleSet({ id: 'mini', rules: [rule()] });
    expect(ruleSet.id).toBe('mini');
    expect(ruleSet.version).toBe('1.0.0');
    expect(ruleSet.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ruleSet.rules.map((r) => r.id)).toEqual(['spend-drop']);
    expect(ruleSet.rules[0]!.points.toString()).toBe('15');
    expect(ruleSet.rules[0]!.controllable).toBe(true);
    expect(Object.isFrozen(ruleSet)).toBe(true);
    expect(Object.isFrozen(ruleSet.rules[0])).toBe(true);
  });

  it('accepts every contract operator and the extras', () => {
    const when = {
      all: [
        { signal: 'a', op: 'lt', value: 1 },
        { signal: 'a', op: 'lte', value: '1.5' },
        { signal: 'a', op: 'gt', value: -1 },
        { signal: 'a', op: 'gte', value: 0 },
        { signal: 'b', op: 'eq', value: 'gold' },
        { signal: 'b', op: 'neq', value: 'silver' },
        { signal: 'b', op: 'in', value: ['gold', 'platinum'] },
        { signal: 'b', op: 'notIn', value: ['bronze'] },
        { signal: 'a', op: 'between', value: [0, 1] },
        { signal: 'c', op: 'known' },
        { not: { signal: 'd', op: 'missing' } },
        {
          any: [
            { signal: 'e', op: 'within', value: { days: 30 } },
            { signal: 'e', op: 'olderThan', value: { months: 3 } },
          ],
        },
      ],
    };
    const ruleSet = defineRuleSet({ id: 'ops', rules: [rule({ when })] });
    expect(ruleSet.signals).toEqual(['a', 'b', 'c', 'd', 'e', 'spendChange']);
    expect(ruleSet.usesTimeWindows).toBe(true);
  });

  it('compiles rules on signals outside the catalogue when no catalogue is given', () => {
    expect(() =>
      defineRuleSet({ id: 'x', rules: [rule({ when: { signal: 'somethingElse', op: 'gt', value: 3 } })] }),
    ).not.toThrow();
  });

  it('throws on an unknown operator, naming the path', () => {
    const issues = issuesOf(() =>
      defineRuleSet({ id: 'x', rules: [rule({ when: { any: [{ signal: 'a', op: 'matches', value: '.*' }] } })] }),
    );
    expect(issues[0]).toMatchObject({ path: 'rules[0].when.any[0].op', received: 'string "matches"' });
    expect(issues[0]!.expected).toContain('notIn');
  });

  it('throws on a missing rule-set id and a missing rule id', () => {
    expect(issuesOf(() => defineRuleSet({ rules: [] } as never))[0]).toMatchObject({
      path: 'id',
      received: 'undefined',
    });
    const { id: _id, ...withoutId } = rule();
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: [withoutId] } as never))[0]).toMatchObject({
      path: 'rules[0].id',
    });
  });

  it('throws on duplicate rule ids, pointing at the second', () => {
    const issues = issuesOf(() => defineRuleSet({ id: 'x', rules: [rule(), rule({ severity: 'watch' })] }));
    expect(issues[0]).toMatchObject({ path: 'rules[1].id', received: 'string "spend-drop"' });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('throws on %s as a signal name', (name) => {
    const issues = issuesOf(() =>
      defineRuleSet({ id: 'x', rules: [rule({ when: { signal: name, op: 'eq', value: 1 } })] }),
    );
    expect(issues[0]!.path).toBe('rules[0].when.signal');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('throws on %s as a key anywhere (JSON.parse payloads)', (key) => {
    const payloads = [
      `{"id":"x","${key}":{"polluted":true},"rules":[]}`,
      `{"id":"x","rules":[{"id":"r","when":{"signal":"a","op":"eq","value":1,"${key}":{"polluted":true}}` +
        `,"severity":"watch","points":1,"cause":"credit"}]}`,
      `{"id":"x","rules":[{"id":"r","when":{"all":[{"signal":"a","op":"eq","value":1}],"${key}":1}` +
        `,"severity":"watch","points":1,"cause":"credit"}]}`,
      `{"id":"x","rules":[{"id":"r","${key}":{},"when":{"signal":"a","op":"eq","value":1}` +
        `,"severity":"watch","points":1,"cause":"credit"}]}`,
    ];
    for (const payload of payloads) {
      const issues = issuesOf(() => defineRuleSet(JSON.parse(payload)));
      expect(
        issues[0]!.path.endsWith(key === '__proto__' ? '["__proto__"]' : key) || issues[0]!.path.includes(key),
      ).toBe(true);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('throws when a value does not suit its operator', () => {
    const cases: [unknown, string][] = [
      [{ signal: 'a', op: 'gt', value: 'high' }, 'rules[0].when.value'],
      [{ signal: 'a', op: 'lt', value: null }, 'rules[0].when.value'],
      [{ signal: 'a', op: 'in', value: [] }, 'rules[0].when.value'],
      [{ signal: 'a', op: 'in', value: [1, { x: 1 }] }, 'rules[0].when.value[1]'],
      [{ signal: 'a', op: 'between', value: [5, 1] }, 'rules[0].when.value'],
      [{ signal: 'a', op: 'known', value: 1 }, 'rules[0].when.value'],
      [{ signal: 'a', op: 'within', value: { weeks: 2 } }, 'rules[0].when.value'],
      [{ signal: 'a', op: 'eq', value: Number.NaN }, 'rules[0].when.value'],
      [{ signal: 'a', op: 'eq', value: 1, extra: true }, 'rules[0].when.extra'],
      [{ all: [] }, 'rules[0].when.all'],
      [{ all: [{ signal: 'a', op: 'eq', value: 1 }], any: [] }, 'rules[0].when'],
      ['a > 1', 'rules[0].when'],
    ];
    for (const [when, path] of cases)
      expect(issuesOf(() => defineRuleSet({ id: 'x', rules: [rule({ when })] }))[0]!.path).toBe(path);
  });

  it('throws on bad severity, negative points, bad message placeholders and unknown rule keys', () => {
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: [rule({ severity: 'high' })] }))[0]!.path).toBe(
      'rules[0].severity',
    );
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: [rule({ points: -1 })] }))[0]!.path).toBe('rules[0].points');
    expect(
      issuesOf(() => defineRuleSet({ id: 'x', rules: [rule({ message: { en: '{constructor}', 'zh-CN': 'x' } })] }))[0]!
        .path,
    ).toBe('rules[0].message.en');
    expect(
      issuesOf(() => defineRuleSet({ id: 'x', rules: [rule({ message: { en: '{a|money}', 'zh-CN': 'x' } })] }))[0]!
        .path,
    ).toBe('rules[0].message.en');
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: [rule({ severty: 'watch' })] }))[0]!.path).toBe(
      'rules[0].severty',
    );
  });

  it('bounds the rule count and the nesting depth with a clear error', () => {
    const many = Array.from({ length: ruleSetLimits.maxRules + 1 }, (_, index) => rule({ id: `r${index}` }));
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: many }))[0]).toMatchObject({
      path: 'rules',
      expected: 'at most 1000 rules',
    });
    let deep: unknown = { signal: 'a', op: 'eq', value: 1 };
    for (let level = 0; level < ruleSetLimits.maxDepth; level++) deep = { not: deep };
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: [rule({ when: deep })] }))[0]!.expected).toContain(
      'nested at most 16 deep',
    );
    let fits: unknown = { signal: 'a', op: 'eq', value: 1 };
    for (let level = 1; level < ruleSetLimits.maxDepth; level++) fits = { not: fits };
    expect(() => defineRuleSet({ id: 'x', rules: [rule({ when: fits })] })).not.toThrow();
  });

  it('survives 100,000 levels of nesting and a million-element rule array without crashing', () => {
    let deep: unknown = { signal: 'a', op: 'eq', value: 1 };
    for (let level = 0; level < 100_000; level++) deep = { any: [deep] };
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: [rule({ when: deep })] }))[0]!.expected).toContain(
      'nested at most',
    );
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: new Array(1_000_000).fill(0) }))[0]!.path).toBe('rules');
    const wide = { any: Array.from({ length: 50_000 }, () => ({ signal: 'a', op: 'eq', value: 1 })) };
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: [rule({ when: wide })] })).length).toBeGreaterThan(0);
  });

  it('rejects wrong types at the top', () => {
    for (const input of [null, undefined, 42, 'rules', [], { id: 'x', rules: 'none' }, { id: 'x', rules: [null] }]) {
      expect(() => defineRuleSet(input as never)).toThrow(ValidationError);
    }
  });

  it('type-checks against a catalogue when one is given', () => {
    const catalogue = churnSignalCatalogue;
    expect(
      issuesOf(() =>
        defineRuleSet({ id: 'x', rules: [rule({ when: { signal: 'nope', op: 'gt', value: 1 } })] }, { catalogue }),
      )[0],
    ).toMatchObject({ path: 'rules[0].when.signal' });
    expect(
      issuesOf(() =>
        defineRuleSet(
          { id: 'x', rules: [rule({ when: { signal: 'singleThreaded', op: 'gt', value: 1 } })] },
          { catalogue },
        ),
      )[0],
    ).toMatchObject({ path: 'rules[0].when.op' });
    expect(
      issuesOf(() =>
        defineRuleSet(
          { id: 'x', rules: [rule({ when: { signal: 'singleThreaded', op: 'eq', value: 'yes' } })] },
          { catalogue },
        ),
      )[0],
    ).toMatchObject({ path: 'rules[0].when.value' });
    expect(
      issuesOf(() =>
        defineRuleSet(
          { id: 'x', rules: [rule({ when: { signal: 'lastVisitDate', op: 'gt', value: 3 } })] },
          { catalogue },
        ),
      )[0],
    ).toMatchObject({ path: 'rules[0].when.value' });
    expect(() =>
      defineRuleSet(
        { id: 'x', rules: [rule({ when: { signal: 'lastVisitDate', op: 'olderThan', value: { days: 90 } } })] },
        { catalogue },
      ),
    ).not.toThrow();
    const tiers = {
      tier: { type: 'category' as const, values: ['crystal', 'gold'], labels: { en: 'Tier', 'zh-CN': '等级' } },
    };
    expect(
      issuesOf(() =>
        defineRuleSet(
          { id: 'x', rules: [rule({ when: { signal: 'tier', op: 'in', value: ['gold', 'diamond'] } })] },
          { catalogue: tiers },
        ),
      )[0],
    ).toMatchObject({ path: 'rules[0].when.value[1]' });
  });

  it('round-trips through JSON to an equal model with the same fingerprint', () => {
    const ruleSet = defineRuleSet({
      id: 'mini',
      version: '2',
      rules: [rule(), rule({ id: 'b', points: '2.50', cause: 'pricing', controllable: false })],
    });
    const again = defineRuleSet(JSON.parse(JSON.stringify(ruleSet)));
    expect(again.fingerprint).toBe(ruleSet.fingerprint);
    expect(again).toEqual(ruleSet);
    expect(again.rules[1]!.controllable).toBe(false);
    expect(defineRuleSet(ruleSet).fingerprint).toBe(ruleSet.fingerprint);
    const defaults = defineRuleSet(JSON.parse(JSON.stringify(defaultChurnRuleSet)), {
      catalogue: churnSignalCatalogue,
    });
    expect(defaults.fingerprint).toBe(defaultChurnRuleSet.fingerprint);
  });

  it('gives a custom cause without a controllable flag controllable null', () => {
    expect(defineRuleSet({ id: 'x', rules: [rule({ cause: 'pricing' })] }).rules[0]!.controllable).toBeNull();
    expect(defineRuleSet({ id: 'x', rules: [rule({ cause: 'customer-business' })] }).rules[0]!.controllable).toBe(
      false,
    );
  });

  it('exports a schema that validates the default rules', () => {
    expect(ruleSetSchema.safeParse(defaultChurnRules).success).toBe(true);
    expect(ruleSetSchema.safeParse({ id: 'x', rules: [rule({ when: { signal: 'a', op: 'nope' } })] }).success).toBe(
      false,
    );
  });

  it('never uses eval or new Function (the source is data-driven closures)', async () => {
    const original = globalThis.Function;
    const trap = new Proxy(original, {
      construct() {
        throw new Error('new Function used');
      },
      apply() {
        throw new Error('Function() used');
      },
    });
    globalThis.Function = trap as FunctionConstructor;
    try {
      expect(() => defineRuleSet({ id: 'x', rules: [rule()] })).not.toThrow();
    } finally {
      globalThis.Function = original;
    }
  });
});

describe('safeDefineRuleSet', () => {
  it('returns the rule set or the issues instead of throwing', async () => {
    const { safeDefineRuleSet } = await import('../../src/index.js');
    const good = safeDefineRuleSet({ id: 'ok', rules: [rule()] });
    expect(good.success && good.output.id).toBe('ok');
    const bad = safeDefineRuleSet({ id: 'bad', rules: [rule({ when: { signal: 'x', op: 'above', value: 1 } })] });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues[0]!.path).toBe('rules[0].when.op');
  });
});
