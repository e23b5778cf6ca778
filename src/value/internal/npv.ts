/**
 * The expected-NPV core behind `currentValue` and `assessPortfolio`: already-read decimals in,
 * exact-as-possible decimals out. No validation here; callers read their input first.
 *
 * Conventions (Berger & Nasr 1998; Gupta & Lehmann 2003, "Customers as assets"):
 * - `retention[k]` is the probability that a customer active in period k+1 is still active in
 *   period k+2; the survival to the t-th transition is S_t = r_1 · … · r_t, S_0 = 1.
 * - `end` timing: the margin of period t arrives at time t, only if the customer survived t
 *   transitions: PV = Σ m_t S_t / (1+d)^t. Constant perpetuity: m·r/(1+d−r).
 * - `start` timing: the margin of period t arrives at time t−1: PV = Σ m_t S_{t−1} / (1+d)^{t−1}.
 *   Constant perpetuity: m·(1+d)/(1+d−r) (= the end-timing value plus this period's margin).
 * - Beyond the end of a series its last value carries on, so a series with a perpetuity horizon
 *   is an explicit forecast followed by a constant terminal value.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal, ONE, ZERO } from '../../shared/numeric.js';

/** When in each period the margin arrives. */
export type NpvTiming = 'start' | 'end';
/** How many periods are counted: a whole number, or for ever. */
export type NpvHorizon = number | 'perpetuity';

/** One explicitly computed period of an NPV. */
export interface NpvPeriod {
  /** 1-based period number. */
  readonly period: number;
  /** The margin of this period. */
  readonly margin: Decimal;
  /** Probability that the customer is still there when this period's margin arrives. */
  readonly survival: Decimal;
  /** 1 / (1 + d)^time, the time being t (end timing) or t − 1 (start timing). */
  readonly discountFactor: Decimal;
  /** margin × survival × discountFactor. */
  readonly presentValue: Decimal;
}

/** The parts of an expected NPV. */
export interface NpvParts {
  readonly value: Decimal;
  readonly periods: NpvPeriod[];
  /** Present value of everything after the explicit periods (the constant tail), 0 if none. */
  readonly tail: Decimal;
  /** True when the whole value came from the closed form of a constant stream. */
  readonly closedForm: boolean;
}

/** The message of the `RangeError` thrown for a perpetuity that does not converge. */
const DIVERGENT = 'clientele: the perpetuity does not converge';

/** True for the error {@link expectedNpv} throws when a perpetuity does not converge. */
export function isDivergent(error: unknown): boolean {
  return error instanceof RangeError && error.message === DIVERGENT;
}

/**
 * Sum of q^j for j = first … first + count − 1 (count may be Infinity for a perpetuity, which
 * needs |q| < 1). Exact for q = 1.
 */
function geometric(q: Decimal, first: 0 | 1, count: number): Decimal {
  if (count === Infinity) {
    if (q.gte(ONE)) throw new RangeError(DIVERGENT);
    // Σ_{j≥first} q^j = q^first / (1 − q)
    return (first === 1 ? q : ONE).div(ONE.minus(q));
  }
  if (count <= 0) return ZERO;
  if (q.eq(ONE)) return new ExactDecimal(count);
  // Σ_{j=first}^{first+count-1} q^j = q^first (1 − q^count) / (1 − q)
  return (first === 1 ? q : ONE).times(ONE.minus(q.pow(count))).div(ONE.minus(q));
}

/** Finite horizons up to this many periods are summed term by term. */
const EXPLICIT_LIMIT = 10_000;

/**
 * The expected NPV of a margin stream under survival and discounting.
 *
 * Computed so that rounding can never break the monotonicity laws (each step is a correctly
 * rounded operation on quantities that move the same way): a finite horizon of up to 10,000
 * periods is summed term by term; a perpetuity adds a closed-form tail q/(1−q) (end) or 1/(1−q)
 * (start) with q = r/(1+d); the constant end-timing perpetuity is exactly m·r/(1+d−r).
 * @throws {RangeError} for a perpetuity whose terms do not shrink (r ≥ 1 + d with a
 *   non-zero margin).
 */
export function expectedNpv(
  margins: readonly Decimal[],
  retentions: readonly Decimal[],
  discountRate: Decimal,
  horizon: NpvHorizon,
  timing: NpvTiming,
): NpvParts {
  const periods = horizon === 'perpetuity' ? Infinity : horizon;
  const onePlusD = ONE.plus(discountRate);
  if (periods === Infinity && margins.length === 1 && retentions.length === 1) {
    const m = margins[0]!;
    const r = retentions[0]!;
    if (m.isZero() || (r.isZero() && timing === 'end'))
      return { value: ZERO, periods: [], tail: ZERO, closedForm: true };
    const denominator = onePlusD.minus(r);
    if (!denominator.isPositive() || denominator.isZero()) throw new RangeError(DIVERGENT);
    // end: m·r/(1+d−r), computed exactly in that form; start: m/(1 − r/(1+d)) = m·(1+d)/(1+d−r)
    const value = timing === 'end' ? m.times(r).div(denominator) : m.div(ONE.minus(r.div(onePlusD)));
    return { value, periods: [], tail: ZERO, closedForm: true };
  }

  const explicit = periods <= EXPLICIT_LIMIT ? periods : Math.min(periods, Math.max(margins.length, retentions.length));
  const rows: NpvPeriod[] = [];
  let survival = ONE; // S_t for end timing, S_{t-1} for start timing, built as we go
  let discount = ONE;
  let value = ZERO;
  let lastMargin = margins[0]!;
  let lastRetention = retentions[0]!;
  for (let t = 1; t <= explicit; t++) {
    lastMargin = margins[t - 1] ?? lastMargin;
    const retention = retentions[t - 1] ?? lastRetention;
    let rowSurvival: Decimal;
    let rowDiscount: Decimal;
    if (timing === 'end') {
      survival = survival.times(retention);
      discount = discount.div(onePlusD);
      rowSurvival = survival;
      rowDiscount = discount;
    } else {
      rowSurvival = survival;
      rowDiscount = discount;
      survival = survival.times(retention);
      discount = discount.div(onePlusD);
    }
    lastRetention = retention;
    const presentValue = lastMargin.times(rowSurvival).times(rowDiscount);
    value = value.plus(presentValue);
    rows.push({ period: t, margin: lastMargin, survival: rowSurvival, discountFactor: rowDiscount, presentValue });
  }
  let tail = ZERO;
  const remaining = periods - explicit;
  if (remaining > 0 && !lastMargin.isZero() && !survival.isZero()) {
    // After the explicit periods, margin and retention are constant: each further term is the
    // previous one times q = r/(1+d).
    const q = lastRetention.div(onePlusD);
    // end: terms m·S_P·v^P·q^j, j = 1 … remaining; start: j = 0 … remaining − 1 (survival and
    // discount were already advanced past the last explicit period)
    tail = lastMargin
      .times(survival)
      .times(discount)
      .times(geometric(q, timing === 'end' ? 1 : 0, remaining));
    value = value.plus(tail);
  }
  return { value, periods: rows, tail, closedForm: false };
}
