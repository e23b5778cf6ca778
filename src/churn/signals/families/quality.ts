/** Service quality (seed 000, 提高服务质量; SPEC §4) and the "satisfied but not loyal" flag. @module */
import type { Decimal } from 'decimal.js';
import { toDecimal } from '../../../shared/numeric.js';
import { formatMonth, parseMonth } from '../../../shared/dates.js';
import { byCodePoint, meanOf, type ParsedHistory, type Readings, type SignalFamily } from './family.js';

const NAMES = ['qualityScore', 'lowestQualityScore', 'qualityChange'] as const;

/** A score of at least this (0–100) counts as "satisfied" for `satisfiedButNotLoyal`. */
export const SATISFIED_SCORE = 80;

/** Mean score per dimension per month up to the last full month (several respondents averaged, so input order never
 * matters). */
function scoresByMonth(
  scores: NonNullable<ParsedHistory['quality']>,
  lastFullMonth: number,
): Map<number, Map<string, Decimal>> {
  const collected = new Map<number, Map<string, Decimal[]>>();
  for (const score of scores) {
    const month = parseMonth(score.period)!;
    if (month > lastFullMonth) continue;
    const dimensions = collected.get(month) ?? new Map<string, Decimal[]>();
    dimensions.set(score.dimension, [...(dimensions.get(score.dimension) ?? []), toDecimal(score.score)]);
    collected.set(month, dimensions);
  }
  const byMonth = new Map<number, Map<string, Decimal>>();
  for (const [month, dimensions] of collected) {
    byMonth.set(
      month,
      new Map([...dimensions.keys()].sort(byCodePoint).map((name) => [name, meanOf(dimensions.get(name)!)])),
    );
  }
  return byMonth;
}

function scoreSignals(out: Readings, scores: ParsedHistory['quality'], lastFullMonth: number): void {
  if (scores === undefined) return out.allMissing(NAMES, 'no service-quality scores');
  const byMonth = scoresByMonth(scores, lastFullMonth);
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  const latest = months[months.length - 1];
  if (latest === undefined) return out.allMissing(NAMES, 'no service-quality score before asOf');
  const mean = (month: number): Decimal => meanOf([...byMonth.get(month)!.values()]);
  const dimensions = byMonth.get(latest)!;
  const current = mean(latest);
  let lowest: [string, Decimal] | undefined;
  for (const [dimension, value] of dimensions)
    if (lowest === undefined || value.lt(lowest[1])) lowest = [dimension, value];
  const evidence = { period: formatMonth(latest), dimensions: Object.fromEntries(dimensions) };
  out.known('qualityScore', current, evidence);
  out.known('lowestQualityScore', lowest![1], { period: formatMonth(latest), dimension: lowest![0] });
  const previous = months[months.length - 2];
  if (previous === undefined) return out.missing('qualityChange', 'only one survey period', evidence);
  const before = mean(previous);
  out.known('qualityChange', current.minus(before), {
    period: formatMonth(latest),
    score: current,
    previousPeriod: formatMonth(previous),
    previousScore: before,
  });
}

/**
 * `satisfiedButNotLoyal`: a quality score of at least {@link SATISFIED_SCORE} while our share of the
 * client's category spend fell (seed 001: clients "会因满意度的变化而转移到其他企业" — satisfaction has to
 * become trust and a long relationship; a satisfied client can still be leaving). Reads the quality
 * and share-of-wallet signals, so it runs after both families.
 */
function satisfiedButNotLoyal(out: Readings): void {
  const score = out.value('qualityScore');
  const change = out.value('shareOfWalletChange');
  const evidence = { qualityScore: score ?? null, shareOfWalletChange: change ?? null, satisfiedFrom: SATISFIED_SCORE };
  if (score === null || score === undefined || change === null || change === undefined) {
    return out.missing('satisfiedButNotLoyal', 'needs both a quality score and a share-of-wallet change', evidence);
  }
  out.known(
    'satisfiedButNotLoyal',
    (score as Decimal).gte(SATISFIED_SCORE) && (change as Decimal).isNegative() && !(change as Decimal).isZero(),
    evidence,
  );
}

/** `qualityScore`, `lowestQualityScore`, `qualityChange` and `satisfiedButNotLoyal`. */
export const qualitySignals: SignalFamily = (out, history, { lastFullMonth }) => {
  scoreSignals(out, history.quality, lastFullMonth);
  satisfiedButNotLoyal(out);
};
