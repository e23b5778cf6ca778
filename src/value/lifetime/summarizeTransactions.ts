import type { Decimal } from 'decimal.js';
import { readInput, readingInput } from '../../shared/input.js';
import { isIterable, readId, toRecordError, type RecordError } from '../../shared/batch.js';
import { fail } from '../../shared/errors.js';
import { epochDay, formatDay, readInstant, type DateInput } from '../../shared/dates.js';
import { ExactDecimal, ZERO, toDecimal } from '../../shared/numeric.js';

/**
 * The time unit of a summary: `'days'`, `'weeks'` (7 days) or `'months'` (365.25/12 = 30.4375 days).
 * @category Lifetime value
 */
export type TimeUnit = 'days' | 'weeks' | 'months';

const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7, months: 365.25 / 12 };

/**
 * Options of {@link summarizeTransactions}.
 * @category Lifetime value
 */
export interface SummarizeTransactionsOptions {
  /** End of observation (inclusive, by UTC calendar day); later transactions are left out. */
  readonly asOf: DateInput;
  /** Time unit of `recency` and `T`; default `'days'`. */
  readonly unit?: TimeUnit | undefined;
  /** Field holding the customer id; default `'customerId'`. */
  readonly idField?: string | undefined;
  /** Field holding the transaction date; default `'date'`. */
  readonly dateField?: string | undefined;
  /** Field holding the transaction value; default `'amount'` (a missing amount counts as 0). */
  readonly amountField?: string | undefined;
  /**
   * End of a hold-out period after `asOf` (inclusive): each customer's purchases in it are counted
   * in `holdout`, to compare a model's forecast with what happened. Later transactions are left out.
   */
  readonly holdoutEnd?: DateInput | undefined;
}

/**
 * What a customer bought in the hold-out period (after `asOf`, up to `holdoutEnd`).
 * @category Lifetime value
 */
export interface HoldoutSummary {
  /** Purchase occasions (distinct days) in the period. */
  readonly frequency: number;
  /** Their total value. */
  readonly value: Decimal;
  /** Length of the period, in the unit. */
  readonly duration: number;
}

/**
 * One customer's summary, ready for {@link fitBgNbd}, {@link fitParetoNbd} and {@link fitGammaGamma}.
 * @category Lifetime value
 */
export interface CustomerSummary {
  readonly id: string;
  /** Repeat purchase occasions: distinct purchase days after the first. */
  readonly frequency: number;
  /** First to last purchase day, in the unit. */
  readonly recency: number;
  /** First purchase day to `asOf`, in the unit. */
  readonly T: number;
  /** Mean value of the repeat purchase days (each day's amounts summed); 0 without repeat purchases. */
  readonly monetaryValue: Decimal;
  /** Value of all purchases up to `asOf`, the first included. */
  readonly totalValue: Decimal;
  /** `YYYY-MM-DD` of the first and the last purchase. */
  readonly firstPurchase: string;
  readonly lastPurchase: string;
  /** Purchases after `asOf`, when `holdoutEnd` is given. */
  readonly holdout?: HoldoutSummary | undefined;
}

/**
 * What {@link summarizeTransactions} returns: one summary per customer (in order of first
 * appearance in the log), the transactions it could not read, and how many fell after `asOf`.
 * @category Lifetime value
 */
export interface TransactionSummary {
  readonly results: CustomerSummary[];
  readonly errors: RecordError[];
  readonly unit: TimeUnit;
  readonly asOf: string;
  /** Transactions dated after `asOf` (after `holdoutEnd` when given), left out. */
  readonly afterAsOf: number;
  /** With `holdoutEnd`: customers whose first purchase falls in the hold-out period (not in `results`). */
  readonly newInHoldout: number;
}

interface Accumulator {
  readonly id: string;
  readonly days: Map<number, Decimal>;
  readonly holdoutDays: Map<number, Decimal>;
}

/**
 * Turns a transaction log into the per-customer summary the lifetime-value models read
 * (frequency, recency, T, mean repeat spend) as of a date, in days, weeks or months.
 *
 * Conventions are those of Fader & Hardie's CDNOW analyses (and of the lifetimes package): all
 * purchases on one UTC calendar day are one purchase occasion, their amounts summed; `frequency`
 * is the number of occasions after the first; `recency` and `T` are measured from the first
 * occasion, in whole days divided by the unit's length; `monetaryValue` is the mean of the repeat
 * occasions' values (the first purchase is left out, as the Gamma-Gamma model expects). Built from
 * the CDNOW transaction log with `asOf: '1997-09-30'` in weeks it reproduces the published
 * 39-week calibration summary.
 *
 * @param transactions - Records `{ customerId, date, amount? }` (field names configurable); any iterable.
 * @param options - `asOf` (required), `unit`, field names, and `holdoutEnd` for a calibration/hold-out split.
 * @returns `{ results, errors, unit, asOf, afterAsOf, newInHoldout }`; a bad transaction (no id, a bad date or amount)
 *   is reported in `errors` with its index and never stops the others.
 * @throws {ValidationError} for bad options or a non-iterable log.
 * @example
 * ```ts
 * import { summarizeTransactions } from 'clientele/value';
 * const { results } = summarizeTransactions(
 *   [
 *     { customerId: 'acme', date: '2026-01-05', amount: 100 },
 *     { customerId: 'acme', date: '2026-01-05', amount: 20 },
 *     { customerId: 'acme', date: '2026-02-02', amount: 80 },
 *     { customerId: 'acme', date: '2026-03-02', amount: 120 },
 *   ],
 *   { asOf: '2026-03-30', unit: 'weeks' },
 * );
 * results[0]; // frequency 2, recency 8, T 12, monetaryValue 100
 * ```
 * @category Lifetime value
 */
export function summarizeTransactions(
  transactions: Iterable<unknown>,
  givenOptions: SummarizeTransactionsOptions,
): TransactionSummary {
  const context = 'summarizeTransactions';
  const settings = readSettings(transactions, givenOptions, context);
  const { customers, errors, afterAsOf } = accumulate(transactions, settings, context);
  const results: CustomerSummary[] = [];
  let newInHoldout = 0;
  for (const customer of customers.values()) {
    if (customer.days.size === 0) newInHoldout += 1;
    else results.push(summarize(customer, settings));
  }
  return { results, errors, unit: settings.unit, asOf: formatDay(settings.asOf), afterAsOf, newInHoldout };
}

/** The options read and checked, with the calibration and hold-out ends as epoch days. */
interface Settings {
  readonly asOf: number;
  readonly unit: TimeUnit;
  readonly unitDays: number;
  readonly idField: string;
  readonly dateField: string;
  readonly amountField: string;
  readonly lastDay: number;
  /** Equal to `lastDay` without a hold-out. */
  readonly holdoutLastDay: number;
  readonly holdout: boolean;
}

function readSettings(transactions: unknown, givenOptions: unknown, context: string): Settings {
  const options = readInput(givenOptions as SummarizeTransactionsOptions, 'options', context);
  if (typeof options !== 'object' || options === null) fail('options', 'an options object with asOf', options, context);
  const asOf = readInstant(options.asOf, 'options.asOf', context);
  const unit = options.unit ?? 'days';
  if (typeof unit !== 'string' || !Object.prototype.hasOwnProperty.call(UNIT_DAYS, unit))
    fail('options.unit', 'one of "days", "weeks", "months"', unit, context);
  const idField = readFieldName(options.idField, 'customerId', 'options.idField', context);
  const dateField = readFieldName(options.dateField, 'date', 'options.dateField', context);
  const amountField = readFieldName(options.amountField, 'amount', 'options.amountField', context);
  if (!isIterable(transactions)) fail('transactions', 'an iterable of transaction records', transactions, context);
  const lastDay = epochDay(asOf);
  const holdout = options.holdoutEnd !== undefined;
  const holdoutLastDay = holdout ? epochDay(readInstant(options.holdoutEnd, 'options.holdoutEnd', context)) : lastDay;
  if (holdoutLastDay <= lastDay && holdout)
    fail('options.holdoutEnd', 'a date after options.asOf', options.holdoutEnd, context, 'inconsistent');
  const unitDays = UNIT_DAYS[unit];
  return { asOf, unit, unitDays, idField, dateField, amountField, lastDay, holdoutLastDay, holdout };
}

/** Every transaction's amount added to its customer's day; bad transactions become RecordErrors. */
function accumulate(
  transactions: Iterable<unknown>,
  settings: Settings,
  context: string,
): { customers: Map<string, Accumulator>; errors: RecordError[]; afterAsOf: number } {
  const { idField, dateField, amountField, lastDay, holdoutLastDay } = settings;
  const customers = new Map<string, Accumulator>();
  const errors: RecordError[] = [];
  let afterAsOf = 0;
  let index = 0;
  // a source whose iteration itself throws (a generator, a proxy) is unreadable as a whole
  const source = readingInput('transactions', context, () => transactions[Symbol.iterator]());
  const next = (): IteratorResult<unknown> => readingInput(`transactions[${index}]`, context, () => source.next());
  for (let step = next(); step.done !== true; step = next()) {
    const record = step.value;
    const id = readId(record, idField);
    try {
      if (typeof record !== 'object' || record === null) fail('', 'a transaction record', record, context);
      if (id === undefined || id === '')
        fail(idField, 'a customer id (string or number)', (record as Record<string, unknown>)[idField], context);
      const fields = record as Record<string, unknown>;
      const day = epochDay(readInstant(own(fields, dateField), dateField, context));
      const rawAmount = own(fields, amountField);
      const amount = rawAmount === undefined ? ZERO : toDecimal(rawAmount, amountField);
      if (day > holdoutLastDay) {
        afterAsOf += 1;
      } else {
        let customer = customers.get(id);
        if (customer === undefined) {
          customer = { id, days: new Map(), holdoutDays: new Map() };
          customers.set(id, customer);
        }
        const days = day > lastDay ? customer.holdoutDays : customer.days;
        const before = days.get(day);
        days.set(day, before === undefined ? amount : before.plus(amount));
      }
    } catch (error) {
      errors.push(toRecordError(error, index, id));
    }
    index += 1;
  }
  return { customers, errors, afterAsOf };
}

/** One customer's summary, from the days they bought on (at least one). */
function summarize(customer: Accumulator, settings: Settings): CustomerSummary {
  const { unitDays, lastDay, holdoutLastDay } = settings;
  const days = [...customer.days.keys()].sort((left, right) => left - right);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  let repeatValue = ZERO;
  for (const day of days.slice(1)) repeatValue = repeatValue.plus(customer.days.get(day)!);
  const frequency = days.length - 1;
  return Object.freeze({
    id: customer.id,
    frequency,
    recency: (last - first) / unitDays,
    T: (lastDay - first) / unitDays,
    monetaryValue: frequency === 0 ? ZERO : repeatValue.div(new ExactDecimal(frequency)),
    totalValue: repeatValue.plus(customer.days.get(first)!),
    firstPurchase: formatDay(first * 86_400_000),
    lastPurchase: formatDay(last * 86_400_000),
    ...(settings.holdout ? { holdout: holdoutOf(customer.holdoutDays, (holdoutLastDay - lastDay) / unitDays) } : {}),
  });
}

function holdoutOf(days: ReadonlyMap<number, Decimal>, duration: number): HoldoutSummary {
  let value = ZERO;
  for (const amount of days.values()) value = value.plus(amount);
  return Object.freeze({ frequency: days.size, value, duration });
}

function own(record: Record<string, unknown>, field: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, field) ? record[field] : undefined;
}

function readFieldName(value: unknown, fallback: string, path: string, context: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value === '') fail(path, 'a non-empty field name', value, context);
  return value;
}
