import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import type { Numeric } from '../../shared/numeric.js';
import { expectedNpv, isDivergent, type NpvHorizon, type NpvPeriod, type NpvTiming } from '../internal/npv.js';
import { readHorizon, readObject, readProbability, readRate, readSeries, readTiming } from '../internal/read.js';

/**
 * What {@link currentValue} needs: the margin per period, the retention probability per period,
 * the discount rate per period, and optionally the horizon and the period timing.
 * @category Value
 */
export interface CurrentValueInput {
  /** Margin (profit after direct cost) per period: one number, or a series (its last value carries on). */
  readonly margin: Numeric | readonly Numeric[];
  /** Probability of keeping the customer from one period to the next: one number or a series, each in [0, 1]. */
  readonly retention: Numeric | readonly Numeric[];
  /** Discount rate per period, > −1 (0.1 is 10 %). */
  readonly discountRate: Numeric;
  /** Number of periods counted, or `'perpetuity'` (default). */
  readonly horizon?: NpvHorizon | undefined;
  /** `'end'` (default): the first margin arrives one period from now, only if the customer stays; `'start'`: it
   * arrives now. */
  readonly timing?: NpvTiming | undefined;
}

/**
 * The current value of a customer: the expected NPV of its margins if its behaviour does not change.
 * @category Value
 */
export interface CurrentValueResult {
  /** The expected net present value. */
  readonly value: Decimal;
  readonly horizon: NpvHorizon;
  readonly timing: NpvTiming;
  /** True when the value came straight from the closed form of a constant stream (e.g. m·r/(1+d−r)). */
  readonly closedForm: boolean;
  /** The periods summed term by term (all of a finite horizon up to 10,000; a series' own periods before a perpetual
   * tail), each with survival, discount factor and present value. */
  readonly periods: readonly NpvPeriod[];
  /** Present value of the periods after the explicit ones, where the last margin and retention carry on. */
  readonly tail: Decimal;
}

/**
 * The current value of a customer (seed 001, DMG: "what the customer will bring if their
 * current behaviour does not change"): the expected net present value of future margins under
 * retention and discounting.
 *
 * With a constant margin `m`, retention `r` and discount rate `d`, the perpetuity with end-of-period
 * timing is exactly `m·r/(1+d−r)` (Gupta & Lehmann 2003); with start timing it is
 * `m·(1+d)/(1+d−r)`. A finite horizon `H` (mathematically the perpetuity × `1 − (r/(1+d))^H`) is
 * summed period by period, so rounding never breaks monotonicity; beyond a series' end its last
 * value carries on.
 *
 * @param input - Margin, retention, discount rate, and optionally horizon (`'perpetuity'`) and timing (`'end'`).
 * @returns `{ value, horizon, timing, closedForm, periods, tail }`, all numbers as `Decimal`.
 * @throws {ValidationError} when a number is not numeric, a retention is outside [0, 1], the
 *   discount rate is ≤ −1, the horizon is not a whole number ≥ 1, or a perpetuity diverges
 *   (retention ≥ 1 + discount rate with a non-zero margin).
 * @example
 * ```ts
 * import { currentValue } from 'clientele';
 * // 100 a year, 80 % retention, 10 % discount rate: 100·0.8/(1.1−0.8)
 * currentValue({ margin: 100, retention: 0.8, discountRate: 0.1 }).value.toFixed(2); // '266.67'
 * ```
 * @category Value
 */
export function currentValue(input: CurrentValueInput): CurrentValueResult {
  const context = 'currentValue';
  const record = readObject(input, '', context);
  const margins = readSeries(record.margin, 'margin', context);
  const retentions = readSeries(record.retention, 'retention', context, (item, path) =>
    readProbability(item, path, context),
  );
  const discountRate = readRate(record.discountRate, 'discountRate', context);
  const horizon = readHorizon(record.horizon, 'horizon', context);
  const timing = readTiming(record.timing, 'timing', context);
  try {
    const parts = expectedNpv(margins, retentions, discountRate, horizon, timing);
    return {
      value: parts.value,
      horizon,
      timing,
      closedForm: parts.closedForm,
      periods: parts.periods,
      tail: parts.tail,
    };
  } catch (error) {
    if (isDivergent(error)) {
      return fail(
        'retention',
        'a retention below 1 + discountRate, so that the perpetuity converges',
        record.retention,
        context,
      );
    }
    throw error;
  }
}
