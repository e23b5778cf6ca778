import type { Decimal } from 'decimal.js';
import { fail } from '../shared/errors.js';
import { readingInput } from '../shared/input.js';
import { toDecimal } from '../shared/numeric.js';
import { rational, type Rational } from '../shared/rational.js';
import { decimalOf, formatFraction, fractionOf, readArray, readOutcomes, ratio } from './internal.js';
import { scoreKeys } from './scoreKeys.js';
import { withDisplay } from '../shared/display.js';

/** Options of {@link discrimination}. @category Outcomes */
export interface DiscriminationOptions {
  /** `'higher'` (default): a higher score predicts the event; `'lower'`: a lower score does (a value score predicting
   * churn). */
  readonly riskier?: 'higher' | 'lower' | undefined;
  /** Rows of the gains table: `10` (default) rank groups of about equal size, or any count from 1 to 100. Ignored when
   * `cuts` is given. */
  readonly groups?: number | undefined;
  /** Score cut points (ascending); the gains table then has one row per non-empty interval `[cutₖ, cutₖ₊₁)`. */
  readonly cuts?: readonly (number | string | Decimal)[] | undefined;
}

/** One row of the gains / lift table, riskiest group first. @category Outcomes */
export interface GainsRow {
  /** 1 for the riskiest group. */
  readonly group: number;
  /** The highest and lowest score in the group. */
  readonly highest: Decimal;
  readonly lowest: Decimal;
  readonly count: number;
  readonly events: number;
  /** `events / count`. */
  readonly rate: Decimal;
  readonly cumulativeCount: number;
  readonly cumulativeEvents: number;
  /** Share of all events captured by this group and the riskier ones (the gains curve). */
  readonly capture: Decimal;
  /** The group's rate over the overall rate. */
  readonly lift: Decimal;
  /** The cumulative rate over the overall rate. */
  readonly cumulativeLift: Decimal;
}

/** The result of {@link discrimination}. @category Outcomes */
export interface DiscriminationResult {
  readonly n: number;
  readonly events: number;
  readonly nonEvents: number;
  readonly riskier: 'higher' | 'lower';
  /** Area under the ROC curve, ties counted one half (the Mann–Whitney U over events × non-events). */
  readonly auc: number;
  /** `2·AUC − 1` (the accuracy ratio). */
  readonly gini: number;
  /** The largest gap between the cumulative shares of events and of non-events over the score thresholds. */
  readonly ks: number;
  /** The threshold where KS is reached: accounts scoring at or beyond it (at or above it for `riskier: 'higher'`). */
  readonly ksScore: Decimal;
  /** The same statistics as exact fractions (`'5/6'`), and as decimals of 40 significant digits. */
  readonly exact: { readonly auc: string; readonly gini: string; readonly ks: string };
  readonly decimal: { readonly auc: Decimal; readonly gini: Decimal; readonly ks: Decimal };
  readonly gains: readonly GainsRow[];
}

/**
 * How well scores separate accounts with the event from those without: AUC (ties count one
 * half), Gini and KS, as numbers and exact fractions, with a gains / lift table by rank groups or
 * by given cut points.
 *
 * AUC is the Mann–Whitney statistic U / (events · non-events) (Hanley & McNeil 1982, "The meaning
 * and use of the area under a ROC curve", Radiology 143:29–36); Gini = 2·AUC − 1; KS is the
 * two-sample Kolmogorov–Smirnov distance between the score distributions of events and
 * non-events (Siddiqi 2006, Credit Risk Scorecards, ch. 6). Scores may be numbers, numeric
 * strings, Decimals or results carrying `total` (scorecards), `risk` (churn) or `value`.
 *
 * @example
 * ```ts
 * import { discrimination } from 'clientele/outcomes';
 * const result = discrimination([0.7, 0.9, 0.5, 0.6, 0.3], [1, 1, 1, 0, 0]);
 * result.exact; // { auc: '5/6', gini: '2/3', ks: '2/3' }
 * result.ksScore.toString(); // '0.7'
 * ```
 * @throws {ValidationError} when scores or outcomes are not arrays of the same length, a score is
 *   not numeric, an outcome is not 0/1/boolean, or there is not at least one event and one non-event.
 * @category Outcomes
 */
export function discrimination(
  scores: readonly unknown[],
  outcomes: readonly unknown[],
  options: DiscriminationOptions = {},
): DiscriminationResult {
  return withDisplay(
    readingInput('scores', 'discrimination', () => {
      const list = readArray(scores, 'scores', 'discrimination');
      const labels = readOutcomes(outcomes, list.length, 'discrimination');
      const riskier = options.riskier ?? 'higher';
      if (riskier !== 'higher' && riskier !== 'lower')
        fail('options.riskier', "'higher' or 'lower'", riskier, 'discrimination');
      const cuts = readCuts(options.cuts);
      const groups = options.groups ?? 10;
      if (!Number.isInteger(groups) || groups < 1 || groups > 100)
        fail('options.groups', 'an integer from 1 to 100', groups, 'discrimination');
      const { keys, scoreOf, cutsBelow } = scoreKeys(list, riskier === 'lower');
      let eventCount = 0;
      for (let i = 0; i < labels.length; i++) eventCount += labels[i]!;
      const nonEventCount = labels.length - eventCount;
      if (eventCount === 0 || nonEventCount === 0)
        fail(
          'outcomes',
          'at least one event (1) and one non-event (0)',
          `${eventCount} events and ${nonEventCount} non-events`,
          'discrimination',
        );
      const eventKeys = new Float64Array(eventCount);
      const otherKeys = new Float64Array(nonEventCount);
      for (let i = 0, e = 0, o = 0; i < labels.length; i++) {
        if (labels[i] === 1) eventKeys[e++] = keys[i]!;
        else otherKeys[o++] = keys[i]!;
      }
      eventKeys.sort();
      otherKeys.sort();
      return walk(eventKeys, otherKeys, riskier, {
        scoreOf,
        rowBreak: cuts === null ? rankBreaks(labels.length, groups) : (key) => cutsBelow(key, cuts),
      });
    }),
    'Discrimination',
  );
}

function readCuts(given: DiscriminationOptions['cuts']): Decimal[] | null {
  if (given === undefined) return null;
  if (!Array.isArray(given) || given.length === 0)
    fail('options.cuts', 'a non-empty array of ascending cut points', given, 'discrimination');
  const cuts = given.map((cut, index) => toDecimal(cut, `options.cuts[${index}]`));
  for (let i = 1; i < cuts.length; i++) {
    if (!cuts[i]!.gt(cuts[i - 1]!))
      fail(
        `options.cuts[${i}]`,
        `a cut above ${cuts[i - 1]!.toString()} (strictly ascending)`,
        given[i],
        'discrimination',
      );
  }
  return cuts;
}

/**
 * Rank groups: a group closes once it holds its share of the accounts (`k·n/groups`, rounded);
 * a run of tied scores is never split, so ties can merge groups.
 */
function rankBreaks(n: number, groups: number): (key: number, taken: number) => number {
  return (_key, taken) => {
    let group = 0;
    while (group < groups - 1 && taken >= Math.round(((group + 1) * n) / groups)) group++;
    return -group;
  };
}

interface WalkReaders {
  readonly scoreOf: (key: number) => Decimal;
  /** A label of the row a tie group starting after `taken` accounts belongs to; a new label closes the row. */
  readonly rowBreak: (key: number, taken: number) => number;
}

/** One descending pass over both sorted key lists: U, KS and the gains rows. */
function walk(
  eventKeys: Float64Array,
  otherKeys: Float64Array,
  riskier: 'higher' | 'lower',
  readers: WalkReaders,
): DiscriminationResult {
  const P = eventKeys.length;
  const N = otherKeys.length;
  let e = P - 1;
  let o = N - 1;
  let tp = 0;
  let fp = 0;
  let twiceU = 0; // 2·U is an integer below 2·P·N < 2^53 for any array JavaScript can hold
  let bestGap = -1;
  let ksKey = 0;
  const rows: GainsRow[] = [];
  let row: { label: number; highKey: number; lowKey: number; count: number; events: number } | null = null;
  const closeRow = () => {
    if (row === null) return;
    const cumulativeCount = tp + fp;
    rows.push(gainsRow(rows.length + 1, row, readers.scoreOf, cumulativeCount, tp, P, N));
  };
  while (e >= 0 || o >= 0) {
    const key = e < 0 ? otherKeys[o]! : o < 0 ? eventKeys[e]! : Math.max(eventKeys[e]!, otherKeys[o]!);
    let tiedEvents = 0;
    let tiedOthers = 0;
    while (e >= 0 && eventKeys[e] === key) {
      tiedEvents++;
      e--;
    }
    while (o >= 0 && otherKeys[o] === key) {
      tiedOthers++;
      o--;
    }
    const label = readers.rowBreak(key, tp + fp);
    if (row === null || label !== row.label) {
      closeRow();
      row = { label, highKey: key, lowKey: key, count: 0, events: 0 };
    }
    row.lowKey = key;
    row.count += tiedEvents + tiedOthers;
    row.events += tiedEvents;
    twiceU += tiedEvents * (2 * (N - fp - tiedOthers) + tiedOthers);
    tp += tiedEvents;
    fp += tiedOthers;
    const gap = Math.abs(tp * N - fp * P);
    if (gap > bestGap) {
      bestGap = gap;
      ksKey = key;
    }
  }
  closeRow();
  const auc = fractionOf(twiceU, 2 * P * N);
  const gini = rational(2n * auc.numerator - auc.denominator, auc.denominator);
  const ks = fractionOf(bestGap, P * N);
  return Object.freeze({
    n: P + N,
    events: P,
    nonEvents: N,
    riskier,
    auc: toNumber(auc),
    gini: toNumber(gini),
    ks: toNumber(ks),
    ksScore: readers.scoreOf(ksKey),
    exact: Object.freeze({ auc: formatFraction(auc), gini: formatFraction(gini), ks: formatFraction(ks) }),
    decimal: Object.freeze({ auc: decimalOf(auc), gini: decimalOf(gini), ks: decimalOf(ks) }),
    gains: Object.freeze(rows),
  });
}

function toNumber(value: Rational): number {
  return Number(value.numerator) / Number(value.denominator);
}

function gainsRow(
  group: number,
  row: { highKey: number; lowKey: number; count: number; events: number },
  scoreOf: (key: number) => Decimal,
  cumulativeCount: number,
  cumulativeEvents: number,
  P: number,
  N: number,
): GainsRow {
  const rate = ratio(row.events, row.count)!;
  const [highest, lowest] = [scoreOf(row.highKey), scoreOf(row.lowKey)];
  return Object.freeze({
    group,
    highest: highest.gte(lowest) ? highest : lowest,
    lowest: highest.gte(lowest) ? lowest : highest,
    count: row.count,
    events: row.events,
    rate,
    cumulativeCount,
    cumulativeEvents,
    capture: ratio(cumulativeEvents, P)!,
    lift: ratio(row.events * (P + N), row.count * P)!,
    cumulativeLift: ratio(cumulativeEvents * (P + N), cumulativeCount * P)!,
  });
}
