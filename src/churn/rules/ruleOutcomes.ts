/**
 * What the fired and undecided entries of a rule evaluation are built from: the context they read
 * (the record's slots, `asOf`, the account), their evidence, rendered messages and missing signals.
 * The entries are built when the result's `alerts` / `undecided` list is first read, as plain frozen
 * data (evaluateRules.ts); a bulk run that reads only levels and risks never renders a message, and
 * a message without placeholders is never rendered at all (one frozen copy per rule is shared).
 *
 * @module
 */
import { fail } from '../../shared/errors.js';
import { isLocaleTag, labelIn, type Labels } from '../../shared/labels.js';
import type { ChurnConditionEvidence } from './explainCondition.js';
import { renderMessage } from './renderMessage.js';
import type { ChurnRule } from './ruleSetModel.js';

/** What one rule's entry is built from: the record's slots (never mutated after), `asOf`, the lookup. */
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

function valueReader(context: OutcomeContext): (signal: string) => unknown {
  return (signal) => {
    const slot = context.slotIndex[signal];
    return slot === undefined ? undefined : context.slots[slot];
  };
}

/**
 * Per rule, its message when no locale's template has a placeholder (frozen, shared by every alert of
 * the rule: it renders to itself), or `null` when one has.
 */
const staticMessages = /* @__PURE__ */ new WeakMap<ChurnRule, Labels | null>();

function staticMessageOf(rule: ChurnRule): Labels | null {
  let message = staticMessages.get(rule);
  if (message === undefined) {
    const templates = rule.message;
    const locales = Object.keys(templates);
    message = locales.some((locale) => templates[locale]!.includes('{'))
      ? null
      : (Object.freeze(Object.fromEntries(locales.map((locale) => [locale, templates[locale]!]))) as Labels);
    staticMessages.set(rule, message);
  }
  return message;
}

/** The rule's message rendered in every locale it carries (`en`, `zh-CN`, then the others). */
export function messageOf(rule: ChurnRule, context: OutcomeContext): Labels {
  const fixed = staticMessageOf(rule);
  if (fixed !== null) return fixed;
  const valueOf = valueReader(context);
  const rendered: Record<string, string> = {};
  // the locales' templates name the same signals: each placeholder is formatted once for all of them
  const formatted = new Map<string, string>();
  for (const locale of Object.keys(rule.message))
    rendered[locale] = renderMessage(rule.message[locale]!, valueOf, formatted);
  return Object.freeze(rendered as Labels);
}

/** The rule's message in `locale` (BCP 47 lookup, `en` the fallback), rendered. */
export function textOf(rule: ChurnRule, locale: string, context: OutcomeContext): string {
  const template = labelIn(rule.message, locale);
  return template.includes('{') ? renderMessage(template, valueReader(context)) : template;
}

/** The `locale` option, checked: `undefined`, or a well-formed BCP 47 tag. */
export function readLocale(locale: unknown, context: string): string | undefined {
  if (locale === undefined) return undefined;
  if (typeof locale !== 'string' || !isLocaleTag(locale))
    fail('locale', 'a BCP 47 locale tag (en, zh-CN, de, ja, …)', locale, context, 'invalid_value');
  return locale;
}
