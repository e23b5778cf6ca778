import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { ExactDecimal, type Numeric } from '../../shared/numeric.js';
import { coverTarget } from '../internal/portfolioCore.js';
import { readShare } from '../internal/read.js';
import { largestFirst, readAccountValues, type AccountValue } from '../internal/values.js';
import { readInput } from '../../shared/input.js';

/**
 * Options of {@link pareto}.
 * @category Portfolio
 */
export interface ParetoOptions {
  /** The share of the total value to cover, in (0, 1]: 0.8 for the 20/80 question. */
  readonly targetShare: Numeric;
}

/**
 * The smallest set of accounts (largest first) covering a target share of the value.
 * @category Portfolio
 */
export interface ParetoResult {
  /** How many accounts the set holds. */
  readonly count: number;
  /** count / number of accounts, as an exact fraction (rounded to 40 digits only if it does not terminate). */
  readonly accountShare: Decimal;
  /** Their value / the total value. */
  readonly valueShare: Decimal;
  /** The target that was asked for. */
  readonly targetShare: Decimal;
  /** Number of accounts and total value of the whole portfolio. */
  readonly accounts: number;
  readonly total: Decimal;
  /** The value the set sums to. */
  readonly value: Decimal;
  /** The smallest value in the set: accounts at or above it are "in". */
  readonly threshold: Decimal;
  /** The accounts of the set, largest first: their input position and id (when given). */
  readonly members: readonly { readonly index: number; readonly id: string | undefined; readonly value: Decimal }[];
}

/**
 * Pareto analysis: the fewest accounts, largest first, whose summed value reaches `targetShare`
 * of the total, and their share of the accounts and of the value (seed 003: 21 of 592 A-class
 * accounts, 3.55 %, bought 40 % of the volume; seed 001 quotes the 20/80 rule).
 *
 * Equal values are ordered by input position, which changes which tied account is listed, never
 * `count`, `accountShare` or `valueShare`.
 *
 * @param values - Non-negative numbers, or `{ id, value }` objects.
 * @returns at least `{ count, accountShare, valueShare }` as exact `Decimal` fractions.
 * @throws {ValidationError} on an empty list, a negative or non-numeric value, a zero total, or
 *   a target share outside (0, 1].
 * @example
 * ```ts
 * import { pareto } from 'clientele';
 * const result = pareto([500, 200, 100, 100, 50, 50], { targetShare: 0.8 });
 * result.count; // 3
 * result.accountShare.toString(); // '0.5'
 * result.valueShare.toString(); // '0.8'
 * ```
 * @category Portfolio
 */
export function pareto(values: readonly AccountValue[], given: ParetoOptions): ParetoResult {
  const context = 'pareto';
  const options = readInput(given, 'options', context);
  if (typeof options !== 'object' || options === null)
    fail('options', 'an object { targetShare }', options, context, 'invalid_type');
  const targetShare = readShare(options.targetShare, 'options.targetShare', context);
  const read = readAccountValues(values, 'values', context);
  if (read.values.length === 0) fail('values', 'at least one account', values, context);
  if (read.total.isZero()) fail('values', 'values with a positive total', values, context);
  const order = largestFirst(read.values);
  const { count, covered: value } = coverTarget(read.values, order, targetShare.times(read.total));
  const members = order.slice(0, count).map((index) => ({ index, id: read.ids[index], value: read.values[index]! }));
  return {
    count,
    accountShare: new ExactDecimal(count).div(read.values.length),
    valueShare: value.div(read.total),
    targetShare,
    accounts: read.values.length,
    total: read.total,
    value,
    threshold: members[members.length - 1]!.value,
    members,
  };
}
