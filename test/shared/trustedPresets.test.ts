import { describe, expect, it } from 'vitest';
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
