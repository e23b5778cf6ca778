import { readInput } from '../../shared/input.js';
import type { Decimal } from 'decimal.js';
import type { RecordError } from '../../shared/batch.js';
import type { Labels } from '../../shared/labels.js';
import { add, divide, fromDecimal, multiply, rational, type Rational } from '../../shared/rational.js';
import {
  asDecimal,
  readPolicy,
  openSurvey,
  meetsShare,
  type CompiledPolicy,
  type RespondentFilter,
  type SurveyMissingPolicy,
} from '../internal/survey.js';
import type { Instrument } from '../instrument/defineInstrument.js';
import type { SurveyColumns, SurveyData } from '../responses/prepareSurvey.js';
import { weakestFirst } from './scoreSurvey.js';
import type { ModelRef } from '../../shared/model.js';
import { withDisplay } from '../../shared/display.js';

/** Options of {@link measureServqualGaps}. @category Quality */
export interface ServqualOptions {
  /** Missing-answer policy over the paired (perception, expectation) items; default `'pairwise'`. */
  readonly missing?: SurveyMissingPolicy | undefined;
  readonly where?: RespondentFilter | undefined;
}

/** Gap of one item. @category Quality */
export interface ItemGap {
  readonly item: string;
  readonly dimension: string;
  /** Respondents who answered both the perception and the expectation item. */
  readonly n: number;
  readonly perception: Decimal | null;
  readonly expectation: Decimal | null;
  /** Mean of (perception − expectation); negative = service falls short of expectations. */
  readonly gap: Decimal | null;
}

/** Gap of one dimension, with the SERVPERF (perception-only) score of the same respondents and items. @category
 * Quality */
export interface DimensionGap {
  readonly dimension: string;
  readonly labels: Labels;
  readonly n: number;
  /** Items of the dimension that have an expectation item. */
  readonly pairedItems: number;
  /** SERVPERF: mean perception. */
  readonly perception: Decimal | null;
  readonly expectation: Decimal | null;
  /** SERVQUAL: mean of the respondents' (perception − expectation). */
  readonly gap: Decimal | null;
}

/** What {@link measureServqualGaps} returns. @category Quality */
export interface ServqualGaps {
  readonly instrument: ModelRef;
  readonly missing: 'listwise' | 'pairwise' | { readonly minimumShare: string };
  readonly items: readonly ItemGap[];
  readonly dimensions: readonly DimensionGap[];
  /** Dimension ids, largest shortfall (most negative gap) first; dimensions without a gap last. */
  readonly weakestFirst: readonly string[];
  readonly overall: {
    /** Respondents with at least one dimension gap. */
    readonly n: number;
    /** Mean over respondents of the mean of their dimension gaps. */
    readonly gap: Decimal | null;
    /** Mean over respondents of their importance-weighted dimension gap. */
    readonly weightedGap: Decimal | null;
    /** SERVPERF counterparts, same respondents and order of operations. */
    readonly perception: Decimal | null;
    readonly weightedPerception: Decimal | null;
    /** Where the weights came from: each respondent's own allocation, the instrument, or equal weights. */
    readonly weightsFrom:
      'respondents' | 'instrument' | 'equal' | 'respondents-and-instrument' | 'respondents-and-equal';
  };
  readonly errors: readonly RecordError[];
}

/**
 * SERVQUAL gaps (perception − expectation) per item, per dimension and overall, unweighted and
 * importance-weighted, with SERVPERF (perception only) beside them.
 *
 * Order of operations, fixed: (1) per respondent and dimension, the mean over the paired items they
 * answered (both P and E) of P − E, under the missing-answer policy; (2) the dimension gap is the
 * mean of those over respondents; (3) per respondent, the weighted gap Σ wᵈ·gapᵈ / Σ wᵈ over the
 * dimensions they have, with their own 100-point allocation when they gave one, else the
 * instrument's importance, else equal weights; (4) the overall weighted gap is the mean of those
 * over respondents. Everything is exact, so swapping P and E flips every sign exactly.
 *
 * References: Parasuraman, Zeithaml & Berry (1988), "SERVQUAL", Journal of Retailing 64(1) (the
 * weighted score: importance points per respondent, then average); Cronin & Taylor (1992),
 * "SERVPERF", Journal of Marketing 56(3). Dimensions from seed `000_314cca147d0dd30a.txt`.
 *
 * @param instrument - A model from {@link defineInstrument} with expectation items.
 * @param responses - Raw responses or {@link prepareSurvey} data.
 * @param options - `{ missing, where }`.
 * @throws {ValidationError} on an invalid instrument, options, or data prepared with another instrument.
 * @example
 * ```ts
 * import { measureServqualGaps, serviceQualityInstrument } from 'clientele';
 * const gaps = measureServqualGaps(serviceQualityInstrument, [
 *   { id: 'a', answers: { 'reliability.promises': 3, 'reliability.promises.expected': 5 } },
 *   { id: 'b', answers: { 'reliability.promises': 4, 'reliability.promises.expected': 5 } },
 * ], { missing: { minimumShare: 0.3 } });
 * gaps.items.find((i) => i.item === 'reliability.promises')?.gap?.toString(); // -1.5
 * ```
 * @category Quality
 */
export function measureServqualGaps(
  instrument: Instrument,
  responses: SurveyData | readonly unknown[],
  givenOptions?: ServqualOptions,
): ServqualGaps {
  const context = 'measureServqualGaps';
  const options = readInput(givenOptions, 'options', context);
  const policy = readPolicy(options?.missing, context);
  const { data, columns, compiled, rows } = openSurvey(instrument, responses, options?.where, context);
  const itemGaps = measureItemGaps(columns, rows);
  const { paired, sums, overall } = accumulateGaps(columns, rows, policy);
  const meanOf = (total: Rational, n: number): Decimal | null =>
    n === 0 ? null : asDecimal(rational(total.numerator, total.denominator * BigInt(n)));
  const dimensionGaps: DimensionGap[] = sums.map((bucket, d) => ({
    dimension: compiled.dimensionIds[d]!,
    labels: instrument.dimensions[d]!.labels,
    n: bucket.n,
    pairedItems: paired[d]!.length,
    perception: meanOf(bucket.p, bucket.n),
    expectation: meanOf(bucket.e, bucket.n),
    gap: meanOf(bucket.g, bucket.n),
  }));
  const fallbackName = compiled.importance ? 'instrument' : 'equal';
  const weightsFrom = overall.usedRespondentWeights
    ? overall.usedFallback
      ? (`respondents-and-${fallbackName}` as const)
      : 'respondents'
    : fallbackName;
  return withDisplay(
    {
      instrument: data.instrument,
      missing: policy.description,
      items: itemGaps,
      dimensions: dimensionGaps,
      weakestFirst: weakestFirst(
        compiled.dimensionIds,
        sums.map((bucket) =>
          bucket.n === 0 ? null : rational(bucket.g.numerator, bucket.g.denominator * BigInt(bucket.n)),
        ),
      ),
      overall: {
        n: overall.overallN,
        gap: meanOf(overall.overallGap, overall.overallN),
        weightedGap: meanOf(overall.overallWeightedGap, overall.weightedN),
        perception: meanOf(overall.overallP, overall.overallN),
        weightedPerception: meanOf(overall.overallWeightedP, overall.weightedN),
        weightsFrom,
      },
      errors: data.errors,
    },
    'SERVQUAL gaps',
  );
}

/** Perception, expectation and gap per paired item, over the respondents who answered both. */
function measureItemGaps(columns: SurveyColumns, rows: Int32Array): ItemGap[] {
  const compiled = columns.compiled;
  const items = compiled.itemIds.length;
  const expectations = compiled.expectationIds.length;
  const P = columns.perception;
  const E = columns.expectation;
  const itemGaps: ItemGap[] = [];
  for (let e = 0; e < expectations; e++) {
    const item = compiled.expectationItem[e]!;
    const factor = compiled.itemScale[item]!.factor;
    let n = 0;
    let sumP = 0;
    let sumE = 0;
    for (const row of rows) {
      const p = P[row * items + item]!;
      const x = E[row * expectations + e]!;
      if (p !== p || x !== x) continue;
      n++;
      sumP += p;
      sumE += x;
    }
    const mean = (sum: number): Decimal | null =>
      n === 0 ? null : asDecimal(rational(BigInt(sum), BigInt(n * factor)));
    itemGaps.push({
      item: compiled.itemIds[item]!,
      dimension: compiled.dimensionIds[compiled.itemDimension[item]!]!,
      n,
      perception: mean(sumP),
      expectation: mean(sumE),
      gap: mean(sumP - sumE),
    });
  }

  return itemGaps;
}

/**
 * Per dimension and overall (plain and importance-weighted) gap sums, respondent by respondent.
 *
 * Long because it is one pass over the respondents: each respondent's dimension gaps feed the
 * dimension sums and that respondent's overall and weighted means at once.
 */
function accumulateGaps(columns: SurveyColumns, rows: Int32Array, policy: CompiledPolicy) {
  const compiled = columns.compiled;
  const items = compiled.itemIds.length;
  const expectations = compiled.expectationIds.length;
  const P = columns.perception;
  const E = columns.expectation;
  const zero = rational(0n);
  const paired = compiled.dimensionItems.map((list) => list.filter((item) => compiled.expectationOf[item]! >= 0));
  const dimensionCount = paired.length;
  const sums = paired.map(() => ({ n: 0, p: zero, e: zero, g: zero }));
  let overallN = 0;
  let overallGap = zero;
  let overallWeightedGap = zero;
  let overallP = zero;
  let overallWeightedP = zero;
  let weightedN = 0;
  let usedRespondentWeights = false;
  let usedFallback = false;
  const fallback = compiled.importance ?? paired.map(() => rational(1n, BigInt(dimensionCount)));
  const allPaired = paired.flat();
  for (const row of rows) {
    if (policy.kind === 'listwise') {
      const complete = allPaired.every((item) => {
        const p = P[row * items + item]!;
        const x = E[row * expectations + compiled.expectationOf[item]!]!;
        return p === p && x === x;
      });
      if (!complete || allPaired.length === 0) continue;
    }
    const own = columns.importance[row];
    const weights = own ? own.map(fromDecimal) : fallback;
    let respondentDimensions = 0;
    let gapSum = zero;
    let pSum = zero;
    let weighted = zero;
    let weightedP = zero;
    let weightTotal = zero;
    for (let d = 0; d < dimensionCount; d++) {
      const list = paired[d]!;
      if (list.length === 0) continue;
      const factor = compiled.dimensionScale[d]!.factor;
      let count = 0;
      let sp = 0;
      let se = 0;
      for (const item of list) {
        const p = P[row * items + item]!;
        const x = E[row * expectations + compiled.expectationOf[item]!]!;
        if (p !== p || x !== x) continue;
        count++;
        sp += p;
        se += x;
      }
      if (!meetsShare(policy, count, list.length)) continue;
      const denominator = BigInt(count * factor);
      const p = rational(BigInt(sp), denominator);
      const e = rational(BigInt(se), denominator);
      const g = rational(BigInt(sp - se), denominator);
      const bucket = sums[d]!;
      bucket.n++;
      bucket.p = add(bucket.p, p);
      bucket.e = add(bucket.e, e);
      bucket.g = add(bucket.g, g);
      respondentDimensions++;
      gapSum = add(gapSum, g);
      pSum = add(pSum, p);
      const w = weights[d]!;
      weighted = add(weighted, multiply(w, g));
      weightedP = add(weightedP, multiply(w, p));
      weightTotal = add(weightTotal, w);
    }
    if (respondentDimensions === 0) continue;
    overallN++;
    overallGap = add(overallGap, rational(gapSum.numerator, gapSum.denominator * BigInt(respondentDimensions)));
    overallP = add(overallP, rational(pSum.numerator, pSum.denominator * BigInt(respondentDimensions)));
    if (weightTotal.numerator > 0n) {
      weightedN++;
      overallWeightedGap = add(overallWeightedGap, divide(weighted, weightTotal));
      overallWeightedP = add(overallWeightedP, divide(weightedP, weightTotal));
      if (own) usedRespondentWeights = true;
      else usedFallback = true;
    }
  }
  const overall = {
    overallN,
    overallGap,
    overallWeightedGap,
    overallP,
    overallWeightedP,
    weightedN,
    usedRespondentWeights,
    usedFallback,
  };
  return { paired, sums, overall };
}
