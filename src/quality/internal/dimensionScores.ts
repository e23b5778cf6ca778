/**
 * The scoring hot path: per respondent and dimension, the (prorated) mean of the answered items;
 * per dimension, exact sums bucketed by the number of items answered so the mean stays an exact
 * rational, the respondent scores for the spread, and the top-/bottom-box counts.
 * @module
 */
import { add, rational, type Rational } from '../../shared/rational.js';
import type { SurveyColumns } from '../responses/prepareSurvey.js';
import { completeRows, meetsShare, type CompiledPolicy } from './survey.js';

export interface DimensionAccumulation {
  /** Respondents counted. */
  readonly n: number;
  /** Their dimension scores on the answer scale (doubles, for the spread). */
  readonly scores: Float64Array;
  /** The exact mean on the answer scale, `null` when n = 0. */
  readonly mean: Rational | null;
  /** Item answers of the counted respondents. */
  readonly answers: number;
  readonly topBox: number;
  readonly bottomBox: number;
}

/** Scores every dimension over `rows` under `policy`; `boxes` is the width of the top/bottom box in scale points. */
export function accumulateDimensions(
  columns: SurveyColumns,
  rows: Int32Array,
  policy: CompiledPolicy,
  boxes: number,
): DimensionAccumulation[] {
  const compiled = columns.compiled;
  const items = compiled.itemIds.length;
  const complete = policy.kind === 'listwise' ? completeRows(columns, rows) : undefined;
  const perception = columns.perception;
  return compiled.dimensionItems.map((columnsOfDimension, d) => {
    const scale = compiled.dimensionScale[d]!;
    const k = columnsOfDimension.length;
    const top = scale.max - (boxes - 1) * scale.factor;
    const bottom = scale.min + (boxes - 1) * scale.factor;
    const sumsByCount = new Float64Array(k + 1);
    const countsByCount = new Float64Array(k + 1);
    const scores = new Float64Array(rows.length);
    let n = 0;
    let answers = 0;
    let topBox = 0;
    let bottomBox = 0;
    const first = columnsOfDimension[0]!;
    const contiguous = columnsOfDimension.every((column, i) => column === first + i);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      if (complete !== undefined && complete[row] === 0) continue;
      const base = row * items;
      let sum = 0;
      let count = 0;
      let tops = 0;
      let bottoms = 0;
      for (let i = 0; i < k; i++) {
        const value = perception[base + (contiguous ? first + i : columnsOfDimension[i]!)]!;
        if (value !== value) continue; // NaN: not answered
        sum += value;
        count++;
        if (value >= top) tops++;
        if (value <= bottom) bottoms++;
      }
      if (!meetsShare(policy, count, k)) continue;
      sumsByCount[count] = sumsByCount[count]! + sum;
      countsByCount[count] = countsByCount[count]! + 1;
      scores[n++] = sum / count / scale.factor;
      answers += count;
      topBox += tops;
      bottomBox += bottoms;
    }
    let mean: Rational | null = null;
    if (n > 0) {
      // Σ over respondents of sum/count = Σ_c S_c / c, exact: each S_c is an integer sum of
      // integer-coded answers, far below 2^53 for any realistic survey.
      let total = rational(0n);
      for (let c = 1; c <= k; c++) {
        if (countsByCount[c] === 0) continue;
        total = add(total, rational(BigInt(sumsByCount[c]!), BigInt(c)));
      }
      mean = rational(total.numerator, total.denominator * BigInt(n) * BigInt(scale.factor));
    }
    return { n, scores: scores.subarray(0, n), mean, answers, topBox, bottomBox };
  });
}
