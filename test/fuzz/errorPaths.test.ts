import { describe, expect, it } from 'vitest';
import { compareScores, potentialValue, potentialValueModel, score, ValidationError } from '../../src/index.js';

/** The paths of the issues of the ValidationError that `call` throws. */
function pathsOf(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => issue.path);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const ratings = Object.fromEntries(potentialValueModel.factorIds.map((id) => [id, 1]));
const result = JSON.parse(JSON.stringify(score(potentialValueModel, ratings))) as Record<string, unknown>;

describe('error paths name a place that exists in the input', () => {
  it('potentialValue: an uplift field is named under uplift', () => {
    expect(pathsOf(() => potentialValue({ uplift: { crossSell: [{ margin: 'x', probability: 0.2 }] } }))).toEqual([
      'uplift.crossSell[0].margin',
    ]);
    expect(pathsOf(() => potentialValue({ uplift: { crossSell: 5 } } as never))).toEqual(['uplift.crossSell']);
    expect(
      pathsOf(() => potentialValue({ uplift: { referrals: { count: -1, valuePerReferral: 10 } } } as never)),
    ).toEqual(['uplift.referrals.count']);
    expect(pathsOf(() => potentialValue({ uplift: 7 } as never))).toEqual(['uplift']);
  });

  it('compareScores: a result without a model is named at .model, a junk factor line at its index', () => {
    const { model: _model, ...withoutModel } = result;
    expect(pathsOf(() => compareScores(withoutModel, result))).toEqual(['previous.model']);
    expect(pathsOf(() => compareScores(result, { ...result, model: null }))).toEqual(['current.model']);
    const factors = [...(result['factors'] as unknown[])];
    factors[1] = 'junk';
    expect(pathsOf(() => compareScores(result, { ...result, factors }))).toEqual(['current.factors[1]']);
  });
});
