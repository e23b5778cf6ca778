/**
 * What the fired and undecided entries of a rule evaluation are built from: the context they read
 * (the record's slots, `asOf`, the account), their evidence, rendered messages and missing signals.
 * The entries are built when the result's `alerts` / `undecided` list is first read, as frozen data
 * whose messages render when read (evaluateRules.ts); a bulk run that reads only levels and risks,
 * or alerts without their messages, never renders a message, and a message without placeholders
 * is never rendered at all (one frozen copy per rule is shared).
 *
 * @module
 */
import { fail } from '../../shared/errors.js';
import { isLocaleTag, labelIn, type Labels } from '../../shared/labels.js';
import type { ChurnConditionEvidence } from './explainCondition.js';
import { partsOf } from './placeholders.js';
import { formatPlaceholder, renderMessage } from './renderMessage.js';
import type { ChurnRule } from './ruleSetModel.js';

/** What an alert's message renders from: the record's slots (never mutated after), their lookup, `text`'s locale. */
export interface MessageSource {
  readonly slots: readonly unknown[];
  readonly slotIndex: Readonly<Record<string, number>>;
  /** The locale of `text`, or `undefined` for no `text`. */
  readonly locale: string | undefined;
}

/** What one rule's entry is built from: the record's slots (never mutated after), `asOf`, the lookup. */
export interface OutcomeContext extends MessageSource {
  readonly asOf: number;
  /** For `evaluateChurnRisk`: the account, whose entries then carry its key (and alerts its id and readings). */
  readonly account?: AccountParts | undefined;
  /**
   * What the alerts keep to render their messages: the slots, their lookup and the locale, in an
   * object of their own, so an alert never keeps the rest of the context (an account's readings).
   */
  readonly messages: MessageSource;
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

/**
 * A rule's message split once for all its locales: the distinct placeholders (signal and format)
 * the locales name, and each locale's parts, literal text or the index of a placeholder. The
 * locales name the same signals, so each placeholder is formatted once per message for all of them.
 */
interface MessagePlan {
  /** The message itself when no locale's template has a placeholder (frozen, shared by every alert). */
  readonly fixed: Labels | undefined;
  readonly locales: readonly string[];
  readonly names: readonly string[];
  readonly styles: readonly (string | undefined)[];
  readonly parts: readonly (readonly (string | number)[])[];
}

/** Per rule, its message plan. */
const messagePlans = /* @__PURE__ */ new WeakMap<ChurnRule, MessagePlan>();

function messagePlanOf(rule: ChurnRule): MessagePlan {
  let plan = messagePlans.get(rule);
  if (plan === undefined) {
    const templates = rule.message;
    const locales = Object.keys(templates);
    const names: string[] = [];
    const styles: (string | undefined)[] = [];
    const placeholder = new Map<string, number>();
    const parts = locales.map((locale) =>
      partsOf(templates[locale]!).map((part) => {
        if (typeof part === 'string') return part;
        const key = part.format === undefined ? part.name : `${part.name}|${part.format}`;
        let index = placeholder.get(key);
        if (index === undefined) {
          index = names.push(part.name) - 1;
          styles.push(part.format);
          placeholder.set(key, index);
        }
        return index;
      }),
    );
    const fixed =
      names.length === 0
        ? (Object.freeze(Object.fromEntries(locales.map((locale) => [locale, templates[locale]!]))) as Labels)
        : undefined;
    plan = { fixed, locales, names, styles, parts };
    messagePlans.set(rule, plan);
  }
  return plan;
}

/** The value of the message placeholder `name` in `source`. */
function valueIn(source: MessageSource, name: string): unknown {
  const slot = source.slotIndex[name];
  return slot === undefined ? undefined : source.slots[slot];
}

/** The rule's message in every locale it carries (`en`, `zh-CN`, then others), rendered from `source`. */
export function messageFrom(rule: ChurnRule, source: MessageSource): Labels {
  const { fixed, names, styles, parts, locales } = messagePlanOf(rule);
  if (fixed !== undefined) return fixed;
  const texts: string[] = [];
  for (let index = 0; index < names.length; index++)
    texts.push(formatPlaceholder(valueIn(source, names[index]!), styles[index]));
  const rendered: Record<string, string> = {};
  for (let locale = 0; locale < locales.length; locale++) {
    const pieces = parts[locale]!;
    let text = '';
    for (let at = 0; at < pieces.length; at++) {
      const piece = pieces[at]!;
      text += typeof piece === 'string' ? piece : texts[piece]!;
    }
    rendered[locales[locale]!] = text;
  }
  return Object.freeze(rendered as Labels);
}

/** The rule's message in `locale` (BCP 47 lookup, `en` the fallback), rendered from `source`. */
export function textFrom(rule: ChurnRule, locale: string, source: MessageSource): string {
  const template = labelIn(rule.message, locale);
  return template.includes('{') ? renderMessage(template, (signal) => valueIn(source, signal)) : template;
}

/** The `locale` option, checked: `undefined`, or a well-formed BCP 47 tag. */
export function readLocale(locale: unknown, context: string): string | undefined {
  if (locale === undefined) return undefined;
  if (typeof locale !== 'string' || !isLocaleTag(locale))
    fail('locale', 'a BCP 47 locale tag (en, zh-CN, de, ja, …)', locale, context, 'invalid_value');
  return locale;
}
