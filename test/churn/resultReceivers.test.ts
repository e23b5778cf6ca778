/**
 * The churn results are class instances whose lazy parts are getters shared by every instance. They
 * must read like the plain records they serialise to: through a `Proxy`, through an object whose
 * prototype is the result, in `roundForDisplay`; and explaining a rule must not be disturbed by a
 * caller's code that explains another rule meanwhile (a proxy trap of a signal value).
 */
import { describe, expect, it } from 'vitest';
import { defineRuleSet, deriveSignals, evaluateChurnRisk, evaluateRules, roundForDisplay } from '../../src/index.js';

const history = {
  id: 'ACME',
  spend: [
    { period: '2026-05', amount: 100 },
    { period: '2026-06', amount: 100 },
    { period: '2026-07', amount: 100 },
    { period: '2026-08', amount: 30 },
    { period: '2026-09', amount: 30 },
    { period: '2026-10', amount: 30 },
  ],
  relationship: { accountManager: 'Li', managerLeftAt: '2026-09-30', handoverAt: null, internalContacts: 1 },
};
const AS_OF = '2026-11-01';

describe('churn results read like plain records', () => {
  const results = {
    evaluateChurnRisk: () => evaluateChurnRisk(history, { asOf: AS_OF }),
    deriveSignals: () => deriveSignals(history, { asOf: AS_OF }),
    evaluateRules: () => evaluateChurnRisk(history, { asOf: AS_OF }).signals.values,
  };
  for (const [name, make] of Object.entries(results)) {
    it(`${name}: the same JSON through a Proxy and through an object inheriting from it`, () => {
      const result = make();
      const json = JSON.stringify(result);
      expect(JSON.stringify(new Proxy(result, {}))).toBe(json);
      const child = Object.create(result) as Record<string, unknown>;
      for (const key of Object.keys(result))
        expect(JSON.stringify(child[key])).toBe(JSON.stringify(result[key as never]));
    });
  }

  it('evaluateRules results too', () => {
    const result = evaluateRules(
      defineRuleSet({
        id: 'r',
        rules: [
          {
            id: 'drop',
            when: { signal: 'spendChange', op: 'lt', value: -0.3 },
            severity: 'warning',
            points: 1.5,
            cause: 'needs-unmet',
            message: { en: 'Spend {spendChange|percent}', 'zh-CN': '消费 {spendChange|percent}' },
          },
        ],
      }),
      deriveSignals(history, { asOf: AS_OF }).values,
    );
    expect(JSON.stringify(new Proxy(result, {}))).toBe(JSON.stringify(result));
  });

  it('roundForDisplay rounds a churn result and its derived signals (it took them for opaque objects once)', () => {
    const result = evaluateChurnRisk(history, { asOf: AS_OF });
    const shown = roundForDisplay(result, { decimals: 1 }) as unknown as Record<string, unknown>;
    expect(shown).not.toBe(result);
    expect(String(shown['decidedShare'])).toBe(result.decidedShare.toDecimalPlaces(1).toString());
    expect(result.decidedShare.decimalPlaces()).toBeGreaterThan(1);
    const signals = roundForDisplay(deriveSignals(history, { asOf: AS_OF }), { decimals: 0 });
    expect(String(signals.values.spendChange)).toBe('-1');
  });
});

describe('explaining is not disturbed by a nested explanation', () => {
  it("a signal value's proxy trap that explains another rule set leaves this rule's evidence alone", () => {
    const message = { en: 'm', 'zh-CN': 'm' };
    const outer = defineRuleSet({
      id: 'outer',
      checkSignals: false,
      rules: [
        {
          id: 'a',
          severity: 'critical',
          points: 1,
          cause: 'c',
          message,
          when: {
            any: [
              { signal: 'x', op: 'eq', value: 1 },
              { signal: 'y', op: 'eq', value: true },
            ],
          },
        },
      ],
    });
    const inner = defineRuleSet({
      id: 'inner',
      checkSignals: false,
      rules: [
        {
          id: 'b',
          severity: 'critical',
          points: 1,
          cause: 'c',
          message,
          when: { all: ['p', 'q', 'r'].map((signal) => ({ signal, op: 'eq' as const, value: true })) },
        },
      ],
    });
    // the nested explanation runs at the n-th trap call after the alerts are asked for: before the
    // walk, at its start, or in the middle of it
    const evidenceWith = (nestAt: number): string => {
      let armed = false;
      let calls = 0;
      let sinceArmed = 0;
      const value = new Proxy(
        {},
        {
          getPrototypeOf() {
            calls++;
            if (armed && ++sinceArmed === nestAt) {
              armed = false;
              void evaluateRules(inner, { p: true, q: true, r: true }).alerts;
            }
            return Object.prototype;
          },
        },
      );
      const result = evaluateRules(outer, { x: value, y: true });
      armed = true;
      const evidence = result.alerts[0]!.evidence.map((item) => [item.signal, item.op, item.outcome]);
      expect(calls).toBeGreaterThan(0);
      return JSON.stringify(evidence);
    };
    const plain = evidenceWith(0);
    for (const nestAt of [1, 2, 3, 4, 5]) expect(evidenceWith(nestAt)).toBe(plain);
  });
});
