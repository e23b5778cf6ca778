/**
 * The lifetime-value family of churn signals: P(alive) and expected purchases from a fitted BG/NBD
 * or Pareto/NBD model (the value module), read off an account's order history as of a date.
 *
 * @module
 */
import { fail } from '../../shared/errors.js';
import { daysBetween, epochDay, formatDay, tryInstant } from '../../shared/dates.js';
import {
  expectedPurchases,
  probabilityAlive,
  type TimeUnit,
  type TransactionModelParameters,
} from '../../value/index.js';
import type { ChurnSignalName } from './churnSignalCatalogue.js';

/**
 * `deriveSignals`' `lifetime` option: a purchase-count model fitted on the agency's accounts (see
 * `fitBgNbd`), the time unit it was fitted in, and the forecast horizon of `expectedPurchases`.
 * @category Churn
 */
export interface LifetimeSignalOptions {
  /** From `fitBgNbd` or `fitParetoNbd`, or stored parameters with `kind`. */
  readonly transactionModel: TransactionModelParameters;
  /** The time unit the model was fitted in (as `summarizeTransactions`' `unit`). */
  readonly unit: TimeUnit;
  /** Forecast horizon of the `expectedPurchases` signal, in days; default 90. */
  readonly horizonDays?: number | undefined;
}

const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7, months: 365.25 / 12 };
const NAMES = ['probabilityAlive', 'expectedPurchases'] as const satisfies readonly ChurnSignalName[];

/** Where `deriveSignals` keeps its readings. */
interface SignalSink {
  set(name: ChurnSignalName, value: number | undefined, evidence: Record<string, unknown>, reason: string): void;
}

/**
 * Sets `probabilityAlive` and `expectedPurchases` from the orders on record up to `asOf`: one
 * purchase occasion per UTC day, frequency = occasions after the first, recency and T from the
 * first, in the model's unit (the conventions of `summarizeTransactions`). Unknown without a model
 * or without orders.
 */
export function setLifetimeSignals(
  sink: SignalSink,
  orders: readonly { readonly date: string | Date }[] | undefined,
  asOf: number,
  option: LifetimeSignalOptions | undefined,
): void {
  const unknown = (reason: string) => NAMES.forEach((name) => sink.set(name, undefined, {}, reason));
  if (option === undefined) return unknown('no lifetime model given (options.lifetime)');
  if (orders === undefined) return unknown('no order history');
  const days = [
    ...new Set(orders.map((order) => epochDay(tryInstant(order.date)!)).filter((day) => day <= epochDay(asOf))),
  ].sort((a, b) => a - b);
  const first = days[0];
  if (first === undefined) return unknown('no order on record before asOf');
  const unitDays = UNIT_DAYS[option.unit];
  const last = days[days.length - 1]!;
  const customer = {
    frequency: days.length - 1,
    recency: (last - first) / unitDays,
    T: daysBetween(first * 86_400_000, asOf) / unitDays,
  };
  const horizonDays = option.horizonDays ?? 90;
  const evidence = {
    ...customer,
    unit: option.unit,
    firstOrder: formatDay(first * 86_400_000),
    lastOrder: formatDay(last * 86_400_000),
    model: option.transactionModel.kind,
  };
  sink.set('probabilityAlive', probabilityAlive(option.transactionModel, customer), evidence, '');
  sink.set(
    'expectedPurchases',
    expectedPurchases(option.transactionModel, customer, horizonDays / unitDays),
    { ...evidence, horizonDays },
    '',
  );
}

/** Reads the option once, so a bad model fails the call, not one signal. */
export function readLifetimeSignalOptions(value: unknown): LifetimeSignalOptions | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null)
    fail('lifetime', 'an object { transactionModel, unit, horizonDays? }', value, 'deriveSignals', 'invalid_type');
  const option = value as LifetimeSignalOptions;
  if (!Object.prototype.hasOwnProperty.call(UNIT_DAYS, option.unit))
    fail('lifetime.unit', 'one of "days", "weeks", "months"', option.unit, 'deriveSignals');
  const horizon = option.horizonDays;
  if (horizon !== undefined && (typeof horizon !== 'number' || !(horizon >= 0) || !Number.isFinite(horizon)))
    fail('lifetime.horizonDays', 'a number of days ≥ 0', horizon, 'deriveSignals', 'out_of_range');
  try {
    // orders are dated, not discrete opportunities: BG/BB does not apply here
    if ((option.transactionModel as { kind?: unknown } | null)?.kind === 'bg-bb')
      throw new Error('discrete-time model');
    // checks the model's kind and parameters with a history every model accepts
    probabilityAlive(option.transactionModel, { frequency: 0, recency: 0, T: 1 });
  } catch {
    fail(
      'lifetime.transactionModel',
      'a model from fitBgNbd or fitParetoNbd (kind and positive parameters)',
      option.transactionModel,
      'deriveSignals',
      'not_a_model',
    );
  }
  return option;
}
