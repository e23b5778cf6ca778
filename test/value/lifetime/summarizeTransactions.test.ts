import { describe, expect, it } from 'vitest';
import { ValidationError, summarizeTransactions } from '../../../src/value/index.js';
import { cdnowSummary, cdnowTransactions } from './cdnow.js';

describe('summarizeTransactions', () => {
  it(
    'rebuilds the published CDNOW 39-week calibration summary from the transaction log (Fader, Hardie & Lee ' + '2005)',
    () => {
      const published = cdnowSummary();
      const { results, errors, afterAsOf } = summarizeTransactions(cdnowTransactions(), {
        asOf: '1997-09-30',
        unit: 'weeks',
      });
      expect(errors).toEqual([]);
      expect(afterAsOf).toBeGreaterThan(0);
      // the published sample is ordered by first purchase date, then by id in the full log
      const ordered = [...results].sort(
        (left, right) => left.firstPurchase.localeCompare(right.firstPurchase) || left.id.localeCompare(right.id),
      );
      expect(ordered).toHaveLength(published.length);
      const mismatches = ordered.flatMap((row, i) => {
        const expected = published[i]!;
        const same =
          row.frequency === expected.frequency &&
          row.recency.toFixed(2) === expected.recency.toFixed(2) &&
          row.T.toFixed(2) === expected.T.toFixed(2) &&
          // the published mean spend is rounded half up to cents
          row.monetaryValue.toDecimalPlaces(2, 4).toFixed(2) === expected.monetaryValue.toFixed(2);
        return same ? [] : [{ published: expected, built: row }];
      });
      expect(mismatches).toEqual([]);
      expect(ordered.filter((row) => row.frequency > 0)).toHaveLength(946);
    },
  );

  it('merges purchases on one day into one occasion and leaves the first purchase out of the mean spend', () => {
    const { results } = summarizeTransactions(
      [
        { customerId: 'acme', date: '2026-01-05', amount: 100 },
        { customerId: 'acme', date: '2026-01-05T17:00:00Z', amount: '20.10' },
        { customerId: 'acme', date: '2026-02-02', amount: 80 },
        { customerId: 'acme', date: '2026-03-02', amount: 120 },
        { customerId: 'acme', date: '2026-04-01', amount: 999 },
        { customerId: 7, date: '2026-03-30', amount: 5 },
      ],
      { asOf: '2026-03-30', unit: 'weeks' },
    );
    const acme = results.find((row) => row.id === 'acme')!;
    expect(acme).toMatchObject({
      frequency: 2,
      recency: 8,
      T: 12,
      firstPurchase: '2026-01-05',
      lastPurchase: '2026-03-02',
    });
    expect(acme.monetaryValue.toString()).toBe('100');
    expect(acme.totalValue.toString()).toBe('320.1');
    // bought on the last day: T is 0, and the id is read as a string
    expect(results.find((row) => row.id === '7')).toMatchObject({ frequency: 0, recency: 0, T: 0 });
  });

  it('measures time in days, weeks (7 days) or months (30.4375 days)', () => {
    const log = [
      { customerId: 'a', date: '2025-01-01' },
      { customerId: 'a', date: '2025-07-02' },
    ];
    const days = summarizeTransactions(log, { asOf: '2026-01-01' }).results[0]!;
    const months = summarizeTransactions(log, { asOf: '2026-01-01', unit: 'months' }).results[0]!;
    expect(days).toMatchObject({ recency: 182, T: 365 });
    expect(months.T).toBeCloseTo(365 / 30.4375, 12);
    expect(months.monetaryValue.toString()).toBe('0');
  });

  it('splits calibration and hold-out periods: CDNOW weeks 1–39 and 40–78', () => {
    const split = summarizeTransactions(cdnowTransactions(), {
      asOf: '1997-09-30',
      unit: 'weeks',
      holdoutEnd: '1998-06-30',
    });
    expect(split).toMatchObject({ afterAsOf: 0, newInHoldout: 0 });
    expect(split.results).toHaveLength(2357);
    // customer 00004 of the full log: purchases on 1997-01-01, 01-18 and 08-02, then 1997-12-12 for $26.48
    const customer = split.results.find((row) => row.id === '00004')!;
    expect(customer).toMatchObject({ frequency: 2, holdout: { frequency: 1, duration: 39 } });
    expect(customer.holdout!.value.toString()).toBe('26.48');
    expect(customer.monetaryValue.toString()).toBe('22.345');
  });

  it('leaves customers who first buy in the hold-out period out of the calibration cohort', () => {
    const split = summarizeTransactions(
      [
        { customerId: 'a', date: '2026-01-10', amount: 5 },
        { customerId: 'b', date: '2026-02-10', amount: 5 },
        { customerId: 'a', date: '2026-02-11', amount: 7 },
        { customerId: 'a', date: '2026-02-11', amount: 1 },
        { customerId: 'a', date: '2026-04-01', amount: 9 },
      ],
      { asOf: '2026-01-31', holdoutEnd: '2026-02-28' },
    );
    expect(split.results.map((row) => row.id)).toEqual(['a']);
    expect(split.results[0]!.holdout).toMatchObject({ frequency: 1, duration: 28 });
    expect(split.results[0]!.holdout!.value.toString()).toBe('8');
    expect(split).toMatchObject({ newInHoldout: 1, afterAsOf: 1 });
    expect(() => summarizeTransactions([], { asOf: '2026-01-31', holdoutEnd: '2026-01-31' })).toThrow(
      /options\.holdoutEnd/,
    );
  });

  it('reports bad transactions with index and id, and keeps the rest', () => {
    const { results, errors } = summarizeTransactions(
      [
        { customerId: 'a', date: '2026-01-01', amount: 1 },
        { customerId: 'b', date: '2026-13-01', amount: 1 },
        { customerId: 'c', date: '2026-01-01', amount: 'lots' },
        { date: '2026-01-01', amount: 1 },
        null,
      ],
      { asOf: '2026-02-01' },
    );
    expect(results.map((row) => row.id)).toEqual(['a']);
    expect(errors.map((error) => [error.index, error.id, error.issues[0]!.path])).toEqual([
      [1, 'b', 'date'],
      [2, 'c', 'amount'],
      [3, undefined, 'customerId'],
      [4, undefined, ''],
    ]);
  });

  it('throws ValidationError for bad options', () => {
    expect(() => summarizeTransactions([], { asOf: 'soon' })).toThrow(ValidationError);
    expect(() => summarizeTransactions([], { asOf: '2026-01-01', unit: 'fortnights' as 'days' })).toThrow(
      /options\.unit/,
    );
    expect(() => summarizeTransactions(42 as unknown as [], { asOf: '2026-01-01' })).toThrow(/transactions/);
  });
});
