/**
 * Exact sums of rule points without decimal arithmetic per record: when every rule's points is a
 * whole number of millionths and all of them together are at most {@link MAX_UNITS} such units, a
 * record's risk is an integer count of units, and its `Decimal` is made once per distinct sum and
 * kept. The `Decimal` of a sum is the exact value the running `plus` gave (both are exact at these
 * sizes), so results read, compare and serialise exactly as before.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal } from '../../shared/numeric.js';

/** Largest total of units kept in the table (the table holds at most this many `Decimal`s). */
const MAX_UNITS = 4096;
/** Most decimal places a rule's points may have for the integer path. */
const MAX_PLACES = 6;

/** Rule points as integer units, and the `Decimal` of any sum of them. */
export interface PointSums {
  /** Per rule: its points × 10^places, an integer. */
  readonly units: Int32Array;
  /** The exact `Decimal` of `sum` units (made on first use, then shared). */
  readonly decimalOf: (sum: number) => Decimal;
}

/** The integer form of a rule set's points, or `undefined` when they need decimal arithmetic. */
export function pointSums(points: readonly Decimal[]): PointSums | undefined {
  let places = 0;
  for (const point of points) places = Math.max(places, point.decimalPlaces());
  if (places > MAX_PLACES) return undefined;
  const scale = 10 ** places;
  const units = Int32Array.from(points, (point) => point.times(scale).toNumber());
  let total = 0;
  for (const unit of units) total += unit;
  if (total > MAX_UNITS) return undefined;
  let table: (Decimal | undefined)[] | undefined;
  const decimalOf = (sum: number): Decimal => {
    table ??= new Array<Decimal | undefined>(total + 1).fill(undefined);
    return (table[sum] ??= places === 0 ? new ExactDecimal(sum) : new ExactDecimal(sum).div(scale));
  };
  return { units, decimalOf };
}
