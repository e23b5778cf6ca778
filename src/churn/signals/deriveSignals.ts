import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { toDecimal, type Numeric } from '../../shared/numeric.js';
import { parseInPlace } from '../../shared/schema.js';
import { formatDay, monthIndexOf, readInstant } from '../../shared/dates.js';
import { accountHistorySchema, type AccountHistory } from './accountHistorySchema.js';
import type { ChurnSignalName } from './churnSignalCatalogue.js';
import { readHistoryFast } from './readHistoryFast.js';
import { readLifetimeSignalOptions, type LifetimeSignalOptions } from './lifetimeSignals.js';
import {
  instant,
  Readings,
  type ChurnSignalReading,
  type ChurnSignalValue,
  type KeyAccountListLike,
  type SignalContext,
  type TierPolicyLike,
} from './families/family.js';
import { signalFamilies } from './families/index.js';
import { readInput } from '../../shared/input.js';
import { asResultClass, keepState, stateGetter } from '../../shared/display.js';

export type {
  ChurnSignalReading,
  ChurnSignalValue,
  KeyAccountListLike,
  TierLike,
  TierPolicyLike,
} from './families/family.js';

/**
 * An explicit contact standard: visit at least every `visitEveryDays`, call every `callEveryDays`.
 * Seed 003 (第6篇): 水晶 key accounts twice a quarter (≈ 45 days) and a call a month (≈ 30 days);
 * A/A+ commercial accounts once a quarter (≈ 91 days) and a call a month.
 * @category Churn
 */
export interface ChurnContactStandard {
  readonly visitEveryDays?: Numeric | undefined;
  readonly callEveryDays?: Numeric | undefined;
}

/**
 * Options of {@link deriveSignals}.
 * @category Churn
 */
export interface DeriveSignalsOptions {
  /** The date the signals describe; events after it are ignored. */
  readonly asOf: string | Date;
  /** Tier policy giving each account its contact standard by average monthly spend. */
  readonly tierPolicy?: TierPolicyLike | undefined;
  /**
   * The annual key-account list (value module, `fixKeyAccountList`): for an account it lists, the
   * tier fixed for the list's period replaces the tier of its last three months' spend (seed 003).
   */
  readonly keyAccountList?: KeyAccountListLike | undefined;
  /** An explicit contact standard; takes precedence over the tier policy's. */
  readonly contactStandard?: ChurnContactStandard | undefined;
  /** A fitted purchase-count model: derives `probabilityAlive` and `expectedPurchases` from the orders. */
  readonly lifetime?: LifetimeSignalOptions | undefined;
}

/**
 * What {@link deriveSignals} returns: the flat `values` record to evaluate rules on, and a reading
 * per signal with its evidence.
 * @category Churn
 */
export interface DerivedSignals {
  readonly accountId: string;
  readonly asOf: string;
  /** Signal name → value, `null` when unknown: pass this to `evaluateRules`. */
  readonly values: Readonly<Record<ChurnSignalName, ChurnSignalValue | null>>;
  readonly readings: Readonly<Record<ChurnSignalName, ChurnSignalReading>>;
  /** Names of the signals that are unknown, in catalogue order. */
  readonly unknown: readonly ChurnSignalName[];
}

/**
 * Derives the churn signals of SPEC §3 from an account's history as of a date, each with the
 * evidence it came from. A signal whose data is missing is unknown (`null`), never a made-up value.
 *
 * Windows: the "recent" months are the three full calendar months before `asOf`'s month; the
 * baseline the three before those; year on year the same three months a year earlier. Seeds: 000
 * (signs before churn, 人走客户走, 单线联络, complaint handling), 003 (causes of key-account loss,
 * contact standards per tier).
 *
 * @param history - An account history (see `accountHistorySchema`).
 * @param options - `asOf`, and a tier policy or an explicit contact standard.
 * @throws {ValidationError} when the history or `asOf` is invalid.
 * @example
 * ```ts
 * import { deriveSignals } from 'clientele';
 * const signals = deriveSignals(
 *   { id: 'ACME', spend: [
 *     { period: '2026-05', amount: 100 }, { period: '2026-06', amount: 100 }, { period: '2026-07', amount: 100 },
 *     { period: '2026-08', amount: 60 }, { period: '2026-09', amount: 60 }, { period: '2026-10', amount: 60 },
 *   ] },
 *   { asOf: '2026-11-01' },
 * );
 * [signals.values.spendChange?.toString(), signals.values.openComplaints]; // '-0.4' null
 * ```
 * @category Churn
 */
export function deriveSignals(history: AccountHistory | unknown, given: DeriveSignalsOptions): DerivedSignals {
  const options = readInput(given, 'options', 'deriveSignals');
  if (typeof options !== 'object' || options === null)
    fail('options', 'an options object with asOf', options, 'deriveSignals');
  return deriveFromOptions(history, options, readInstant(options.asOf, 'asOf', 'deriveSignals'));
}

/**
 * {@link deriveSignals} on options already read once (a plain snapshot) and `asOf` already parsed:
 * what `evaluateChurnRisk` calls, so an account's options and date are read once, not twice.
 */
export function deriveFromOptions(
  history: AccountHistory | unknown,
  options: { readonly [K in Exclude<keyof DeriveSignalsOptions, 'asOf'>]?: DeriveSignalsOptions[K] | undefined },
  asOf: number,
): DerivedSignals {
  return deriveWithReadings(history, options, asOf)[0];
}

/**
 * {@link deriveFromOptions}, and the readings it was built from: `evaluateChurnRisk` reads an
 * alert's few readings there (`Readings.reading`) without building every signal's.
 */
export function deriveWithReadings(
  history: AccountHistory | unknown,
  options: { readonly [K in Exclude<keyof DeriveSignalsOptions, 'asOf'>]?: DeriveSignalsOptions[K] | undefined },
  asOf: number,
): readonly [DerivedSignals, Readings] {
  const parsed = readHistoryFast(history) ?? parseInPlace(accountHistorySchema, history, 'deriveSignals');
  const standard = readStandard(options.contactStandard);
  const context: SignalContext = {
    asOf,
    lastFullMonth: monthIndexOf(asOf) - 1,
    since: parsed.since === undefined ? undefined : instant(parsed.since),
    tierPolicy: options.tierPolicy,
    keyAccountList: readKeyAccountList(options.keyAccountList),
    standard,
    lifetime: readLifetimeSignalOptions(options.lifetime),
  };
  const out = new Readings();
  for (const family of signalFamilies) family(out, parsed, context);
  return [new Derived(parsed.id, formatDay(asOf), out), out];
}

const VALUES = /* @__PURE__ */ stateGetter<Readings>((readings) => readings.values());
const READINGS = /* @__PURE__ */ stateGetter<Readings>((readings) => readings.readings());

/**
 * Derived signals: own enumerable fields in the order of {@link DerivedSignals}, `values` and
 * `readings` own getters shared by every instance (built when first read, from the readings kept
 * under `RESULT_STATE`: bulk runs read the values, seldom the evidence; `evaluateChurnRisk` reads
 * neither), frozen, on a prototype that holds only the notebook display.
 */
class DerivedSignalsObject {
  declare readonly accountId: string;
  declare readonly asOf: string;
  declare readonly values: DerivedSignals['values'];
  declare readonly readings: DerivedSignals['readings'];
  declare readonly unknown: DerivedSignals['unknown'];

  constructor(accountId: string, asOf: string, readings: Readings) {
    keepState(this, readings);
    const self = this as { -readonly [K in keyof DerivedSignals]: DerivedSignals[K] };
    self.accountId = accountId;
    self.asOf = asOf;
    Object.defineProperty(this, 'values', VALUES);
    Object.defineProperty(this, 'readings', READINGS);
    self.unknown = Object.freeze(readings.unknown);
    Object.freeze(this);
  }
}

const Derived = /* @__PURE__ */ asResultClass(DerivedSignalsObject, 'Derived signals');

function readStandard(standard: ChurnContactStandard | undefined): {
  visit: Decimal | undefined;
  call: Decimal | undefined;
} {
  if (standard === undefined) return { visit: undefined, call: undefined };
  if (typeof standard !== 'object' || standard === null)
    fail('contactStandard', 'an object { visitEveryDays?, callEveryDays? }', standard, 'deriveSignals', 'invalid_type');
  const read = (value: Numeric | undefined, path: string): Decimal | undefined => {
    if (value === undefined) return undefined;
    const days = toDecimal(value, path);
    if (!days.isPositive() || days.isZero()) fail(path, 'a number of days > 0', value, 'deriveSignals');
    return days;
  };
  return {
    visit: read(standard.visitEveryDays, 'contactStandard.visitEveryDays'),
    call: read(standard.callEveryDays, 'contactStandard.callEveryDays'),
  };
}

function readKeyAccountList(list: KeyAccountListLike | undefined): KeyAccountListLike | undefined {
  if (list === undefined) return undefined;
  if (typeof list !== 'object' || list === null || typeof list.tierOf !== 'function') {
    fail(
      'keyAccountList',
      'a key-account list from fixKeyAccountList (an object with tierOf)',
      list,
      'deriveSignals',
      'not_a_model',
    );
  }
  return list;
}
