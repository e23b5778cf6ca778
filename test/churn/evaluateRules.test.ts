import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  decideRules,
  defineRuleSet,
  evaluateRules,
  roundForDisplay,
  type ChurnCondition,
} from '../../src/index.js';

// built at run time, so typed as a condition of unknown shape (checked when the rule set is defined);
// the logic tests read made-up signals of every type, so their one-rule sets opt out of the signal check
const leaf = (signal: string, op: string, value?: unknown): ChurnCondition =>
  (value === undefined ? { signal, op } : { signal, op, value }) as ChurnCondition;
const single = (when: unknown, extra: Record<string, unknown> = {}) =>
  defineRuleSet({
    id: 'one',
    checkSignals: false,
    rules: [
      {
        id: 'r',
        when: when as ChurnCondition,
        severity: 'warning',
        points: 10,
        cause: 'competitor',
        message: { en: 'r', 'zh-CN': 'r' },
        ...extra,
      },
    ],
  });
/** 'true' | 'false' | 'unknown' of the single rule. */
function outcome(when: unknown, signals: Record<string, unknown>, options: { asOf?: string } = {}): string {
  const result = evaluateRules(single(when), signals, options);
  return result.fired.length > 0 ? 'true' : result.unknown.length > 0 ? 'unknown' : 'false';
}
// x > 0 is true for x = 1, false for x = -1, unknown when x is missing
const T = { x: 1 };
const F = { x: -1 };
const U = {};
const X = leaf('x', 'gt', 0);
const Y = leaf('y', 'gt', 0);
const values = { true: 1, false: -1, unknown: undefined } as const;
type Truth = keyof typeof values;
const truths: Truth[] = ['true', 'false', 'unknown'];
const record = (x: Truth, y: Truth) => ({
  ...(values[x] === undefined ? {} : { x: values[x] }),
  ...(values[y] === undefined ? {} : { y: values[y] }),
});

describe('evaluateRules: Kleene three-valued logic (SPEC §3)', () => {
  it('leaf: a missing, null or undefined signal is unknown', () => {
    expect(outcome(X, T)).toBe('true');
    expect(outcome(X, F)).toBe('false');
    expect(outcome(X, U)).toBe('unknown');
    expect(outcome(X, { x: null })).toBe('unknown');
    expect(outcome(X, { x: undefined })).toBe('unknown');
  });

  it('all: false if any part is false, else unknown if any part is unknown, else true', () => {
    const expected: Record<string, string> = {
      'true,true': 'true',
      'true,false': 'false',
      'true,unknown': 'unknown',
      'false,true': 'false',
      'false,false': 'false',
      'false,unknown': 'false',
      'unknown,true': 'unknown',
      'unknown,false': 'false',
      'unknown,unknown': 'unknown',
    };
    for (const x of truths)
      for (const y of truths) expect(outcome({ all: [X, Y] }, record(x, y)), `${x} ∧ ${y}`).toBe(expected[`${x},${y}`]);
    // three parts use the general loop
    for (const x of truths)
      for (const y of truths)
        expect(outcome({ all: [X, Y, leaf('z', 'known')] }, { ...record(x, y), z: 1 })).toBe(expected[`${x},${y}`]);
  });

  it('any: true if any part is true, else unknown if any part is unknown, else false', () => {
    const expected: Record<string, string> = {
      'true,true': 'true',
      'true,false': 'true',
      'true,unknown': 'true',
      'false,true': 'true',
      'false,false': 'false',
      'false,unknown': 'unknown',
      'unknown,true': 'true',
      'unknown,false': 'unknown',
      'unknown,unknown': 'unknown',
    };
    for (const x of truths)
      for (const y of truths) expect(outcome({ any: [X, Y] }, record(x, y)), `${x} ∨ ${y}`).toBe(expected[`${x},${y}`]);
    for (const x of truths)
      for (const y of truths)
        expect(outcome({ any: [X, Y, leaf('z', 'missing')] }, { ...record(x, y), z: 1 })).toBe(expected[`${x},${y}`]);
  });

  it('not keeps unknown unknown (a missing fact never fires a not rule)', () => {
    expect(outcome({ not: X }, T)).toBe('false');
    expect(outcome({ not: X }, F)).toBe('true');
    expect(outcome({ not: X }, U)).toBe('unknown');
    expect(outcome({ not: leaf('tier', 'in', ['gold']) }, {})).toBe('unknown');
    expect(outcome(leaf('tier', 'notIn', ['gold']), {})).toBe('unknown');
    expect(outcome(leaf('tier', 'neq', 'gold'), {})).toBe('unknown');
  });

  it('known / missing fire on presence or absence on purpose and are never unknown', () => {
    expect(outcome(leaf('x', 'known'), T)).toBe('true');
    expect(outcome(leaf('x', 'known'), { x: null })).toBe('false');
    expect(outcome(leaf('x', 'missing'), U)).toBe('true');
    expect(outcome(leaf('x', 'missing'), { x: 0 })).toBe('false');
  });
});

describe('evaluateRules: operators', () => {
  it('compares numbers exactly, at the boundary and across number / string / Decimal', () => {
    expect(outcome(leaf('x', 'lt', 5), { x: 4.999 })).toBe('true');
    expect(outcome(leaf('x', 'lt', 5), { x: 5 })).toBe('false');
    expect(outcome(leaf('x', 'lte', 5), { x: 5 })).toBe('true');
    expect(outcome(leaf('x', 'gt', 5), { x: 5 })).toBe('false');
    expect(outcome(leaf('x', 'gte', 5), { x: 5 })).toBe('true');
    expect(outcome(leaf('x', 'eq', 0.3), { x: new Decimal('0.1').plus('0.2') })).toBe('true');
    expect(outcome(leaf('x', 'eq', '0.3'), { x: 0.1 + 0.2 })).toBe('false'); // 0.30000000000000004 is not 0.3
    expect(outcome(leaf('x', 'gte', '0.3'), { x: '0.3' })).toBe('true');
    expect(outcome(leaf('x', 'lt', '0.30000000000000001'), { x: 0.3 })).toBe('true'); // exact, not float
    expect(outcome(leaf('x', 'gte', '0.30000000000000001'), { x: 0.3 })).toBe('false');
    expect(outcome(leaf('x', 'eq', 5), { x: '5.0' })).toBe('true');
    expect(outcome(leaf('x', 'between', [1, 2]), { x: 2 })).toBe('true');
    expect(outcome(leaf('x', 'between', [1, 2]), { x: 2.0001 })).toBe('false');
    expect(outcome(leaf('x', 'between', [1, 2]), {})).toBe('unknown');
  });

  it('eq / neq / in / notIn compare strings, booleans and numbers by kind', () => {
    expect(outcome(leaf('tier', 'eq', 'gold'), { tier: 'gold' })).toBe('true');
    expect(outcome(leaf('tier', 'eq', 'gold'), { tier: 'Gold' })).toBe('false');
    expect(outcome(leaf('tier', 'neq', 'gold'), { tier: 'silver' })).toBe('true');
    expect(outcome(leaf('flag', 'eq', true), { flag: true })).toBe('true');
    expect(outcome(leaf('flag', 'eq', true), { flag: 'true' })).toBe('false');
    expect(outcome(leaf('tier', 'in', ['gold', 'platinum']), { tier: 'platinum' })).toBe('true');
    expect(outcome(leaf('tier', 'in', ['gold', 'platinum']), { tier: 'crystal' })).toBe('false');
    expect(outcome(leaf('tier', 'notIn', ['gold', 'platinum']), { tier: 'crystal' })).toBe('true');
    expect(outcome(leaf('n', 'in', [1, 2, '3']), { n: 3 })).toBe('true');
    expect(outcome(leaf('n', 'in', [1, 2]), { n: new Decimal(2) })).toBe('true');
    expect(outcome(leaf('n', 'notIn', [1, 2]), { n: 2 })).toBe('false');
    expect(outcome(leaf('flag', 'in', [true]), { flag: false })).toBe('false');
  });

  it('compares dates as dates, not as strings', () => {
    expect(outcome(leaf('lastVisit', 'lt', '2026-10-01'), { lastVisit: '2026-09-30' })).toBe('true');
    // as strings '2026-9-30' > '2026-10-01'; parsed, a Date before the limit is before it
    expect(outcome(leaf('lastVisit', 'lt', '2026-10-01'), { lastVisit: new Date(Date.UTC(2026, 8, 30)) })).toBe('true');
    expect(outcome(leaf('lastVisit', 'gte', '2026-10-01'), { lastVisit: '2026-10-01T00:00:00Z' })).toBe('true');
    expect(outcome(leaf('lastVisit', 'lt', '2026-10-01'), { lastVisit: '2026-10-01T01:00:00+02:00' })).toBe('true');
    expect(outcome(leaf('lastVisit', 'between', ['2026-01-01', '2026-12-31']), { lastVisit: '2026-06-15' })).toBe(
      'true',
    );
  });

  it('evaluates time windows relative to asOf', () => {
    const asOf = '2026-11-01';
    expect(outcome(leaf('lastVisit', 'within', { days: 30 }), { lastVisit: '2026-10-02' }, { asOf })).toBe('true');
    expect(outcome(leaf('lastVisit', 'within', { days: 30 }), { lastVisit: '2026-10-01' }, { asOf })).toBe('false');
    expect(outcome(leaf('lastVisit', 'olderThan', { days: 30 }), { lastVisit: '2026-10-01' }, { asOf })).toBe('true');
    expect(outcome(leaf('lastVisit', 'olderThan', { days: 30 }), { lastVisit: '2026-10-02' }, { asOf })).toBe('false');
    expect(outcome(leaf('lastVisit', 'olderThan', { months: 3 }), { lastVisit: '2026-07-31' }, { asOf })).toBe('true');
    expect(outcome(leaf('lastVisit', 'olderThan', { months: 3 }), { lastVisit: '2026-08-01' }, { asOf })).toBe('false');
    expect(outcome(leaf('lastVisit', 'within', { days: 30 }), { lastVisit: '2026-12-01' }, { asOf })).toBe('false');
    expect(outcome(leaf('lastVisit', 'within', { days: 30 }), {}, { asOf })).toBe('unknown');
    expect(() => evaluateRules(single(leaf('lastVisit', 'within', { days: 30 })), { lastVisit: '2026-10-02' })).toThrow(
      ValidationError,
    );
  });

  it('throws a ValidationError naming the signal when a value has the wrong type', () => {
    for (const bad of ['high', true, Number.NaN, Number.POSITIVE_INFINITY, { value: 1 }, [1]]) {
      try {
        evaluateRules(single(X), { x: bad });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues[0]!.path).toBe('signals.x');
      }
    }
    expect(() => evaluateRules(single(leaf('d', 'lt', '2026-01-01')), { d: 'yesterday' })).toThrow(ValidationError);
    for (const signals of [null, 5, 'x', [1]])
      expect(() => evaluateRules(single(X), signals as never)).toThrow(ValidationError);
  });
});

describe('evaluateRules: results', () => {
  const ruleSet = defineRuleSet({
    id: 'three',
    signals: { a: { type: 'number' }, b: { type: 'number' }, c: { type: 'number' }, d: { type: 'number' } },
    rules: [
      {
        id: 'a',
        when: leaf('a', 'gt', 0),
        severity: 'watch',
        points: 5,
        cause: 'credit',
        message: { en: 'a is {a}', 'zh-CN': 'a 为 {a}' },
      },
      {
        id: 'b',
        when: leaf('b', 'gt', 0),
        severity: 'critical',
        points: '12.5',
        cause: 'competitor',
        message: { en: 'b {b|percent}', 'zh-CN': 'b {b|percent}' },
      },
      {
        id: 'c',
        when: { all: [leaf('c', 'gt', 0), leaf('d', 'gt', 0)] },
        severity: 'warning',
        points: 7,
        cause: 'complaint',
      },
    ],
  });

  it('lists fired, unknown and clear ids in rule-set order with exact risk and the highest severity', () => {
    const result = evaluateRules(ruleSet, { a: 1, b: 0.125, c: 1 });
    expect(result.fired).toEqual(['a', 'b']);
    expect(result.unknown).toEqual(['c']);
    expect(result.clear).toEqual([]);
    expect(result.risk).toBeInstanceOf(Decimal);
    expect(result.risk.toString()).toBe('17.5');
    expect(result.possibleRisk.toString()).toBe('24.5');
    expect(result.maxRisk.toString()).toBe('24.5');
    expect(result.decidedShare.toFixed(10)).toBe('0.6666666667');
    expect(result.level).toBe('critical');
    expect(evaluateRules(ruleSet, { a: 0, b: 0, c: 0 })).toMatchObject({
      fired: [],
      clear: ['a', 'b', 'c'],
      level: 'none',
    });
    expect(evaluateRules(ruleSet, { a: 1, b: 0, c: 0 }).level).toBe('watch');
  });

  it('explains fired rules with evidence and fills messages in both languages', () => {
    const result = evaluateRules(ruleSet, { a: 3, b: 0.125, c: 1, d: 0 });
    expect(result.alerts.map((alert) => alert.message)).toEqual([
      { en: 'a is 3', 'zh-CN': 'a 为 3' },
      { en: 'b 12.5%', 'zh-CN': 'b 12.5%' },
    ]);
    expect(result.alerts[1]).toMatchObject({
      ruleId: 'b',
      severity: 'critical',
      cause: 'competitor',
      controllable: true,
    });
    expect(result.alerts[1]!.evidence).toEqual([{ signal: 'b', op: 'gt', value: 0, actual: 0.125, outcome: 'true' }]);
  });

  it('names the deciding parts: the false part of a false all, the unknown parts of an unknown rule', () => {
    const both = defineRuleSet({
      id: 'e',
      signals: { x: { type: 'number' }, y: { type: 'number' }, z: { type: 'number' } },
      rules: [{ id: 'r', when: { all: [X, Y, leaf('z', 'gt', 0)] }, severity: 'watch', points: 1, cause: 'credit' }],
    });
    const unknown = evaluateRules(both, { x: 1, z: 1 });
    expect(unknown.undecided[0]!.missingSignals).toEqual(['y']);
    expect(unknown.undecided[0]!.evidence.map((item) => item.signal)).toEqual(['y']);
    const fired = evaluateRules(both, { x: 1, y: 2, z: 3 });
    expect(fired.alerts[0]!.evidence.map((item) => [item.signal, item.actual])).toEqual([
      ['x', 1],
      ['y', 2],
      ['z', 3],
    ]);
    const notRule = defineRuleSet({
      id: 'n',
      signals: { x: { type: 'number' }, y: { type: 'number' } },
      rules: [{ id: 'r', when: { not: { any: [X, Y] } }, severity: 'watch', points: 1, cause: 'credit' }],
    });
    expect(evaluateRules(notRule, { x: -1, y: -2 }).alerts[0]!.evidence.map((item) => item.outcome)).toEqual([
      'false',
      'false',
    ]);
  });

  it('reads own properties only: a polluted Object.prototype is never read', () => {
    const compiled = single(X);
    const proto = Object.prototype as Record<string, unknown>;
    proto['x'] = 100;
    try {
      expect(evaluateRules(compiled, {}).unknown).toEqual(['r']);
      expect(evaluateRules(compiled, Object.create({ x: 5 }) as Record<string, unknown>).unknown).toEqual(['r']);
      expect(decideRules(compiled, [{}]).decisions[0]).toBe(-1);
    } finally {
      delete proto['x'];
    }
  });

  it('accepts rule-set JSON as well as a compiled rule set', () => {
    const json = JSON.parse(JSON.stringify(ruleSet)) as Record<string, unknown>;
    expect(evaluateRules(json, { a: 1 }).fired).toEqual(['a']);
    expect(() => evaluateRules({ id: 'x', rules: [{ id: 'r' }] }, {})).toThrow(ValidationError);
    expect(() => evaluateRules(null as never, {})).toThrow(ValidationError);
  });

  it('decideRules (table path) agrees with evaluateRules on booleans, decimals, strings and mixed kinds', () => {
    const mixed = defineRuleSet({
      id: 'mixed',
      signals: { flag: { type: 'boolean' }, n: { type: 'number' } },
      rules: [
        { id: 'b-eq', when: leaf('flag', 'eq', true), severity: 'watch', points: 1, cause: 'credit' },
        { id: 'b-neq', when: leaf('flag', 'neq', false), severity: 'watch', points: 1, cause: 'credit' },
        { id: 'n-eq', when: leaf('n', 'eq', 0.3), severity: 'warning', points: 1, cause: 'credit' },
        { id: 'n-neq', when: leaf('n', 'neq', 2), severity: 'warning', points: 1, cause: 'credit' },
        { id: 'n-lt', when: leaf('n', 'lt', '0.30000000000000001'), severity: 'critical', points: 1, cause: 'credit' },
        { id: 'n-gte', when: leaf('n', 'gte', -1), severity: 'critical', points: 1, cause: 'credit' },
      ],
    });
    const records = [
      { flag: true, n: 0.3 },
      { flag: false, n: 2 },
      { flag: 1, n: '0.3' },
      { flag: 'true', n: new Decimal('0.30000000000000001') },
      { flag: null },
      {},
      { n: -1 },
      { n: true },
    ];
    const batch = decideRules(mixed, records);
    expect(batch.errors.map((error) => error.index)).toEqual([7]);
    records.forEach((record, index) => {
      if (index === 7) return;
      const result = evaluateRules(mixed, record);
      const row = Array.from(batch.decisions.slice(index * 6, index * 6 + 6));
      expect(row, JSON.stringify(record)).toEqual(
        mixed.rules.map(({ id }) => (result.fired.includes(id) ? 1 : result.unknown.includes(id) ? -1 : 0)),
      );
    });
    expect(Array.from(batch.decisions.slice(0, 6))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('decideRules agrees with evaluateRules and reports bad records without aborting', () => {
    const records = [{ a: 1, b: 0.5, c: 1, d: 1 }, { a: 0 }, {}, { id: 'bad', a: 'x' }, null, { b: 1, c: 1, d: -1 }];
    const decisions = decideRules(ruleSet, records as never);
    expect(decisions.ruleIds).toEqual(['a', 'b', 'c']);
    expect(decisions.errors.map((error) => [error.index, error.id])).toEqual([
      [3, 'bad'],
      [4, undefined],
    ]);
    records.forEach((signals, index) => {
      if (index === 3 || index === 4) return;
      const result = evaluateRules(ruleSet, signals!);
      const row = Array.from(decisions.decisions.slice(index * 3, index * 3 + 3));
      expect(row).toEqual(
        ['a', 'b', 'c'].map((id) => (result.fired.includes(id) ? 1 : result.unknown.includes(id) ? -1 : 0)),
      );
      expect(decisions.levelOf(index)).toBe(result.level);
    });
    expect(Array.from(decisions.decisions.slice(9, 12))).toEqual([-1, -1, -1]);
  });
});

describe('evaluateRules: the result record', () => {
  it('is a plain record: its fields in order, the two lists as enumerable, configurable getters built once', () => {
    const result = evaluateRules(single(leaf('spendChange', 'lt', -0.2)), { spendChange: new Decimal(-0.5) });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual([
      'ruleSet',
      'fired',
      'unknown',
      'clear',
      'risk',
      'possibleRisk',
      'maxRisk',
      'decidedShare',
      'level',
      'alerts',
      'undecided',
    ]);
    for (const key of ['alerts', 'undecided']) {
      const descriptor = Object.getOwnPropertyDescriptor(result, key)!;
      expect([typeof descriptor.get, descriptor.enumerable, descriptor.configurable]).toEqual(['function', true, true]);
    }
    expect(result.alerts).toBe(result.alerts);
    expect(result.alerts.map((alert) => alert.ruleId)).toEqual(result.fired);
    expect(result.undecided).toBe(result.undecided);
    expect(JSON.parse(JSON.stringify(result)).alerts).toHaveLength(1);
  });

  it('builds its lists from the rules as decided, whatever a caller does to the fired and unknown arrays', () => {
    const ruleSet = defineRuleSet({
      id: 'two',
      checkSignals: false,
      rules: [
        { id: 'a', when: leaf('a', 'gt', 0), severity: 'watch', points: 1, cause: 'custom' },
        { id: 'b', when: leaf('b', 'gt', 0), severity: 'watch', points: 1, cause: 'custom' },
      ],
    });
    const result = evaluateRules(ruleSet, { a: 1 });
    (result.fired as string[]).splice(0, 1, 'b');
    (result.unknown as string[]).length = 0;
    expect(result.alerts.map((alert) => alert.ruleId)).toEqual(['a']);
    expect(result.undecided.map((entry) => entry.ruleId)).toEqual(['b']);
  });

  it('renders an alert’s message when read: own enumerable getters, kept, seen by keys, spreads and JSON', () => {
    const ruleSet = single(leaf('spendChange', 'lt', -0.2), {
      message: { en: 'spend {spendChange|percent}', 'zh-CN': '消费 {spendChange|percent}' },
    });
    const plain = evaluateRules(ruleSet, { spendChange: -0.5 }).alerts[0]!;
    const localised = evaluateRules(ruleSet, { spendChange: -0.5 }, { locale: 'de' }).alerts[0]!;
    const keys = ['ruleId', 'severity', 'points', 'cause', 'controllable', 'message', 'text', 'title', 'evidence'];
    for (const alert of [plain, localised]) {
      expect(Object.keys(alert)).toEqual(keys);
      expect(Object.isFrozen(alert)).toBe(true);
      const descriptor = Object.getOwnPropertyDescriptor(alert, 'message')!;
      expect([typeof descriptor.get, 'value' in descriptor, descriptor.enumerable]).toEqual(['function', false, true]);
      // a plain record: the state behind the getters is no key of the alert or of its evidence
      expect(Object.getPrototypeOf(alert)).toBe(Object.prototype);
      expect(Reflect.ownKeys(alert)).toEqual(keys);
      expect(Reflect.ownKeys(alert.evidence)).toEqual([...alert.evidence.keys()].map(String).concat('length'));
      // a proxy, an object inheriting from the alert and a copy by descriptors read the message too
      const expected = { en: 'spend -50%', 'zh-CN': '消费 -50%' };
      expect(new Proxy(alert, {}).message).toEqual(expected);
      expect((Object.create(alert) as typeof alert).message).toEqual(expected);
      const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(alert)) as typeof alert;
      expect(copy.message).toEqual(expected);
      // the getter with some other evidence list has nothing to render from
      const { evidence: _evidence, ...descriptors } = Object.getOwnPropertyDescriptors(alert);
      const stranger = Object.defineProperties({ evidence: [] }, descriptors) as unknown as typeof alert;
      expect(() => stranger.message).toThrow(TypeError);
      expect(alert.message).toBe(alert.message);
      expect(alert.message).toEqual({ en: 'spend -50%', 'zh-CN': '消费 -50%' });
      expect({ ...alert }.message).toEqual(alert.message);
      expect(Object.assign({}, alert).message).toEqual(alert.message);
      expect(JSON.parse(JSON.stringify(alert)).message).toEqual({ en: 'spend -50%', 'zh-CN': '消费 -50%' });
      expect(roundForDisplay(alert, { decimals: 2 }).message).toEqual(alert.message);
    }
    expect(Object.getOwnPropertyDescriptor(plain, 'text')).toMatchObject({ value: undefined, enumerable: true });
    expect(typeof Object.getOwnPropertyDescriptor(localised, 'text')!.get).toBe('function');
    expect(localised.text).toBe('spend -50%');
    expect(JSON.parse(JSON.stringify(localised)).text).toBe('spend -50%');
    expect('text' in JSON.parse(JSON.stringify(plain))).toBe(false);
  });
});

describe('evaluateRules: messages in several locales', () => {
  it('format each placeholder by its own format, the same text in every locale', () => {
    const rules = single(leaf('spendChange', 'lt', -0.2), {
      message: {
        en: 'fell {spendChange|percent} ({spendChange}, {spendChange|number})',
        'zh-CN': '下降 {spendChange|percent}',
        de: '{spendChange|days} / {spendChange} / {spendChange|percent}',
      },
    });
    const [alert] = evaluateRules(rules, { spendChange: new Decimal('-0.41666') }).alerts;
    expect(alert!.message).toEqual({
      en: 'fell -41.7% (-0.41666, -0.42)',
      'zh-CN': '下降 -41.7%',
      de: '0 / -0.41666 / -41.7%',
    });
  });
});

describe('evaluateRules: message values in the library’s rounding', () => {
  it('rounds a caller’s Decimal half to even, whatever the caller’s decimal.js settings', () => {
    const rules = single(leaf('x', 'gt', 0), {
      message: { en: '{x|number} {x|days} {x|percent}', 'zh-CN': '{x|number}' },
    });
    const Rounding = Decimal.clone({ rounding: Decimal.ROUND_UP, precision: 5 });
    for (const x of [new Decimal('2.345'), new Rounding('2.345')]) {
      const [alert] = evaluateRules(rules, { x }).alerts;
      expect(alert!.message).toEqual({ en: '2.34 2 234.5%', 'zh-CN': '2.34' });
    }
    const [half] = evaluateRules(rules, { x: new Decimal('2.5') }).alerts;
    expect(half!.message.en).toBe('2.5 2 250%');
  });
});
