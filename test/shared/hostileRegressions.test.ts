/**
 * One named regression test per class of the hostile-input audit: each input once hung, crashed
 * or lost a record; now it returns or throws a ValidationError, and batches keep every record.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  assessPortfolio,
  concentrationRisk,
  contactCompliance,
  currentValue,
  defineScorecard,
  defineValueGrader,
  gradeValues,
  abcValueGrader,
  potentialValueModel,
  reasons,
  safeDefineRuleSet,
  score,
  scorePortfolio,
  telecomTierPolicy,
} from '../../src/index.js';

const ratings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max.toNumber()]));

function refused(task: () => unknown): boolean {
  try {
    task();
    return false;
  } catch (error) {
    if (error instanceof ValidationError) return true;
    throw error;
  }
}

describe('hostile input regressions', () => {
  it('huge exponents: refused before any arithmetic, no hang', () => {
    expect(refused(() => score(potentialValueModel, { ...ratings, tenure: '1e1000000000' }))).toBe(true);
    expect(
      refused(() =>
        defineValueGrader({
          id: 'g',
          version: '1',
          method: 'thresholds',
          grades: [{ id: 'A', min: '1e1000000000' }, { id: 'B' }],
        }),
      ),
    ).toBe(true);
    expect(refused(() => concentrationRisk(['1e1000000000', 1]))).toBe(true);
  });

  it('a NaN Decimal in gradeValues is refused, not a hang', () => {
    expect(refused(() => gradeValues([new Decimal(Number.NaN), 1, 2], abcValueGrader))).toBe(true);
  });

  it('look-alike Decimals and values that do not convert are refused', () => {
    for (const value of [
      { [Symbol.toStringTag]: 'Decimal', d: [1], e: 1e9 },
      { toStringTag: '[object Decimal]' },
      Object.create(null),
      Symbol('s'),
      2n ** 80n,
      { toString: '1e5000' },
    ]) {
      expect(refused(() => score(potentialValueModel, { ...ratings, tenure: value }))).toBe(true);
    }
  });

  it('a sparse retention series is refused, not a raw DecimalError', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(refused(() => currentValue({ margin: 100, retention: [, 0.9] as never, discountRate: 0.1 }))).toBe(true);
  });

  it('a throwing getter or a revoked proxy in one record fails that record, not the batch', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const getter = Object.defineProperty({ id: 'g' }, 'ratings', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    const records = [{ id: 'a', ratings }, getter, revoked.proxy, { id: 'b', ratings }];
    const batch = scorePortfolio(potentialValueModel, records);
    expect(batch.results.map((result) => result.index)).toEqual([0, 3]);
    expect(batch.errors.map((error) => error.index)).toEqual([1, 2]);
    const assessed = assessPortfolio(
      records.map((record) => (record === getter || record === revoked.proxy ? record : { ...record, margin: 100 })),
      { valuation: { retention: 0.8, discountRate: 0.1 } },
    );
    expect(assessed.results.length + assessed.errors.length).toBe(4);
  });

  it('contactCompliance keeps every record: a hole, "NaN" and a padded date (4 in, 4 out)', () => {
    // eslint-disable-next-line no-sparse-arrays
    const accounts = [
      ,
      { id: 'a', monthlySpend: 5000, lastVisit: 'NaN' },
      { id: 'b', monthlySpend: 5000, lastCall: ' 2026-10-31' },
      { id: 'c', monthlySpend: 5000 },
    ];
    const report = contactCompliance(telecomTierPolicy, accounts as never, { asOf: '2026-11-01' });
    expect(report.results.length + report.errors.length).toBe(4);
    expect(report.errors[0]!.index).toBe(0);
  });

  it('a spend of 30,000 nines and an x is refused promptly (linear-time pattern)', () => {
    const report = contactCompliance(
      telecomTierPolicy,
      [{ id: 'a', monthlySpend: '9'.repeat(30_000) + 'x' }] as never,
      { asOf: '2026-11-01' },
    );
    expect(report.errors.length).toBe(1);
  });

  it('a value nested 100,000 arrays deep is a ValidationError, not a stack overflow', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(refused(() => reasons(deep as never))).toBe(true);
    expect(refused(() => safeDefineRuleSet(deep as never))).toBe(false); // the safe form returns the issues
    expect(safeDefineRuleSet(deep as never).success).toBe(false);
  });

  it('non-results passed to helpers are ValidationErrors', () => {
    expect(refused(() => reasons(null as never))).toBe(true);
    const result = score(potentialValueModel, ratings);
    expect(refused(() => reasons({ ...result, factors: [{ id: 'x' }] } as never))).toBe(true);
    expect(refused(() => concentrationRisk([1, 2], null as never))).toBe(true);
  });

  it(
    'scores stay in [0, 100]: ratio normalisation with a negative rating range is refused at definition ' +
      '(minmax takes it)',
    () => {
      const definition = (normalisation: 'ratio' | 'minmax') => ({
        id: 'signed',
        normalisation,
        categories: [
          { id: 'a', weight: '0.5', factors: [{ id: 'x', min: -5, max: 5 }] },
          { id: 'b', weight: '0.5', factors: [{ id: 'y', min: 0, max: 10 }] },
        ],
      });
      let code: string | undefined;
      try {
        defineScorecard(definition('ratio'));
      } catch (error) {
        code = (error as ValidationError).issues[0]?.code;
      }
      expect(code).toBe('inconsistent');
      const minmax = defineScorecard(definition('minmax'));
      for (const x of [-5, '-1', -1, 0, 5]) {
        const total = score(minmax, { x, y: 10 }).total;
        expect(total.gte(0) && total.lte(100)).toBe(true);
      }
      // asking for ratio per call on the same model is refused too: the number -1 and the string "-1" agree
      expect(refused(() => score(minmax, { x: -1, y: 10 }, { normalisation: 'ratio' }))).toBe(true);
      expect(refused(() => score(minmax, { x: '-1', y: 10 }, { normalisation: 'ratio' }))).toBe(true);
    },
  );

  it('a non-iterable portfolio is a ValidationError', () => {
    expect(
      refused(() =>
        assessPortfolio(new Proxy({ a: 1 }, {}) as never, { valuation: { retention: 0.8, discountRate: 0.1 } }),
      ),
    ).toBe(true);
  });
});
