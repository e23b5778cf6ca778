import { modelCore, modelDefiner, safely, type SafeResult } from '../../shared/model.js';
import { ExactDecimal, ONE, ZERO, toDecimal } from '../../shared/numeric.js';
import { parseWith } from '../../shared/schema.js';
import { fail } from '../../shared/errors.js';
import { readingInput } from '../../shared/input.js';
import type { RuntimeShapedDefinition } from '../../shared/jsonDefinition.js';
import { controllableOf } from '../churnCauses.js';
import { churnSignalCatalogue } from '../signals/churnSignalCatalogue.js';
import {
  churnSignalCatalogueSchema,
  type ChurnSignalCatalogue,
  type ChurnSignalCatalogueInput,
  type ChurnSignalDeclarations,
} from '../signals/signalCatalogueSchema.js';
import { compileCondition, usesTimeWindow } from './compileCondition.js';
import { compileProgram } from './ruleProgram.js';
import { pointSums } from './pointSums.js';
import { leavesOf } from './conditionTree.js';
import { placeholdersOf } from './placeholders.js';
import { SEVERITY_RANK, type ChurnRule, type CompiledRuleSet, type RuleSet, type RuleSetLike } from './ruleSetModel.js';
import {
  ruleSetSchema,
  ruleSetSchemaWith,
  ruleSetShapeSchema,
  type ChurnRuleDefinition,
  type RuleSetDefinition,
  type RuleSetInput,
} from './ruleSetSchema.js';

const CONTEXT = 'defineRuleSet';

/** The version a rule set gets when its JSON gives none. */
const DEFAULT_RULE_SET_VERSION = '1.0.0';

/**
 * Options of {@link defineRuleSet}.
 * @category Churn
 */
export interface DefineRuleSetOptions {
  /**
   * The signal catalogue to type-check the rules against instead of the built-in
   * {@link churnSignalCatalogue} (every signal a rule reads must be in it or declared in the rule
   * set's `signals`; operators and values must suit its type). The catalogue's entries for the
   * signals the rules read that the built-in catalogue lacks (or types otherwise) are written into the
   * rule set's `signals`, so its `toJSON()` is accepted again without the option.
   */
  readonly catalogue?: ChurnSignalCatalogueInput | undefined;
  /**
   * `false` turns the signal check off, for rules over signals the caller computes and does not
   * want to declare: each comparison is then checked against its own value's type only. It is
   * recorded in the definition as `checkSignals: false`, as the rule-set file would say it.
   */
  readonly checkSignals?: false | undefined;
}

function defaultMessage(id: string): { en: string; 'zh-CN': string } {
  return { en: `Rule ${id} fired`, 'zh-CN': `规则 ${id} 已触发` };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function normaliseRuleSet(
  parsed: ReturnType<typeof ruleSetShapeSchema.parse>,
  options: CheckedOptions,
): RuleSetDefinition {
  const rules: ChurnRuleDefinition[] = parsed.rules.map((rule) => {
    const normalised: Mutable<ChurnRuleDefinition> = {
      id: rule.id,
      when: rule.when,
      severity: rule.severity,
      points: typeof rule.points === 'number' ? rule.points : toDecimal(rule.points).toFixed(),
      cause: rule.cause,
      message: rule.message ?? defaultMessage(rule.id),
    };
    if (rule.controllable !== undefined) normalised.controllable = rule.controllable;
    if (rule.title !== undefined) normalised.title = rule.title;
    if (rule.description !== undefined) normalised.description = rule.description;
    if (rule.source !== undefined) normalised.source = rule.source;
    return normalised;
  });
  const definition: Mutable<RuleSetDefinition> = {
    id: parsed.id,
    version: parsed.version ?? DEFAULT_RULE_SET_VERSION,
    rules,
  };
  if (parsed.labels !== undefined) definition.labels = parsed.labels;
  if (parsed.description !== undefined) definition.description = parsed.description;
  const declared = declaredSignals(parsed, options);
  if (declared !== undefined) definition.signals = declared;
  if (parsed.checkSignals === false || !options.checkSignals) definition.checkSignals = false;
  return deepFreeze(definition);
}

/** The options as the blueprint reads them: the caller's catalogue validated (labels normalised). */
interface CheckedOptions {
  readonly catalogue: ChurnSignalCatalogue | undefined;
  readonly checkSignals: boolean;
}

function checkedOptions(options: DefineRuleSetOptions | undefined): CheckedOptions {
  if (options === undefined) return { catalogue: undefined, checkSignals: true };
  if (typeof options !== 'object' || options === null)
    fail('options', 'an options object', options, CONTEXT, 'invalid_type');
  // each option read once; a throwing getter or proxy trap is a ValidationError at `options`
  const [catalogue, checkSignals] = readingInput('options', CONTEXT, () => [options.catalogue, options.checkSignals]);
  return {
    catalogue:
      catalogue === undefined
        ? undefined
        : (parseWith(churnSignalCatalogueSchema, catalogue, CONTEXT, 'catalogue') as ChurnSignalCatalogue),
    // `undefined` is absent, as for every optional option
    checkSignals: checkSignals !== false,
  };
}

/**
 * The rule set's `signals`: the file's declarations, plus — with a caller's catalogue — that
 * catalogue's entries for the signals the rules read that the built-in catalogue lacks or types
 * otherwise (the file's own declaration of a name wins).
 */
function declaredSignals(
  parsed: ReturnType<typeof ruleSetShapeSchema.parse>,
  options: CheckedOptions,
): ChurnSignalDeclarations | undefined {
  const catalogue = options.catalogue;
  if (catalogue === undefined || parsed.checkSignals === false || !options.checkSignals) return parsed.signals;
  const declared: Record<string, ChurnSignalDeclarations[string]> = {};
  const own = Object.prototype.hasOwnProperty;
  for (const rule of parsed.rules) {
    const read = [
      ...leavesOf(rule.when).map((leaf) => leaf.signal),
      ...Object.values(rule.message ?? {}).flatMap((text) =>
        placeholdersOf(text).map((placeholder) => placeholder.name),
      ),
    ];
    for (const name of read) {
      if (!own.call(catalogue, name) || (parsed.signals !== undefined && own.call(parsed.signals, name))) continue;
      const entry = catalogue[name]!;
      const builtIn = own.call(churnSignalCatalogue, name) ? churnSignalCatalogue[name] : undefined;
      if (builtIn === undefined || JSON.stringify(builtIn) !== JSON.stringify(entry)) declared[name] = entry;
    }
  }
  const merged = { ...declared, ...parsed.signals };
  return Object.keys(merged).length === 0 ? undefined : merged;
}

/** Slots for every signal a rule or message reads, in first-use order; each rule compiled against them. */
function compileRuleSet(definition: RuleSetDefinition): {
  fields: Omit<RuleSet, 'kind' | 'id' | 'version' | 'fingerprint' | 'toJSON'>;
  compiled: CompiledRuleSet;
} {
  const { rules } = definition;
  const slotNames: string[] = [];
  const slots = new Map<string, number>();
  const slotOf = (signal: string): number => {
    let slot = slots.get(signal);
    if (slot === undefined) {
      slot = slotNames.length;
      slots.set(signal, slot);
      slotNames.push(signal);
    }
    return slot;
  };
  const trees = rules.map((rule) => compileCondition(rule.when, slotOf));
  const ruleSignals = rules.map((rule) => {
    // every locale's template: a message in any locale shows the values it names
    for (const text of Object.values(rule.message))
      for (const placeholder of placeholdersOf(text)) slotOf(placeholder.name);
    return Object.freeze([...new Set(leavesOf(rule.when).map((leaf) => leaf.signal))]);
  });
  const publicRules: ChurnRule[] = rules.map((rule, index) =>
    Object.freeze({
      id: rule.id,
      when: rule.when,
      severity: rule.severity,
      points: toDecimal(rule.points, `rules[${index}].points`),
      cause: rule.cause,
      controllable: controllableOf(rule.cause, rule.controllable),
      message: rule.message,
      title: rule.title,
      source: rule.source,
      signals: ruleSignals[index]!,
    }),
  );
  const compiled: CompiledRuleSet = {
    slotNames: Object.freeze([...slotNames]),
    slotIndex: Object.freeze(
      Object.assign(
        Object.create(null) as Record<string, number>,
        Object.fromEntries(slotNames.map((name, slot) => [name, slot])),
      ),
    ),
    tests: Object.freeze(trees.map((tree) => tree.test)),
    trees: Object.freeze(trees),
    ranks: Uint8Array.from(rules, (rule) => SEVERITY_RANK[rule.severity]),
    definition,
    maxRisk: publicRules.reduce((total, rule) => total.plus(rule.points), ZERO),
    pointSums: pointSums(publicRules.map((rule) => rule.points)),
    program: compileProgram(trees, slotNames.length),
    decidedShares: Object.freeze(
      rules.length === 0
        ? [ONE]
        : Array.from({ length: rules.length + 1 }, (_, decided) => new ExactDecimal(decided).div(rules.length)),
    ),
  };
  const fields = {
    labels: definition.labels,
    rules: Object.freeze(publicRules),
    signals: Object.freeze([...slotNames]),
    usesTimeWindows: rules.some((rule) => usesTimeWindow(rule.when)),
  };
  return { fields, compiled };
}

const ruleSets = /* @__PURE__ */ modelCore({
  kind: 'ruleSet',
  context: CONTEXT,
  normalise: (parsed: ReturnType<typeof ruleSetShapeSchema.parse>, options: CheckedOptions) =>
    normaliseRuleSet(parsed, options),
  compile: (_parsed, normalised) => compileRuleSet(normalised),
});

// a compiled rule set is re-read from its definition when options are to check it again
const prepare = (input: unknown, options: CheckedOptions): unknown =>
  (options.catalogue !== undefined || !options.checkSignals) && isRuleSet(input) ? input.toJSON() : input;

/** Defines rule sets through `schema`: the shape checks, and the signal check it carries (if any). */
const definerOf = (schema: typeof ruleSetShapeSchema) => modelDefiner(ruleSets, { context: CONTEXT, schema, prepare });

/** With the built-in catalogue (what {@link ruleSetSchema} checks), and with no signal check. */
const builtInDefiner = /* @__PURE__ */ definerOf(ruleSetSchema);
const uncheckedDefiner = /* @__PURE__ */ definerOf(ruleSetShapeSchema);

/**
 * Validates and compiles as `options` say: one parse reports every mistake of the file (its shape,
 * its duplicate ids, its placeholders and its signals against the caller's catalogue) together.
 */
function defineWith(json: unknown, options: DefineRuleSetOptions): RuleSet {
  const checked = checkedOptions(options);
  if (!checked.checkSignals) return uncheckedDefiner.define(json, checked);
  if (checked.catalogue === undefined) return builtInDefiner.define(json, checked);
  return definerOf(ruleSetSchemaWith(checked.catalogue)).define(json, checked);
}

/**
 * Validates a JSON rule set and compiles it once into closures (no `eval`, no `new Function`).
 *
 * Conditions are `{ signal, op, value }` leaves (`lt`, `lte`, `gt`, `gte`, `eq`, `neq`, `in`,
 * `notIn`, plus `between`, `known`, `missing` and the time windows `within` / `olderThan`) nested
 * in `{ all }`, `{ any }`, `{ not }`; evaluation follows Kleene's three-valued logic (SPEC §3). The
 * early-warning idea and the cause taxonomy come from seeds 000 and 003.
 *
 * Every signal a rule or message reads must be in the built-in {@link churnSignalCatalogue} or
 * declared in the rule set's `signals` (custom signals with their types), unless the rule set says
 * `checkSignals: false`; conditions are type-checked against the signal's entry.
 *
 * @param json - `{ id, version?, labels?, description?, signals?, checkSignals?, rules: [{ id, when, severity,
 * points, cause, message }] }`.
 * @param options - `catalogue`: your own signal catalogue instead of the built-in one;
 * `checkSignals: false`: no signal check (recorded in the definition).
 * @returns A frozen rule set with `id`, `version` (default `'1.0.0'`), `fingerprint`, `rules` and `toJSON()`.
 * @throws {ValidationError} on an unknown operator, a missing or duplicate id, a `__proto__` /
 * `constructor` / `prototype` key or signal name, a value of the wrong type for its operator, more
 * than 1,000 rules or nesting deeper than 16, a signal neither built in nor declared (the issue names
 * the nearest known signal when one is close), or a rule that does not fit its signal's type.
 * @example
 * ```ts
 * import { defineRuleSet, evaluateRules } from 'clientele';
 * const rules = defineRuleSet({
 *   id: 'mini',
 *   rules: [{
 *     id: 'spend-drop', when: { signal: 'spendChange', op: 'lte', value: -0.2 },
 *     severity: 'warning', points: 15, cause: 'needs-unmet',
 *     message: { en: 'Spend changed {spendChange|percent}', 'zh-CN': '投放额变化 {spendChange|percent}' },
 *   }],
 * });
 * evaluateRules(rules, { spendChange: -0.35 }).fired; // ['spend-drop']
 * ```
 * @category Churn
 */
export function defineRuleSet<const D extends RuleSetLike>(
  json: D & RuntimeShapedDefinition<D, 'rules'>,
  options?: DefineRuleSetOptions,
): RuleSet;
export function defineRuleSet(json: RuleSet | RuleSetInput, options?: DefineRuleSetOptions): RuleSet;
export function defineRuleSet(json: RuleSetLike, options: DefineRuleSetOptions = {}): RuleSet {
  return defineWith(json, options);
}

/**
 * The non-throwing form of {@link defineRuleSet}, for validating a rule file a user edited:
 * `{ success: true, output }` or `{ success: false, issues }` (as valibot's `safeParse`).
 *
 * @example
 * ```ts
 * import { safeDefineRuleSet } from 'clientele';
 * const outcome = safeDefineRuleSet({
 *   id: 'draft',
 *   rules: [{ id: 'r', when: { signal: 'x', op: 'above', value: 1 }, severity: 'watch', points: 1, cause: 'credit' }],
 * });
 * if (!outcome.success) outcome.issues[0]?.path; // 'rules[0].when.op'
 * ```
 * @category Churn
 */
export function safeDefineRuleSet(json: unknown, options: DefineRuleSetOptions = {}): SafeResult<RuleSet> {
  return safely(defineWith, json, options);
}

/**
 * True for rule sets compiled by {@link defineRuleSet} (never for a look-alike object).
 * @example
 * ```ts
 * import { defaultChurnRuleSet, isRuleSet } from 'clientele';
 * [isRuleSet(defaultChurnRuleSet), isRuleSet(defaultChurnRuleSet.toJSON())]; // true false
 * ```
 * @category Churn
 */
export function isRuleSet(value: unknown): value is RuleSet {
  return ruleSets.is(value);
}

/** The private compiled form of a rule set from {@link defineRuleSet}, or `undefined`. */
export function compiledRuleSetOf(value: unknown): CompiledRuleSet | undefined {
  return ruleSets.compiledOf(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
