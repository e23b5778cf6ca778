/**
 * The published JSON Schemas (schemas/*.json, shipped as dist/schemas) checked by an independent
 * validator, ajv in draft 2020-12 mode: the committed copies are what the generator writes now,
 * every preset model file validates against its schema, a score result's JSON validates, and bad
 * files — the kinds of mistakes a user makes by hand — fail both the schema and defineX.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { buildJsonSchemas, schemaText, withoutUnionTypes } from '../../scripts/json-schemas.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const generated = buildJsonSchemas();
const committed = Object.fromEntries(
  readdirSync(join(root, 'schemas'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => [file.slice(0, -'.json'.length), readFileSync(join(root, 'schemas', file), 'utf8')]),
);
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validators = Object.fromEntries(Object.entries(generated).map(([name, schema]) => [name, ajv.compile(schema)]));
const validate = (name: string, data: unknown): boolean => {
  const check = validators[name];
  if (!check) throw new Error(`no schema ${name}`);
  return check(data);
};
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The model kinds with a published schema, and how to define one. */
const defineByKind: Record<string, (input: never) => unknown> = {
  scorecard: library.defineScorecard,
  gradeBands: library.defineGradeBands,
  valueGrader: library.defineValueGrader,
  valueMatrix: library.defineValueMatrix,
  tierPolicy: library.defineTierPolicy,
  ruleSet: library.defineRuleSet,
  instrument: library.defineInstrument,
};
/** Every preset the library exports: a frozen model whose kind has a schema. */
const presets = Object.entries(library).flatMap(([name, value]) => {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return typeof value === 'object' && value !== null && typeof kind === 'string' && kind in defineByKind
    ? [{ name, kind, file: json(value) }]
    : [];
});

describe('JSON Schemas: the committed copies are current', () => {
  it('schemas/ holds exactly the generated files, byte for byte (npm run schemas rewrites them)', () => {
    expect(Object.keys(committed).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated)) expect(committed[name], name).toBe(schemaText(schema));
  });
  it('every schema is draft 2020-12, compiles in strict mode, and no model schema is empty', () => {
    for (const [name, schema] of Object.entries(generated)) {
      expect(schema.$schema, name).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.type, name).toBe('object');
      expect(Object.keys(schema.properties as object).length, name).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("JSON Schemas: ajv's strict mode, as the docs set it up, compiles every published schema quietly", () => {
  /** What ajv logs while compiling `schema` with the docs' own settings (strict mode at its defaults). */
  const warningsOf = (schema: object): string[] => {
    const logged: string[] = [];
    const record = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
    new Ajv2020({ allErrors: true, logger: { log: () => {}, warn: record, error: record } }).compile(schema);
    return logged;
  };
  it('no warning for any schema in schemas/ (union types written as anyOf, which strictTypes allows)', () => {
    for (const [name, text] of Object.entries(committed)) expect(warningsOf(JSON.parse(text)), name).toEqual([]);
  });
  it('a union type would be caught, and withoutUnionTypes rewrites it to an anyOf accepting the same values', () => {
    const union = { type: 'object', properties: { raw: { type: ['string', 'number', 'null'] } } };
    expect(warningsOf(union).join('\n')).toMatch(/allowUnionTypes/);
    const rewritten = withoutUnionTypes(union) as object;
    expect(warningsOf(rewritten)).toEqual([]);
    const before = new Ajv2020({ allowUnionTypes: true }).compile(union);
    const after = new Ajv2020().compile(rewritten);
    for (const raw of ['a', 1, null, true, [], {}]) expect(after({ raw }), String(raw)).toBe(before({ raw }));
    expect(withoutUnionTypes({ type: ['string', 'null'] })).toEqual({ type: ['string', 'null'] });
  });
});

describe('JSON Schemas: every preset validates against its schema', () => {
  it('finds a preset of every kind', () => {
    expect(new Set(presets.map((preset) => preset.kind))).toEqual(new Set(Object.keys(defineByKind)));
  });
  for (const { name, kind, file } of presets) {
    it(`${name} (${kind})`, () => {
      const ok = validate(kind, file);
      expect(validators[kind]!.errors ?? [], name).toEqual([]);
      expect(ok).toBe(true);
    });
  }
  it('a score result, as JSON, validates against scoreResult', () => {
    const result = library.score(library.potentialValueModel, {
      tenure: 4,
      creditRecord: 8,
      latePayment: 9,
      missedAppointments: 4,
      productVariety: 2,
      purchaseCount: 2,
      purchaseFrequency: 2.5,
      competitorPurchase: 6,
      competitorFrequency: 4,
      assetSize: 15,
      industry: 8,
      marketPosition: 7,
      peerUserBase: 8.5,
    });
    expect(validate('scoreResult', json(result))).toBe(true);
    expect(validate('scoreResult', { ...(json(result) as object), total: 'eighty' })).toBe(false);
  });
});

/** A deep copy of a preset's file with one change made by `edit`. */
function edited(presetName: string, edit: (file: Record<string, any>) => void): Record<string, any> {
  const preset = presets.find((entry) => entry.name === presetName);
  if (!preset) throw new Error(`no preset ${presetName}`);
  const copy = structuredClone(preset.file) as Record<string, any>;
  edit(copy);
  return copy;
}

const badFiles: { kind: string; what: string; file: Record<string, any> }[] = [
  { kind: 'scorecard', what: 'an unknown key', file: edited('potentialValueModel', (f) => (f.weights = 1)) },
  {
    kind: 'scorecard',
    what: 'a weight as a word',
    file: edited('potentialValueModel', (f) => (f.categories[0].weight = 'half')),
  },
  { kind: 'scorecard', what: 'no categories', file: edited('potentialValueModel', (f) => (f.categories = [])) },
  {
    kind: 'scorecard',
    what: 'a factor without max',
    file: edited('potentialValueModel', (f) => delete f.categories[0].factors[0].max),
  },
  {
    kind: 'scorecard',
    what: 'an id with a space',
    file: edited('potentialValueModel', (f) => (f.id = 'potential value')),
  },
  { kind: 'scorecard', what: 'labels without en', file: edited('potentialValueModel', (f) => delete f.labels.en) },
  { kind: 'gradeBands', what: 'no bands', file: edited('potentialValueBands', (f) => (f.bands = [])) },
  { kind: 'valueGrader', what: 'an unknown method', file: edited('abcValueGrader', (f) => (f.method = 'median')) },
  {
    kind: 'valueMatrix',
    what: 'a class without id',
    file: edited('defaultValueMatrix', (f) => delete f.classes[0].id),
  },
  {
    kind: 'tierPolicy',
    what: 'a spend as a word',
    file: edited('telecomTierPolicy', (f) => (f.tiers[0].minMonthlySpend = 'lots')),
  },
  { kind: 'instrument', what: 'an unknown key', file: edited('serviceQualityInstrument', (f) => (f.questions = [])) },
  {
    kind: 'ruleSet',
    what: 'an unknown operator',
    file: edited('defaultChurnRuleSet', (f) => (f.rules[0].when.op = 'below')),
  },
  {
    kind: 'ruleSet',
    what: 'a leaf without signal',
    file: edited('defaultChurnRuleSet', (f) => delete f.rules[0].when.signal),
  },
  {
    kind: 'ruleSet',
    what: 'an unknown severity',
    file: edited('defaultChurnRuleSet', (f) => (f.rules[0].severity = 'severe')),
  },
  { kind: 'ruleSet', what: 'negative points', file: edited('defaultChurnRuleSet', (f) => (f.rules[0].points = -5)) },
  {
    kind: 'ruleSet',
    what: 'negative points as a string',
    file: edited('defaultChurnRuleSet', (f) => (f.rules[0].points = '-5')),
  },
  {
    kind: 'ruleSet',
    what: 'an empty any',
    file: edited('defaultChurnRuleSet', (f) => (f.rules[0].when = { any: [] })),
  },
  {
    kind: 'ruleSet',
    what: 'a group with two keys',
    file: edited('defaultChurnRuleSet', (f) => (f.rules[0].when = { all: [f.rules[0].when], not: f.rules[0].when })),
  },
  {
    kind: 'ruleSet',
    what: 'in with a single value instead of a list',
    file: edited('defaultChurnRuleSet', (f) => (f.rules[0].when = { signal: 'industry', op: 'in', value: 'retail' })),
  },
  {
    kind: 'ruleSet',
    what: 'known with a value',
    file: edited('defaultChurnRuleSet', (f) => (f.rules[0].when = { signal: 'spendChange', op: 'known', value: 1 })),
  },
  {
    kind: 'ruleSet',
    what: 'a window in weeks',
    file: edited(
      'defaultChurnRuleSet',
      (f) => (f.rules[0].when = { signal: 'lastOrder', op: 'within', value: { weeks: 2 } }),
    ),
  },
  {
    kind: 'ruleSet',
    what: 'a signal named __proto__',
    file: edited('defaultChurnRuleSet', (f) => (f.rules[0].when = { signal: '__proto__', op: 'eq', value: 1 })),
  },
  { kind: 'ruleSet', what: 'a rule without when', file: edited('defaultChurnRuleSet', (f) => delete f.rules[0].when) },
  {
    kind: 'ruleSet',
    what: 'a condition nested in a wrong key',
    file: edited('defaultChurnRuleSet', (f) => (f.rules[0].when = { either: [] })),
  },
];

describe('JSON Schemas: bad files fail the schema, and defineX agrees', () => {
  for (const { kind, what, file } of badFiles) {
    it(`${kind}: ${what}`, () => {
      expect(validate(kind, file)).toBe(false);
      expect(() => defineByKind[kind]!(file as never)).toThrow(library.ValidationError);
    });
  }
  it('a rule set written by hand, with every operator, passes both', () => {
    const when = (op: string, value?: unknown) =>
      value === undefined ? { signal: 's', op } : { signal: 's', op, value };
    const conditions = [
      when('lt', 1),
      when('gte', '2026-01-01'),
      when('eq', true),
      when('neq', 'x'),
      when('in', [1, 'a', false]),
      when('notIn', ['b']),
      when('between', [1, '2.5']),
      when('known'),
      when('missing'),
      when('within', { days: 30 }),
      when('olderThan', { months: 6 }),
    ];
    // one signal compared with values of every type: the file opts out of the signal check
    const ruleSet = {
      id: 'hand-written',
      checkSignals: false,
      rules: [
        { id: 'r1', when: { all: conditions }, severity: 'watch', points: 1, cause: 'other' },
        { id: 'r2', when: { not: { any: conditions } }, severity: 'critical', points: '2.5', cause: 'other' },
      ],
    };
    expect(validate('ruleSet', ruleSet)).toBe(true);
    expect(() => library.defineRuleSet(ruleSet as never)).not.toThrow();
  });

  it('a rule set declaring its custom signals passes both; a bad declaration fails both', () => {
    const ruleSet = {
      id: 'declared',
      signals: {
        ticketsReopened: { type: 'number', alarming: 'higher', labels: { en: 'Tickets reopened' } },
        plan: { type: 'category', values: ['free', 'pro'] },
      },
      rules: [
        {
          id: 'reopened',
          when: {
            all: [
              { signal: 'ticketsReopened', op: 'gte', value: 3 },
              { signal: 'plan', op: 'eq', value: 'pro' },
            ],
          },
          severity: 'warning',
          points: 5,
          cause: 'complaint',
          message: { en: '{ticketsReopened} tickets reopened', 'zh-CN': '{ticketsReopened} 张工单被重新打开' },
        },
      ],
    };
    expect(validate('ruleSet', ruleSet)).toBe(true);
    expect(() => library.defineRuleSet(ruleSet as never)).not.toThrow();
    for (const signals of [
      { n: { type: 'integer' } },
      { n: { type: 'number', colour: 'red' } },
      { 'a|b': { type: 'number' } },
    ]) {
      expect(validate('ruleSet', { ...ruleSet, signals })).toBe(false);
      expect(() => library.defineRuleSet({ ...ruleSet, signals } as never)).toThrow(library.ValidationError);
    }
  });
});
