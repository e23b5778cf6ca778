import type { Decimal } from 'decimal.js';
import { ValidationError, fail, joinPath, makeIssue } from '../../shared/errors.js';
import type { Labels } from '../../shared/labels.js';
import type { ModelRef } from '../../shared/model.js';
import { ZERO } from '../../shared/numeric.js';
import { readInstant } from '../../shared/dates.js';
import { readingInput } from '../../shared/input.js';
import { keepState, stateGetter } from '../../shared/display.js';
import { TRUE, UNKNOWN, type CompiledNode } from './compileCondition.js';
import { explainCondition, explainUnknown, type ChurnConditionEvidence } from './explainCondition.js';
import {
  alertKey,
  messageFrom,
  readLocale,
  textFrom,
  type MessageSource,
  type OutcomeContext,
} from './ruleOutcomes.js';
import { prototypeIsClean, readSlots, resolveRuleSet } from './resolveRuleSet.js';
import { readingsBehind } from '../signals/families/family.js';
import { LEVELS, type ChurnRule, type CompiledRuleSet, type RuleSetLike } from './ruleSetModel.js';
import type { ChurnLevel, ChurnSeverity } from './ruleSetSchema.js';

/**
 * A rule that fired, with the evidence that decided it and its message filled in.
 * @category Churn
 */
export interface RuleAlert extends RuleOutcomeBase {
  readonly controllable: boolean | null;
  /**
   * The rule's message with `{signal}` placeholders filled from the values seen, in every locale
   * the rule carries (`en`, `zh-CN`, then any other). Rendered when first read (an own enumerable
   * getter, so JSON and spreads see it as data), then kept; a message without placeholders is the
   * rule's own, one frozen copy shared by every alert of the rule.
   */
  readonly message: Labels;
  /**
   * The message in the `locale` the evaluation was asked for (BCP 47 lookup, `en` the fallback);
   * `undefined` (and so absent from JSON) when no `locale` option was given. Rendered when first read,
   * then kept.
   */
  readonly text: string | undefined;
  readonly title: Labels | undefined;
}

/**
 * A rule that could not be decided because data was missing, with the signals that were missing.
 * @category Churn
 */
export interface UndecidedRule extends RuleOutcomeBase {
  /** Signals among the deciding leaves that had no value. */
  readonly missingSignals: readonly string[];
}

/**
 * What every fired or undecided rule reports: which rule, how much it weighs, why, and the
 * deciding leaf conditions with the values seen.
 * @category Churn
 */
export interface RuleOutcomeBase {
  readonly ruleId: string;
  readonly severity: ChurnSeverity;
  readonly points: Decimal;
  readonly cause: string;
  readonly evidence: readonly ChurnConditionEvidence[];
}

/**
 * What {@link evaluateRules} returns.
 * @category Churn
 */
export interface RuleEvaluation {
  readonly ruleSet: ModelRef;
  /** Ids of rules whose condition is true, in rule-set order. */
  readonly fired: readonly string[];
  /** Ids of rules whose condition is unknown (missing data), in rule-set order. */
  readonly unknown: readonly string[];
  /** Ids of rules whose condition is false, in rule-set order. */
  readonly clear: readonly string[];
  /** Sum of the fired rules' points (exact). */
  readonly risk: Decimal;
  /** `risk` plus the points of the unknown rules: the most the risk could be once the data is in. */
  readonly possibleRisk: Decimal;
  /** Sum of every rule's points. */
  readonly maxRisk: Decimal;
  /** Share of the rules that could be decided (fired or clear), 0–1; 1 for an empty rule set. */
  readonly decidedShare: Decimal;
  /** The highest severity among the fired rules, or `'none'`. */
  readonly level: ChurnLevel;
  readonly alerts: readonly RuleAlert[];
  readonly undecided: readonly UndecidedRule[];
}

/**
 * A flat record of signal values for one account; a missing, `null` or `undefined` signal is unknown.
 * @category Churn
 */
export type ChurnSignalRecord = Readonly<Record<string, unknown>>;

/**
 * Options of {@link evaluateRules}.
 * @category Churn
 */
export interface EvaluateRulesOptions {
  /** The evaluation date; required when the rule set uses time windows (`within`, `olderThan`). */
  readonly asOf?: string | Date | undefined;
  /**
   * A BCP 47 locale (`'de'`, `'zh-CN'`, `'ja'`): each alert then also carries `text`, its message in
   * that locale as the rule set's labels provide it (`en` the fallback).
   */
  readonly locale?: string | undefined;
}

/**
 * Evaluates a rule set on a flat record of signal values with Kleene's three-valued logic.
 *
 * A signal that is absent, `null` or `undefined` is unknown: a comparison on it is unknown, `all`
 * is false if any part is false else unknown if any part is unknown, `any` is true if any part is
 * true else unknown if any part is unknown, `not` keeps unknown unknown (SPEC §3). Only the
 * record's own properties are read. Risk is the exact sum of the fired rules' points, so one more
 * fired rule never lowers it; the level is the highest fired severity.
 *
 * @param ruleSet - A rule set from {@link defineRuleSet} (or its JSON, compiled on the spot).
 * @param signals - Signal name → value (number, decimal string, `Decimal`, string, boolean, ISO date or `Date`).
 * @throws {ValidationError} when `signals` is not an object, a signal has the wrong type for a
 * comparison (`'abc'` compared with `lt`), or a time window is used without `asOf`.
 * @example
 * ```ts
 * import { defineRuleSet, evaluateRules } from 'clientele';
 * const rules = defineRuleSet({
 *   id: 'r',
 *   rules: [
 *     {
 *       id: 'no-handover',
 *       when: {
 *         all: [
 *           { signal: 'managerLeft', op: 'eq', value: true },
 *           { signal: 'handover', op: 'eq', value: false },
 *         ],
 *       },
 *       severity: 'critical',
 *       points: 25,
 *       cause: 'relationship',
 *       message: { en: 'Manager left without handover', 'zh-CN': '客户经理离职未交接' },
 *     },
 *   ],
 * });
 * const result = evaluateRules(rules, { managerLeft: true }); // handover unknown
 * [result.fired, result.unknown, result.level]; // [] ['no-handover'] 'none'
 * ```
 * @category Churn
 */
export function evaluateRules(
  ruleSet: RuleSetLike,
  signals: ChurnSignalRecord,
  options: EvaluateRulesOptions = {},
): RuleEvaluation {
  const { model, compiled } = resolveRuleSet(ruleSet, 'evaluateRules');
  if (
    !readingInput(
      'signals',
      'evaluateRules',
      () => typeof signals === 'object' && signals !== null && !Array.isArray(signals),
    )
  ) {
    fail('signals', 'an object of signal values', signals, 'evaluateRules', 'invalid_type');
  }
  if (typeof options !== 'object' || options === null)
    fail('options', 'an options object', options, 'evaluateRules', 'invalid_type');
  if (model.usesTimeWindows && options.asOf === undefined)
    fail('asOf', 'an asOf date (the rule set uses time windows)', undefined, 'evaluateRules');
  const asOf = options.asOf === undefined ? Number.NaN : readInstant(options.asOf, 'asOf', 'evaluateRules');
  const slots = new Array<unknown>(compiled.slotNames.length);
  // the values of deriveSignals (frozen): filled from the readings they were made from
  const readings = readingsBehind(signals);
  if (readings !== undefined) readings.fillSlots(compiled.slotIndex, slots);
  else readingInput('signals', 'evaluateRules', () => readSlots(compiled, signals, slots, prototypeIsClean()));
  try {
    return evaluateSlots(compiled, slots, asOf, model, readLocale(options.locale, 'evaluateRules'));
  } catch (error) {
    // a signal value of the wrong type: name it where the caller put it, `signals.<name>`
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      error.issues.map((issue) =>
        makeIssue(
          issue.path.startsWith('signals') ? issue.path : joinPath('signals', issue.path),
          issue.expected,
          issue.received,
          issue.code,
        ),
      ),
      'evaluateRules',
    );
  }
}

/** What a rule evaluation decides at once: everything but the `alerts` and `undecided` lists. */
export type DecidedRules = Omit<RuleEvaluation, 'alerts' | 'undecided'>;

/**
 * Decides every rule on filled slots: fired, unknown and clear ids, risk, possible risk and level,
 * and each rule's outcome into `outcomes` (what the lists are built from when read). Shared by
 * `evaluateRules` and `evaluateChurnRisk`.
 */
export function decideSlots(
  compiled: CompiledRuleSet,
  slots: readonly unknown[],
  asOf: number,
  model: { id: string; version: string; fingerprint: string; rules: readonly ChurnRule[] },
  outcomes: Uint8Array,
): DecidedRules {
  const fired: string[] = [];
  const unknown: string[] = [];
  const clear: string[] = [];
  const { trees, ranks, pointSums } = compiled;
  const rules = model.rules;
  const units = pointSums?.units;
  // points in integer units when they fit (pointSums.ts), else exact decimals
  let riskUnits = 0;
  let pendingUnits = 0;
  let risk = ZERO;
  let pending = ZERO;
  let level = 0;
  for (let index = 0; index < rules.length; index++) {
    const outcome = trees[index]!.test(slots, asOf);
    outcomes[index] = outcome;
    if (outcome === TRUE) {
      fired.push(rules[index]!.id);
      if (units !== undefined) riskUnits += units[index]!;
      else risk = risk.plus(rules[index]!.points);
      if (ranks[index]! > level) level = ranks[index]!;
    } else if (outcome === UNKNOWN) {
      unknown.push(rules[index]!.id);
      if (units !== undefined) pendingUnits += units[index]!;
      else pending = pending.plus(rules[index]!.points);
    } else clear.push(rules[index]!.id);
  }
  return {
    ruleSet: identityOf(model),
    fired,
    unknown,
    clear,
    risk: pointSums === undefined ? risk : pointSums.decimalOf(riskUnits),
    possibleRisk: pointSums === undefined ? risk.plus(pending) : pointSums.decimalOf(riskUnits + pendingUnits),
    maxRisk: compiled.maxRisk,
    decidedShare: compiled.decidedShares[fired.length + clear.length]!,
    level: LEVELS[level]!,
  };
}

/**
 * The fired (`TRUE`) or undecided (`UNKNOWN`) rules' entries, with their evidence, as frozen data
 * (an alert's message renders when read), by the rules' `outcomes` as {@link decideSlots} decided
 * them (the result's own copy: the `fired` / `unknown` arrays it shows may be changed by a caller).
 */
export function outcomeEntries(
  wanted: typeof TRUE,
  context: OutcomeContext,
  trees: readonly CompiledNode[],
  rules: readonly ChurnRule[],
  outcomes: Uint8Array,
): RuleAlert[];
export function outcomeEntries(
  wanted: typeof UNKNOWN,
  context: OutcomeContext,
  trees: readonly CompiledNode[],
  rules: readonly ChurnRule[],
  outcomes: Uint8Array,
): UndecidedRule[];
export function outcomeEntries(
  wanted: typeof TRUE | typeof UNKNOWN,
  context: OutcomeContext,
  trees: readonly CompiledNode[],
  rules: readonly ChurnRule[],
  outcomes: Uint8Array,
): (RuleAlert | UndecidedRule)[] {
  const make = wanted === TRUE ? firedAlert : undecidedRule;
  const found: (RuleAlert | UndecidedRule)[] = [];
  for (let index = 0; index < rules.length; index++)
    if (outcomes[index] === wanted) found.push(make(rules[index]!, trees[index]!, context));
  return found;
}

/**
 * Evaluates filled slots: decisions, risk and level at once; the alerts and undecided entries, each
 * with its evidence, when the list is first read (an alert's message when it is read). `slots` must
 * not change afterwards (the lists read them).
 */
export function evaluateSlots(
  compiled: CompiledRuleSet,
  slots: readonly unknown[],
  asOf: number,
  model: { id: string; version: string; fingerprint: string; rules: readonly ChurnRule[] },
  locale?: string,
): RuleEvaluation {
  const outcomes = new Uint8Array(model.rules.length);
  const decided = decideSlots(compiled, slots, asOf, model, outcomes);
  // a plain literal of the decided fields, then the two shared getters: a literal with a spread and
  // getters of its own per result was built by the runtime, a fifth of deciding a record
  const result = {
    ruleSet: decided.ruleSet,
    fired: decided.fired,
    unknown: decided.unknown,
    clear: decided.clear,
    risk: decided.risk,
    possibleRisk: decided.possibleRisk,
    maxRisk: decided.maxRisk,
    decidedShare: decided.decidedShare,
    level: decided.level,
  };
  const lists: RuleLists = {
    compiled,
    slots,
    asOf,
    model,
    outcomes,
    locale,
    context: undefined,
    alerts: undefined,
    undecided: undefined,
  };
  keepState(result, lists);
  Object.defineProperty(result, 'alerts', ALERTS);
  Object.defineProperty(result, 'undecided', UNDECIDED);
  return result as RuleEvaluation;
}

/** What a rule evaluation's lists are built from (kept on the result), and the lists once built. */
interface RuleLists {
  readonly compiled: CompiledRuleSet;
  readonly slots: readonly unknown[];
  readonly asOf: number;
  readonly model: { readonly rules: readonly ChurnRule[] };
  /** Each rule's outcome (FALSE / TRUE / UNKNOWN), as decided. */
  readonly outcomes: Uint8Array;
  readonly locale: string | undefined;
  context: OutcomeContext | undefined;
  alerts: RuleAlert[] | undefined;
  undecided: UndecidedRule[] | undefined;
}

function contextOf(lists: RuleLists): OutcomeContext {
  const { slots, asOf, locale } = lists;
  const slotIndex = lists.compiled.slotIndex;
  return (lists.context ??= { slots, asOf, slotIndex, locale, messages: { slots, slotIndex, locale } });
}

/** A shared getter of a rule evaluation's list, configurable as the getters of an object literal are. */
function listGetter(read: (lists: RuleLists) => unknown): PropertyDescriptor {
  return { ...stateGetter<RuleLists>(read), configurable: true };
}

// built when read: bulk runs that read levels and risks never build these
const ALERTS = /* @__PURE__ */ listGetter(
  (lists) =>
    (lists.alerts ??= outcomeEntries(TRUE, contextOf(lists), lists.compiled.trees, lists.model.rules, lists.outcomes)),
);
const UNDECIDED = /* @__PURE__ */ listGetter(
  (lists) =>
    (lists.undecided ??= outcomeEntries(
      UNKNOWN,
      contextOf(lists),
      lists.compiled.trees,
      lists.model.rules,
      lists.outcomes,
    )),
);

/** The identity of a rule set as results cite it, one frozen object per model (shared by its results). */
const identities = /* @__PURE__ */ new WeakMap<object, ModelRef>();

function identityOf(model: { id: string; version: string; fingerprint: string }): ModelRef {
  let identity = identities.get(model);
  if (identity === undefined) {
    identity = Object.freeze({ id: model.id, version: model.version, fingerprint: model.fingerprint });
    identities.set(model, identity);
  }
  return identity;
}

/** What an alert's getters render from (the rule, the record's message source) and the renderings once read. */
interface AlertState {
  readonly rule: ChurnRule;
  readonly source: MessageSource;
  message: Labels | undefined;
  text: string | undefined;
}

/** A constructor returning the object it is given: a subclass then adds its private fields to that object. */
const Returning = function (target: object) {
  return target;
} as unknown as new (target: object) => object;

/**
 * Keeps an alert's rendering state on the alert's evidence array, in a private field: no key of the
 * array or of the alert, and set as cheaply as an ordinary property (a non-enumerable symbol,
 * defined per alert, cost about as much as the rest of the alert). The getters find the array
 * through the alert's public `evidence`, so a proxy of the alert, an object inheriting from it and
 * a copy made with `Object.getOwnPropertyDescriptors` read the message as the alert does.
 */
class AlertStateHolder extends Returning {
  readonly #state: AlertState;

  constructor(evidence: object, state: AlertState) {
    super(evidence);
    this.#state = state;
  }

  /** The state kept on `evidence`, or `undefined` for any other value. */
  static of(evidence: unknown): AlertState | undefined {
    return typeof evidence === 'object' && evidence !== null && #state in evidence
      ? (evidence as AlertStateHolder).#state
      : undefined;
  }
}

/** The rendering state of the alert `this` reads as (the alert, a proxy of it, a copy of its properties). */
function alertState(alert: { readonly evidence?: unknown }): AlertState {
  const state = AlertStateHolder.of(alert.evidence);
  if (state === undefined)
    throw new TypeError(
      'a churn alert renders its message from its own evidence list, which this object does not hold',
    );
  return state;
}

// rendered when read: an alert's message is most of the cost of building it (every placeholder
// formatted exactly, in each locale), and bulk runs that read alerts for their rules, severities
// and evidence never read it. Own enumerable getters, so JSON, spreads and `Object.keys` see the
// message as they see a data property.
const MESSAGE: PropertyDescriptor = {
  get(this: { readonly evidence?: unknown }): Labels {
    const state = alertState(this);
    return (state.message ??= messageFrom(state.rule, state.source));
  },
  enumerable: true,
};
const TEXT: PropertyDescriptor = {
  get(this: { readonly evidence?: unknown }): string {
    const state = alertState(this);
    return (state.text ??= textFrom(state.rule, state.source.locale!, state.source));
  },
  enumerable: true,
};

/**
 * A fired rule's alert, built when the `alerts` list is first read: its evidence (and for
 * `evaluateChurnRisk` its key, account and readings) at once, as plain data; its `message` (and
 * `text`, with a locale) rendered when first read. `text` is `undefined` without a locale, so JSON
 * leaves it out.
 */
function firedAlert(rule: ChurnRule, tree: CompiledNode, context: OutcomeContext): RuleAlert {
  const found: ChurnConditionEvidence[] = [];
  explainCondition(tree, context.slots, context.asOf, found);
  const { locale } = context;
  // the slots, their lookup and the locale: not an account's readings (they stay with the result).
  // Kept on the evidence array before it is frozen: a private field is added like any other field
  new AlertStateHolder(found, { rule, source: context.messages, message: undefined, text: undefined });
  const evidence = Object.freeze(found);
  const { id: ruleId, severity, points, cause, controllable, title } = rule;
  const alert: Record<string, unknown> = { ruleId, severity, points, cause, controllable };
  Object.defineProperty(alert, 'message', MESSAGE);
  if (locale === undefined) alert['text'] = undefined;
  else Object.defineProperty(alert, 'text', TEXT);
  alert['title'] = title;
  alert['evidence'] = evidence;
  const account = context.account;
  if (account !== undefined) {
    // evaluateChurnRisk's alert: the account's key, id and readings in the same object
    alert['key'] = alertKey(account.id, ruleId);
    alert['accountId'] = account.id;
    alert['signals'] = account.signalsOf(evidence);
  }
  return Object.freeze(alert) as unknown as RuleAlert;
}

/**
 * An undecided rule, built when the `undecided` list is first read: its evidence and missing
 * signals at once, as plain data. Whoever reads the list reads them (a report, JSON), and a plain
 * frozen object costs a fraction of one with getters and their closures (about 13 of the default
 * rule set's 21 rules are undecided on a thin history). Bulk runs that read levels never get here.
 */
function undecidedRule(rule: ChurnRule, tree: CompiledNode, context: OutcomeContext): UndecidedRule {
  const explained = explainUnknown(tree, context.slots, context.asOf);
  const { evidence, missingSignals } = explained;
  const { id: ruleId, severity, points, cause } = rule;
  const account = context.account;
  if (account !== undefined) {
    // evaluateChurnRisk's entry carries the account's key
    const entry = { ruleId, severity, points, cause, missingSignals, evidence, key: alertKey(account.id, ruleId) };
    return Object.freeze(entry);
  }
  // lists shared with an earlier entry of the rule: so is the entry (it is made of nothing else)
  let entry = explained.shared ? sharedEntries.get(evidence) : undefined;
  if (entry === undefined) {
    entry = Object.freeze({ ruleId, severity, points, cause, missingSignals, evidence });
    if (explained.shared) sharedEntries.set(evidence, entry);
  }
  return entry;
}

/** evaluateRules' undecided entries by their shared evidence (see `explainUnknown`). */
const sharedEntries = /* @__PURE__ */ new WeakMap<readonly ChurnConditionEvidence[], UndecidedRule>();
