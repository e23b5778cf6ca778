/**
 * Under `exactOptionalPropertyTypes` a consumer may pass `{ key: undefined }` for any optional
 * setting or input field of the value module: each is read as absent, so the result is the one
 * without it.
 */
import { describe, expect, it } from 'vitest';
import {
  assessPortfolio,
  concentrationRisk,
  contactCompliance,
  currentValue,
  fitShiftedBetaGeometric,
  fixKeyAccountList,
  historicalValue,
  planAgencyYear,
  potentialValue,
  potentialValueModel,
  staffingNeed,
  telecomTierPolicy,
  upliftValue,
} from '../../src/index.js';
import { customerLifetimeValue, summarizeTransactions } from '../../src/value/index.js';
import { json, unset } from '../support/explicitUndefined.js';

const top = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max.toNumber()]));
const low = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.min.toNumber()]));

describe('value settings given as undefined are absent', () => {
  it('contract values and uplift', () => {
    const contract = { margin: 100, retention: 0.8, discountRate: 0.1 };
    expect(json(currentValue({ ...contract, ...unset('horizon', 'timing') }))).toEqual(json(currentValue(contract)));
    const history = { entries: [{ date: '2025-11-01', margin: 1000 }], asOf: '2026-11-01' };
    expect(json(historicalValue({ ...history, ...unset('since', 'rate') }))).toEqual(json(historicalValue(history)));
    expect(json(upliftValue(unset('crossSell', 'shareOfWallet', 'referrals')))).toEqual(json(upliftValue({})));
    const uplift = { crossSell: [{ margin: 20000, probability: 0.25 }] };
    expect(json(potentialValue({ ratings: top, uplift, ...unset('scorecard', 'scoreOptions') }))).toEqual(
      json(potentialValue({ ratings: top, uplift })),
    );
    expect(json(potentialValue({ ratings: top, ...unset('uplift') }))).toEqual(json(potentialValue({ ratings: top })));
  });

  it('portfolio assessment and concentration', () => {
    const accounts = [
      { id: 'big', ratings: top, margin: 900000 },
      { id: 'small', ratings: low, margin: 5000, ...unset('retention', 'history') },
    ];
    const valuation = { retention: 0.8, discountRate: 0.1 };
    const keys = ['scorecard', 'scoreOptions', 'currentGrader', 'matrix', 'targetShare', 'top', 'bands'];
    const loose = assessPortfolio(accounts, {
      valuation: { ...valuation, ...unset('horizon', 'timing') },
      ...unset(...keys, 'lifetime', 'idField'),
    });
    expect(json(loose)).toEqual(json(assessPortfolio(accounts, { valuation })));
    expect(json(concentrationRisk([40, 30, 20, 10], unset('top', 'bands')))).toEqual(
      json(concentrationRisk([40, 30, 20, 10])),
    );
  });

  it('tiers: staffing, key account lists, compliance and the agency year', () => {
    const staffing = unset('hoursPerVisit', 'hoursPerCall', 'hoursPerAccount', 'hoursPerManager');
    const loose = { ...staffing, ...unset('accountsPerManager', 'ratioGroup') };
    expect(json(staffingNeed(telecomTierPolicy, { crystal: 75 }, loose))).toEqual(
      json(staffingNeed(telecomTierPolicy, { crystal: 75 })),
    );
    const period = { validFrom: '2026-01-01', validTo: '2026-12-31' };
    const entries = [{ id: 'crystal-1', monthlySpend: 5000, ...unset('tier') }];
    expect(json(fixKeyAccountList(telecomTierPolicy, entries, period))).toEqual(
      json(fixKeyAccountList(telecomTierPolicy, [{ id: 'crystal-1', monthlySpend: 5000 }], period)),
    );
    const account = { id: 'crystal-1', monthlySpend: 5000, lastVisit: '2026-08-01', lastCall: '2026-10-20' };
    expect(
      json(
        contactCompliance(telecomTierPolicy, [{ ...account, ...unset('tier', 'dueVisit') }], {
          asOf: '2026-11-01',
          keyAccountList: undefined,
        }),
      ),
    ).toEqual(json(contactCompliance(telecomTierPolicy, [account], { asOf: '2026-11-01' })));
    const year = { ...period, managersOnStaff: 0 };
    const client = { id: 'c1', monthlySpend: 5000, visits: ['2026-01-10'] };
    expect(
      json(
        planAgencyYear(telecomTierPolicy, [{ ...client, customerClass: undefined }], {
          ...year,
          ...unset('asOf', 'staffing'),
        }),
      ),
    ).toEqual(json(planAgencyYear(telecomTierPolicy, [client], year)));
  });

  it('lifetime value: fitting, summaries and the customer lifetime value', () => {
    const cohort = [1000, 631, 468, 382, 326, 289, 262, 241];
    expect(json(fitShiftedBetaGeometric(cohort, unset('start', 'maxEvaluations', 'onNonConvergence')))).toEqual(
      json(fitShiftedBetaGeometric(cohort)),
    );
    const transactions = [
      { customerId: 'acme', date: '2026-01-05', amount: 100 },
      { customerId: 'acme', date: '2026-02-05', amount: 20 },
    ];
    const keys = ['unit', 'idField', 'dateField', 'amountField', 'holdoutEnd'];
    expect(json(summarizeTransactions(transactions, { asOf: '2026-03-01', ...unset(...keys) }))).toEqual(
      json(summarizeTransactions(transactions, { asOf: '2026-03-01' })),
    );
    const purchases = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
    const spend = { kind: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;
    const customer = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
    const settings = { discountRate: 0.01, periods: 12 };
    expect(
      json(customerLifetimeValue(purchases, spend, customer, { ...settings, ...unset('periodLength', 'margin') })),
    ).toEqual(json(customerLifetimeValue(purchases, spend, customer, settings)));
  });
});
