import { describe, expect, it } from 'vitest';
import {
  churnSignalCatalogue,
  defineRuleSet,
  deriveSignals,
  evaluateRules,
  ValidationError,
} from '../../../src/index.js';
import { expectedPurchases, probabilityAlive } from '../../../src/value/index.js';

// The published CDNOW BG/NBD estimates, in weeks (Fader, Hardie & Lee 2005).
const transactionModel = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
const asOf = '2026-11-01';
const busyThenSilent = {
  id: 'ACC-GONE',
  orders: ['2026-01-05', '2026-01-19', '2026-02-02', '2026-02-16', '2026-03-02', '2026-03-16'].map((date) => ({
    date,
    amount: 5000,
  })),
};
const steady = {
  id: 'ACC-OK',
  orders: Array.from({ length: 10 }, (_, i) => ({
    date: new Date(Date.UTC(2026, 0, 5 + 30 * i)).toISOString().slice(0, 10),
  })),
};

describe('P(alive) and expected purchases as churn signals', () => {
  it('are catalogued numbers whose alarming direction is lower, so rules are type-checked against them', () => {
    expect(churnSignalCatalogue.probabilityAlive).toMatchObject({ type: 'number', alarming: 'lower' });
    expect(churnSignalCatalogue.expectedPurchases).toMatchObject({ type: 'number', alarming: 'lower' });
  });

  it('are derived from the orders with the summary conventions, and equal the value module’s numbers', () => {
    const signals = deriveSignals(busyThenSilent, { asOf, lifetime: { transactionModel, unit: 'weeks' } });
    // first order 2026-01-05, last 2026-03-16 (70 days), asOf 300 days after the first
    const customer = { frequency: 5, recency: 70 / 7, T: 300 / 7 };
    expect(signals.values.probabilityAlive).toBe(probabilityAlive(transactionModel, customer));
    expect(signals.values.expectedPurchases).toBe(expectedPurchases(transactionModel, customer, 90 / 7));
    expect(signals.readings.probabilityAlive.evidence).toMatchObject({
      frequency: 5,
      unit: 'weeks',
      firstOrder: '2026-01-05',
      lastOrder: '2026-03-16',
    });
  });

  it('let a rule say "P(alive) < 0.3": it fires for the busy-then-silent account, not for the steady one', () => {
    const ruleSet = defineRuleSet(
      {
        id: 'lifetime-rules',
        rules: [
          {
            id: 'probably-gone',
            when: { signal: 'probabilityAlive', op: 'lt', value: 0.3 },
            severity: 'warning',
            points: 20,
            cause: 'needs-unmet',
            message: { en: 'P(alive) {probabilityAlive}', 'zh-CN': '活跃概率 {probabilityAlive}' },
          },
        ],
      },
      { catalogue: churnSignalCatalogue },
    );
    const options = { asOf, lifetime: { transactionModel, unit: 'weeks' as const } };
    expect(evaluateRules(ruleSet, deriveSignals(busyThenSilent, options).values).fired).toEqual(['probably-gone']);
    expect(evaluateRules(ruleSet, deriveSignals(steady, options).values).fired).toEqual([]);
    // without a model the signal is unknown, and so is the rule: never silently false
    expect(evaluateRules(ruleSet, deriveSignals(steady, { asOf }).values).unknown).toEqual(['probably-gone']);
  });

  it('are unknown, with a reason, without a model or without orders; a bad option fails the call', () => {
    const none = deriveSignals(steady, { asOf });
    expect(none.readings.probabilityAlive.reason).toMatch(/no lifetime model/);
    const noOrders = deriveSignals({ id: 'X' }, { asOf, lifetime: { transactionModel, unit: 'weeks' } });
    expect(noOrders.readings.expectedPurchases.reason).toMatch(/no order history/);
    expect(() =>
      deriveSignals(steady, { asOf, lifetime: { transactionModel: { kind: 'bg-nbd' } as never, unit: 'weeks' } }),
    ).toThrow(/lifetime\.transactionModel/);
    expect(() =>
      deriveSignals(steady, { asOf, lifetime: { transactionModel, unit: 'fortnights' as 'weeks' } }),
    ).toThrow(ValidationError);
    const discrete = { kind: 'bg-bb', alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 } as const;
    expect(() => deriveSignals(steady, { asOf, lifetime: { transactionModel: discrete, unit: 'weeks' } })).toThrow(
      /fitBgNbd or fitParetoNbd/,
    );
  });
});
