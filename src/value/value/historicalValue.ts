import type { Decimal } from 'decimal.js';
import { fail, joinPath } from '../../shared/errors.js';
import { ExactDecimal, ONE, ZERO, toDecimal, type Numeric } from '../../shared/numeric.js';
import { DAY_MS, formatDay, readInstant, type DateInput } from '../../shared/dates.js';
import { readObject, readRate } from '../internal/read.js';

/**
 * One realised margin: when it was earned and how much.
 * @category Value
 */
export interface RealisedMargin {
  readonly date: DateInput;
  readonly margin: Numeric;
}

/**
 * What {@link historicalValue} needs.
 * @category Value
 */
export interface HistoricalValueInput {
  /** Realised margins, in any order. */
  readonly entries: readonly RealisedMargin[];
  /** The date the value is stated at; entries after it are left out. */
  readonly asOf: DateInput;
  /** First date of the window (inclusive); default: no lower bound. */
  readonly since?: DateInput | undefined;
  /** Annual rate to compound each margin to `asOf` (actual/365 days); default 0, a plain sum. */
  readonly rate?: Numeric | undefined;
}

/**
 * Historical value: what a customer has already brought, optionally compounded to `asOf`.
 * @category Value
 */
export interface HistoricalValueResult {
  /** Realised margins in the window, compounded to `asOf` when a rate is given. */
  readonly value: Decimal;
  /** The plain sum of the margins in the window. */
  readonly realised: Decimal;
  /** `value − realised`: what compounding added. */
  readonly compounding: Decimal;
  /** Entries inside the window. */
  readonly count: number;
  /** Entries outside the window (before `since` or after `asOf`). */
  readonly excluded: number;
  /** The window as ISO dates; `since` is `null` without a lower bound. */
  readonly window: { readonly since: string | null; readonly asOf: string };
}

const DAYS_PER_YEAR = /* @__PURE__ */ new ExactDecimal(365);
const DAY = /* @__PURE__ */ new ExactDecimal(DAY_MS);

/**
 * The historical value of a customer (seed 001, DMG: "the value already realised so far"):
 * realised margins over a window ending at `asOf`, optionally compounded to `asOf`.
 *
 * The window is `since ≤ date ≤ asOf`. With a `rate`, each margin is multiplied by
 * `(1 + rate)^(days/365)`, `days` being the exact (possibly fractional) number of days from its
 * date to `asOf` (actual/365 day count). Seed 001 treats historical value as a reference only:
 * it does not enter the value matrix.
 *
 * @returns `{ value, realised, compounding, count, excluded, window }`.
 * @throws {ValidationError} on a bad date, a non-numeric margin or a rate ≤ −1.
 * @example
 * ```ts
 * import { historicalValue } from 'clientele';
 * const result = historicalValue({
 *   entries: [{ date: '2025-11-01', margin: 1000 }, { date: '2026-05-01', margin: 500 }],
 *   asOf: '2026-11-01',
 *   rate: 0.05,
 * });
 * result.realised.toString(); // '1500'
 * result.value.toFixed(2); // '1562.45'
 * ```
 * @category Value
 */
export function historicalValue(input: HistoricalValueInput): HistoricalValueResult {
  const context = 'historicalValue';
  const record = readObject(input, '', context);
  const asOf = readInstant(record.asOf, 'asOf');
  const since = record.since === undefined ? null : readInstant(record.since, 'since');
  if (since !== null && since > asOf)
    fail('since', `a date on or before asOf (${formatDay(asOf)})`, record.since, context, 'inconsistent');
  const rate = record.rate === undefined ? ZERO : readRate(record.rate, 'rate', context);
  const growth = ONE.plus(rate);
  if (!Array.isArray(record.entries))
    fail('entries', 'an array of { date, margin }', record.entries, context, 'invalid_type');
  let value = ZERO;
  let realised = ZERO;
  let count = 0;
  let excluded = 0;
  record.entries.forEach((entry: unknown, index: number) => {
    const path = joinPath('entries', index);
    const item = readObject(entry, path, context);
    const date = readInstant(item.date, joinPath(path, 'date'));
    const margin = toDecimal(item.margin, joinPath(path, 'margin'));
    if (date > asOf || (since !== null && date < since)) {
      excluded++;
      return;
    }
    count++;
    realised = realised.plus(margin);
    if (rate.isZero() || date === asOf) {
      value = value.plus(margin);
      return;
    }
    const years = new ExactDecimal(asOf - date).div(DAY).div(DAYS_PER_YEAR);
    value = value.plus(margin.times(growth.pow(years)));
  });
  return {
    value,
    realised,
    compounding: value.minus(realised),
    count,
    excluded,
    window: { since: since === null ? null : formatDay(since), asOf: formatDay(asOf) },
  };
}
