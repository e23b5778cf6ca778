import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  abcValueGrader,
  defaultChurnRuleSet,
  defaultValueMatrix,
  defineRuleSet,
  defineTierPolicy,
  defineValueGrader,
  defineValueMatrix,
  isInstrument,
  isScorecard,
  isGradeBands,
  defineGradeBands,
  safeDefineGradeBands,
  potentialValueBands,
  defineScorecard,
  safeDefineScorecard,
  potentialValueModel,
  isRuleSet,
  isTierPolicy,
  isValueGrader,
  isValueMatrix,
  safeDefineInstrument,
  safeDefineRuleSet,
  safeDefineTierPolicy,
  safeDefineValueGrader,
  safeDefineValueMatrix,
  serviceQualityInstrument,
  telecomTierPolicy,
  defineInstrument,
} from '../../src/index.js';

/** Every model kind built by the shared helper: its preset, define, safeDefine and guard. */
const kinds = [
  {
    kind: 'gradeBands',
    preset: potentialValueBands,
    define: defineGradeBands,
    safe: safeDefineGradeBands,
    is: isGradeBands,
  },
  {
    kind: 'scorecard',
    preset: potentialValueModel,
    define: defineScorecard,
    safe: safeDefineScorecard,
    is: isScorecard,
  },
  { kind: 'ruleSet', preset: defaultChurnRuleSet, define: defineRuleSet, safe: safeDefineRuleSet, is: isRuleSet },
  {
    kind: 'valueMatrix',
    preset: defaultValueMatrix,
    define: defineValueMatrix,
    safe: safeDefineValueMatrix,
    is: isValueMatrix,
  },
  {
    kind: 'valueGrader',
    preset: abcValueGrader,
    define: defineValueGrader,
    safe: safeDefineValueGrader,
    is: isValueGrader,
  },
  {
    kind: 'tierPolicy',
    preset: telecomTierPolicy,
    define: defineTierPolicy,
    safe: safeDefineTierPolicy,
    is: isTierPolicy,
  },
  {
    kind: 'instrument',
    preset: serviceQualityInstrument,
    define: defineInstrument,
    safe: safeDefineInstrument,
    is: isInstrument,
  },
] as const;

describe('one way to build a model', () => {
  for (const { kind, preset, define, safe, is } of kinds) {
    describe(kind, () => {
      it('tags the model with its kind, id, version and fingerprint, frozen', () => {
        expect(preset.kind).toBe(kind);
        expect(preset.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(Object.isFrozen(preset)).toBe(true);
      });

      it('define(JSON round trip of the model) equals the model, field by field', () => {
        const again = (define as (input: unknown) => object)(JSON.parse(JSON.stringify(preset)));
        expect(again).toEqual(preset);
        expect(again).not.toBe(preset);
        expect(JSON.stringify(again)).toBe(JSON.stringify(preset));
      });

      it('the guard knows compiled models from look-alike shapes', () => {
        expect(is(preset)).toBe(true);
        expect(is(JSON.parse(JSON.stringify(preset)))).toBe(false);
        expect(is({ ...preset })).toBe(false);
        expect(is(null)).toBe(false);
      });

      it('the safe form returns the model or every issue, never throws a ValidationError', () => {
        const good = (safe as (input: unknown) => { success: boolean })(preset.toJSON());
        expect(good.success).toBe(true);
        const bad = (safe as (input: unknown) => { success: boolean; issues?: readonly { path: string }[] })({ id: 7 });
        expect(bad.success).toBe(false);
        expect(bad.issues?.length).toBeGreaterThan(0);
        expect(() => (define as (input: unknown) => unknown)({ id: 7 })).toThrow(ValidationError);
      });
    });
  }

  it('a rule set whose in-list has a hole is refused at definition (JSON would turn the hole into null)', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holey = [, 'b'];
    const outcome = safeDefineRuleSet({
      id: 'holes',
      rules: [
        { id: 'r', when: { signal: 'segment', op: 'in', value: holey }, severity: 'watch', points: 1, cause: 'credit' },
      ],
    });
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect(outcome.issues.map((issue) => issue.path)).toContain('rules[0].when.value[0]');
  });

  it('tier policy methods live on the shared prototype and still read the compiled form', () => {
    expect(Object.keys(telecomTierPolicy)).not.toContain('tierFor');
    expect(telecomTierPolicy.tierFor(3000)?.id).toBe(telecomTierPolicy.tierFor('3000.00')?.id);
  });
});
