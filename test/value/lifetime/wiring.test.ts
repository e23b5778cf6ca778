import { describe, expect, it } from 'vitest';
import { potentialValueModel } from '../../../src/scoring/index.js';
import {
  assessPortfolio,
  classifyValue,
  customerLifetimeValue,
  gradeValues,
  quantileValueGrader,
} from '../../../src/value/index.js';

// Published CDNOW estimates (weeks): BG/NBD, Fader, Hardie & Lee 2005; Gamma-Gamma, "RFM and CLV".
const transactionModel = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
const spendModel = { kind: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;
const monthly = { discountRate: 0.01, periods: 12, periodLength: 30.4375 / 7, margin: 0.3 };
const histories = [
  { id: 'loyal', history: { frequency: 12, recency: 38, T: 38.86, monetaryValue: 60 } },
  { id: 'lapsed', history: { frequency: 6, recency: 8, T: 38.86, monetaryValue: 45 } },
  { id: 'new', history: { frequency: 0, recency: 0, T: 2, monetaryValue: 0 } },
  { id: 'steady', history: { frequency: 3, recency: 30, T: 38.86, monetaryValue: 25 } },
];
const top = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max]));

describe('lifetime value wired into grading and the value matrix', () => {
  it('CLV values grade like any other current value', () => {
    const values = histories.map(
      ({ history }) => customerLifetimeValue(transactionModel, spendModel, history, monthly).value,
    );
    const { grades } = gradeValues(values, quantileValueGrader);
    expect(grades[0]).toBe('A'); // the frequent, recent buyer
    expect(classifyValue(grades[0] as 'A', 'A').segment).toBe('high-value');
  });

  it('assessPortfolio takes fitted models: current value is each account’s CLV from its history', () => {
    const { results, errors } = assessPortfolio(
      [...histories.map((account) => ({ ...account, ratings: top })), { id: 'no-history', ratings: top }],
      {
        valuation: { discountRate: monthly.discountRate },
        lifetime: { transactionModel, spendModel, periods: 12, periodLength: monthly.periodLength, margin: 0.3 },
      },
    );
    expect(results.map((account) => account.current.value.toString())).toEqual(
      histories.map(({ history }) =>
        customerLifetimeValue(transactionModel, spendModel, history, monthly).value.toString(),
      ),
    );
    expect(errors.map((error) => [error.id, error.issues[0]!.path])).toEqual([['no-history', 'history']]);
  });

  it('checks the lifetime option once, with its path', () => {
    expect(() =>
      assessPortfolio([], {
        valuation: { discountRate: 0.01 },
        lifetime: { transactionModel, spendModel: transactionModel as never, periods: 12 },
      }),
    ).toThrow(/options\.lifetime\.spendModel/);
    expect(() =>
      assessPortfolio([], {
        valuation: { discountRate: 0.01 },
        lifetime: { transactionModel, spendModel, periods: 0 },
      }),
    ).toThrow(/options\.lifetime\.periods/);
  });
});
