import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { defaultChurnRules, ruleSetSchema, safeDefineRuleSet } from '../../src/index.js';

type Rule = Record<string, unknown>;

/** Independent mistakes, each made to one rule (never rule 0, whose id the duplicate copies). */
const mistakes: Record<string, (rule: Rule, first: Rule) => Rule> = {
  severity: (rule) => ({ ...rule, severity: 'awful' }),
  points: (rule) => ({ ...rule, points: 'ten' }),
  duplicateId: (rule, first) => ({ ...rule, id: first['id'] }),
  unknownSignal: (rule) => ({ ...rule, when: { signal: 'spendChnage', op: 'lt', value: 0 } }),
  invertedRange: (rule) => ({ ...rule, when: { signal: 'spendChange', op: 'between', value: [3, 1] } }),
  placeholderFormat: (rule) => ({ ...rule, message: { en: 'Spend {spendChange|wat}', 'zh-CN': '投放额' } }),
  unknownPlaceholder: (rule) => ({ ...rule, message: { en: 'Seen {nothingLikeIt}', de: 'Gesehen' } }),
  unknownKey: (rule) => ({ ...rule, colour: 'red' }),
};
const kinds = Object.keys(mistakes);
const ruleCount = defaultChurnRules.rules.length;

/** The default rules with each `[kind, rule index]` mistake made. */
function withMistakes(made: readonly (readonly [string, number])[]): unknown {
  const rules = defaultChurnRules.rules.map((rule) => ({ ...rule }) as Rule);
  for (const [kind, index] of made) rules[index] = mistakes[kind]!(rules[index]!, rules[0]!);
  return { ...defaultChurnRules, rules };
}

/** A refused file's issues as sorted `path: code: expected` lines. */
function issuesOf(file: unknown): string[] {
  const outcome = safeDefineRuleSet(file);
  if (outcome.success) return [];
  return outcome.issues.map((issue) => `${issue.path}: ${issue.code}: ${issue.expected}`).sort();
}

// each kind of mistake at most once, each on its own rule
const madeArbitrary = fc
  .uniqueArray(fc.constantFrom(...kinds), { minLength: 1, maxLength: kinds.length })
  .chain((chosen) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: ruleCount - 1 }), { minLength: chosen.length, maxLength: chosen.length })
      .map((indexes) => chosen.map((kind, at) => [kind, indexes[at]!] as const)),
  );

describe('rule sets: every mistake in one wave', () => {
  test.prop([madeArbitrary])(
    'mistakes made together are reported together: exactly the issues each gets made alone',
    (made) => {
      const alone = made.flatMap((mistake) => issuesOf(withMistakes([mistake])));
      expect(alone.length).toBeGreaterThanOrEqual(made.length);
      expect(issuesOf(withMistakes(made))).toEqual(alone.sort());
      expect(ruleSetSchema.safeParse(withMistakes(made)).error?.issues.length).toBe(alone.length);
    },
  );
});
