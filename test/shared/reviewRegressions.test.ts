/**
 * Options and model files that this round's changes read differently: a throwing getter in the
 * options of `defineRuleSet` stays a `ValidationError` (and `safeDefineRuleSet` a failure, not a
 * throw), and a `"$schema"` that is not a string is reported beside every other mistake of the
 * file, not instead of them.
 */
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  defaultChurnRules,
  defineRuleSet,
  potentialValueModel,
  safeDefineRuleSet,
  safeDefineScorecard,
  safeDefineValueMatrix,
  defaultValueMatrix,
} from '../../src/index.js';

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
const throwing = (key: string) =>
  Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Error(key);
    },
  });

describe('defineRuleSet options', () => {
  it.each(['catalogue', 'checkSignals'])('a throwing %s getter is a ValidationError at options', (key) => {
    const rules = json(defaultChurnRules);
    expect(() => defineRuleSet(rules as never, throwing(key))).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'options' })] }),
    );
    expect(safeDefineRuleSet(rules, throwing(key)).success).toBe(false);
  });

  it('options that are not an object are a ValidationError', () => {
    expect(() => defineRuleSet(json(defaultChurnRules) as never, null as never)).toThrow(ValidationError);
    expect(safeDefineRuleSet(json(defaultChurnRules), 5 as never).success).toBe(false);
  });
});

describe('"$schema" that is not a string', () => {
  it('is reported beside the other mistakes of a scorecard', () => {
    const file = json(potentialValueModel);
    (file['categories'] as Record<string, unknown>[])[0]!['weight'] = 'heavy';
    const outcome = safeDefineScorecard({ ...file, $schema: 5 } as never);
    expect(outcome.success ? [] : outcome.issues.map((issue) => issue.path)).toEqual([
      '$schema',
      'categories[0].weight',
    ]);
  });

  it('is reported beside the other mistakes of a value matrix', () => {
    const file = json(defaultValueMatrix);
    const outcome = safeDefineValueMatrix({ ...file, id: '', $schema: [] } as never);
    const paths = outcome.success ? [] : outcome.issues.map((issue) => issue.path);
    expect(paths).toContain('$schema');
    expect(paths).toContain('id');
  });
});
