/**
 * The JSON rule format of the churn early warning: conditions, rules and rule sets, validated by
 * zod schemas that are exported so callers can validate rule files themselves.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { z } from 'zod';
import { labelsSchema, type Labels } from '../../shared/labels.js';
import { tryDecimal } from '../../shared/numeric.js';
import { FORBIDDEN_KEYS, addIssue, idSchema, numericSchema, versionSchema } from '../../shared/schema.js';
import { parseIsoDate } from '../../shared/dates.js';

/** Most rules a rule set may hold. */
export const MAX_RULES = 1000;
/** Deepest nesting of `all` / `any` / `not` (a rule's `when` is at depth 1). */
export const MAX_DEPTH = 16;
/** Most conditions (leaves and groups) in one rule set. */
export const MAX_CONDITIONS = 20_000;
/** Most values in one `in` / `notIn` list. */
export const MAX_LIST = 1000;

/**
 * Comparison operators of a leaf condition. `lt`…`notIn` are the contract of SPEC §3; `between`
 * (inclusive both ends), `known` / `missing` (fire on presence or absence on purpose) and the time
 * windows `within` / `olderThan` (a date signal relative to `asOf`) are extras.
 * @example
 * ```ts
 * import { conditionOperators } from 'clientele';
 * conditionOperators.includes('notIn'); // true
 * ```
 * @category Churn
 */
export const conditionOperators = [
  'lt',
  'lte',
  'gt',
  'gte',
  'eq',
  'neq',
  'in',
  'notIn',
  'between',
  'known',
  'missing',
  'within',
  'olderThan',
] as const;

/** @category Churn */
export type ChurnConditionOperator = (typeof conditionOperators)[number];

/** A scalar a condition compares with: a number (or decimal string / `Decimal`), a string (category or ISO date) or a boolean. @category Churn */
export type ChurnConditionScalar = number | string | boolean | Decimal;

/** A time window relative to `asOf`: whole days or calendar months. @category Churn */
export type ChurnTimeWindow = { readonly days: number } | { readonly months: number };

/**
 * A leaf condition: `{ signal, op, value }`.
 * @category Churn
 */
export interface ChurnLeafCondition {
  readonly signal: string;
  readonly op: ChurnConditionOperator;
  readonly value?: ChurnConditionScalar | readonly ChurnConditionScalar[] | ChurnTimeWindow;
}

/**
 * A condition: a leaf, or `{ all: [...] }`, `{ any: [...] }`, `{ not: condition }` evaluated with
 * Kleene's three-valued logic.
 * @category Churn
 */
export type ChurnCondition =
  | ChurnLeafCondition
  | { readonly all: readonly ChurnCondition[] }
  | { readonly any: readonly ChurnCondition[] }
  | { readonly not: ChurnCondition };

/** How alarming a fired rule is, from least to most.  * @example
 * ```ts
 * import { churnSeverities } from 'clientele';
 * churnSeverities; // ['watch', 'warning', 'critical']
 * ```
@category Churn */
export const churnSeverities = ['watch', 'warning', 'critical'] as const;
/** @category Churn */
export type ChurnSeverity = (typeof churnSeverities)[number];
/** A rule set's level: the highest fired severity, or `'none'`. @category Churn */
export type ChurnLevel = ChurnSeverity | 'none';

/** Signal names: 1–100 characters, no braces or bars (they delimit message placeholders), no control characters. */
const NAME_PATTERN = /^[^{}|\u0000-\u001f]{1,100}$/;
const PLACEHOLDER = /\{([^{}]*)\}/g;
/** Display formats a message placeholder may ask for: `{spendChange|percent}`. */
export const PLACEHOLDER_FORMATS: ReadonlySet<string> = /* @__PURE__ */ new Set(['percent', 'number', 'days']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function isScalar(value: unknown): value is ChurnConditionScalar {
  return typeof value === 'string' || typeof value === 'boolean' || tryDecimal(value) !== undefined;
}

function isOrderable(value: unknown): boolean {
  if (typeof value === 'string' && parseIsoDate(value.trim()) !== undefined) return true;
  return tryDecimal(value) !== undefined;
}

function orderKind(value: unknown): 'date' | 'number' {
  return typeof value === 'string' && parseIsoDate(value.trim()) !== undefined ? 'date' : 'number';
}

/** Checks a signal name: a plain identifier-like name that is never a prototype key. */
function checkSignalName(name: unknown, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (typeof name !== 'string') {
    addIssue(ctx, path, 'a signal name (string)', name);
  } else if (FORBIDDEN_KEYS.has(name)) {
    addIssue(ctx, path, 'a signal name other than __proto__, constructor or prototype', name);
  } else if (!NAME_PATTERN.test(name)) {
    addIssue(ctx, path, 'a signal name of 1–100 characters without "{", "}", "|" or control characters', name);
  }
}

function checkWindow(value: unknown, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (!isPlainObject(value)) {
    addIssue(ctx, path, 'a time window { days } or { months }', value);
    return;
  }
  const keys = Object.keys(value);
  const key = keys[0];
  if (keys.length !== 1 || (key !== 'days' && key !== 'months')) {
    addIssue(ctx, path, 'a time window with exactly one key, "days" or "months"', value);
    return;
  }
  const amount = value[key];
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount > 100_000) {
    addIssue(ctx, [...path, key], 'a whole number of ' + key + ' from 0 to 100000', amount);
  }
}

function checkLeaf(node: Record<string, unknown>, path: (string | number)[], ctx: z.RefinementCtx): void {
  for (const key of Object.keys(node)) {
    if (key !== 'signal' && key !== 'op' && key !== 'value') addIssue(ctx, [...path, key], 'no such key (a condition has signal, op, value)', node[key]);
  }
  checkSignalName(node['signal'], [...path, 'signal'], ctx);
  const op = node['op'];
  if (typeof op !== 'string' || !(conditionOperators as readonly string[]).includes(op)) {
    addIssue(ctx, [...path, 'op'], `an operator, one of ${conditionOperators.join(', ')}`, op);
    return;
  }
  const hasValue = Object.prototype.hasOwnProperty.call(node, 'value');
  const value = node['value'];
  const valuePath = [...path, 'value'];
  switch (op as ChurnConditionOperator) {
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (!isOrderable(value)) addIssue(ctx, valuePath, `a number, decimal string or ISO date to compare with (${op})`, value);
      return;
    case 'eq':
    case 'neq':
      if (!isScalar(value)) addIssue(ctx, valuePath, 'a number, string or boolean', value);
      return;
    case 'in':
    case 'notIn':
      if (!Array.isArray(value) || value.length === 0) {
        addIssue(ctx, valuePath, 'a non-empty array of numbers, strings or booleans', value);
      } else if (value.length > MAX_LIST) {
        addIssue(ctx, valuePath, `at most ${MAX_LIST} values`, value);
      } else {
        value.forEach((item, index) => {
          if (!isScalar(item)) addIssue(ctx, [...valuePath, index], 'a number, string or boolean', item);
        });
      }
      return;
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) {
        addIssue(ctx, valuePath, 'a pair [low, high] of numbers or of ISO dates', value);
        return;
      }
      const [low, high] = value as unknown[];
      if (!isOrderable(low) || !isOrderable(high) || orderKind(low) !== orderKind(high)) {
        addIssue(ctx, valuePath, 'a pair [low, high] of numbers or of ISO dates', value);
        return;
      }
      const lowKey = orderKind(low) === 'date' ? parseIsoDate(String(low).trim())! : tryDecimal(low)!;
      const highKey = orderKind(high) === 'date' ? parseIsoDate(String(high).trim())! : tryDecimal(high)!;
      const inverted = typeof lowKey === 'number' ? lowKey > (highKey as number) : (lowKey as Decimal).gt(highKey as Decimal);
      if (inverted) addIssue(ctx, valuePath, 'low ≤ high', value);
      return;
    }
    case 'known':
    case 'missing':
      if (hasValue && value !== undefined) addIssue(ctx, valuePath, `no value (${op} tests presence only)`, value);
      return;
    case 'within':
    case 'olderThan':
      checkWindow(value, valuePath, ctx);
      return;
  }
}

/** Validates a condition tree (depth already bounded by the rule set guard, but checked again here). */
function checkCondition(node: unknown, path: (string | number)[], ctx: z.RefinementCtx, depth: number): void {
  if (depth > MAX_DEPTH) {
    addIssue(ctx, path, `conditions nested at most ${MAX_DEPTH} deep`, node);
    return;
  }
  if (!isPlainObject(node)) {
    addIssue(ctx, path, 'a condition object ({ signal, op, value }, { all }, { any } or { not })', node);
    return;
  }
  for (const key of Object.keys(node)) {
    if (FORBIDDEN_KEYS.has(key)) {
      addIssue(ctx, [...path, key], 'a key other than __proto__, constructor or prototype', node[key]);
      return;
    }
  }
  const groupKeys = ['all', 'any', 'not'].filter((key) => Object.prototype.hasOwnProperty.call(node, key));
  if (groupKeys.length === 0) {
    checkLeaf(node, path, ctx);
    return;
  }
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    addIssue(ctx, path, 'exactly one of all, any, not, or a leaf { signal, op, value }', `keys ${keys.join(', ')}`);
    return;
  }
  const key = groupKeys[0]!;
  const inner = node[key];
  if (key === 'not') {
    checkCondition(inner, [...path, 'not'], ctx, depth + 1);
    return;
  }
  if (!Array.isArray(inner) || inner.length === 0) {
    addIssue(ctx, [...path, key], 'a non-empty array of conditions', inner);
    return;
  }
  inner.forEach((child, index) => checkCondition(child, [...path, key, index], ctx, depth + 1));
}

/** Normalises a validated condition: numbers and decimal strings as given, `Decimal`s as strings. */
function normaliseCondition(node: ChurnCondition): ChurnCondition {
  if ('all' in node) return { all: node.all.map(normaliseCondition) };
  if ('any' in node) return { any: node.any.map(normaliseCondition) };
  if ('not' in node) return { not: normaliseCondition(node.not) };
  if (node.value === undefined) return { signal: node.signal, op: node.op };
  return { signal: node.signal, op: node.op, value: normaliseValue(node.value) };
}

function normaliseValue(value: NonNullable<ChurnLeafCondition['value']>): NonNullable<ChurnLeafCondition['value']> {
  if (Array.isArray(value)) return value.map((item) => normaliseScalar(item as ChurnConditionScalar));
  if (typeof value === 'object' && !isScalar(value)) return { ...(value as ChurnTimeWindow) } as ChurnTimeWindow;
  return normaliseScalar(value as ChurnConditionScalar);
}

function normaliseScalar(value: ChurnConditionScalar): ChurnConditionScalar {
  if (typeof value === 'object') return (value as Decimal).toFixed();
  return value;
}

/**
 * Schema of one condition (leaf or group). Checked by hand rather than by a zod union so that an
 * error names the exact place (`rules[2].when.any[1].op`) instead of "no union branch matched".
 * @example
 * ```ts
 * import { churnConditionSchema } from 'clientele';
 * churnConditionSchema.safeParse({ any: [{ signal: 'spendChange', op: 'lte', value: -0.2 }] }).success; // true
 * ```
 * @category Churn
 */
export const churnConditionSchema: z.ZodType<ChurnCondition> = /* @__PURE__ */ z
  .custom<ChurnCondition>(() => true)
  .superRefine((value, ctx) => checkCondition(value, [], ctx, 1))
  .transform((value) => {
    // zod runs transforms even after a refinement reported issues; the output is then discarded,
    // so an invalid tree is passed through untouched rather than normalised
    try {
      return normaliseCondition(value);
    } catch {
      return value;
    }
  });

function checkTemplate(text: string, ctx: z.RefinementCtx, path: (string | number)[]): void {
  for (const match of text.matchAll(PLACEHOLDER)) {
    const [name = '', format] = (match[1] ?? '').split('|');
    if (FORBIDDEN_KEYS.has(name) || !NAME_PATTERN.test(name)) {
      addIssue(ctx, path, 'placeholders of the form {signalName} or {signalName|format}', match[0]);
    } else if (format !== undefined && !PLACEHOLDER_FORMATS.has(format)) {
      addIssue(ctx, path, `a placeholder format, one of ${[...PLACEHOLDER_FORMATS].join(', ')}`, match[0]);
    }
  }
}

const messageSchema = /* @__PURE__ */ labelsSchema.superRefine((labels, ctx) => {
  checkTemplate(labels.en, ctx, ['en']);
  checkTemplate(labels['zh-CN'], ctx, ['zh-CN']);
});

/**
 * Schema of one rule: `{ id, when, severity, points, cause, message: { en, 'zh-CN' } }`, plus
 * optional `controllable` (overrides the cause taxonomy), `title`, `description` and `source`.
 * @example
 * ```ts
 * import { churnRuleSchema } from 'clientele';
 * const rule = { id: 'r', when: { signal: 'singleThreaded', op: 'eq', value: true }, severity: 'watch', points: 5, cause: 'relationship' };
 * churnRuleSchema.safeParse(rule).success; // true
 * ```
 * @category Churn
 */
export const churnRuleSchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    when: churnConditionSchema,
    severity: z.enum(churnSeverities),
    points: numericSchema.refine((value) => !tryDecimal(value)!.isNegative(), { error: 'points ≥ 0' }),
    cause: idSchema,
    controllable: z.boolean().optional(),
    message: messageSchema.optional(),
    title: labelsSchema.optional(),
    description: z.string().max(2000).optional(),
    source: z.string().max(500).optional(),
  })
  .strict();

/** A rule as written (input). @category Churn */
export type ChurnRuleInput = Omit<z.input<typeof churnRuleSchema>, 'when'> & { readonly when: ChurnCondition };

/** A rule after validation and normalisation (what `toJSON` gives back). @category Churn */
export interface ChurnRuleDefinition {
  readonly id: string;
  readonly when: ChurnCondition;
  readonly severity: ChurnSeverity;
  readonly points: number | string;
  readonly cause: string;
  readonly controllable?: boolean;
  readonly message: Labels;
  readonly title?: Labels;
  readonly description?: string;
  readonly source?: string;
}

/** Walks the raw input once, iteratively, before zod sees it: bounds size and depth, rejects prototype keys anywhere. */
function guardRuleSet(input: unknown, ctx: z.RefinementCtx): void {
  if (typeof input === 'object' && input !== null && !Array.isArray(input) && !isPlainObject(input)) {
    addIssue(ctx, [], 'a plain JSON object (no custom prototype)', input);
    return;
  }
  if (!isPlainObject(input)) return; // the object schema reports the type
  const rules = input['rules'];
  if (Array.isArray(rules) && rules.length > MAX_RULES) {
    addIssue(ctx, ['rules'], `at most ${MAX_RULES} rules`, rules);
    return;
  }
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [{ value: input, path: [], depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (++seen > MAX_CONDITIONS * 4) {
      addIssue(ctx, [], `a rule set of at most ${MAX_CONDITIONS} conditions`, 'a larger structure');
      return;
    }
    // rules[i].when is depth 1 of a condition; the object path to it is 3 deep (root, rules, [i])
    if (depth > MAX_DEPTH * 2 + 6) {
      addIssue(ctx, path.slice(0, 12), `conditions nested at most ${MAX_DEPTH} deep`, 'a deeper structure');
      return;
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_CONDITIONS) {
        addIssue(ctx, path, `at most ${MAX_CONDITIONS} items`, value);
        return;
      }
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index], depth: depth + 1 }));
    } else if (typeof value === 'object' && value !== null && !isScalar(value)) {
      if (!isPlainObject(value)) {
        // `{ __proto__: {...} }` in an object literal sets the prototype instead of a key: refuse it
        addIssue(ctx, path, 'a plain JSON object (no custom prototype)', value);
        return;
      }
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          addIssue(ctx, [...path, key], 'a key other than __proto__, constructor or prototype', (value as Record<string, unknown>)[key]);
          return;
        }
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1 });
      }
    }
  }
}

const ruleSetObjectSchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    version: versionSchema.optional(),
    labels: labelsSchema.optional(),
    description: z.string().max(2000).optional(),
    rules: z.array(churnRuleSchema).max(MAX_RULES, { error: `at most ${MAX_RULES} rules` }),
  })
  .strict()
  .superRefine((ruleSet, ctx) => {
    const seen = new Map<string, number>();
    ruleSet.rules.forEach((rule, index) => {
      const first = seen.get(rule.id);
      if (first !== undefined) addIssue(ctx, ['rules', index, 'id'], `a rule id not already used (rules[${first}] has "${rule.id}")`, rule.id);
      else seen.set(rule.id, index);
    });
    let conditions = 0;
    for (const rule of ruleSet.rules) conditions += countConditions(rule.when);
    if (conditions > MAX_CONDITIONS) addIssue(ctx, ['rules'], `at most ${MAX_CONDITIONS} conditions in all`, `${conditions} conditions`);
  });

function countConditions(node: ChurnCondition): number {
  if (typeof node !== 'object' || node === null) return 1; // invalid, already reported
  if ('all' in node && Array.isArray(node.all)) return 1 + node.all.reduce((total, child) => total + countConditions(child), 0);
  if ('any' in node && Array.isArray(node.any)) return 1 + node.any.reduce((total, child) => total + countConditions(child), 0);
  if ('not' in node) return 1 + countConditions(node.not);
  return 1;
}

/**
 * Schema of a rule set: `{ id, version?, labels?, description?, rules: [...] }`. Rejects unknown
 * operators, missing or duplicate ids, `__proto__` / `constructor` / `prototype` anywhere as a key
 * or as a signal name, more than {@link MAX_RULES} rules and nesting deeper than {@link MAX_DEPTH}.
 * @example
 * ```ts
 * import { ruleSetSchema } from 'clientele';
 * const ok = ruleSetSchema.safeParse({ id: 'mini', rules: [] }).success; // true
 * ```
 * @category Churn
 */
export const ruleSetSchema = /* @__PURE__ */ z.unknown().superRefine(guardRuleSet).pipe(ruleSetObjectSchema);

/** A rule set as written (input). @category Churn */
export type RuleSetInput = {
  readonly id: string;
  readonly version?: string;
  readonly labels?: Labels;
  readonly description?: string;
  readonly rules: readonly ChurnRuleInput[];
};

/** A rule set after validation and normalisation (what `toJSON` gives back). @category Churn */
export interface RuleSetDefinition {
  readonly id: string;
  readonly version: string;
  readonly labels?: Labels;
  readonly description?: string;
  readonly rules: readonly ChurnRuleDefinition[];
}

/**
 * The bounds `defineRuleSet` enforces, so a hostile or runaway rule file fails with a clear error
 * instead of exhausting the stack or memory.
 * @example
 * ```ts
 * import { ruleSetLimits } from 'clientele';
 * [ruleSetLimits.maxRules, ruleSetLimits.maxDepth]; // 1000 16
 * ```
 * @category Churn
 */
export const ruleSetLimits = /* @__PURE__ */ Object.freeze({
  maxRules: MAX_RULES,
  maxDepth: MAX_DEPTH,
  maxConditions: MAX_CONDITIONS,
  maxListValues: MAX_LIST,
});
