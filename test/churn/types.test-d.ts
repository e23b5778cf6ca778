import { describe, expectTypeOf, it } from 'vitest';
import type { Decimal } from 'decimal.js';
import {
  churnCauses,
  defaultChurnRuleSet,
  defineRuleSet,
  deriveSignals,
  evaluateChurnRisk,
  evaluateRules,
  type ChurnCauseId,
  type ChurnCondition,
  type ChurnLevel,
  type ChurnSignalName,
  type RuleSet,
  type RuleSetInput,
} from '../../src/index.js';

describe('churn public types', () => {
  it('fixes the taxonomy ids, levels and signal names as literal unions', () => {
    expectTypeOf<keyof typeof churnCauses>().toEqualTypeOf<ChurnCauseId>();
    expectTypeOf<ChurnLevel>().toEqualTypeOf<'none' | 'watch' | 'warning' | 'critical'>();
    expectTypeOf<'spendChange'>().toMatchTypeOf<ChurnSignalName>();
  });

  it('types results: Decimal risk, string id lists, level', () => {
    const result = evaluateRules(defaultChurnRuleSet, {});
    expectTypeOf(result.risk).toEqualTypeOf<Decimal>();
    expectTypeOf(result.fired).toEqualTypeOf<readonly string[]>();
    expectTypeOf(result.level).toEqualTypeOf<ChurnLevel>();
    expectTypeOf(defaultChurnRuleSet).toEqualTypeOf<RuleSet>();
    const signals = deriveSignals({ id: 'x' }, { asOf: '2026-11-01' });
    expectTypeOf(signals.values).toHaveProperty('managerDepartedWithoutHandover');
    expectTypeOf(evaluateChurnRisk).returns.toHaveProperty('alerts');
  });

  it('types the rule-set keys that declare signals: signals of a catalogue entry form, checkSignals a boolean', () => {
    const rule = { id: 'r', when: { signal: 'x', op: 'gt', value: 1 }, severity: 'watch', points: 1, cause: 'credit' };
    expectTypeOf(
      defineRuleSet({ id: 'a', signals: { x: { type: 'number' } }, rules: [rule] }),
    ).toEqualTypeOf<RuleSet>();
    expectTypeOf(defineRuleSet({ id: 'b', checkSignals: false, rules: [rule] })).toEqualTypeOf<RuleSet>();
    expectTypeOf<{ id: 'c'; signals: { x: { type: 'integer' } }; rules: [] }>().not.toMatchTypeOf<RuleSetInput>();
    expectTypeOf<{ id: 'c'; checkSignals: 'no'; rules: [] }>().not.toMatchTypeOf<RuleSetInput>();
  });

  it('describes the condition shape of SPEC §3', () => {
    expectTypeOf<{ signal: 'x'; op: 'lt'; value: 1 }>().toMatchTypeOf<ChurnCondition>();
    expectTypeOf<{ all: [{ signal: 'x'; op: 'known' }] }>().toMatchTypeOf<ChurnCondition>();
    expectTypeOf<{ not: { any: [{ signal: 'x'; op: 'in'; value: ['a'] }] } }>().toMatchTypeOf<ChurnCondition>();
  });
});
