/**
 * What every churn signal family shares: the readings it writes into, the context of one derivation,
 * and the small helpers more than one family uses. A family is one file in this folder exporting a
 * {@link SignalFamily}; `deriveSignals` runs them in the order of `signalFamilies` (index.ts).
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { Labels } from '../../../shared/labels.js';
import { ExactDecimal, ZERO, type Numeric } from '../../../shared/numeric.js';
import { tryInstant } from '../../../shared/dates.js';
import type { accountHistorySchema } from '../accountHistorySchema.js';
import type { ChurnSignalName } from '../churnSignalCatalogue.js';
import type { LifetimeSignalOptions } from '../lifetimeSignals.js';

/** A signal value: exact decimals for money and ratios, integers for counts and days, booleans, strings for categories
 * and ISO dates. @category Churn */
export type ChurnSignalValue = Decimal | number | boolean | string;

/**
 * One derived signal: its value (or `null` when unknown), the evidence it came from, and why it is
 * unknown when it is.
 * @category Churn
 */
export interface ChurnSignalReading {
  readonly name: ChurnSignalName;
  readonly known: boolean;
  readonly value: ChurnSignalValue | null;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly reason: string | undefined;
}

/** A tier as a tier policy or a key-account list gives it: its id and contact standard. */
export interface TierLike {
  readonly tier: unknown;
  readonly labels?: Labels;
  readonly contact?: { readonly visitEveryDays?: Numeric | null; readonly callEveryDays?: Numeric | null } | null;
}

/**
 * What deriveSignals needs from a tier policy (the value module's `defineTierPolicy` result fits):
 * the tier of a monthly spend and its contact standard.
 * @category Churn
 */
export interface TierPolicyLike {
  /** The tier of an account spending `monthlySpend` a month, with its contact standard, or `null` below every tier. */
  tierFor(monthlySpend: Decimal): TierLike | null;
}

/**
 * What deriveSignals needs from the annual key-account list (the value module's
 * `fixKeyAccountList` result fits): the tier an account was given for the period holding a date.
 * @category Churn
 */
export interface KeyAccountListLike {
  /** The account's listed tier when `date` falls in the list's period; `null` when listed in no tier; `undefined` when
   * the list does not apply. */
  tierOf(accountId: string, date: string | Date): TierLike | null | undefined;
}

/** An account history after validation. */
export type ParsedHistory = ReturnType<typeof accountHistorySchema.parse>;

/** What one derivation knows besides the history. */
export interface SignalContext {
  readonly asOf: number;
  /** Month index of the last full calendar month before asOf. */
  readonly lastFullMonth: number;
  /** The account's start, when recorded. */
  readonly since: number | undefined;
  readonly tierPolicy: TierPolicyLike | undefined;
  readonly keyAccountList: KeyAccountListLike | undefined;
  readonly standard: { readonly visit: Decimal | undefined; readonly call: Decimal | undefined };
  readonly lifetime: LifetimeSignalOptions | undefined;
}

/** The evidence of a signal unknown for a reason alone (shared: evidence is frozen when read). */
const NO_EVIDENCE: Record<string, unknown> = /* @__PURE__ */ Object.freeze({});

/** Where a family writes its signals. */
export class Readings {
  /** Per signal, in first-set order: its name, value, evidence and reason (why it is unknown). */
  private readonly names: ChurnSignalName[] = [];
  private readonly valueList: (ChurnSignalValue | null)[] = [];
  private readonly evidence: Record<string, unknown>[] = [];
  private readonly reasons: (string | undefined)[] = [];
  readonly unknown: ChurnSignalName[] = [];
  known(name: ChurnSignalName, value: ChurnSignalValue, evidence: Record<string, unknown>): void {
    this.put(name, value, evidence, undefined);
  }

  missing(name: ChurnSignalName, reason: string, evidence: Record<string, unknown> = NO_EVIDENCE): void {
    this.put(name, null, evidence, reason);
    this.unknown.push(name);
  }

  /** Records a signal; a signal set again keeps its first place and takes the new parts. */
  private put(
    name: ChurnSignalName,
    value: ChurnSignalValue | null,
    evidence: Record<string, unknown>,
    reason: string | undefined,
  ): void {
    const names = this.names;
    // a name set again keeps its first place (a family sets each of its names once: few look back)
    let at = names.indexOf(name);
    if (at < 0) at = names.length;
    names[at] = name;
    this.valueList[at] = value;
    this.evidence[at] = evidence;
    this.reasons[at] = reason;
  }

  /** The value set for `name` so far: `null` when unknown, `undefined` when not set (yet). */
  value(name: ChurnSignalName): ChurnSignalValue | null | undefined {
    const at = this.names.indexOf(name);
    return at < 0 ? undefined : this.valueList[at];
  }

  set(
    name: ChurnSignalName,
    value: ChurnSignalValue | undefined,
    evidence: Record<string, unknown>,
    reason: string,
  ): void {
    if (value === undefined) this.missing(name, reason, evidence);
    else this.known(name, value, evidence);
  }

  /** Marks every one of `names` unknown for one reason. */
  allMissing(names: readonly ChurnSignalName[], reason: string): void {
    for (const name of names) this.missing(name, reason);
  }

  /**
   * Signal name → value, in first-set order, frozen: made on first call (`evaluateChurnRisk` fills
   * its rule slots with {@link Readings.fillSlots} and never needs it), then kept.
   */
  values(): Readonly<Record<string, ChurnSignalValue | null>> {
    if (this.valueObject === undefined) {
      const { names, valueList } = this;
      const out: Record<string, ChurnSignalValue | null> = {};
      for (let at = 0; at < names.length; at++) out[names[at]!] = valueList[at]!;
      this.valueObject = Object.freeze(out);
    }
    return this.valueObject;
  }

  private valueObject: Readonly<Record<string, ChurnSignalValue | null>> | undefined;

  /**
   * Writes each signal's value into `slots` at its position in `slotIndex` (every other slot
   * `undefined`): what reading {@link Readings.values} into a rule set's slots gives.
   */
  fillSlots(slotIndex: Readonly<Record<string, number>>, slots: unknown[]): void {
    slots.fill(undefined);
    const { names, valueList } = this;
    for (let at = 0; at < names.length; at++) {
      const slot = slotIndex[names[at]!];
      if (slot !== undefined) slots[slot] = valueList[at];
    }
  }

  /** The readings built so far, by position: a reading is built once, whoever asks first. */
  private built: (ChurnSignalReading | undefined)[] | undefined;

  /** The reading of the signal at `at`, built on first call and kept. */
  private readingAt(at: number): ChurnSignalReading {
    const built = (this.built ??= []);
    let reading = built[at];
    if (reading === undefined) {
      const value = this.valueList[at]!;
      reading = Object.freeze({
        name: this.names[at]!,
        known: value !== null,
        value,
        evidence: Object.freeze(this.evidence[at]!),
        reason: this.reasons[at],
      });
      built[at] = reading;
    }
    return reading;
  }

  /**
   * One signal's reading (the same object `readings()` holds), or `undefined` for a signal not
   * derived: what an alert's `signals` reads, without building the other signals' readings.
   */
  reading(name: string): ChurnSignalReading | undefined {
    const at = this.names.indexOf(name as ChurnSignalName);
    return at < 0 ? undefined : this.readingAt(at);
  }

  /**
   * Each signal's reading with its evidence, frozen: built on demand, since bulk runs read the
   * values and seldom the readings (a frozen object per signal and account is most of the garbage).
   */
  readings(): Record<string, ChurnSignalReading> {
    const readings: Record<string, ChurnSignalReading> = {};
    for (let at = 0; at < this.names.length; at++) readings[this.names[at]!] = this.readingAt(at);
    return readings;
  }
}

/**
 * One family of churn signals: reads its part of the history and writes its signals (known or
 * unknown with a reason) into `out`. Families run in catalogue order; a later family may read an
 * earlier one's values with `out.value(name)`.
 */
export type SignalFamily = (out: Readings, history: ParsedHistory, context: SignalContext) => void;

/** The number the decimal digits of `text` from `start` to `end` spell, or -1 when one is not a digit. */
export function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let at = start; at < end; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The instant of a plain `YYYY-MM-DD` date (years 1000–9999, days 1–28, which every month has), read
 * digit by digit, or `undefined` for any other text (which the shared parser then reads).
 */
export function plainDay(value: string): number | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= 28
    ? Date.UTC(year, month - 1, day)
    : undefined;
}

/** The instant of a date the schema already validated: {@link plainDay}, or the shared parser. */
export function instant(value: string | Date): number {
  return (typeof value === 'string' ? plainDay(value) : undefined) ?? tryInstant(value)!;
}

/** The mean of a non-empty list. */
export function meanOf(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), ZERO).div(values.length);
}

/** The median of a list, `undefined` when empty. */
export function median(values: readonly number[]): Decimal | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return new ExactDecimal(sorted[middle]!);
  return new ExactDecimal(sorted[middle - 1]!).plus(sorted[middle]!).div(2);
}

/** Code-point order of strings, for deterministic iteration. */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
