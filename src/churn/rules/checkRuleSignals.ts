/**
 * The signal check of a rule set: every signal a rule compares or a message shows must be known —
 * in the built-in churn signal catalogue (or the caller's own catalogue), or declared in the file's
 * `signals` — unless the file says `checkSignals: false`. A signal that is not known is an error
 * naming the nearest known signal when one is close (a misspelled signal would otherwise stay
 * unknown forever, and its rule never fire).
 *
 * @module
 */
import { formatPath, makeIssue, describeValue, type Issue } from '../../shared/errors.js';
import { churnSignalCatalogue } from '../signals/churnSignalCatalogue.js';
import type { ChurnSignalDeclarations } from '../signals/signalCatalogueSchema.js';
import { checkAgainstCatalogue, type SignalTypes } from './checkAgainstCatalogue.js';
import { placeholdersOf } from './placeholders.js';
import type { ChurnCondition } from './ruleSetSchema.js';

/**
 * The parts of a rule set the signal check reads (a parsed file, before or after normalising). A
 * rule without `when` (its condition was malformed) has only its message checked.
 */
export interface SignalCheckInput {
  readonly signals?: ChurnSignalDeclarations | undefined;
  readonly checkSignals?: boolean | undefined;
  readonly rules: readonly {
    readonly when?: ChurnCondition | undefined;
    readonly message?: { readonly [locale: string]: string | undefined } | undefined;
  }[];
}

/** Where an issue found so far points (zod's own issues, as a refinement sees them). */
interface FoundIssue {
  readonly path?: readonly PropertyKey[] | undefined;
}

/** True when some issue lies at or under `path`. */
function brokenAt(issues: readonly FoundIssue[], path: readonly PropertyKey[]): boolean {
  return issues.some(
    (issue) =>
      issue.path !== undefined &&
      issue.path.length >= path.length &&
      path.every((segment, index) => issue.path![index] === segment),
  );
}

/**
 * The well-formed parts of a rule set the schema may have refused, for a signal check that runs
 * beside its field errors: each rule's condition unless an issue lies in it, each message's
 * templates that are strings. `undefined` (no check) when the value is not a rule set's object or
 * its `signals` / `checkSignals` are malformed: what is declared, or whether to check, is unknown.
 */
export function signalCheckInput(value: unknown, issues: readonly FoundIssue[]): SignalCheckInput | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { rules, signals, checkSignals } = value as Record<string, unknown>;
  if (!Array.isArray(rules) || brokenAt(issues, ['signals']) || brokenAt(issues, ['checkSignals'])) return undefined;
  return {
    signals: signals as ChurnSignalDeclarations | undefined,
    checkSignals: checkSignals as boolean | undefined,
    rules: rules.map((rule: unknown, index) => {
      if (typeof rule !== 'object' || rule === null) return {};
      const { when, message } = rule as Record<string, unknown>;
      return {
        when: brokenAt(issues, ['rules', index, 'when']) ? undefined : (when as ChurnCondition | undefined),
        message: typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : undefined,
      };
    }) as SignalCheckInput['rules'],
  };
}

/**
 * A message's templates by locale, each distinct template once (the first locale that has it): a
 * `zh-CN` filled from `en` is checked, and reported, as `en` alone. Locales whose text is not a
 * string (a malformed message) are left out.
 */
export function distinctTemplates(message: { readonly [locale: string]: unknown }): [string, string][] {
  const seen = new Set<string>();
  const templates: [string, string][] = [];
  for (const locale of Object.keys(message)) {
    const template = message[locale];
    if (typeof template !== 'string' || seen.has(template)) continue;
    seen.add(template);
    templates.push([locale, template]);
  }
  return templates;
}

/** How many distinct unknown signals get a "did you mean" hint (the search reads every known name). */
const MAX_HINTS = 100;

/** Levenshtein distance of two strings, at most `limit + 1` (a longer distance is not needed). */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known signal nearest to `name` when it is close: letter case ignored, at most one edit per
 * three characters of `name` (at least one); `undefined` when none is that close.
 */
export function nearestSignal(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  let nearest: string | undefined;
  let nearestDistance = limit + 1;
  for (const candidate of known) {
    const d = distance(lower, candidate.toLowerCase(), limit);
    if (d < nearestDistance) {
      nearest = candidate;
      nearestDistance = d;
    }
  }
  return nearest;
}

/** The catalogue the rules are checked against: `base` with the file's declarations added (they win). */
function knownSignals(base: SignalTypes, declared: ChurnSignalDeclarations | undefined): SignalTypes {
  const known = Object.create(null) as Record<string, SignalTypes[string]>;
  for (const name of Object.keys(base)) known[name] = base[name]!;
  if (declared !== undefined) for (const name of Object.keys(declared)) known[name] = declared[name]!;
  return known;
}

/**
 * The issues of a rule set's signals against `base` (the built-in churn signal catalogue unless the
 * caller gives their own) and the file's `signals`; none when the file says `checkSignals: false`.
 * Rule conditions are type-checked (operators and values suit the signal's type); message
 * placeholders must name a known signal.
 */
export function checkRuleSignals(ruleSet: SignalCheckInput, base: SignalTypes = churnSignalCatalogue): Issue[] {
  if (ruleSet.checkSignals === false) return [];
  const known = knownSignals(base, ruleSet.signals);
  const names = Object.keys(known);
  const builtIn = base === churnSignalCatalogue;
  // one search per distinct unknown name, and hints for the first MAX_HINTS names only: a hostile
  // file may hold 20,000 conditions on as many made-up names
  const expected = new Map<string, string>();
  const unknown = (signal: string): string => {
    let text = expected.get(signal);
    if (text === undefined) {
      const where = builtIn ? 'a built-in churn signal' : 'a signal of the catalogue';
      const nearest = expected.size < MAX_HINTS ? nearestSignal(signal, names) : undefined;
      const hint = nearest === undefined ? '' : ` (did you mean "${nearest}"?)`;
      text = `${where} or one declared in the rule set's "signals"${hint}`;
      expected.set(signal, text);
    }
    return text;
  };
  const issues: Issue[] = [];
  ruleSet.rules.forEach((rule, index) => {
    if (rule.when !== undefined) checkAgainstCatalogue(rule.when, known, ['rules', index, 'when'], issues, unknown);
    if (rule.message === undefined) return;
    for (const [locale, template] of distinctTemplates(rule.message)) {
      for (const placeholder of placeholdersOf(template))
        if (!Object.prototype.hasOwnProperty.call(known, placeholder.name))
          issues.push(
            makeIssue(
              formatPath(['rules', index, 'message', locale]),
              `a placeholder naming ${unknown(placeholder.name)}`,
              describeValue(placeholder.text),
            ),
          );
    }
  });
  return issues;
}
