import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { hhiPoints } from '../internal/portfolioCore.js';
import { readAccountValues, type AccountValue } from '../internal/values.js';

/**
 * The Herfindahl–Hirschman index of a portfolio's values, in points: each account's share in
 * percent, squared, summed — from 10,000 / n (n equal accounts) up to 10,000 (a single account).
 *
 * Computed exactly (integers), rounded once to 40 significant digits, so one account gives exactly
 * 10,000 and n equal accounts exactly 10,000 / n. Seed 002 weighs "revenue from key accounts"
 * against "the company's resilience": a high HHI means the agency depends on a few clients.
 *
 * @param values - Non-negative numbers, or `{ id, value }` objects.
 * @returns the HHI as a `Decimal` in [0, 10,000].
 * @throws {ValidationError} on an empty list, a negative or non-numeric value, or a zero total.
 * @example
 * ```ts
 * import { herfindahlIndex } from 'clientele';
 * herfindahlIndex([60, 30, 10]).toString(); // '4600'  (60² + 30² + 10²)
 * herfindahlIndex([1]).toString(); // '10000'
 * ```
 * @category Portfolio
 */
export function herfindahlIndex(values: readonly AccountValue[]): Decimal {
  const context = 'herfindahlIndex';
  const read = readAccountValues(values, 'values', context);
  if (read.values.length === 0) fail('values', 'at least one account', values, context);
  if (read.total.isZero()) fail('values', 'values with a positive total', values, context);
  return hhiPoints(read.values);
}
