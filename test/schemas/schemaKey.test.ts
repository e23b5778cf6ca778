/**
 * A model file may name its JSON Schema with a top-level `"$schema"` key (what editors read): the
 * published schema (checked by ajv), the exported zod schema and defineX / safeDefineX all accept
 * it, and the model defined is the one without it (same fingerprint, same toJSON). A `$schema`
 * that is not a string, or one nested below the top level, is refused by all of them.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { buildJsonSchemas } from '../../scripts/json-schemas.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const schemas = buildJsonSchemas();
type Json = Record<string, any>;
type Model = { readonly fingerprint: string; toJSON(): unknown };
type Kind = {
  preset: Model;
  define: (input: never) => Model;
  safeDefine: (input: never) => { success: boolean };
  schema: { safeParse: (input: unknown) => { success: boolean } };
};
const kinds: Record<string, Kind> = {
  scorecard: {
    preset: library.potentialValueModel,
    define: library.defineScorecard,
    safeDefine: library.safeDefineScorecard,
    schema: library.scorecardSchema,
  },
  gradeBands: {
    preset: library.potentialValueBands,
    define: library.defineGradeBands,
    safeDefine: library.safeDefineGradeBands,
    schema: library.gradeBandsSchema,
  },
  valueGrader: {
    preset: library.abcValueGrader,
    define: library.defineValueGrader,
    safeDefine: library.safeDefineValueGrader,
    schema: library.valueGraderSchema,
  },
  valueMatrix: {
    preset: library.defaultValueMatrix,
    define: library.defineValueMatrix,
    safeDefine: library.safeDefineValueMatrix,
    schema: library.valueMatrixSchema,
  },
  tierPolicy: {
    preset: library.telecomTierPolicy,
    define: library.defineTierPolicy,
    safeDefine: library.safeDefineTierPolicy,
    schema: library.tierPolicySchema,
  },
  ruleSet: {
    preset: library.defaultChurnRuleSet,
    define: library.defineRuleSet,
    safeDefine: library.safeDefineRuleSet,
    schema: library.ruleSetSchema,
  },
  instrument: {
    preset: library.serviceQualityInstrument,
    define: library.defineInstrument,
    safeDefine: library.safeDefineInstrument,
    schema: library.instrumentSchema,
  },
};
const json = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

describe('a model file with "$schema"', () => {
  it('covers every model kind with a published schema', () => {
    const results = [
      'scoreResult',
      'scoreSummary',
      'churnRiskResult',
      'churnRiskBatch',
      'portfolioAssessment',
      'surveyScore',
    ];
    const models = Object.keys(schemas).filter((name) => ![...results, 'backtestResult'].includes(name));
    expect(models.sort()).toEqual(Object.keys(kinds).sort());
  });
  for (const [name, { preset, define, safeDefine, schema }] of Object.entries(kinds)) {
    const validate = ajv.compile(schemas[name]!);
    const file = { $schema: `./node_modules/clientele/dist/schemas/${name}.json`, ...json(preset) };

    it(`${name}: validates, parses and defines the same model as without it`, () => {
      expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
      expect(schema.safeParse(file).success).toBe(true);
      const model = define(file as never);
      expect(model.fingerprint).toBe(preset.fingerprint);
      expect(model.toJSON()).toEqual(preset.toJSON());
      expect(JSON.stringify(model)).not.toContain('$schema');
      expect(safeDefine(file as never).success).toBe(true);
    });

    it(`${name}: a "$schema" that is not a string fails all three`, () => {
      const bad = { ...file, $schema: { url: 'x' } };
      expect(validate(bad)).toBe(false);
      expect(schema.safeParse(bad).success).toBe(false);
      expect(safeDefine(bad as never).success).toBe(false);
      expect(() => define(bad as never)).toThrow(/\$schema: expected a string/);
    });
  }
  it('a "$schema" nested below the top level (a scorecard\'s grades, a rule) fails all three', () => {
    const scorecard = json(library.potentialValueModel);
    scorecard.grades = { $schema: 'x', ...json(library.potentialValueBands) };
    expect(ajv.compile(schemas['scorecard']!)(scorecard)).toBe(false);
    expect(library.scorecardSchema.safeParse(scorecard).success).toBe(false);
    expect(library.safeDefineScorecard(scorecard as never).success).toBe(false);
    const ruleSet = json(library.defaultChurnRuleSet);
    ruleSet.rules[0].$schema = 'x';
    expect(ajv.compile(schemas['ruleSet']!)(ruleSet)).toBe(false);
    expect(library.ruleSetSchema.safeParse(ruleSet).success).toBe(false);
    expect(library.safeDefineRuleSet(ruleSet as never).success).toBe(false);
  });
});
