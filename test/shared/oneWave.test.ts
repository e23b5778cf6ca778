import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  defineGradeBands,
  defineScorecard,
  defineTierPolicy,
  defineValueGrader,
  gradeBandsSchema,
  safeDefineScorecard,
  safeDefineTierPolicy,
  safeDefineValueGrader,
  scorecardSchema,
  tierPolicySchema,
  valueGraderSchema,
} from '../../src/index.js';

/** The issues a define call throws, as `path: code`. */
function issuesOf(define: () => unknown): string[] {
  try {
    define();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => `${issue.path}: ${issue.code}`);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const factor = (id: string, max = 10) => ({ id, min: 0, max });

/** Four mistakes of three stages, once reported in three waves: a misspelt key and a non-numeric max
 * (the shape), a factor id used twice (across the model) and grade bands with a gap (the bands'
 * own compile-time check). */
const fourMistakes = {
  id: 'four-mistakes',
  normalisaton: 'ratio',
  grades: {
    id: 'gappy',
    bands: [
      { id: 'A', interval: '[60, 100]' },
      { id: 'B', interval: '[0, 50)' },
    ],
  },
  categories: [
    { id: 'money', weight: '0.6', factors: [factor('spend'), { id: 'size', min: 0, max: 'ten' }] },
    { id: 'fit', weight: '0.4', factors: [factor('spend', 5)] },
  ],
};

describe('every model mistake in one ValidationError (issue 17)', () => {
  it('defineScorecard reports the shape, cross-field and grade-band mistakes together', () => {
    expect(issuesOf(() => defineScorecard(fourMistakes as never))).toEqual([
      'grades.bands[0].interval: invalid_value',
      'categories[0].factors[1].max: invalid_value',
      'normalisaton: unknown_key',
      'categories[1].factors[0].id: duplicate',
    ]);
  });

  it('the exported schema reports the same issues (its refinements run beside the field errors)', () => {
    const parsed = scorecardSchema.safeParse(fourMistakes);
    expect(parsed.success).toBe(false);
    const outcome = safeDefineScorecard(fourMistakes);
    expect(outcome.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'grades.bands.0.interval',
      'categories.0.factors.1.max',
      '',
      'categories.1.factors.0.id',
    ]);
  });

  it('weights summing to 1.1 are reported beside a field error elsewhere', () => {
    const model = {
      id: 'heavy',
      colour: 'red',
      categories: [
        { id: 'money', weight: '0.6', factors: [factor('spend')] },
        { id: 'fit', weight: '0.5', factors: [{ ...factor('fit'), min: 10, max: 1 }] },
      ],
    };
    expect(issuesOf(() => defineScorecard(model as never))).toEqual([
      'colour: unknown_key',
      'categories[1].factors[0].max: inconsistent',
      'categories: inconsistent',
    ]);
  });

  it('defineGradeBands reports a bad id and an overlap together, as its schema does', () => {
    const bands = {
      id: 'bands',
      bands: [
        { id: 'A', interval: '[50, 100]' },
        { id: 'B!', interval: '[0, 60)' },
      ],
    };
    expect(issuesOf(() => defineGradeBands(bands))).toEqual([
      'bands[1].id: invalid_value',
      'bands[0].interval: invalid_value',
    ]);
    expect(gradeBandsSchema.safeParse(bands).success).toBe(false);
  });

  it('defineValueGrader reports a bad number and an unknown key beside its ordering checks', () => {
    const grader = {
      id: 'grader',
      version: '1',
      method: 'thresholds',
      grades: [
        { id: 'A', min: 'lots' },
        { id: 'A', min: 50 },
        { id: 'C', min: 80 },
        { id: 'D', upTo: 0.5, colour: 'red' },
      ],
    };
    expect(issuesOf(() => defineValueGrader(grader as never))).toEqual([
      'grades[0].min: invalid_value',
      'grades[3].colour: unknown_key',
      'grades[1].id: duplicate',
      'grades[2].min: inconsistent',
      'grades[3].upTo: invalid_value',
    ]);
    expect(valueGraderSchema.safeParse(grader).success).toBe(safeDefineValueGrader(grader).success);
  });

  it('defineTierPolicy reports a bad number beside duplicate ids, overlaps and a bad discount', () => {
    const tier = (id: string, minMonthlySpend: unknown, more: object = {}) => ({
      id,
      labels: { en: id },
      minMonthlySpend,
      ...more,
    });
    const policy = {
      id: 'policy',
      version: '1',
      tiers: [
        tier('bronze', 'cheap'),
        tier('silver', 100, { maxMonthlySpend: 500 }),
        tier('silver', 400, { discount: '1.5' }),
      ],
    };
    expect(issuesOf(() => defineTierPolicy(policy as never))).toEqual([
      'tiers[0].minMonthlySpend: invalid_value',
      'tiers[2].id: duplicate',
      'tiers[2].discount: invalid_value',
      'tiers[2].minMonthlySpend: inconsistent',
    ]);
    expect(tierPolicySchema.safeParse(policy).success).toBe(safeDefineTierPolicy(policy).success);
  });
});
