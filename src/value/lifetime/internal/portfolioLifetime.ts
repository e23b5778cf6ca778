/**
 * Lifetime value as `assessPortfolio`'s current value: the option is read once, then each account's
 * `history` is valued like `customerLifetimeValue`, errors naming `history.…`.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { fail } from '../../../shared/errors.js';
import type { Numeric } from '../../../shared/numeric.js';
import { lifetimeValueOf } from '../customerLifetimeValue.js';
import type { GammaGammaParameters, TransactionModelParameters } from '../types.js';
import { readFloat } from './histories.js';
import { readGammaGammaModel, readTransactionModel } from './models.js';

/**
 * `assessPortfolio`'s `lifetime` option: fitted models that replace the retention NPV by each
 * account's customer lifetime value. The discount rate is `valuation.discountRate`, per period.
 * @category Portfolio
 */
export interface PortfolioLifetimeValuation {
  /** From `fitBgNbd` or `fitParetoNbd` (or published parameters with `kind`). */
  readonly transactionModel: TransactionModelParameters;
  /** From `fitGammaGamma`. */
  readonly spendModel: GammaGammaParameters;
  /** Discount periods counted (e.g. 12 months). */
  readonly periods: number;
  /** Length of one discount period in the models' time unit; default 1. */
  readonly periodLength?: number | undefined;
  /** Share of spend that is margin, in (0, 1]; default 1. */
  readonly margin?: Numeric | undefined;
}

/** Checks the option once, naming `options.lifetime.…` paths. */
export function readPortfolioLifetime(value: unknown, context: string): PortfolioLifetimeValuation | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null)
    fail('options.lifetime', 'an object { transactionModel, spendModel, periods }', value, context, 'invalid_type');
  const option = value as PortfolioLifetimeValuation;
  readTransactionModel(option.transactionModel, context, 'options.lifetime.transactionModel');
  readGammaGammaModel(option.spendModel, context, 'options.lifetime.spendModel');
  const { periods, periodLength, margin } = option;
  if (typeof periods !== 'number' || !Number.isSafeInteger(periods) || periods < 1 || periods > 100_000) {
    fail(
      'options.lifetime.periods',
      'a whole number of periods between 1 and 100,000',
      periods,
      context,
      'out_of_range',
    );
  }
  if (
    periodLength !== undefined &&
    (typeof periodLength !== 'number' || !(periodLength > 0) || !Number.isFinite(periodLength))
  ) {
    fail('options.lifetime.periodLength', 'a finite number > 0', periodLength, context, 'out_of_range');
  }
  const share = margin === undefined ? 1 : readFloat(margin);
  if (share === undefined || !(share > 0) || share > 1)
    fail('options.lifetime.margin', 'a share in (0, 1]', margin, context, 'out_of_range');
  return option;
}

/** One account's CLV from its `history` (`{ frequency, recency, T, monetaryValue }`). */
export function portfolioLifetimeValue(
  record: Record<string, unknown>,
  option: PortfolioLifetimeValuation,
  discountRate: Decimal,
): Decimal {
  const history = record.history;
  if (typeof history !== 'object' || history === null) {
    fail(
      'history',
      'a purchase history { frequency, recency, T, monetaryValue } (options.lifetime is set)',
      history,
      'assessPortfolio',
    );
  }
  const { transactionModel, spendModel, periods, periodLength, margin } = option;
  const options = {
    discountRate,
    periods,
    ...(periodLength === undefined ? {} : { periodLength }),
    ...(margin === undefined ? {} : { margin }),
  };
  return lifetimeValueOf(
    transactionModel,
    spendModel,
    history as Parameters<typeof lifetimeValueOf>[2],
    options,
    'assessPortfolio',
    'history',
  ).value;
}
