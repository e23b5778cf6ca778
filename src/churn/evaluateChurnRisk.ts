import { readInstant } from '../shared/dates.js';
import { defaultChurnRuleSet } from './presets/defaultChurnRuleSet.js';
import { compiledRuleSetOf } from './rules/defineRuleSet.js';
import type { RuleSetLike } from './rules/ruleSetModel.js';
import { evaluateSlots, type RuleAlert, type RuleEvaluation, type UndecidedRule } from './rules/evaluateRules.js';
import { prototypeIsClean, readSlots, resolveRuleSet } from './rules/resolveRuleSet.js';
import {
  deriveSignals,
  type ChurnContactStandard,
  type DerivedSignals,
  type ChurnSignalReading,
  type TierPolicyLike,
} from './signals/deriveSignals.js';
import type { AccountHistory } from './signals/accountHistorySchema.js';
import { fail } from '../shared/errors.js';
import { readInput } from '../shared/input.js';
import { withDisplay } from '../shared/display.js';

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
  readonly ruleSet?: RuleSetLike;
  readonly tierPolicy?: TierPolicyLike;
  readonly contactStandard?: ChurnContactStandard;
}

/** The stable key of an account's alert: `accountId::ruleId`. */
export function alertKey(accountId: string, ruleId: string): string {
  return `${accountId}::${ruleId}`;
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
 *   { id: 'ACME', relationship: { accountManager: 'Li', managerLeftAt: '2026-09-30', handoverAt: null, internalContacts: 1 } },
 *   { asOf: '2026-11-01' },
 * );
 * [result.fired, result.level]; // ['manager-left-no-handover', 'single-threaded'] 'critical'
 * result.alerts[0]?.message['zh-CN']; // '客户经理已离职，尚未完成客户关系对接。'
 * ```
 * @category Churn
 */
export function evaluateChurnRisk(history: AccountHistory | unknown, given: EvaluateChurnRiskOptions): ChurnRiskResult {
  const options = readInput(given, 'options', 'evaluateChurnRisk');
  if (typeof options !== 'object' || options === null)
    fail('options', 'an options object with asOf', options, 'evaluateChurnRisk');
  const { model, compiled } =
    options.ruleSet === undefined
      ? { model: defaultChurnRuleSet, compiled: compiledRuleSetOf(defaultChurnRuleSet)! }
      : resolveRuleSet(options.ruleSet, 'evaluateChurnRisk');
  const asOf = readInstant(options.asOf, 'asOf', 'evaluateChurnRisk');
  const signals = deriveSignals(history, {
    asOf: options.asOf,
    ...(options.tierPolicy === undefined ? {} : { tierPolicy: options.tierPolicy }),
    ...(options.contactStandard === undefined ? {} : { contactStandard: options.contactStandard }),
  });
  const slots = new Array<unknown>(compiled.slotNames.length);
  readSlots(compiled, signals.values, slots, prototypeIsClean());
  const evaluation = evaluateSlots(compiled, slots, asOf, model);
  const readingsOf = (evidence: readonly { signal: string }[]): ChurnSignalReading[] => {
    const seen = new Set<string>();
    const readings: ChurnSignalReading[] = [];
    for (const item of evidence) {
      if (seen.has(item.signal)) continue;
      seen.add(item.signal);
      const reading = Object.prototype.hasOwnProperty.call(signals.readings, item.signal)
        ? signals.readings[item.signal as keyof DerivedSignals['readings']]
        : undefined;
      if (reading !== undefined) readings.push(reading);
    }
    return readings;
  };
  const alerts = evaluation.alerts.map((alert) =>
    Object.freeze({
      ...alert,
      key: alertKey(signals.accountId, alert.ruleId),
      accountId: signals.accountId,
      signals: Object.freeze(readingsOf(alert.evidence)),
    }),
  );
  const undecided = evaluation.undecided.map((rule) =>
    Object.freeze({ ...rule, key: alertKey(signals.accountId, rule.ruleId) }),
  );
  return withDisplay(
    Object.freeze({
      accountId: signals.accountId,
      asOf: signals.asOf,
      ruleSet: evaluation.ruleSet,
      risk: evaluation.risk,
      possibleRisk: evaluation.possibleRisk,
      maxRisk: evaluation.maxRisk,
      decidedShare: evaluation.decidedShare,
      level: evaluation.level,
      fired: evaluation.fired,
      unknown: evaluation.unknown,
      clear: evaluation.clear,
      alerts,
      undecided,
      signals,
    }),
    'Churn risk',
  );
}
