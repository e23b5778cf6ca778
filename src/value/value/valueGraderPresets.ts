import { defineValueGrader, type ValueGrader } from './defineValueGrader.js';

// One constant per grade (not one object read by key): a property read in a preset's arguments
// would count as a side effect, and a bundler would keep the preset, and zod with it, everywhere.
const GRADE_A = { en: 'High', 'zh-CN': '高' } as const;
const GRADE_B = { en: 'Fairly high', 'zh-CN': '较高' } as const;
const GRADE_C = { en: 'Average', 'zh-CN': '一般' } as const;
const GRADE_D = { en: 'Low', 'zh-CN': '低' } as const;

/**
 * ABC (cumulative-share) grading of current value: the largest accounts making up the first 80 %
 * of the total are A (the 20/80 rule seed 001 quotes), the next 15 % B, the next 4 % C, the last
 * 1 % D. The account crossing a cut point belongs to the better grade.
 * @example
 * ```ts
 * import { abcValueGrader, gradeValues } from 'clientele';
 * gradeValues([500, 300, 150, 40, 10], abcValueGrader).grades; // ['A', 'A', 'B', 'C', 'D']
 * ```
 * @category Value
 */
export const abcValueGrader: ValueGrader = /* @__PURE__ */ defineValueGrader({
  id: 'abc-current-value',
  version: '1.0.0',
  labels: { en: 'ABC grading by cumulative value share', 'zh-CN': '按累计价值占比的ABC分级' },
  method: 'cumulativeShare',
  grades: [
    { id: 'A', upTo: '0.8', labels: GRADE_A },
    { id: 'B', upTo: '0.95', labels: GRADE_B },
    { id: 'C', upTo: '0.99', labels: GRADE_C },
    { id: 'D', labels: GRADE_D },
  ],
});

/**
 * Rank-quantile grading of current value: top 20 % of accounts A, next 30 % B, next 30 % C,
 * bottom 20 % D; tie groups are never split (they take the better grade).
 * @example
 * ```ts
 * import { gradeValues, quantileValueGrader } from 'clientele';
 * gradeValues([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], quantileValueGrader).grades.join(''); // 'AABBBCCCDD'
 * ```
 * @category Value
 */
export const quantileValueGrader: ValueGrader = /* @__PURE__ */ defineValueGrader({
  id: 'quantile-current-value',
  version: '1.0.0',
  labels: { en: 'Grading by rank quantiles (20/30/30/20)', 'zh-CN': '按排名分位数分级(20/30/30/20)' },
  method: 'quantiles',
  grades: [
    { id: 'A', upTo: '0.2', labels: GRADE_A },
    { id: 'B', upTo: '0.5', labels: GRADE_B },
    { id: 'C', upTo: '0.8', labels: GRADE_C },
    { id: 'D', labels: GRADE_D },
  ],
});
