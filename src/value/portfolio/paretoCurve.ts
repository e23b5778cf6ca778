import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { ExactDecimal, ZERO } from '../../shared/numeric.js';
import { largestFirst, readAccountValues, type AccountValue } from '../internal/values.js';
import { withDisplay } from '../../shared/display.js';

/**
 * One point of a Pareto (concentration) curve.
 * @category Portfolio
 */
export interface ParetoPoint {
  /** 1 for the largest account. */
  readonly rank: number;
  /** Position in the input. */
  readonly index: number;
  readonly id: string | undefined;
  readonly value: Decimal;
  /** value / total. */
  readonly share: Decimal;
  /** Sum of the values of ranks 1…rank / total: non-decreasing, exactly 1 at the last rank. */
  readonly cumulativeShare: Decimal;
  /** rank / number of accounts. */
  readonly accountShare: Decimal;
}

/**
 * The full Pareto curve: accounts sorted by value, largest first, with each one's share and the
 * cumulative share (seed 001's 20/80 rule and seed 003's 3.55 % / 40 % read off this curve).
 *
 * @param values - Non-negative numbers, or `{ id, value }` objects.
 * @returns `{ total, points }`; `points` is empty for an empty list.
 * @throws {ValidationError} on a negative or non-numeric value, or a zero total with accounts.
 * @example
 * ```ts
 * import { paretoCurve } from 'clientele';
 * paretoCurve([{ id: 'b', value: 1 }, { id: 'a', value: 3 }]).points.map((p) => `${p.id} ${p.cumulativeShare}`);
 * // ['a 0.75', 'b 1']
 * ```
 * @category Portfolio
 */
export function paretoCurve(values: readonly AccountValue[]): {
  readonly total: Decimal;
  readonly points: ParetoPoint[];
} {
  const context = 'paretoCurve';
  const read = readAccountValues(values, 'values', context);
  if (read.values.length > 0 && read.total.isZero()) fail('values', 'values with a positive total', values, context);
  const order = largestFirst(read.values);
  const n = read.values.length;
  let running = ZERO;
  const points = order.map((index, position) => {
    const value = read.values[index]!;
    running = running.plus(value);
    return {
      rank: position + 1,
      index,
      id: read.ids[index],
      value,
      share: value.div(read.total),
      cumulativeShare: running.div(read.total),
      accountShare: new ExactDecimal(position + 1).div(n),
    };
  });
  return withDisplay({ total: read.total, points }, 'Pareto curve');
}
