/**
 * The scoring hot path: per respondent and dimension, the (prorated) mean of the answered items;
 * per dimension, exact sums bucketed by the number of items answered so the mean stays an exact
 * rational, the respondent scores for the spread, and the top-/bottom-box counts. One pass over the
 * row-major answer matrix, all dimensions at once, typed arrays only.
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

/** What {@link accumulateDimensions} returns: per dimension, and how many respondents counted anywhere. */
export interface Accumulation {
  readonly dimensions: DimensionAccumulation[];
  /** Respondents who counted for at least one dimension. */
  readonly respondents: number;
}

/**
 * Scores every dimension over `rows` under `policy`; `boxes` is the width of the top/bottom box in scale points.
 *
 * Long because it is one pass over the answer matrix in typed arrays (the survey hot path); split
 * into functions, each would take the same dozen arrays.
 */
export function accumulateDimensions(
  columns: SurveyColumns,
  rows: Int32Array,
  policy: CompiledPolicy,
  boxes: number,
): Accumulation {
  const compiled = columns.compiled;
  const items = compiled.itemIds.length;
  const D = compiled.dimensionItems.length;
  const complete = policy.kind === 'listwise' ? completeRows(columns, rows) : undefined;
  const perception = columns.perception;
  // flattened layout: the item columns of dimension d are itemColumn[start[d] .. start[d + 1])
  const start = new Int32Array(D + 1);
  compiled.dimensionItems.forEach((list, d) => (start[d + 1] = start[d]! + list.length));
  const itemColumn = Int32Array.from(compiled.dimensionItems.flat());
  const maxItems = Math.max(...compiled.dimensionItems.map((list) => list.length));
  const top = new Float64Array(D);
  const bottom = new Float64Array(D);
  const factor = new Float64Array(D);
  // accepts[d·(maxItems+1) + count]: the policy's verdict for each possible number of answered items
  const accepts = new Uint8Array(D * (maxItems + 1));
  for (let d = 0; d < D; d++) {
    const scale = compiled.dimensionScale[d]!;
    const k = start[d + 1]! - start[d]!;
    top[d] = scale.max - (boxes - 1) * scale.factor;
    bottom[d] = scale.min + (boxes - 1) * scale.factor;
    factor[d] = scale.factor;
    for (let count = 0; count <= k; count++) accepts[d * (maxItems + 1) + count] = meetsShare(policy, count, k) ? 1 : 0;
  }
  const sumsByCount = new Float64Array(D * (maxItems + 1));
  const countsByCount = new Float64Array(D * (maxItems + 1));
  const scores = Array.from({ length: D }, () => new Float64Array(rows.length));
  const n = new Int32Array(D);
  const answers = new Float64Array(D);
  const topBox = new Float64Array(D);
  const bottomBox = new Float64Array(D);
  let respondents = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (complete !== undefined && complete[row] === 0) continue;
    const base = row * items;
    let counted = 0;
    for (let d = 0; d < D; d++) {
      let sum = 0;
      let count = 0;
      let tops = 0;
      let bottoms = 0;
      const high = top[d]!;
      const low = bottom[d]!;
      for (let i = start[d]!, end = start[d + 1]!; i < end; i++) {
        const value = perception[base + itemColumn[i]!]!;
        if (value !== value) continue; // NaN: not answered
        sum += value;
        count++;
        if (value >= high) tops++;
        if (value <= low) bottoms++;
      }
      const slot = d * (maxItems + 1) + count;
      if (accepts[slot] === 0) continue;
      sumsByCount[slot] = sumsByCount[slot]! + sum;
      countsByCount[slot] = countsByCount[slot]! + 1;
      scores[d]![n[d]!] = sum / count / factor[d]!;
      n[d] = n[d]! + 1;
      answers[d] = answers[d]! + count;
      topBox[d] = topBox[d]! + tops;
      bottomBox[d] = bottomBox[d]! + bottoms;
      counted = 1;
    }
    respondents += counted;
  }
  const out: DimensionAccumulation[] = [];
  for (let d = 0; d < D; d++) {
    const k = start[d + 1]! - start[d]!;
    let mean: Rational | null = null;
    if (n[d]! > 0) {
      // Σ over respondents of sum/count = Σ_c S_c / c, exact: each S_c is an integer sum of
      // integer-coded answers, far below 2^53 for any realistic survey.
      let total = rational(0n);
      for (let c = 1; c <= k; c++) {
        const slot = d * (maxItems + 1) + c;
        if (countsByCount[slot] === 0) continue;
        total = add(total, rational(BigInt(sumsByCount[slot]!), BigInt(c)));
      }
      mean = rational(total.numerator, total.denominator * BigInt(n[d]!) * BigInt(factor[d]!));
    }
    out.push({
      n: n[d]!,
      scores: scores[d]!.subarray(0, n[d]!),
      mean,
      answers: answers[d]!,
      topBox: topBox[d]!,
      bottomBox: bottomBox[d]!,
    });
  }
  return { dimensions: out, respondents };
}
