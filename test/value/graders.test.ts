import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/index.js';
import {
  abcValueGrader,
  defineValueGrader,
  gradeValues,
  quantileValueGrader,
  valueGraderSchema,
} from '../../src/value/index.js';

const thresholds = defineValueGrader({
  id: 'thresholds',
  version: '1',
  method: 'thresholds',
  grades: [{ id: 'A', min: 100000 }, { id: 'B', min: 50000 }, { id: 'C', min: 10000 }, { id: 'D' }],
});

describe('value graders (SPEC §2: thresholds, rank quantiles, ABC cut points)', () => {
  it('thresholds are inclusive minima compared exactly', () => {
    const result = gradeValues([120000, 100000, '99999.999999999999999999', 50000, 10000, 9999.99, -5], thresholds);
    expect(result.grades).toEqual(['A', 'A', 'B', 'B', 'C', 'D', 'D']);
    expect(result.summary.map((s) => s.count)).toEqual([2, 2, 1, 2]);
    expect(result.summary[0]!.value.toString()).toBe('220000');
    expect(result.grader.id).toBe('thresholds');
  });

  it('quantiles: top 20 % A, next 30 % B, next 30 % C, bottom 20 % D without ties', () => {
    expect(gradeValues([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], quantileValueGrader).grades.join('')).toBe('AABBBCCCDD');
    // input order does not matter
    expect(gradeValues([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], quantileValueGrader).grades.join('')).toBe('DDCCCBBBAA');
  });

  it('quantiles: a tie group straddling a cut point goes wholly to the better grade', () => {
    // ranks 2 and 3 tie: with A = top 20 % of 10, the group starts inside A, so both are A
    const grades = gradeValues([10, 9, 9, 7, 6, 5, 4, 3, 2, 1], quantileValueGrader).grades;
    expect(grades.join('')).toBe('AAABBCCCDD');
    // all equal: everybody gets the best grade, nobody is split
    expect(new Set(gradeValues([5, 5, 5, 5, 5], quantileValueGrader).grades)).toEqual(new Set(['A']));
  });

  it('ABC: the account that crosses a cut point belongs to the better grade', () => {
    expect(gradeValues([60, 25, 10, 4, 1], abcValueGrader).grades).toEqual(['A', 'A', 'B', 'C', 'D']);
    expect(gradeValues([500, 300, 150, 40, 10], abcValueGrader).grades).toEqual(['A', 'A', 'B', 'C', 'D']);
    // exactly 80 % reached by the first account: the next one starts B
    expect(gradeValues([80, 15, 4, 1], abcValueGrader).grades).toEqual(['A', 'B', 'C', 'D']);
  });

  it('ABC: ties are never split, and an all-zero portfolio is all A', () => {
    expect(gradeValues([40, 40, 10, 10], abcValueGrader).grades).toEqual(['A', 'A', 'B', 'B']);
    expect(gradeValues([0, 0], abcValueGrader).grades).toEqual(['A', 'A']);
  });

  it('accepts { id, value } items and an empty list', () => {
    expect(
      gradeValues(
        [
          { id: 'x', value: 2 },
          { id: 'y', value: '1' },
        ],
        quantileValueGrader,
      ).grades,
    ).toEqual(['A', 'C']);
    expect(gradeValues([], abcValueGrader).grades).toEqual([]);
  });

  it('round-trips through JSON with the same fingerprint', () => {
    for (const grader of [thresholds, abcValueGrader, quantileValueGrader]) {
      const again = defineValueGrader(JSON.parse(JSON.stringify(grader)));
      expect(again.fingerprint).toBe(grader.fingerprint);
      expect(again.toJSON()).toEqual(grader.toJSON());
    }
    expect(valueGraderSchema.safeParse(abcValueGrader.toJSON()).success).toBe(true);
  });

  it('rejects bad graders with code-like paths', () => {
    const bad: [unknown, string][] = [
      [
        {
          id: 'g',
          version: '1',
          method: 'thresholds',
          grades: [{ id: 'A', min: 10 }, { id: 'B', min: 20 }, { id: 'C' }],
        },
        'grades[1].min',
      ],
      [{ id: 'g', version: '1', method: 'thresholds', grades: [{ id: 'A' }, { id: 'B' }] }, 'grades[0].min'],
      [{ id: 'g', version: '1', method: 'quantiles', grades: [{ id: 'A', upTo: 1.5 }, { id: 'B' }] }, 'grades[0].upTo'],
      [
        {
          id: 'g',
          version: '1',
          method: 'quantiles',
          grades: [{ id: 'A', upTo: 0.5 }, { id: 'B', upTo: 0.4 }, { id: 'C' }],
        },
        'grades[1].upTo',
      ],
      [{ id: 'g', version: '1', method: 'quantiles', grades: [{ id: 'A', upTo: 0.5 }, { id: 'A' }] }, 'grades[1].id'],
      [
        { id: 'g', version: '1', method: 'cumulativeShare', grades: [{ id: 'A', min: 3 }, { id: 'B' }] },
        'grades[0].min',
      ],
      [{ id: 'g', version: '1', method: 'median', grades: [{ id: 'A' }] }, 'method'],
    ];
    for (const [definition, path] of bad) {
      try {
        defineValueGrader(definition as never);
        expect.unreachable(JSON.stringify(definition));
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
      }
    }
  });

  it('rejects negative values for ABC and non-numeric values for any grader', () => {
    expect(() => gradeValues([1, -1], abcValueGrader)).toThrow(/values\[1\]/);
    expect(() => gradeValues([1, 'x'], thresholds)).toThrow(/values\[1\]/);
    expect(() => gradeValues([1], {} as never)).toThrow(ValidationError);
  });
});
