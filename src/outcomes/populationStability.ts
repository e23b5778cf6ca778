import type { Decimal } from 'decimal.js';
import { fail } from '../shared/errors.js';
import { readingInput } from '../shared/input.js';
import { ExactDecimal, toDecimal } from '../shared/numeric.js';
import { readArray, readGrade, readScore } from './internal.js';
import { withDisplay } from '../shared/display.js';

/** How scores or grades are put into bins. @category Outcomes */
export type StabilityBins =
  'counts' | 'grades' | { readonly quantiles: number } | { readonly edges: readonly (number | string | Decimal)[] };

/** Options of {@link populationStability}. @category Outcomes */
export interface PopulationStabilityOptions {
  /**
   * What the two arrays hold. `'counts'` (default): per-bin counts of the same length.
   * `'grades'`: one grade per account (strings or results with `grade` / `level` / `customerClass` / `tier`), one
   * bin per grade in order of first appearance (expected first). `{ quantiles: k }`: one score per
   * account, `k` bins at the quantiles of the expected (reference) population. `{ edges }`: one
   * score per account, bins `(−∞, e₁)`, `[e₁, e₂)`, …, `[eₖ, ∞)`.
   */
  readonly bins?: StabilityBins | undefined;
  /**
   * A bin empty on one side has no finite PSI term. `'epsilon'` (default): its share is taken as
   * `epsilon` (default 0.0001) in place of 0 and the bin is flagged `adjusted`; `'error'`: throw.
   */
  readonly emptyBins?: 'epsilon' | 'error' | undefined;
  readonly epsilon?: number | string | Decimal | undefined;
}

/** One bin of a {@link PopulationStabilityResult}. @category Outcomes */
export interface StabilityBin {
  /** The grade, the interval (`[0.25, 0.5)`) or the bin's position. */
  readonly bin: string;
  readonly expectedCount: Decimal;
  readonly actualCount: Decimal;
  readonly expectedShare: Decimal;
  readonly actualShare: Decimal;
  /** `(actual − expected) · ln(actual / expected)` on the shares: never negative. */
  readonly contribution: Decimal;
  /** `true` when an empty share was replaced by `epsilon`. */
  readonly adjusted: boolean;
}

/** The usual reading of a PSI, with its source. @category Outcomes */
export type StabilityReading = 'no change' | 'minor change' | 'major change';

/** The result of {@link populationStability}. @category Outcomes */
export interface PopulationStabilityResult {
  /** Σ (aᵢ − eᵢ)·ln(aᵢ / eᵢ) over the bins' shares. */
  readonly total: Decimal;
  readonly reading: StabilityReading;
  /** Where the thresholds of `reading` come from. */
  readonly readingSource: string;
  readonly bins: readonly StabilityBin[];
  /** The bin edges used for scores (`quantiles` or `edges`), otherwise `null`. */
  readonly edges: readonly Decimal[] | null;
  readonly emptyBins: { readonly policy: 'epsilon' | 'error'; readonly epsilon: Decimal; readonly adjusted: number };
}

/** The thresholds of the reading, and their source. */
export const READING_SOURCE =
  'Siddiqi (2006), Credit Risk Scorecards, Wiley, ch. 8: PSI < 0.1 no significant change; 0.1 to 0.25 some ' +
  'minor change; > 0.25 a major shift';
const MINOR = /* @__PURE__ */ new ExactDecimal('0.1');
const MAJOR = /* @__PURE__ */ new ExactDecimal('0.25');
const ZERO = /* @__PURE__ */ new ExactDecimal(0);

/** The reading of a PSI total: below 0.1 no change, 0.1 to 0.25 (both included) minor, above 0.25 major. */
export function readStability(total: Decimal): StabilityReading {
  return total.lt(MINOR) ? 'no change' : total.lte(MAJOR) ? 'minor change' : 'major change';
}

/**
 * The population stability index between an expected (reference) and an actual population,
 * per bin and in total, with its usual reading: how far a score, grade or band distribution has
 * drifted. Bins are given as counts, grades, quantiles of the reference, or fixed edges.
 *
 * PSI = Σ (aᵢ − eᵢ)·ln(aᵢ / eᵢ) over the bins' shares (Siddiqi 2006, Credit Risk Scorecards,
 * ch. 8; it is the symmetrised Kullback–Leibler divergence of Kullback & Leibler 1951). A bin
 * empty on one side follows `emptyBins`; the total is never infinite or NaN.
 *
 * @example
 * ```ts
 * import { populationStability } from 'clientele/outcomes';
 * const psi = populationStability([25, 25, 25, 25], [10, 20, 30, 40]);
 * psi.total.toFixed(6); // '0.228217'
 * psi.reading; // 'minor change'
 * ```
 * @throws {ValidationError} when the arrays do not match the chosen bins, a count is negative or
 *   not numeric, a side has no accounts, the options are invalid, or (with `emptyBins: 'error'`) a bin is empty on one
 * side.
 * @category Outcomes
 */
export function populationStability(
  expected: readonly unknown[],
  actual: readonly unknown[],
  options: PopulationStabilityOptions = {},
): PopulationStabilityResult {
  return withDisplay(
    readingInput('expected', 'populationStability', () => {
      const expectedList = readArray(expected, 'expected', 'populationStability');
      const actualList = readArray(actual, 'actual', 'populationStability');
      const bins = options.bins ?? 'counts';
      const policy = options.emptyBins ?? 'epsilon';
      if (policy !== 'epsilon' && policy !== 'error')
        fail('options.emptyBins', "'epsilon' or 'error'", policy, 'populationStability');
      const epsilon = toDecimal(options.epsilon ?? '0.0001', 'options.epsilon');
      if (!epsilon.gt(0) || !epsilon.lt(1))
        fail('options.epsilon', 'a share strictly between 0 and 1', options.epsilon, 'populationStability');
      const table = tabulate(expectedList, actualList, bins);
      return stabilityOf(table, policy, epsilon);
    }),
    'Population stability',
  );
}

/** Per-bin counts on both sides, the bins' names and (for scores) the edges. */
export interface BinTable {
  readonly names: readonly string[];
  readonly expected: readonly Decimal[];
  readonly actual: readonly Decimal[];
  readonly edges: readonly Decimal[] | null;
}

function tabulate(expected: readonly unknown[], actual: readonly unknown[], bins: StabilityBins): BinTable {
  if (bins === 'counts') {
    if (expected.length !== actual.length || expected.length === 0)
      fail(
        'actual',
        `a non-empty array of per-bin counts of the same length as expected (${expected.length})`,
        `an array of length ${actual.length}`,
        'populationStability',
      );
    const read = (list: readonly unknown[], side: string) =>
      list.map((count, index) => {
        const value = toDecimal(count, `${side}[${index}]`);
        if (value.isNeg()) fail(`${side}[${index}]`, 'a count ≥ 0', count, 'populationStability');
        return value;
      });
    return {
      names: expected.map((_, index) => String(index + 1)),
      expected: read(expected, 'expected'),
      actual: read(actual, 'actual'),
      edges: null,
    };
  }
  if (bins === 'grades') return tabulateGrades(expected, actual);
  if (typeof bins === 'object' && bins !== null && 'quantiles' in bins) {
    const k = bins.quantiles;
    if (!Number.isInteger(k) || k < 2 || k > 1000)
      fail('options.bins.quantiles', 'an integer from 2 to 1000', k, 'populationStability');
    return tabulateScores(expected, actual, (sorted) => quantileEdges(sorted, k));
  }
  if (
    typeof bins === 'object' &&
    bins !== null &&
    'edges' in bins &&
    Array.isArray(bins.edges) &&
    bins.edges.length > 0
  ) {
    const edges = bins.edges.map((edge, index) => toDecimal(edge, `options.bins.edges[${index}]`));
    for (let i = 1; i < edges.length; i++)
      if (!edges[i]!.gt(edges[i - 1]!))
        fail(`options.bins.edges[${i}]`, 'strictly ascending edges', bins.edges[i], 'populationStability');
    return tabulateScores(expected, actual, () => edges);
  }
  return fail('options.bins', "'counts', 'grades', { quantiles: k } or { edges: [...] }", bins, 'populationStability');
}

function tabulateGrades(expected: readonly unknown[], actual: readonly unknown[]): BinTable {
  const index = new Map<string, number>();
  const counts: [number[], number[]] = [[], []];
  [expected, actual].forEach((list, side) => {
    list.forEach((item, position) => {
      const grade = readGrade(item, `${side === 0 ? 'expected' : 'actual'}[${position}]`);
      let bin = index.get(grade);
      if (bin === undefined) {
        bin = index.size;
        index.set(grade, bin);
        counts[0].push(0);
        counts[1].push(0);
      }
      counts[side as 0 | 1][bin]!++;
    });
  });
  return {
    names: [...index.keys()],
    expected: counts[0].map((c) => new ExactDecimal(c)),
    actual: counts[1].map((c) => new ExactDecimal(c)),
    edges: null,
  };
}

/** Edges at the k-quantiles of the sorted reference (`sorted[⌊j·n/k⌋]`, j = 1 … k−1), duplicates dropped. */
function quantileEdges(sorted: readonly Decimal[] | Float64Array, k: number): Decimal[] {
  const edges: Decimal[] = [];
  for (let j = 1; j < k; j++) {
    const value = sorted[Math.floor((j * sorted.length) / k)]!;
    const edge = typeof value === 'number' ? new ExactDecimal(value) : value;
    if (edges.length === 0 || edge.gt(edges[edges.length - 1]!)) edges.push(edge);
  }
  return edges;
}

function tabulateScores(
  expected: readonly unknown[],
  actual: readonly unknown[],
  edgesOf: (sortedReference: readonly Decimal[] | Float64Array) => Decimal[],
): BinTable {
  if (expected.length === 0) fail('expected', 'a non-empty array of scores', expected, 'populationStability');
  const plain =
    expected.every((value) => typeof value === 'number') && actual.every((value) => typeof value === 'number');
  let edges: Decimal[];
  let countSide: (list: readonly unknown[], side: string) => number[];
  if (plain) {
    const reference = Float64Array.from(expected as number[]);
    reference.forEach((value, index) => {
      if (!Number.isFinite(value))
        fail(`expected[${index}]`, 'a finite number', value, 'populationStability', 'not_numeric');
    });
    reference.sort();
    edges = edgesOf(reference);
    const cuts = Float64Array.from(edges, (edge) => edge.toNumber());
    countSide = (list, side) => {
      const counts = new Array<number>(cuts.length + 1).fill(0);
      for (let i = 0; i < list.length; i++) {
        const value = list[i] as number;
        if (!Number.isFinite(value))
          fail(`${side}[${i}]`, 'a finite number', value, 'populationStability', 'not_numeric');
        counts[binOf(cuts, value)]!++;
      }
      return counts;
    };
  } else {
    const read = (list: readonly unknown[], side: string) =>
      list.map((value, index) => readScore(value, `${side}[${index}]`));
    const reference = read(expected, 'expected');
    edges = edgesOf([...reference].sort((a, b) => a.comparedTo(b)));
    const cuts = edges;
    countSide = (list, side) => {
      const counts = new Array<number>(cuts.length + 1).fill(0);
      for (const value of side === 'expected' ? reference : read(list, side)) counts[binOf(cuts, value)]!++;
      return counts;
    };
  }
  const names = Array.from({ length: edges.length + 1 }, (_, i) =>
    `[${i === 0 ? '-∞' : edges[i - 1]!.toString()}, ${i === edges.length ? '∞' : edges[i]!.toString()})`.replace(
      '[-∞',
      '(-∞',
    ),
  );
  const toDecimals = (counts: number[]) => counts.map((count) => new ExactDecimal(count));
  return {
    names,
    expected: toDecimals(countSide(expected, 'expected')),
    actual: toDecimals(countSide(actual, 'actual')),
    edges,
  };
}

/** The number of edges at or below `value`: its bin. */
function binOf(cuts: Float64Array | readonly Decimal[], value: number | Decimal): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const cut = cuts[middle]!;
    if (typeof cut === 'number' ? cut <= (value as number) : cut.lte(value)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The PSI of a bin table under an empty-bin policy. */
export function stabilityOf(table: BinTable, policy: 'epsilon' | 'error', epsilon: Decimal): PopulationStabilityResult {
  const expectedTotal = table.expected.reduce((a, b) => a.plus(b), ZERO);
  const actualTotal = table.actual.reduce((a, b) => a.plus(b), ZERO);
  if (expectedTotal.isZero()) fail('expected', 'at least one account', 'no accounts', 'populationStability');
  if (actualTotal.isZero()) fail('actual', 'at least one account', 'no accounts', 'populationStability');
  let total = ZERO;
  let adjustedCount = 0;
  const bins = table.names.map((name, index) => {
    const expectedShare = table.expected[index]!.div(expectedTotal);
    const actualShare = table.actual[index]!.div(actualTotal);
    const adjusted = expectedShare.isZero() !== actualShare.isZero();
    if (adjusted && policy === 'error')
      fail(
        `bins[${index}]`,
        'a bin with accounts on both sides (emptyBins: error)',
        `${table.expected[index]!.toString()} expected and ${table.actual[index]!.toString()} actual`,
        'populationStability',
      );
    let contribution = ZERO;
    if (!expectedShare.isZero() || !actualShare.isZero()) {
      const e = expectedShare.isZero() ? epsilon : expectedShare;
      const a = actualShare.isZero() ? epsilon : actualShare;
      contribution = a.minus(e).times(a.div(e).ln());
    }
    if (adjusted) adjustedCount++;
    total = total.plus(contribution);
    return Object.freeze({
      bin: name,
      expectedCount: table.expected[index]!,
      actualCount: table.actual[index]!,
      expectedShare,
      actualShare,
      contribution,
      adjusted,
    });
  });
  return Object.freeze({
    total,
    reading: readStability(total),
    readingSource: READING_SOURCE,
    bins: Object.freeze(bins),
    edges: table.edges === null ? null : Object.freeze([...table.edges]),
    emptyBins: Object.freeze({ policy, epsilon, adjusted: adjustedCount }),
  });
}
