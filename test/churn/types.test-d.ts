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
  type ChurnRuleInput,
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

  it('takes labels, messages and titles in any locale with en, and refuses them without en', () => {
    const rule = {
      id: 'r',
      when: { signal: 'spendChange', op: 'lt', value: 0 },
      severity: 'watch',
      points: 1,
      cause: 'credit',
      message: { en: 'Spend fell {spendChange|percent}', de: 'Umsatz gesunken {spendChange|percent}' },
      title: { en: 'Spend fell', de: 'Umsatz gesunken' },
    } as const;
    expectTypeOf(
      defineRuleSet({ id: 'a', labels: { en: 'Mine', de: 'Meine' }, rules: [rule] }),
    ).toEqualTypeOf<RuleSet>();
    // @ts-expect-error labels need en, the fallback locale
    defineRuleSet({ id: 'b', labels: { de: 'Meine' }, rules: [rule] });
    // @ts-expect-error a message needs en
    defineRuleSet({ id: 'c', rules: [{ ...rule, message: { de: 'Umsatz gesunken' } }] });
    // @ts-expect-error a title needs en
    defineRuleSet({ id: 'd', rules: [{ ...rule, title: { de: 'Umsatz gesunken' } }] });
    expectTypeOf<{ en: 'x'; de: 'y' }>().toMatchTypeOf<NonNullable<ChurnRuleInput['message']>>();
    expectTypeOf<{ de: 'y' }>().not.toMatchTypeOf<NonNullable<ChurnRuleInput['message']>>();
    expectTypeOf<{ id: 'e'; labels: { de: 'y' }; rules: [] }>().not.toMatchTypeOf<RuleSetInput>();
  });

  it('takes a catalogue and signal declarations with labels in any locale with en, values as a readonly list', () => {
    const catalogue = {
      plan: { type: 'category', values: ['free', 'pro'], labels: { en: 'Plan', de: 'Tarif' } },
    } as const;
    const rule = {
      id: 'r',
      when: { signal: 'plan', op: 'eq', value: 'pro' },
      severity: 'watch',
      points: 1,
      cause: 'credit',
    };
    expectTypeOf(defineRuleSet({ id: 'a', rules: [rule] }, { catalogue })).toEqualTypeOf<RuleSet>();
    expectTypeOf(defineRuleSet({ id: 'b', signals: catalogue, rules: [rule] })).toEqualTypeOf<RuleSet>();
    // @ts-expect-error a catalogue entry's labels need en
    defineRuleSet({ id: 'c', rules: [rule] }, { catalogue: { plan: { type: 'category', labels: { de: 'Tarif' } } } });
  });
});
