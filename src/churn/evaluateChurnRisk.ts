import { readInstant } from '../shared/dates.js';
import { defaultChurnRuleSet } from './presets/defaultChurnRuleSet.js';
import { compiledRuleSetOf } from './rules/defineRuleSet.js';
import type { RuleSetLike } from './rules/ruleSetModel.js';
import {
  decideSlots,
  outcomeEntries,
  type DecidedRules,
  type RuleAlert,
  type RuleEvaluation,
  type UndecidedRule,
} from './rules/evaluateRules.js';
import { TRUE, UNKNOWN, type CompiledNode } from './rules/compileCondition.js';
import type { ChurnRule } from './rules/ruleSetModel.js';
import type { OutcomeContext } from './rules/ruleOutcomes.js';
import { resolveRuleSet } from './rules/resolveRuleSet.js';
import {
  deriveWithReadings,
  type ChurnContactStandard,
  type DerivedSignals,
  type ChurnSignalReading,
  type TierPolicyLike,
} from './signals/deriveSignals.js';
import type { Readings } from './signals/families/index.js';
import type { AccountHistory } from './signals/accountHistorySchema.js';
import { fail } from '../shared/errors.js';
import { readLocale } from './rules/ruleOutcomes.js';
import { readInput } from '../shared/input.js';
import { asResultClass, keepState, stateGetter } from '../shared/display.js';

/**
 * A fired rule for one account: the rule's alert plus a stable `key` (`accountId::ruleId`) for
 * diffing runs, and the readings (with their evidence) of the signals that decided it.
 * @category Churn
 */
export interface ChurnAlert extends RuleAlert {
  readonly key: string;
  readonly accountId: string;
  readonly signals: readonly ChurnSignalReading[];
}

/**
 * What {@link evaluateChurnRisk} returns for one account.
 * @category Churn
 */
export interface ChurnRiskResult extends Omit<RuleEvaluation, 'alerts' | 'undecided'> {
  readonly accountId: string;
  readonly asOf: string;
  /** Fired rules, in rule-set order, with evidence and messages in both languages. */
  readonly alerts: readonly ChurnAlert[];
  /** Rules that could not be decided, with the signals that were missing. */
  readonly undecided: readonly (UndecidedRule & { readonly key: string })[];
  /** The derived signals the rules were evaluated on. */
  readonly signals: DerivedSignals;
}

/**
 * Options of {@link evaluateChurnRisk}.
 * @category Churn
 */
export interface EvaluateChurnRiskOptions {
  readonly asOf: string | Date;
  /** The rules to apply (default: `defaultChurnRuleSet`). */
  readonly ruleSet?: RuleSetLike | undefined;
  readonly tierPolicy?: TierPolicyLike | undefined;
  readonly contactStandard?: ChurnContactStandard | undefined;
  /**
   * A BCP 47 locale (`'de'`, `'zh-CN'`): each alert then also carries `text`, its message in that
   * locale as the rule set's labels provide it (`en` the fallback).
   */
  readonly locale?: string | undefined;
}

/**
 * Evaluates an account's churn risk: derives its signals as of `asOf` and applies a rule set,
 * returning alerts with evidence and messages, the risk (sum of fired points) and the level.
 *
 * Seed 000: churn always shows signs first, and winning a new client costs about five times
 * keeping one, so warn early; seed 003: the causes of key-account loss.
 *
 * @throws {ValidationError} when the history, `asOf` or the rule set is invalid.
 * @example
 * ```ts
 * import { evaluateChurnRisk } from 'clientele';
 * const result = evaluateChurnRisk(
 *   {
 *     id: 'ACME',
 *     relationship: { accountManager: 'Li', managerLeftAt: '2026-09-30', handoverAt: null, internalContacts: 1 },
 *   },
 *   { asOf: '2026-11-01' },
 * );
 * [result.fired, result.level]; // ['manager-left-no-handover', 'single-threaded'] 'critical'
 * result.alerts[0]?.message['zh-CN']; // '客户经理已离职，尚未完成客户关系对接。'
 * ```
 * @category Churn
 */
export function evaluateChurnRisk(history: AccountHistory | unknown, given: EvaluateChurnRiskOptions): ChurnRiskResult {
  return evaluatePrepared(history, prepareChurnRisk(given, 'evaluateChurnRisk'));
}

/** What {@link evaluateChurnRisk} reads from its options, read once (once per run for the batch forms). */
export interface PreparedChurnRisk {
  readonly model: ReturnType<typeof resolveRuleSet>['model'];
  readonly compiled: NonNullable<ReturnType<typeof compiledRuleSetOf>>;
  readonly asOf: number;
  readonly locale: ReturnType<typeof readLocale>;
  readonly tierPolicy: TierPolicyLike | undefined;
  readonly contactStandard: ChurnContactStandard | undefined;
}

/** Reads and checks the options once: the snapshot, `asOf`, the rule set, the locale. */
export function prepareChurnRisk(given: EvaluateChurnRiskOptions, caller: string): PreparedChurnRisk {
  const options = readInput(given, 'options', caller);
  if (typeof options !== 'object' || options === null) fail('options', 'an options object with asOf', options, caller);
  const { model, compiled } =
    options.ruleSet === undefined
      ? { model: defaultChurnRuleSet, compiled: compiledRuleSetOf(defaultChurnRuleSet)! }
      : resolveRuleSet(options.ruleSet, caller);
  const asOf = readInstant(options.asOf, 'asOf', caller);
  const locale = readLocale(options.locale, caller);
  return { model, compiled, asOf, locale, tierPolicy: options.tierPolicy, contactStandard: options.contactStandard };
}

/** One account's churn risk under prepared options. */
export function evaluatePrepared(history: AccountHistory | unknown, prepared: PreparedChurnRisk): ChurnRiskResult {
  const { model, compiled, asOf } = prepared;
  // the options snapshot read once, and asOf parsed once (deriveSignals' own reading of them skipped)
  const [signals, readings] = deriveWithReadings(
    history,
    { tierPolicy: prepared.tierPolicy, contactStandard: prepared.contactStandard },
    asOf,
  );
  const slots = new Array<unknown>(compiled.slotNames.length);
  readings.fillSlots(compiled.slotIndex, slots);
  const outcomes = new Uint8Array(model.rules.length);
  const decided = decideSlots(compiled, slots, asOf, model, outcomes);
  // the entries carry the account's key (and the alerts its readings) from the start: one object each
  const context: OutcomeContext = {
    slots,
    asOf,
    slotIndex: compiled.slotIndex,
    locale: prepared.locale,
    account: { id: signals.accountId, signalsOf: (evidence) => readingsOf(evidence, readings) },
    // what an alert keeps for its message: not the readings
    messages: { slots, slotIndex: compiled.slotIndex, locale: prepared.locale },
  };
  return new RiskResult(signals, decided, context, compiled.trees, model.rules, outcomes);
}

/** What a churn result's lists are built from, and the lists once built. */
interface ChurnLists {
  readonly context: OutcomeContext;
  readonly trees: readonly CompiledNode[];
  readonly rules: readonly ChurnRule[];
  /** Each rule's outcome, as decided. */
  readonly outcomes: Uint8Array;
  alerts: readonly ChurnAlert[] | undefined;
  undecided: readonly ChurnUndecided[] | undefined;
}

type ChurnUndecided = UndecidedRule & { readonly key: string };

const ALERT_LIST = /* @__PURE__ */ stateGetter<ChurnLists>(
  (lists) =>
    (lists.alerts ??= outcomeEntries(TRUE, lists.context, lists.trees, lists.rules, lists.outcomes) as ChurnAlert[]),
);
const UNDECIDED_LIST = /* @__PURE__ */ stateGetter<ChurnLists>(
  (lists) =>
    (lists.undecided ??= outcomeEntries(
      UNKNOWN,
      lists.context,
      lists.trees,
      lists.rules,
      lists.outcomes,
    ) as ChurnUndecided[]),
);

/**
 * A churn risk result: own enumerable fields in the order of {@link ChurnRiskResult} (so JSON, keys
 * and equality are those of the plain record), `alerts` and `undecided` as own enumerable getters
 * shared by every result (built when first read, from the state kept under `RESULT_STATE`), frozen,
 * on a prototype that holds only the notebook display. One class, so every result has one shape.
 */
class ChurnRiskResultObject {
  declare readonly accountId: string;
  declare readonly asOf: string;
  declare readonly ruleSet: DecidedRules['ruleSet'];
  declare readonly risk: DecidedRules['risk'];
  declare readonly possibleRisk: DecidedRules['possibleRisk'];
  declare readonly maxRisk: DecidedRules['maxRisk'];
  declare readonly decidedShare: DecidedRules['decidedShare'];
  declare readonly level: DecidedRules['level'];
  declare readonly fired: DecidedRules['fired'];
  declare readonly unknown: DecidedRules['unknown'];
  declare readonly clear: DecidedRules['clear'];
  declare readonly alerts: readonly ChurnAlert[];
  declare readonly undecided: readonly ChurnUndecided[];
  declare readonly signals: DerivedSignals;

  constructor(
    signals: DerivedSignals,
    decided: DecidedRules,
    context: OutcomeContext,
    trees: readonly CompiledNode[],
    rules: readonly ChurnRule[],
    outcomes: Uint8Array,
  ) {
    const lists: ChurnLists = { context, trees, rules, outcomes, alerts: undefined, undecided: undefined };
    keepState(this, lists);
    const self = this as { -readonly [K in keyof ChurnRiskResult]: ChurnRiskResult[K] };
    self.accountId = signals.accountId;
    self.asOf = signals.asOf;
    self.ruleSet = decided.ruleSet;
    self.risk = decided.risk;
    self.possibleRisk = decided.possibleRisk;
    self.maxRisk = decided.maxRisk;
    self.decidedShare = decided.decidedShare;
    self.level = decided.level;
    self.fired = decided.fired;
    self.unknown = decided.unknown;
    self.clear = decided.clear;
    Object.defineProperty(this, 'alerts', ALERT_LIST);
    Object.defineProperty(this, 'undecided', UNDECIDED_LIST);
    self.signals = signals;
    Object.freeze(this);
  }
}

const RiskResult = /* @__PURE__ */ asResultClass(ChurnRiskResultObject, 'Churn risk');

/** The readings (with their evidence) of the signals a rule's evidence names, in first-use order. */
function readingsOf(evidence: readonly { signal: string }[], readings: Readings): readonly ChurnSignalReading[] {
  const seen: string[] = [];
  const found: ChurnSignalReading[] = [];
  for (const item of evidence) {
    if (seen.includes(item.signal)) continue;
    seen.push(item.signal);
    const reading = readings.reading(item.signal);
    if (reading !== undefined) found.push(reading);
  }
  return Object.freeze(found);
}
