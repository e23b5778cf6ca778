import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { deriveSignals, evaluateChurnRisk } from '../../src/index.js';
import { AS_OF, CRYSTAL_STANDARD, healthyHistory } from './fixtures.js';

const RANK = { none: 0, watch: 1, warning: 2, critical: 3 } as const;
const RECENT = ['2026-08', '2026-09', '2026-10'];

describe('churn signals: laws', () => {
  test.prop([
    fc.constantFrom(...RECENT),
    fc.integer({ min: 0, max: 10_000 }),
    fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 18, maxLength: 18 }),
  ])('cutting a recent month’s spend never lowers the risk', (period, cut, amounts) => {
    const history = healthyHistory();
    history.spend = history.spend!.map((entry, index) => ({ ...entry, amount: amounts[index]! }));
    const lowered = {
      ...history,
      spend: history.spend.map((entry) =>
        entry.period === period ? { ...entry, amount: Math.max(0, Number(entry.amount) - cut) } : entry,
      ),
    };
    const before = evaluateChurnRisk(history, { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD });
    const after = evaluateChurnRisk(lowered, { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD });
    // a signal that becomes unknown (zero baseline) is not a move; only compare decided spend signals
    fc.pre(after.signals.values.spendChange !== null && before.signals.values.spendChange !== null);
    expect(after.risk.gte(before.risk)).toBe(true);
    expect(RANK[after.level]).toBeGreaterThanOrEqual(RANK[before.level]);
  });

  test.prop([fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 })])(
    'a later last visit never raises the risk',
    (earlier, later) => {
      const [far, near] = earlier >= later ? [earlier, later] : [later, earlier];
      const day = (daysAgo: number) =>
        new Date(Date.UTC(2026, 10, 1) - daysAgo * 86_400_000).toISOString().slice(0, 10);
      const risk = (daysAgo: number) =>
        evaluateChurnRisk(
          { ...healthyHistory(), visits: [{ date: day(daysAgo) }] },
          { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD },
        ).risk;
      expect(risk(near).lte(risk(far))).toBe(true);
    },
  );

  test.prop([fc.integer({ min: -30, max: 200 }), fc.integer({ min: -30, max: 200 }), fc.integer({ min: 1, max: 6 })])(
    'paying invoices later never lowers the risk',
    (first, second, count) => {
      const [early, late] = first <= second ? [first, second] : [second, first];
      const due = (index: number) => Date.UTC(2026, 3, 30) + index * 30 * 86_400_000;
      const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
      const withDelay = (delay: number) => ({
        ...healthyHistory(),
        invoices: Array.from({ length: count }, (_, index) => ({
          id: `I${index}`,
          dueAt: iso(due(index)),
          amount: 1000,
        })),
        payments: Array.from({ length: count }, (_, index) => ({
          invoiceId: `I${index}`,
          date: iso(due(index) + delay * 86_400_000),
          amount: 1000,
        })),
      });
      const risk = (delay: number) =>
        evaluateChurnRisk(withDelay(delay), { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD });
      const before = risk(early);
      const after = risk(late);
      expect(after.risk.gte(before.risk)).toBe(true);
      expect(RANK[after.level]).toBeGreaterThanOrEqual(RANK[before.level]);
    },
  );

  test.prop([fc.array(fc.nat(), { minLength: 40, maxLength: 40 })])(
    'signals do not depend on the order of events',
    (keys) => {
      const history = healthyHistory();
      const shuffle = <T>(list: T[]): T[] =>
        list
          .map((item, index) => ({ item, key: keys[index % keys.length]! }))
          .sort((a, b) => a.key - b.key)
          .map(({ item }) => item);
      const shuffled = {
        ...history,
        spend: shuffle(history.spend!),
        orders: shuffle(history.orders!),
        quality: shuffle(history.quality!),
        visits: shuffle(history.visits!),
      };
      expect(JSON.stringify(deriveSignals(shuffled, { asOf: AS_OF }))).toBe(
        JSON.stringify(deriveSignals(history, { asOf: AS_OF })),
      );
    },
  );
});
