import { describe, expect, it } from 'vitest';
import { ValidationError, cronbachAlpha } from '../../src/index.js';

/**
 * pingouin's example data set `cronbach_alpha` (15 subjects × 10 items, from real-statistics.com),
 * pivoted to wide form. pingouin documents `pg.cronbach_alpha(data=data, items='Items',
 * scores='Scores', subject='Subj')` → (0.5917188485995826, array([0.195, 0.84])).
 */
const PINGOUIN_LIKERT = [
  [3, 2, 4, 1, 4, 5, 1, 4, 3, 2],
  [5, 4, 6, 3, 5, 1, 2, 5, 5, 5],
  [7, 3, 5, 5, 6, 4, 3, 3, 6, 5],
  [2, 4, 3, 3, 2, 2, 2, 6, 6, 3],
  [6, 5, 6, 5, 4, 4, 4, 6, 7, 5],
  [1, 2, 3, 4, 2, 5, 2, 3, 5, 2],
  [4, 3, 5, 3, 5, 2, 1, 2, 4, 3],
  [2, 4, 4, 3, 7, 2, 2, 4, 6, 5],
  [6, 5, 5, 5, 1, 6, 5, 2, 3, 2],
  [5, 4, 6, 4, 3, 5, 3, 1, 7, 2],
  [4, 3, 5, 2, 5, 3, 2, 3, 4, 1],
  [4, 2, 3, 2, 5, 3, 4, 2, 3, 4],
  [5, 5, 6, 2, 3, 3, 2, 4, 4, 5],
  [6, 5, 5, 4, 2, 2, 1, 4, 6, 5],
  [4, 3, 5, 5, 3, 1, 3, 2, 3, 4],
];

/**
 * pingouin's `cronbach_wide_missing` (12 respondents × 11 binary items with missing answers). pingouin
 * documents: pairwise (its default; "In R: psych::alpha(data, use='pairwise')") → 0.732660835214447,
 * CI [0.435, 0.909]; listwise → 0.8016949152542373.
 */
const _ = null;
const PINGOUIN_WIDE_MISSING = [
  [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0],
  [_, 0, 1, 1, _, 1, 1, 1, 1, 0, 0],
  [1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0],
  [1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0],
  [0, 1, _, 0, 1, 1, 1, 1, 0, 0, 0],
  [1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
  [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
  [0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0],
  [1, 0, 0, 1, 0, 1, 0, 0, _, 0, 0],
  [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
];

describe('cronbachAlpha against pingouin', () => {
  it('reproduces the Likert example (complete data)', () => {
    const result = cronbachAlpha(PINGOUIN_LIKERT);
    expect(result.alpha).toBeCloseTo(0.5917188485995826, 12);
    expect(result.n).toBe(15);
    expect(result.k).toBe(10);
    // pingouin rounds its interval to 3 decimals: [0.195, 0.84]
    expect(result.ci.lower!.toFixed(3)).toBe('0.195');
    expect(result.ci.upper!.toFixed(3)).toBe('0.840');
    // unrounded Feldt bounds computed independently: 1 − (1 − α)·scipy.stats.f.isf(0.025 / 0.975, 14, 126)
    expect(result.ci.lower).toBeCloseTo(0.19492139066312153, 10);
    expect(result.ci.upper).toBeCloseTo(0.8398208146275432, 10);
  });
  it('reproduces the pairwise result with missing answers, n = all respondents', () => {
    const result = cronbachAlpha(PINGOUIN_WIDE_MISSING);
    expect(result.alpha).toBeCloseTo(0.732660835214447, 12);
    expect(result.n).toBe(12);
    expect(result.ci.lower!.toFixed(3)).toBe('0.435');
    expect(result.ci.upper!.toFixed(3)).toBe('0.909');
  });
  it(
    'reproduces the listwise alpha; n = complete rows (pingouin keeps n = 12 for the interval, SPEC asks for ' + '9)',
    () => {
      const result = cronbachAlpha(PINGOUIN_WIDE_MISSING, { missing: 'listwise' });
      expect(result.alpha).toBeCloseTo(0.8016949152542373, 12);
      expect(result.n).toBe(9);
      // Feldt with n = 9: 1 − (1 − α)·scipy.stats.f.isf(0.025, 8, 80)
      expect(result.ci.lower).toBeCloseTo(0.5330031999132738, 9);
    },
  );
});

describe('cronbachAlpha against psych::alpha statistics', () => {
  // Independent reference: a plain NumPy implementation of psych's formulas on the Likert example
  // (std.alpha from the correlation matrix, alpha.drop, r.drop = cor(item, total − item), raw.r).
  const result = cronbachAlpha(PINGOUIN_LIKERT);
  it('standardised alpha and average r', () => {
    expect(result.standardizedAlpha).toBeCloseTo(0.6343498015417942, 10);
    expect(result.averageCorrelation).toBeCloseTo(0.14783773319628818, 10);
  });
  it('alpha if item deleted, in item order', () => {
    const expected = [
      0.46869032463399113, 0.5072805578342904, 0.5183498526654164, 0.531829170024174, 0.6684890656063617,
      0.6711414790996786, 0.5685063322572634, 0.6101190476190474, 0.5194256756756757, 0.522590782122905,
    ];
    result.alphaIfDeleted.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 10));
    expect(result.standardizedAlphaIfDeleted[0]).toBeCloseTo(0.5354555538819152, 10);
  });
  it('corrected and raw item–total correlations', () => {
    const drop = [
      0.5747667919844912, 0.5678028417673684, 0.5213910754208803, 0.41760582412861474, -0.10758308249257417,
      -0.15723651965665178, 0.2610077350423379, 0.09217320282318567, 0.44337274599584026, 0.4336883559648062,
    ];
    result.correctedItemTotalCorrelation.forEach((value, i) => expect(value).toBeCloseTo(drop[i]!, 10));
    expect(result.itemTotalCorrelation[0]).toBeCloseTo(0.735123505574903, 10);
  });
  it('flags the items that raise alpha when dropped (Q5, Q6, Q8)', () => {
    expect(result.raisesAlphaWhenDeleted).toEqual([4, 5, 7]);
    expect(result.items[4]!.raisesAlphaWhenDeleted).toBe(true);
  });
  it('gives a Feldt interval at another level', () => {
    const ninety = cronbachAlpha(PINGOUIN_LIKERT, { level: 0.9 });
    expect(ninety.ci.lower).toBeCloseTo(0.27692447225009764, 10);
    expect(ninety.ci.upper).toBeCloseTo(0.8123374925356796, 10);
  });
});

describe('cronbachAlpha undefined cases return a reason, never NaN', () => {
  it.each([
    ['one item', [[1], [2], [3]]],
    ['one respondent', [[1, 2, 3]]],
    ['no respondents', []],
    [
      'zero total variance',
      [
        [3, 3],
        [3, 3],
        [3, 3],
      ],
    ],
    [
      'a pair never answered together',
      [
        [1, null],
        [null, 2],
        [3, null],
        [null, 4],
      ],
    ],
  ])('%s', (_name, rows) => {
    const result = cronbachAlpha(rows as (number | null)[][]);
    expect(result.alpha).toBeNull();
    expect(result.reason).toEqual(expect.any(String));
    expect(result.ci).toMatchObject({ lower: null, upper: null });
    expect(JSON.stringify(result)).not.toContain('NaN');
  });
  it('listwise with fewer than two complete rows', () => {
    const result = cronbachAlpha(
      [
        [1, 2],
        [2, null],
        [null, 3],
      ],
      { missing: 'listwise' },
    );
    expect(result).toMatchObject({ alpha: null, n: 1 });
  });
});

describe('cronbachAlpha bad input', () => {
  it('names the row and item of a bad entry', () => {
    try {
      cronbachAlpha([
        [1, 2],
        [3, 'four' as unknown as number],
        [5, Number.NaN],
      ]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const issues = (error as ValidationError).issues;
      expect(issues.map((issue) => issue.path)).toEqual(['rows[1][1]', 'rows[2][1]']);
      expect(issues[0]!.received).toBe('string "four"');
    }
  });
  it('rejects ragged rows, non-arrays and unknown options', () => {
    expect(() => cronbachAlpha([[1, 2], [3]])).toThrow(/rows\[1\]/);
    expect(() => cronbachAlpha('rows' as unknown as number[][])).toThrow(ValidationError);
    expect(() => cronbachAlpha([[1, 2]], { missing: 'mean' as 'pairwise' })).toThrow(ValidationError);
  });
});
