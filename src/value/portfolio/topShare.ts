import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { ExactDecimal, type Numeric } from '../../shared/numeric.js';
import { sumOf } from '../internal/portfolioCore.js';
import { readShare } from '../internal/read.js';
import { largestFirst, readAccountValues, type AccountValue } from '../internal/values.js';
import { readInput } from '../../shared/input.js';

/**
 * Options of {@link topShare}: either a number of accounts or a share of the accounts.
 * @category Portfolio
 */
export type TopShareOptions = { readonly count: number } | { readonly accountShare: Numeric };

/**
 * What the top accounts give.
 * @category Portfolio
 */
export interface TopShareResult {
  /** Number of top accounts taken. */
  readonly count: number;
  /** count / number of accounts. */
  readonly accountShare: Decimal;
  /** Their value / the total value. */
  readonly valueShare: Decimal;
  readonly value: Decimal;
  readonly total: Decimal;
}

/**
 * "The top x % of accounts give y %", or the top-N share (concentration ratio CR_N): the value
 * share of the largest accounts.
 *
 * With `accountShare`, the number of accounts is ⌈accountShare × n⌉ (at least the share asked
 * for); with `count`, at most all accounts. Ties do not matter: equal values add up the same.
 *
 * @throws {ValidationError} on an empty list, a negative or non-numeric value, a zero total, a
 *   count that is not a whole number ≥ 1, or a share outside (0, 1].
 * @example
 * ```ts
 * import { topShare } from 'clientele';
 * topShare([50, 20, 10, 10, 5, 5], { accountShare: 0.2 }).valueShare.toString(); // '0.7'
 * topShare([50, 20, 10, 10, 5, 5], { count: 1 }).valueShare.toString(); // '0.5'
 * ```
 * @category Portfolio
 */
export function topShare(values: readonly AccountValue[], givenOptions: TopShareOptions): TopShareResult {
  const options = readInput(givenOptions, 'options', 'topShare');
  const context = 'topShare';
  const read = readAccountValues(values, 'values', context);
  const n = read.values.length;
  if (n === 0) fail('values', 'at least one account', values, context);
  if (read.total.isZero()) fail('values', 'values with a positive total', values, context);
  if (typeof options !== 'object' || options === null)
    fail('options', 'an object { count } or { accountShare }', options, context, 'invalid_type');
  let count: number;
  if ('count' in options) {
    if (!Number.isSafeInteger(options.count) || options.count < 1)
      fail('options.count', 'a whole number ≥ 1', options.count, context);
    count = Math.min(options.count, n);
  } else if ('accountShare' in options) {
    const share = readShare(options.accountShare, 'options.accountShare', context);
    count = Number(share.times(n).ceil().toFixed(0));
  } else {
    return fail('options', 'an object { count } or { accountShare }', options, context, 'invalid_type');
  }
  const order = largestFirst(read.values);
  const value = sumOf(read.values, order, count);
  return {
    count,
    accountShare: new ExactDecimal(count).div(n),
    valueShare: value.div(read.total),
    value,
    total: read.total,
  };
}
