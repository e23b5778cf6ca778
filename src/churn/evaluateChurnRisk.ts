import { readInstant } from '../shared/dates.js';
import { defaultChurnRuleSet } from './presets/defaultChurnRuleSet.js';
import { compiledRuleSetOf } from './rules/defineRuleSet.js';
import type { RuleSetLike } from './rules/ruleSetModel.js';
import { evaluateSlots, type RuleAlert, type RuleEvaluation, type UndecidedRule } from './rules/evaluateRules.js';
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
  const accountId = signals.accountId;
  // the entries carry the account's key (and the alerts its readings) from the start: one object each
  const evaluation = evaluateSlots(compiled, slots, asOf, model, prepared.locale, {
    id: accountId,
    signalsOf: (evidence) => readingsOf(evidence, readings),
  });
  // made on the display prototype before it is frozen: withDisplay copies a frozen object, which
  // would read the lazy `undecided` at once
  return Object.freeze(
    withDisplay(
      {
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
        // built when read, like undecided: a run that reads levels and risks builds no alert
        get alerts() {
          return evaluation.alerts as readonly ChurnAlert[];
        },
        // built when read (see evaluateSlots)
        get undecided() {
          return evaluation.undecided as readonly (UndecidedRule & { readonly key: string })[];
        },
        signals,
      },
      'Churn risk',
    ),
  );
}

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
