import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { potentialValueModel } from '../../src/scoring/index.js';
import { ValidationError } from '../../src/shared/index.js';
import {
  abcValueGrader,
  assessPortfolio,
  assessPortfolioEach,
  quantileValueGrader,
  type AssessOutcome,
} from '../../src/value/index.js';
import { amount } from '../arbitraries/value.js';

const ratings = fc.record(
  Object.fromEntries(
    potentialValueModel.factors.map((factor) => [
      factor.id,
      fc.integer({ min: factor.min.toNumber() * 2, max: factor.max.toNumber() * 2 }).map((x) => x / 2),
    ]),
  ),
);
const margin = fc.oneof(
  amount,
  amount.map((value) => `-${value}`),
);
const record = fc.oneof(
  { weight: 6, arbitrary: fc.record({ id: fc.uuid(), ratings, margin }) },
  {
    weight: 2,
    arbitrary: fc.record({
      id: fc.uuid(),
      ratings,
      margin,
      retention: fc.array(fc.constantFrom(0.5, 0.9, 1), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      id: fc.uuid(),
      ratings: fc.oneof(ratings, fc.constant({ tenure: 99 })),
      margin: fc.constantFrom('n/a', -Infinity, null),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, 42, 'text', { id: 'no-ratings' }) },
);
const options = fc.record({
  valuation: fc.record({
    retention: fc.constantFrom(0.8, 0.95),
    discountRate: fc.constantFrom(0.1, 0.05),
    timing: fc.constantFrom('start' as const, 'end' as const),
    horizon: fc.constantFrom('perpetuity' as const, 3),
  }),
  currentGrader: fc.constantFrom(abcValueGrader, quantileValueGrader),
  targetShare: fc.constantFrom(0.8, 0.5, 1),
});

/** A generator over the records, so the streaming form is fed a one-shot iterable. */
function* once<T>(items: readonly T[]): Generator<T> {
  yield* items;
}

const split = (outcomes: Iterable<AssessOutcome>) => {
  const all = [...outcomes];
  return {
    results: all.flatMap((outcome) => (outcome.ok ? [outcome.result] : [])),
    errors: all.flatMap((outcome) => (outcome.ok ? [] : [outcome.error])),
    all,
  };
};

describe('assessPortfolioEach: the streaming form of assessPortfolio', () => {
  it('gives results, errors and summary byte-identical (JSON) to the array form', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), options, (records, given) => {
        const array = assessPortfolio(records, given);
        const stream = assessPortfolioEach(once(records), given);
        const { results, errors } = split(stream.accounts);
        expect(JSON.stringify({ results, errors, summary: stream.summary })).toBe(JSON.stringify(array));
      }),
      { numRuns: 60 },
    );
  });

  it('loses nothing: one outcome per record, in input order, each with the record’s index and id', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const stream = assessPortfolioEach(records, { valuation: { retention: 0.8, discountRate: 0.1 } });
        const { all, results, errors } = split(stream.accounts);
        expect(all.map((outcome) => outcome.index)).toEqual(records.map((_, index) => index));
        for (const outcome of all) {
          const source = records[outcome.index] as { id?: unknown } | null;
          expect(outcome.id).toBe(typeof source?.id === 'string' ? source.id : undefined);
          if (!outcome.ok) expect(outcome.error.index).toBe(outcome.index);
        }
        expect(stream.summary.accounts).toBe(results.length);
        expect(stream.summary.failed).toBe(errors.length);
        expect(stream.summary.byClass.reduce((sum, item) => sum + item.count, 0)).toBe(results.length);
        // iterable again, with the same outcomes
        expect(JSON.stringify([...stream.accounts])).toBe(JSON.stringify(all));
      }),
      { numRuns: 40 },
    );
  });

  it('throws for bad options before reading a record, never for a bad record', () => {
    let read = 0;
    function* counted() {
      read++;
      yield { id: 'a', ratings: {}, margin: 1 };
    }
    expect(() => assessPortfolioEach(counted(), { valuation: { discountRate: -2 } })).toThrow(ValidationError);
    expect(read).toBe(0);
    expect(() => assessPortfolioEach(42 as never, { valuation: { discountRate: 0.1 } })).toThrow(ValidationError);
    const { summary, accounts } = assessPortfolioEach([null, { id: 'x' }], { valuation: { discountRate: 0.1 } });
    expect(summary.failed).toBe(2);
    expect([...accounts].map((outcome) => [outcome.ok, outcome.index])).toEqual([
      [false, 0],
      [false, 1],
    ]);
  });
});
