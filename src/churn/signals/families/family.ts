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
  readonly labels?: Labels | undefined;
  readonly contact?:
    | { readonly visitEveryDays?: Numeric | null | undefined; readonly callEveryDays?: Numeric | null | undefined }
    | null
    | undefined;
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

/** The readings each frozen values object was made from (see {@link readingsBehind}). */
const behind = /* @__PURE__ */ new WeakMap<object, Readings>();

/**
 * The readings a signal record was made from, when it is a `DerivedSignals.values` object of this
 * library (frozen, so it still holds exactly what they hold): `evaluateRules` then fills its slots
 * from them instead of walking the record's keys. `undefined` for any other record.
 */
export function readingsBehind(record: object): Readings | undefined {
  return behind.get(record);
}

/** Where a family writes its signals. */
export class Readings {
  /**
   * Per signal, in first-set order, four slots: name, value, evidence, reason (why it is unknown).
   * One list, sized for the catalogue's signals up front, so a derivation allocates it once.
   */
  private readonly parts: unknown[] = new Array<unknown>(4 * 40);
  /** How many signals `parts` holds. */
  private count = 0;
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
    // a name set again keeps its first place (a family sets each of its names once: few look back)
    let at = this.indexOf(name);
    if (at < 0) at = this.count++;
    const parts = this.parts;
    parts[4 * at] = name;
    parts[4 * at + 1] = value;
    parts[4 * at + 2] = evidence;
    parts[4 * at + 3] = reason;
  }

  /** The position of signal `name`, or -1. */
  private indexOf(name: string): number {
    const parts = this.parts;
    for (let at = 0; at < this.count; at++) if (parts[4 * at] === name) return at;
    return -1;
  }

  /** The value set for `name` so far: `null` when unknown, `undefined` when not set (yet). */
  value(name: ChurnSignalName): ChurnSignalValue | null | undefined {
    const at = this.indexOf(name);
    return at < 0 ? undefined : (this.parts[4 * at + 1] as ChurnSignalValue | null);
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
      const parts = this.parts;
      const out: Record<string, ChurnSignalValue | null> = {};
      for (let at = 0; at < this.count; at++)
        out[parts[4 * at] as string] = parts[4 * at + 1] as ChurnSignalValue | null;
      this.valueObject = Object.freeze(out);
      behind.set(this.valueObject, this);
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
    const parts = this.parts;
    for (let at = 0; at < this.count; at++) {
      const slot = slotIndex[parts[4 * at] as string];
      if (slot !== undefined) slots[slot] = parts[4 * at + 1];
    }
  }

  /** The readings built so far, by position: a reading is built once, whoever asks first. */
  private built: (ChurnSignalReading | undefined)[] | undefined;

  /** The reading of the signal at `at`, built on first call and kept. */
  private readingAt(at: number): ChurnSignalReading {
    const built = (this.built ??= []);
    let reading = built[at];
    if (reading === undefined) {
      const parts = this.parts;
      const value = parts[4 * at + 1] as ChurnSignalValue | null;
      reading = Object.freeze({
        name: parts[4 * at] as ChurnSignalName,
        known: value !== null,
        value,
        evidence: Object.freeze(parts[4 * at + 2] as Record<string, unknown>),
        reason: parts[4 * at + 3] as string | undefined,
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
    const at = this.indexOf(name);
    return at < 0 ? undefined : this.readingAt(at);
  }

  /**
   * Each signal's reading with its evidence, frozen, in a frozen object: built on first call (then
   * kept), since bulk runs read the values and seldom the readings (a frozen object per signal and
   * account is most of the garbage).
   */
  readings(): Readonly<Record<string, ChurnSignalReading>> {
    if (this.readingObject === undefined) {
      const readings: Record<string, ChurnSignalReading> = {};
      for (let at = 0; at < this.count; at++) readings[this.parts[4 * at] as string] = this.readingAt(at);
      this.readingObject = Object.freeze(readings);
    }
    return this.readingObject;
  }

  private readingObject: Readonly<Record<string, ChurnSignalReading>> | undefined;
}

/**
 * One family of churn signals: reads its part of the history and writes its signals (known or
 * unknown with a reason) into `out`. Families run in catalogue order; a later family may read an
 * earlier one's values with `out.value(name)`.
 */
export type SignalFamily = (out: Readings, history: ParsedHistory, context: SignalContext) => void;

/** The instant of a date the schema already validated (a plain `YYYY-MM-DD` is read by its digits). */
export function instant(value: string | Date): number {
  return tryInstant(value)!;
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
