/**
 * The published rule set schema catches a misspelt signal the way `defineRuleSet` does, where a
 * schema can: a rule set without `signals` and without `checkSignals: false` reads built-in
 * signals only, at any depth of its conditions; declared signals and the opt-out are left to
 * `defineRuleSet`.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { defaultChurnRules, safeDefineRuleSet } from '../../src/index.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/ruleSet.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const rule = (when: object) => ({ id: 'r', when, severity: 'watch', points: 1, cause: 'credit' });
const typo = { signal: 'spendChnage', op: 'gt', value: 1 };
const cases: [string, object, boolean][] = [
  ['the preset', JSON.parse(JSON.stringify(defaultChurnRules)) as object, true],
  ['a misspelt signal', { id: 's', rules: [rule(typo)] }, false],
  [
    'a misspelt signal deep in a group',
    { id: 's', rules: [rule({ any: [{ signal: 'spendChange', op: 'gt', value: 1 }, { not: typo }] })] },
    false,
  ],
  ['the signal declared', { id: 's', signals: { spendChnage: { type: 'number' } }, rules: [rule(typo)] }, true],
  ['the check turned off', { id: 's', checkSignals: false, rules: [rule(typo)] }, true],
];

describe('schemas/ruleSet.json and signal names', () => {
  it.each(cases)('%s: the schema and defineRuleSet agree', (_, file, valid) => {
    expect(validate(file)).toBe(valid);
    expect(safeDefineRuleSet(file as never).success).toBe(valid);
  });
});
