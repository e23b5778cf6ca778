import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { ExactDecimal } from '../../shared/numeric.js';
import { conditionalExpectation } from './internal/dispatch.js';
import { gammaGammaExpectedSpend } from './internal/gammaGamma.js';
import { readFloat, readHistory } from './internal/histories.js';
import { finiteResult, readGammaGammaModel, readTransactionModel } from './internal/models.js';
import type { GammaGammaParameters, PurchaseHistory, SpendHistory, TransactionModelParameters } from './types.js';
import type { Numeric } from '../../shared/numeric.js';
import { readInput } from '../../shared/input.js';

/**
 * Options of {@link customerLifetimeValue}.
 * @category Lifetime value
 */
export interface CustomerLifetimeValueOptions {
  /** Discount rate per discount period, > −1 (0.01 is 1 % a month when a period is a month). */
  readonly discountRate: Numeric;
  /** Number of discount periods counted (a whole number ≥ 1), e.g. 12 for a year of months. */
  readonly periods: number;
  /** Length of one discount period in the model's time unit; default 1 (e.g. 30.4375/7 when the model is in weeks and
   * periods are months). */
  readonly periodLength?: number | undefined;
  /** Share of spend that is margin, in (0, 1]; default 1 (the value is then revenue). */
  readonly margin?: Numeric | undefined;
}

/**
 * One discount period of a {@link customerLifetimeValue}.
 * @category Lifetime value
 */
export interface LifetimeValuePeriod {
  /** 1 for the first period. */
  readonly period: number;
  /** Expected purchases in this period. */
  readonly purchases: number;
  /** Present value of this period's expected margin. */
  readonly presentValue: number;
}

/**
 * What {@link customerLifetimeValue} returns.
 * @category Lifetime value
 */
export interface CustomerLifetimeValueResult {
  /** The discounted expected margin over the horizon. */
  readonly value: Decimal;
  /** Expected purchases over the horizon (undiscounted). */
  readonly purchases: number;
  /** Expected spend per purchase (Gamma-Gamma). */
  readonly spendPerPurchase: number;
  /** The terms of the sum, one per discount period. */
  readonly periods: readonly LifetimeValuePeriod[];
}

/**
 * A customer's lifetime value from a purchase-count model (BG/NBD or Pareto/NBD) and the
 * Gamma-Gamma spend model: the expected margin of the purchases in each coming period, discounted.
 *
 * CLV = Σᵢ margin · E[M | x, z̄] · (E[Y(i·L)] − E[Y((i−1)·L)]) / (1 + d)ⁱ over i = 1 … periods, with
 * L the period length — the discrete form Fader, Hardie & Lee (2005, "RFM and CLV") approximate
 * with DET, as in the lifetimes package. Counting margin at the end of each period is this
 * library's choice (it matches `currentValue`'s default `timing: 'end'`). The model's parameters
 * are doubles, so the value is a double converted to `Decimal` (about 15 significant digits, far
 * more than the model's own accuracy); it can feed `gradeValues` and the value matrix directly.
 *
 * @param transactionModel - From {@link fitBgNbd} or {@link fitParetoNbd}.
 * @param spendModel - From {@link fitGammaGamma}.
 * @param customer - `{ frequency, recency, T, monetaryValue }` (a row of {@link summarizeTransactions}).
 * @param options - `discountRate`, `periods`, and optionally `periodLength` (1) and `margin` (1).
 * @returns `{ value, purchases, spendPerPurchase, periods }`.
 * @throws {ValidationError} for a bad model, history or option.
 * @example
 * ```ts
 * import { customerLifetimeValue } from 'clientele/value';
 * // CDNOW (weeks): the published BG/NBD and Gamma-Gamma estimates; 12 months at 1 % a month
 * const purchases = { kind: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
 * const spend = { kind: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 } as const;
 * const clv = customerLifetimeValue(
 *   purchases,
 *   spend,
 *   { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
 *   {
 *     discountRate: 0.01,
 *     periods: 12,
 *     periodLength: 30.4375 / 7,
 *   },
 * );
 * clv.value.toFixed(2); // '36.31'
 * ```
 * @category Lifetime value
 */
export function customerLifetimeValue(
  transactionModel: TransactionModelParameters,
  spendModel: GammaGammaParameters,
  customer: PurchaseHistory & Pick<SpendHistory, 'monetaryValue'>,
  options: CustomerLifetimeValueOptions,
): CustomerLifetimeValueResult {
  const context = 'customerLifetimeValue';
  return lifetimeValueOf(
    readInput(transactionModel, 'transactionModel', context),
    readInput(spendModel, 'spendModel', context),
    readInput(customer, 'customer', context),
    readInput(options, 'options', context),
    context,
    'customer',
  );
}

/** {@link customerLifetimeValue} with the error context and the customer's path chosen by the caller. */
export function lifetimeValueOf(
  transactionModel: TransactionModelParameters,
  spendModel: GammaGammaParameters,
  customer: PurchaseHistory & Pick<SpendHistory, 'monetaryValue'>,
  options: CustomerLifetimeValueOptions,
  context: string,
  customerPath: string,
): CustomerLifetimeValueResult {
  const purchasesModel = readTransactionModel(transactionModel, context, 'transactionModel');
  const { p, q, v } = readGammaGammaModel(spendModel, context);
  const history = readHistory(customer, context, customerPath);
  const { x } = history;
  if (typeof options !== 'object' || options === null)
    fail('options', 'an options object with discountRate and periods', options, context);
  const discountRate = readFloat(options.discountRate);
  if (discountRate === undefined || !(discountRate > -1))
    fail('options.discountRate', 'a rate greater than −1', options.discountRate, context);
  const periods = options.periods;
  if (typeof periods !== 'number' || !Number.isSafeInteger(periods) || periods < 1 || periods > 100_000) {
    fail('options.periods', 'a whole number of periods between 1 and 100,000', periods, context);
  }
  const periodLength = options.periodLength ?? 1;
  if (typeof periodLength !== 'number' || !(periodLength > 0) || !Number.isFinite(periodLength))
    fail('options.periodLength', 'a finite number > 0', periodLength, context);
  const margin = options.margin === undefined ? 1 : readFloat(options.margin);
  if (margin === undefined || !(margin > 0) || margin > 1)
    fail('options.margin', 'a share in (0, 1]', options.margin, context);
  const spendValue = x === 0 ? 0 : readFloat(customer.monetaryValue);
  if (spendValue === undefined || (x > 0 && !(spendValue > 0)))
    fail(`${customerPath}.monetaryValue`, 'a number > 0 for a repeat customer', customer.monetaryValue, context);
  if (!(p * x + q > 1)) fail('spendModel.q', 'q > 1 − p·frequency, so that the expected spend is finite', q, context);
  const spendPerPurchase = gammaGammaExpectedSpend(p, q, v, x, spendValue);
  if (purchasesModel.kind === 'bg-bb' && !Number.isInteger(periodLength))
    fail(
      'options.periodLength',
      'a whole number of transaction opportunities (the model is BG/BB)',
      periodLength,
      context,
    );
  const cumulative = (t: number): number => conditionalExpectation(purchasesModel, history, t, context, customerPath);
  const terms: LifetimeValuePeriod[] = [];
  let previous = 0;
  let total = 0;
  // (1 + rate)^period as a running product: plain multiplications give the same double on every
  // engine, where Math.pow is left to each engine's own approximation
  let discount = 1;
  for (let period = 1; period <= periods; period += 1) {
    const next = cumulative(period * periodLength);
    const purchases = next - previous;
    discount *= 1 + discountRate;
    const presentValue = (margin * spendPerPurchase * purchases) / discount;
    terms.push(Object.freeze({ period, purchases, presentValue }));
    total += presentValue;
    previous = next;
  }
  finiteResult(total, context, 'the lifetime value');
  return Object.freeze({
    value: new ExactDecimal(total),
    purchases: previous,
    spendPerPurchase,
    periods: Object.freeze(terms),
  });
}
