/**
 * The fired and undecided entries of a rule evaluation, built lazily: the decision, points and
 * cause at once; the evidence, messages and missing signals when first read (then kept). Each is
 * an object literal with enumerable getters, so its keys, its JSON and a spread of it are what the
 * eager form gave, while a bulk run that reads only levels and risks never renders a message.
 *
 * @module
 */
import { fail } from '../../shared/errors.js';
import { isLocaleTag, labelIn, type Labels } from '../../shared/labels.js';
import type { CompiledNode } from './compileCondition.js';
import { explainCondition, type ChurnConditionEvidence } from './explainCondition.js';
import { renderMessage } from './renderMessage.js';
import type { ChurnRule } from './ruleSetModel.js';

/** What the lazy parts of one rule's entry read: the record's slots (never mutated after), `asOf`, the lookup. */
export interface OutcomeContext {
  readonly slots: readonly unknown[];
  readonly asOf: number;
  readonly slotIndex: Readonly<Record<string, number>>;
  /** The locale of `text`, or `undefined` for no `text`. */
  readonly locale: string | undefined;
  /** For `evaluateChurnRisk`: the account, whose entries then carry its key (and alerts its id and readings). */
  readonly account?: AccountParts | undefined;
}

/** What an account's entries add: its id, and the readings of the signals an alert's evidence names. */
export interface AccountParts {
  readonly id: string;
  readonly signalsOf: (evidence: readonly ChurnConditionEvidence[]) => readonly unknown[];
}

/** The stable key of an account's alert: `accountId::ruleId`. */
export function alertKey(accountId: string, ruleId: string): string {
  return `${accountId}::${ruleId}`;
}

/** The deciding leaves of a rule, computed on first call and kept. */
export function lazyEvidence(tree: CompiledNode, context: OutcomeContext): () => readonly ChurnConditionEvidence[] {
  let evidence: readonly ChurnConditionEvidence[] | undefined;
  return () => {
    if (evidence === undefined) {
      const found: ChurnConditionEvidence[] = [];
      explainCondition(tree, context.slots, context.asOf, found);
      evidence = Object.freeze(found);
    }
    return evidence;
  };
}

function valueReader(context: OutcomeContext): (signal: string) => unknown {
  return (signal) => {
    const slot = context.slotIndex[signal];
    return slot === undefined ? undefined : context.slots[slot];
  };
}

/** The rule's message rendered in every locale it carries (`en`, `zh-CN`, then the others), on first call. */
export function lazyMessage(rule: ChurnRule, context: OutcomeContext): () => Labels {
  let message: Labels | undefined;
  return () => {
    if (message === undefined) {
      const valueOf = valueReader(context);
      const rendered: Record<string, string> = {};
      for (const locale of Object.keys(rule.message)) rendered[locale] = renderMessage(rule.message[locale]!, valueOf);
      message = Object.freeze(rendered as Labels);
    }
    return message;
  };
}

/** The rule's message in the context's locale (BCP 47 lookup, `en` the fallback), on first call. */
export function lazyText(rule: ChurnRule, context: OutcomeContext): () => string {
  let text: string | undefined;
  return () => (text ??= renderMessage(labelIn(rule.message, context.locale ?? 'en'), valueReader(context)));
}

/** Signals among the deciding leaves that had no value, in first-seen order. */
export function missingSignalsOf(evidence: readonly ChurnConditionEvidence[]): readonly string[] {
  const missing: string[] = [];
  for (const item of evidence) if (item.actual === null && !missing.includes(item.signal)) missing.push(item.signal);
  return missing;
}

/** The `locale` option, checked: `undefined`, or a well-formed BCP 47 tag. */
export function readLocale(locale: unknown, context: string): string | undefined {
  if (locale === undefined) return undefined;
  if (typeof locale !== 'string' || !isLocaleTag(locale))
    fail('locale', 'a BCP 47 locale tag (en, zh-CN, de, ja, …)', locale, context, 'invalid_value');
  return locale;
}
