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
    const signals = {
      a: { type: 'number' },
      b: { type: 'category' },
      c: { type: 'number' },
      d: { type: 'number' },
      e: { type: 'date' },
    } as const;
    const ruleSet = defineRuleSet({ id: 'ops', signals, rules: [rule({ when })] });
    expect(ruleSet.signals).toEqual(['a', 'b', 'c', 'd', 'e', 'spendChange']);
    expect(ruleSet.usesTimeWindows).toBe(true);
  });

  it('refuses a signal outside the built-in catalogue by default, naming the nearest built-in signal', () => {
    // issue #17: a misspelled signal used to be accepted and stay unknown forever
    const misspelled = rule({ when: { signal: 'oldestOpenComplaintsDays', op: 'gt', value: 300 } });
    const [issue, ...others] = issuesOf(() => defineRuleSet({ id: 'x', rules: [misspelled] }));
    expect(others).toEqual([]);
    expect(issue).toMatchObject({
      code: 'invalid_value',
      path: 'rules[0].when.signal',
      received: 'string "oldestOpenComplaintsDays"',
    });
    expect(issue!.expected).toContain('did you mean "oldestOpenComplaintDays"?');
    // letter case is ignored when looking for the nearest signal; a name close to none gets no suggestion
    const cased = rule({ when: { any: [{ signal: 'spendchange', op: 'lt', value: 0 }] } });
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: [cased] }))[0]).toMatchObject({
      path: 'rules[0].when.any[0].signal',
      expected: expect.stringContaining('did you mean "spendChange"?') as unknown,
    });
    const far = issuesOf(() =>
      defineRuleSet({ id: 'x', rules: [rule({ when: { signal: 'a', op: 'gt', value: 1 } })] }),
    );
    expect(far[0]!.expected).not.toContain('did you mean');
    // message placeholders read signals too
    const placeholder = rule({ message: { en: 'Spend {spendChang|percent}', 'zh-CN': '{spendChange}' } });
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: [placeholder] }))).toMatchObject([
      { path: 'rules[0].message.en', received: 'string "{spendChang|percent}"' },
    ]);
    // the built-in types still hold: a boolean signal does not compare with lt
    const misused = rule({ when: { signal: 'singleThreaded', op: 'lt', value: 1 } });
    expect(issuesOf(() => defineRuleSet({ id: 'x', rules: [misused] }))[0]!.path).toBe('rules[0].when.op');
  });

  it('accepts custom signals declared in the rule set, type-checked as declared', () => {
    const when = {
      all: [
        { signal: 'ticketsReopened', op: 'gte', value: 3 },
        { signal: 'plan', op: 'eq', value: 'pro' },
      ],
    };
    const signals = {
      ticketsReopened: { type: 'number', alarming: 'higher' },
      plan: { type: 'category', values: ['free', 'pro'] },
    } as const;
    const declared = defineRuleSet({ id: 'x', signals, rules: [rule({ when })] });
    expect(declared.toJSON().signals).toEqual(signals);
    expect(defineRuleSet(JSON.parse(JSON.stringify(declared)) as never).fingerprint).toBe(declared.fingerprint);
    const wrongValue = { signal: 'plan', op: 'eq', value: 'enterprise' };
    expect(issuesOf(() => defineRuleSet({ id: 'x', signals, rules: [rule({ when: wrongValue })] }))[0]).toMatchObject({
      path: 'rules[0].when.value',
      received: 'string "enterprise"',
    });
    // a declaration of a built-in name replaces the built-in entry
    const retyped = { spendChange: { type: 'category' } } as const;
    const asCategory = rule({ when: { signal: 'spendChange', op: 'eq', value: 'down' } });
    expect(() => defineRuleSet({ id: 'x', signals: retyped, rules: [asCategory] })).not.toThrow();
    expect(() => defineRuleSet({ id: 'x', rules: [asCategory] })).toThrow(ValidationError);
    // declarations are validated like catalogue entries
    const badType = { id: 'x', signals: { n: { type: 'integer' } }, rules: [] };
    expect(issuesOf(() => defineRuleSet(badType as never))[0]!.path).toBe('signals.n.type');
  });

  it('checks no signal when the rule set or the caller opts out', () => {
    const custom = rule({ when: { signal: 'myOwnScore', op: 'gt', value: 3 } });
    const fromFile = defineRuleSet({ id: 'x', checkSignals: false, rules: [custom] });
    const fromOption = defineRuleSet({ id: 'x', rules: [custom] }, { checkSignals: false });
    expect(fromOption.toJSON().checkSignals).toBe(false);
    expect(fromOption.fingerprint).toBe(fromFile.fingerprint);
    expect(defineRuleSet(fromOption.toJSON()).fingerprint).toBe(fromOption.fingerprint);
    // the opt-out still checks each comparison against its own value's type
    const badBetween = rule({ when: { signal: 'myOwnScore', op: 'between', value: [3, 'x'] } });
    expect(() => defineRuleSet({ id: 'x', checkSignals: false, rules: [badBetween] })).toThrow(ValidationError);
    // checkSignals: true is the default, written out
    expect(() => defineRuleSet({ id: 'x', checkSignals: true, rules: [custom] })).toThrow(ValidationError);
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
    const signals = { a: { type: 'number' } } as const;
    expect(() => defineRuleSet({ id: 'x', signals, rules: [rule({ when: fits })] })).not.toThrow();
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

  it("writes a caller's catalogue entries the built-in one lacks into signals: toJSON() is accepted again", () => {
    const tiers = {
      tier: { type: 'category' as const, values: ['crystal', 'gold'], labels: { en: 'Tier', 'zh-CN': '等级' } },
      seats: { type: 'number' as const, labels: { en: 'Seats', 'zh-CN': '席位' } },
      spendChange: churnSignalCatalogue.spendChange!,
    };
    const when = {
      all: [
        { signal: 'tier', op: 'eq', value: 'gold' },
        { signal: 'seats', op: 'lt', value: 3 },
      ],
    };
    const ruleSet = defineRuleSet({ id: 'x', rules: [rule({ when })] }, { catalogue: tiers });
    // spendChange (read by the message) is the built-in entry, so it is not written out
    expect(ruleSet.toJSON().signals).toEqual({ tier: tiers.tier, seats: tiers.seats });
    const again = defineRuleSet(JSON.parse(JSON.stringify(ruleSet)) as never);
    expect(again.fingerprint).toBe(ruleSet.fingerprint);
    // and the written-out category values still hold without the option
    const diamond = { ...ruleSet.toJSON(), rules: [rule({ when: { signal: 'tier', op: 'eq', value: 'diamond' } })] };
    expect(() => defineRuleSet(diamond)).toThrow(ValidationError);
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

  it('exports a schema that validates the default rules and checks signals as defineRuleSet does', () => {
    expect(ruleSetSchema.safeParse(defaultChurnRules).success).toBe(true);
    const unknownSignal = { id: 'x', rules: [rule({ when: { signal: 'spendChnage', op: 'lt', value: 0 } })] };
    expect(ruleSetSchema.safeParse(unknownSignal).error?.issues).toMatchObject([
      { path: ['rules', 0, 'when', 'signal'], message: expect.stringContaining('"spendChange"') as unknown },
    ]);
    expect(ruleSetSchema.safeParse({ ...unknownSignal, checkSignals: false }).success).toBe(true);
    expect(ruleSetSchema.safeParse({ ...unknownSignal, signals: { spendChnage: { type: 'number' } } }).success).toBe(
      true,
    );
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
