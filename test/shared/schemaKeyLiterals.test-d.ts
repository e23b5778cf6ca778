import { describe, expectTypeOf, it } from 'vitest';
import {
  defineGradeBands,
  defineInstrument,
  defineRuleSet,
  defineScorecard,
  defineTierPolicy,
  defineValueGrader,
  defineValueMatrix,
  type RuleSet,
  defaultValueMatrix,
  serviceQualityInstrument,
  telecomTierPolicy,
} from '../../src/index.js';

// A model file's top-level `$schema` key (the JSON Schema an editor reads) is accepted by every
// definer at run time and by the JSON Schemas; a literal carrying it compiles too.
const $schema = './node_modules/clientele/dist/schemas/model.json';

describe('a literal with a top-level $schema key compiles with every definer', () => {
  it('defineRuleSet', () => {
    const rules = defineRuleSet({
      $schema,
      id: 'rules',
      rules: [
        {
          message: { en: 'Quiet' },
          cause: 'needs-unmet',
          points: 5,
          severity: 'watch',
          id: 'quiet',
          when: { signal: 'daysSinceLastOrder', op: 'gt', value: 60 },
        },
      ],
    });
    expectTypeOf(rules).toEqualTypeOf<RuleSet>();
  });

  it('defineScorecard and defineGradeBands', () => {
    defineScorecard({
      $schema,
      id: 'card',
      categories: [{ id: 'all', weight: 1, factors: [{ id: 'f', min: 0, max: 1 }] }],
    });
    defineGradeBands({ $schema, id: 'bands', bands: [{ id: 'all', interval: '[0, 100]' }] });
  });

  it('defineValueMatrix, defineValueGrader and defineTierPolicy', () => {
    defineValueMatrix({ $schema, ...defaultValueMatrix.toJSON() });
    defineValueGrader({ $schema, id: 'grader', version: '1', method: 'thresholds', grades: [{ id: 'A', min: 0 }] });
    defineTierPolicy({ $schema, ...telecomTierPolicy.toJSON() });
  });

  it('defineInstrument', () => {
    defineInstrument({ $schema, ...serviceQualityInstrument.toJSON() });
  });

  it('the key stays a string', () => {
    // @ts-expect-error -- `$schema` names a JSON Schema by its address
    defineRuleSet({ $schema: 1, id: 'rules', rules: [] });
    // @ts-expect-error -- the same for grade bands
    defineGradeBands({ $schema: 1, id: 'bands', bands: [{ id: 'all', interval: '[0, 100]' }] });
  });
});
