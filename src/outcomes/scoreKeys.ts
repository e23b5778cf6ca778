/**
 * Scores as sortable Float64 keys: plain numbers are their own keys; when any score is a string
 * or a Decimal the keys are exact ranks of the decimals, so no two different decimals ever tie
 * (and no equal ones split) because of binary rounding.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal } from '../shared/numeric.js';
import { fail } from '../shared/errors.js';
import { readScore } from './internal.js';

/** Scores read into keys, with the way back from a key to the score it stands for. */
export interface ScoreKeys {
  readonly keys: Float64Array;
  /** The score a key stands for. */
  readonly scoreOf: (key: number) => Decimal;
  /** How many of the ascending `cuts` are at or below the score a key stands for (its bin among the cuts). */
  readonly cutsBelow: (key: number, cuts: readonly Decimal[]) => number;
}

/** Reads `scores` (path `scores[i]`) into keys; `lowerIsRiskier` negates them so that higher keys always mean more
 * events. */
export function scoreKeys(scores: readonly unknown[], lowerIsRiskier: boolean): ScoreKeys {
  const n = scores.length;
  const keys = new Float64Array(n);
  const sign = lowerIsRiskier ? -1 : 1;
  let plain = true;
  for (let i = 0; i < n; i++) {
    const value = scores[i];
    if (typeof value !== 'number') {
      plain = false;
      break;
    }
    if (!Number.isFinite(value)) fail(`scores[${i}]`, 'a finite number', value, 'discrimination', 'not_numeric');
    keys[i] = sign * value + 0; // + 0 turns −0 into 0
  }
  if (plain) {
    return {
      keys,
      scoreOf: (key) => new ExactDecimal(sign * key + 0),
      cutsBelow: (key, cuts) => countAtOrBelow(cuts, sign * key + 0),
    };
  }
  const decimals: Decimal[] = new Array<Decimal>(n);
  for (let i = 0; i < n; i++) decimals[i] = readScore(scores[i], `scores[${i}]`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => decimals[a]!.comparedTo(decimals[b]!));
  const distinct: Decimal[] = [];
  for (const index of order) {
    const value = decimals[index]!;
    if (distinct.length === 0 || !distinct[distinct.length - 1]!.eq(value)) distinct.push(value);
    keys[index] = sign * (distinct.length - 1) + 0;
  }
  return {
    keys,
    scoreOf: (key) => distinct[sign * key + 0]!,
    cutsBelow: (key, cuts) => countAtOrBelow(cuts, distinct[sign * key + 0]!),
  };
}

/** How many of the ascending `cuts` are ≤ `score` (binary search). */
function countAtOrBelow(cuts: readonly Decimal[], score: Decimal | number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cuts[middle]!.lte(score)) low = middle + 1;
    else high = middle;
  }
  return low;
}
