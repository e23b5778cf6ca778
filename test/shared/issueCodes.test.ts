import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  defineRuleSet,
  defineScorecard,
  defineValueGrader,
  issueCodes,
  potentialValueModel,
  score,
  toDecimal,
  type IssueCode,
} from '../../src/index.js';
import { readFileSync } from 'node:fs';

function codesOf(task: () => unknown): IssueCode[] {
  try {
    task();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => issue.code);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const rating = {
  tenure: 5,
  creditRecord: 10,
  latePayment: 10,
  missedAppointments: 5,
  productVariety: 2.5,
  purchaseCount: 2.5,
  purchaseFrequency: 2.5,
  competitorPurchase: 7.5,
  competitorFrequency: 5,
  assetSize: 20,
  industry: 10,
  marketPosition: 10,
  peerUserBase: 10,
};

describe('every issue carries a stable machine-readable code', () => {
  it('a number that is not one is not_numeric', () => {
    expect(codesOf(() => toDecimal('abc', 'x'))).toEqual(['not_numeric']);
  });

  it('a rating outside its range is out_of_range; an absent one is missing; a stray key unknown_key', () => {
    expect(codesOf(() => score(potentialValueModel, { ...rating, tenure: 6 }))).toEqual(['out_of_range']);
    const { tenure: _dropped, ...withoutTenure } = rating;
    expect(codesOf(() => score(potentialValueModel, withoutTenure))).toEqual(['missing']);
    expect(codesOf(() => score(potentialValueModel, { ...rating, tenur: 4 } as object))).toEqual(['unknown_key']);
  });

  it('model problems: duplicate ids, forbidden keys, unknown keys, wrong types, cross-field rules', () => {
    const rule = {
      id: 'r',
      when: { signal: 'spendChange', op: 'gt', value: 1 },
      severity: 'watch',
      points: 1,
      cause: 'credit',
    };
    expect(codesOf(() => defineRuleSet({ id: 's', rules: [rule, rule] } as never))).toEqual(['duplicate']);
    expect(
      codesOf(() =>
        defineRuleSet({ id: 's', rules: [{ ...rule, when: { signal: '__proto__', op: 'gt', value: 1 } }] } as never),
      ),
    ).toContain('forbidden_key');
    expect(codesOf(() => defineRuleSet({ id: 's', rules: [], extra: 1 } as never))).toEqual(['unknown_key']);
    expect(codesOf(() => defineRuleSet({ id: 's', rules: 'none' } as never))).toEqual(['invalid_type']);
    const grades = [{ id: 'A', upTo: 0.5 }, { id: 'B', upTo: 0.4 }, { id: 'C' }];
    expect(codesOf(() => defineValueGrader({ id: 'g', version: '1', method: 'quantiles', grades }))).toEqual([
      'inconsistent',
    ]);
    const definition = potentialValueModel.toJSON();
    const heavier = {
      ...definition,
      categories: definition.categories.map((category, index) =>
        index === 0 ? { ...category, weight: '0.4' } : category,
      ),
    };
    expect(codesOf(() => defineScorecard(heavier as never))).toEqual(['inconsistent']);
  });

  it('the codes table in docs/errors.md lists exactly the exported codes', () => {
    const table = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const documented = [...table.matchAll(/^\| `([a-z_]+)` \|/gm)].map((match) => match[1]);
    expect(documented).toEqual([...issueCodes]);
  });
});
