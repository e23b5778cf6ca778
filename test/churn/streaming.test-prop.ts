import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { evaluateChurnRisk, evaluateChurnRiskBatch, evaluateChurnRiskEach } from '../../src/index.js';
import { AS_OF, CRYSTAL_STANDARD, healthyHistory } from './fixtures.js';

const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

/** Histories around the healthy fixture: spend, contact and relationship vary; some are broken. */
const historyArbitrary = fc.record({
  amounts: fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 6, maxLength: 6 }),
  visitDay: fc.integer({ min: 1, max: 28 }),
  internalContacts: fc.integer({ min: 0, max: 4 }),
  managerLeft: fc.boolean(),
  broken: fc.integer({ min: 0, max: 9 }),
});

type Shape = typeof historyArbitrary extends fc.Arbitrary<infer T> ? T : never;

function historyOf(shape: Shape, index: number) {
  const history = healthyHistory();
  return {
    ...history,
    id: `A${index}`,
    spend: MONTHS.map((period, month) => ({ period, amount: shape.amounts[month] })),
    visits: [{ date: `2026-0${1 + (shape.visitDay % 9)}-${String(shape.visitDay).padStart(2, '0')}` }],
    relationship: {
      accountManager: 'Li',
      managerLeftAt: shape.managerLeft ? '2026-09-30' : null,
      handoverAt: null,
      internalContacts: shape.internalContacts,
    },
    ...(shape.broken === 0 ? { distress: [{ date: 'soon', kind: 'closure' }] } : {}),
  };
}

describe('churn streaming: laws', () => {
  test.prop([fc.array(historyArbitrary, { maxLength: 6 })], { numRuns: 25 })(
    'evaluateChurnRiskEach gives, record by record, the JSON of evaluateChurnRisk and of the array form',
    (shapes) => {
      const options = { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD };
      const histories = shapes.map(historyOf);
      const outcomes = [...evaluateChurnRiskEach(histories, options)];
      const batch = evaluateChurnRiskBatch(histories, options);
      expect(outcomes.length).toBe(histories.length);
      let good = 0;
      for (const outcome of outcomes) {
        if (!outcome.ok) continue;
        const item = batch.results[good++]!;
        expect(item.index).toBe(outcome.index);
        expect(JSON.stringify({ ...outcome.result, index: outcome.index, id: outcome.result.accountId })).toBe(
          JSON.stringify(item),
        );
        expect(JSON.stringify(outcome.result)).toBe(
          JSON.stringify(evaluateChurnRisk(histories[outcome.index], options)),
        );
      }
      expect(good).toBe(batch.results.length);
      expect(outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]))).toEqual(batch.errors);
    },
    60_000,
  );
});
