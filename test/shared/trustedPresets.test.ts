import { describe, expect, it, vi } from 'vitest';
import {
  defineGradeBands,
  defineScorecard,
  fakeBigAccountModel,
  gradeBandsSchema,
  keyAccountSelectionModel,
  potentialValueBands,
  potentialValueModel,
  scorecardSchema,
} from '../../src/index.js';

// The scoring presets are compiled at import without running their schema (so importing
// clientele/scoring validates nothing); this is the proof that each would pass it.
const presets = [
  { name: 'potentialValueModel', model: potentialValueModel, schema: scorecardSchema, define: defineScorecard },
  {
    name: 'keyAccountSelectionModel',
    model: keyAccountSelectionModel,
    schema: scorecardSchema,
    define: defineScorecard,
  },
  { name: 'fakeBigAccountModel', model: fakeBigAccountModel, schema: scorecardSchema, define: defineScorecard },
  { name: 'potentialValueBands', model: potentialValueBands, schema: gradeBandsSchema, define: defineGradeBands },
] as const;

describe('presets compiled without the schema pass it', () => {
  for (const { name, model, schema, define } of presets) {
    it(`${name}: its definition passes the schema and defines to the same fingerprint`, () => {
      const definition = model.toJSON();
      expect(schema.safeParse(definition).success).toBe(true);
      const again = (define as (input: unknown) => { fingerprint: string; toJSON(): unknown })(definition);
      expect(again.fingerprint).toBe(model.fingerprint);
      expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    });
  }
});

// Importing the presets compiles nothing: each is its identity until a field, toJSON, a method or
// a scoring function first reads it, and then it is the model `define` builds, whichever comes first.
describe('presets compile on first use', () => {
  type Fresh = typeof import('../../src/index.js');
  const fresh = async (): Promise<Fresh> => {
    vi.resetModules();
    return import('../../src/index.js');
  };
  const firstUses: Record<string, (lib: Fresh) => unknown> = {
    'a field': (lib) => lib.potentialValueModel.factors.length,
    toJSON: (lib) => lib.potentialValueModel.toJSON(),
    score: (lib) => lib.score(lib.potentialValueModel, {}, { missing: 'min' }).total.toString(),
    'isScorecard and a spread': (lib) => [lib.isScorecard(lib.potentialValueModel), { ...lib.potentialValueModel }],
    'the bands through grade': (lib) => lib.grade(70, lib.potentialValueBands),
  };
  for (const [name, use] of Object.entries(firstUses))
    it(`first read through ${name}`, async () => {
      const lib = await fresh();
      const descriptor = Object.getOwnPropertyDescriptor(lib.potentialValueModel, 'factors');
      expect(typeof descriptor?.get).toBe('function');
      expect(lib.potentialValueModel.fingerprint).toBe(potentialValueModel.fingerprint);
      expect(lib.isScorecard(lib.potentialValueModel)).toBe(true);
      expect(lib.isGradeBands(lib.potentialValueBands)).toBe(true);
      expect(Object.isFrozen(lib.potentialValueModel)).toBe(true);
      use(lib);
      const defined = lib.defineScorecard(lib.potentialValueModel.toJSON());
      expect(Object.keys(lib.potentialValueModel)).toEqual(Object.keys(defined));
      expect(lib.potentialValueModel).toEqual(defined);
      expect(JSON.stringify(lib.potentialValueModel)).toBe(JSON.stringify(defined));
      expect(JSON.stringify(lib.score(lib.potentialValueModel, { tenure: 3 }, { missing: 'min' }))).toBe(
        JSON.stringify(lib.score(defined, { tenure: 3 }, { missing: 'min' })),
      );
    });
});
