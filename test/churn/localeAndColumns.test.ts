import { describe, expect, it } from 'vitest';
import {
  decideRulesColumns,
  defaultChurnRuleSet,
  defineRuleSet,
  evaluateChurnRisk,
  evaluateRules,
  ValidationError,
} from '../../src/index.js';

const trilingual = defineRuleSet({
  id: 'trilingual',
  rules: [
    {
      id: 'spend-drop',
      when: { signal: 'spendChange', op: 'lte', value: -0.2 },
      severity: 'warning',
      points: 15,
      cause: 'needs-unmet',
      message: {
        en: 'Spend fell {spendChange|percent}',
        'zh-CN': '投放额下降 {spendChange|percent}',
        de: 'Umsatz {spendChange|percent}',
      },
    },
  ],
});

describe('locale option', () => {
  it('renders the message in the locale asked for, with BCP 47 fallback to en', () => {
    const [de] = evaluateRules(trilingual, { spendChange: -0.35 }, { locale: 'de-CH' }).alerts;
    const [ja] = evaluateRules(trilingual, { spendChange: -0.35 }, { locale: 'ja' }).alerts;
    const [zh] = evaluateRules(defaultChurnRuleSet, { spendChange: -0.6 }, { locale: 'zh' }).alerts;
    expect([de?.text, ja?.text]).toEqual(['Umsatz -35%', 'Spend fell -35%']);
    expect(zh?.text).toBe(zh?.message['zh-CN']);
    // every locale the rule carries, in the fixed order
    expect(de?.message).toEqual({ en: 'Spend fell -35%', 'zh-CN': '投放额下降 -35%', de: 'Umsatz -35%' });
  });

  it('adds text only when asked, so the default JSON is unchanged', () => {
    const plain = evaluateRules(defaultChurnRuleSet, { spendChange: -0.6 });
    expect(plain.alerts[0]!.text).toBeUndefined();
    expect(JSON.stringify(plain)).not.toContain('"text"');
  });

  it('evaluateChurnRisk takes the locale too, and refuses a malformed tag', () => {
    const history = {
      id: 'ACME',
      relationship: { accountManager: 'Li', managerLeftAt: '2026-09-30', handoverAt: null, internalContacts: 1 },
    };
    const result = evaluateChurnRisk(history, { asOf: '2026-11-01', locale: 'zh-CN' });
    expect(result.alerts[0]?.text).toBe(result.alerts[0]?.message['zh-CN']);
    expect(result.alerts[0]?.signals.length).toBeGreaterThan(0);
    expect(() => evaluateRules(trilingual, {}, { locale: 'not a tag' })).toThrow(ValidationError);
  });
});

describe('decideRulesColumns', () => {
  it('decides columns as decideRules decides rows (NaN unknown, booleans 1 / 0)', () => {
    const { decisions, ruleIds, levelOf } = decideRulesColumns(defaultChurnRuleSet, {
      spendChange: Float64Array.of(-0.6, 0.1, Number.NaN),
      singleThreaded: Float64Array.of(0, 1, Number.NaN),
    });
    expect([levelOf(0), levelOf(1), levelOf(2)]).toEqual(['critical', 'watch', 'none']);
    expect(decisions[2 * ruleIds.length + ruleIds.indexOf('spend-drop-sharp')]).toBe(-1);
  });

  it('names the column that is not a Float64Array or has another length', () => {
    const issue = (columns: object) => {
      try {
        decideRulesColumns(defaultChurnRuleSet, columns as never);
      } catch (error) {
        return (error as ValidationError).issues[0];
      }
      return undefined;
    };
    expect(issue({ spendChange: [1, 2] })?.path).toBe('columns.spendChange');
    expect(issue({ spendChange: new Float64Array(2), singleThreaded: new Float64Array(3) })?.code).toBe('inconsistent');
    expect(issue({ unrelated: new Float64Array(2) })?.code).toBe('missing');
  });

  it('refuses a rule on dates or categories, naming it', () => {
    const dated = defineRuleSet({
      id: 'dated',
      rules: [
        {
          id: 'd',
          when: { signal: 'lastOrderDate', op: 'lt', value: '2026-01-01' },
          severity: 'watch',
          points: 1,
          cause: 'credit',
        },
      ],
    });
    expect(() => decideRulesColumns(dated, { lastOrderDate: new Float64Array(1) })).toThrow(/rules\[0\]\.when/);
  });
});
