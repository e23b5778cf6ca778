/**
 * zod 4's `z.toJSONSchema` on every exported zod schema, as a user calls it: it converts (in both
 * `io` modes, never throwing, never an empty schema), ajv compiles the result in strict mode, and
 * the converted model and result schemas accept what the library writes and refuse bad files.
 * `z.toJSONSchema(ruleSetSchema)` is the published rule set schema.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as library from '../../src/index.js';
import { buildJsonSchemas } from '../../scripts/json-schemas.js';

type Json = Record<string, any>;
const json = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;
const ajv = () => new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const exported = (Object.entries(library) as [string, unknown][]).filter(
  (entry): entry is [string, z.ZodType] => entry[0].endsWith('Schema') && entry[1] instanceof z.ZodType,
);

describe('z.toJSONSchema on every exported zod schema', () => {
  it('finds the exported schemas (models, results, pieces)', () => {
    expect(exported.length).toBeGreaterThan(35);
  });
  for (const [name, schema] of exported) {
    it(`${name}: converts in both io modes to a non-empty schema ajv compiles`, () => {
      for (const io of ['output', 'input'] as const) {
        const converted = z.toJSONSchema(schema, { io }) as Json;
        const { $schema: draft, ...rest } = converted;
        expect(draft).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(Object.keys(rest).length, `${name} (${io})`).toBeGreaterThan(0);
        expect(() => ajv().compile(converted)).not.toThrow();
      }
    });
  }
});

const ruleSet = json(library.defaultChurnRuleSet);
/** Models converted by z.toJSONSchema (default options: output), with a preset and a bad file each. */
const models: [string, z.ZodType, Json, (file: Json) => void][] = [
  ['scorecard', library.scorecardSchema, json(library.potentialValueModel), (f) => (f.categories[0].weight = 'x')],
  ['gradeBands', library.gradeBandsSchema, json(library.potentialValueBands), (f) => (f.bands = [])],
  ['valueGrader', library.valueGraderSchema, json(library.abcValueGrader), (f) => (f.method = 'median')],
  ['valueMatrix', library.valueMatrixSchema, json(library.defaultValueMatrix), (f) => delete f.classes[0].id],
  ['tierPolicy', library.tierPolicySchema, json(library.telecomTierPolicy), (f) => (f.tiers[0].discount = 'lots')],
  ['instrument', library.instrumentSchema, json(library.serviceQualityInstrument), (f) => (f.labels = { de: 'x' })],
  ['ruleSet', library.ruleSetSchema, ruleSet, (f) => (f.rules[0].when.op = 'below')],
  ['rule', library.churnRuleSchema, ruleSet.rules[0], (f) => (f.severity = 'severe')],
  ['condition', library.churnConditionSchema, ruleSet.rules[0].when, (f) => (f.op = 'below')],
];

describe('the converted model schemas check files', () => {
  for (const [name, schema, file, spoil] of models) {
    it(`${name}: the preset validates, a bad file does not, an unknown key does not`, () => {
      const validate = ajv().compile(z.toJSONSchema(schema));
      expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
      const bad = structuredClone(file);
      spoil(bad);
      expect(validate(bad)).toBe(false);
      expect(schema.safeParse(bad).success).toBe(false);
      expect(validate({ ...file, colour: 'red' })).toBe(false);
    });
  }
  it('z.toJSONSchema(ruleSetSchema) is the published rule set schema', () => {
    expect(z.toJSONSchema(library.ruleSetSchema)).toEqual(buildJsonSchemas()['ruleSet']);
  });
  it('rules and conditions convert inside a schema of the caller (their references resolve)', () => {
    const mine = z.object({ rules: z.array(library.churnRuleSchema), extra: library.churnConditionSchema.optional() });
    const validate = ajv().compile(z.toJSONSchema(mine));
    expect(validate({ rules: ruleSet.rules, extra: { not: ruleSet.rules[1].when } })).toBe(true);
    expect(validate({ rules: ruleSet.rules, extra: { not: { any: [] } } })).toBe(false);
    expect(validate({ rules: [{ ...ruleSet.rules[0], points: -1 }] })).toBe(false);
    // one $id names one resource: a part used twice is referred to once with zod's reused: 'ref'
    const twice = z.object({ a: library.churnConditionSchema, b: library.churnConditionSchema });
    const both = ajv().compile(z.toJSONSchema(twice, { reused: 'ref' }));
    expect(both({ a: ruleSet.rules[0].when, b: { not: ruleSet.rules[1].when } })).toBe(true);
    expect(both({ a: ruleSet.rules[0].when, b: { all: [] } })).toBe(false);
  });
});

describe('the converted result schemas check stored results', () => {
  const result = library.score(library.potentialValueModel, {
    ...Object.fromEntries(library.potentialValueModel.factors.map((factor) => [factor.id, factor.max])),
  });
  const assessment = library.assessPortfolio([{ id: 'a', ratings: json(result).factors, margin: 1 }], {
    valuation: { discountRate: 0.1, retention: 0.8 },
  });
  const stored: [string, z.ZodType, Json, (file: Json) => void][] = [
    ['scoreResult', library.scoreResultSchema, json(result), (f) => (f.total = '1.2.3')],
    ['portfolioAssessment', library.portfolioAssessmentSchema, json(assessment), (f) => delete f.summary],
  ];
  for (const [name, schema, file, spoil] of stored) {
    it(`${name}: the JSON of a live result validates, a bad one does not (both io modes)`, () => {
      for (const io of ['output', 'input'] as const) {
        const validate = ajv().compile(z.toJSONSchema(schema, { io }));
        expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
        const bad = structuredClone(file);
        spoil(bad);
        expect(validate(bad)).toBe(false);
      }
    });
  }
});
