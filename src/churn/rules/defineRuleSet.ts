import { ValidationError, type Issue } from '../../shared/errors.js';
import { fingerprint } from '../../shared/fingerprint.js';
import { ExactDecimal, ONE, ZERO, toDecimal } from '../../shared/numeric.js';
import { parseWith } from '../../shared/schema.js';
import { controllableOf } from '../churnCauses.js';
import { churnSignalCatalogueSchema, type ChurnSignalCatalogue } from '../signals/signalCatalogueSchema.js';
import { checkAgainstCatalogue } from './checkAgainstCatalogue.js';
import { compileCondition, tableEntry, usesTimeWindow } from './compileCondition.js';
import { SEVERITY_RANK, attachCompiled, compiledOf, type ChurnRule, type RuleSet } from './ruleSetModel.js';
import { ruleSetSchema, type ChurnRuleDefinition, type RuleSetDefinition } from './ruleSetSchema.js';

/** The version a rule set gets when its JSON gives none. */
export const DEFAULT_RULE_SET_VERSION = '1.0.0';

/**
 * Options of {@link defineRuleSet}.
 * @category Churn
 */
export interface DefineRuleSetOptions {
  /**
   * A signal catalogue to type-check the rules against (every signal must exist, operators and
   * values must suit its type). Without one, each comparison is checked against its own value's
   * type only, so rules may read any signal.
   */
  readonly catalogue?: ChurnSignalCatalogue;
}

const PLACEHOLDER = /\{([^{}|]*)(?:\|[^{}]*)?\}/g;

function defaultMessage(id: string): { en: string; 'zh-CN': string } {
  return { en: `Rule ${id} fired`, 'zh-CN': `规则 ${id} 已触发` };
}

/**
 * Validates a JSON rule set and compiles it once into closures (no `eval`, no `new Function`).
 *
 * Conditions are `{ signal, op, value }` leaves (`lt`, `lte`, `gt`, `gte`, `eq`, `neq`, `in`,
 * `notIn`, plus `between`, `known`, `missing` and the time windows `within` / `olderThan`) nested
 * in `{ all }`, `{ any }`, `{ not }`; evaluation follows Kleene's three-valued logic (SPEC §3). The
 * early-warning idea and the cause taxonomy come from seeds 000 and 003.
 *
 * @param json - `{ id, version?, labels?, description?, rules: [{ id, when, severity, points, cause, message }] }`.
 * @param options - An optional signal catalogue to type-check against.
 * @returns A frozen rule set with `id`, `version` (default `'1.0.0'`), `fingerprint`, `rules` and `toJSON()`.
 * @throws {ValidationError} on an unknown operator, a missing or duplicate id, a `__proto__` /
 * `constructor` / `prototype` key or signal name, a value of the wrong type for its operator, more
 * than 1,000 rules or nesting deeper than 16, or a rule that does not fit the catalogue.
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
export function defineRuleSet(json: unknown, options: DefineRuleSetOptions = {}): RuleSet {
  // an already compiled rule set is re-read from its definition (so a catalogue can still check it)
  const source = typeof json === 'object' && json !== null && compiledOf(json) !== undefined ? (json as RuleSet).toJSON() : json;
  const parsed = parseWith(ruleSetSchema, source, 'defineRuleSet');
  const catalogue = options.catalogue === undefined ? undefined : (parseWith(churnSignalCatalogueSchema, options.catalogue, 'defineRuleSet', 'catalogue') as ChurnSignalCatalogue);

  const rules: ChurnRuleDefinition[] = parsed.rules.map((rule) => {
    const normalised: { -readonly [K in keyof ChurnRuleDefinition]: ChurnRuleDefinition[K] } = {
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
  const definition: { -readonly [K in keyof RuleSetDefinition]: RuleSetDefinition[K] } = {
    id: parsed.id,
    version: parsed.version ?? DEFAULT_RULE_SET_VERSION,
    rules,
  };
  if (parsed.labels !== undefined) definition.labels = parsed.labels;
  if (parsed.description !== undefined) definition.description = parsed.description;

  if (catalogue !== undefined) {
    const issues: Issue[] = [];
    rules.forEach((rule, index) => checkAgainstCatalogue(rule.when, catalogue, ['rules', index, 'when'], issues));
    if (issues.length > 0) throw new ValidationError(issues, 'defineRuleSet');
  }

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
  const ruleSignals = rules.map((rule, index) => {
    const used = new Set<string>();
    collectSignals(trees[index]!, slotNames, used);
    for (const text of [rule.message.en, rule.message['zh-CN']]) {
      for (const match of text.matchAll(PLACEHOLDER)) slotOf(match[1]!);
    }
    return Object.freeze([...used]);
  });

  const frozenDefinition = deepFreeze(definition) as RuleSetDefinition;
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
  const model = new RuleSetModel(frozenDefinition, fingerprint(frozenDefinition), publicRules, slotNames, rules.some((rule) => usesTimeWindow(rule.when)));
  attachCompiled(model, {
    slotNames: Object.freeze([...slotNames]),
    slotIndex: Object.freeze(Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(slotNames.map((name, slot) => [name, slot])))),
    tests: Object.freeze(trees.map((tree) => tree.test)),
    trees: Object.freeze(trees),
    ranks: Uint8Array.from(rules, (rule) => SEVERITY_RANK[rule.severity]),
    definition: frozenDefinition,
    maxRisk: publicRules.reduce((total, rule) => total.plus(rule.points), ZERO),
    table: buildTable(trees),
    decidedShares: Object.freeze(
      rules.length === 0 ? [ONE] : Array.from({ length: rules.length + 1 }, (_, decided) => new ExactDecimal(decided).div(rules.length)),
    ),
  });
  return model;
}

function buildTable(trees: readonly ReturnType<typeof compileCondition>[]): { kinds: Uint8Array; slots: Int32Array; limits: Float64Array } {
  const kinds = new Uint8Array(trees.length);
  const slots = new Int32Array(trees.length);
  const limits = new Float64Array(trees.length);
  trees.forEach((tree, index) => {
    const entry = tableEntry(tree);
    if (entry === undefined) return;
    kinds[index] = entry.kind;
    slots[index] = entry.slot;
    limits[index] = entry.limit;
  });
  return { kinds, slots, limits };
}

function collectSignals(node: { kind: string; leaf: { signal: string } | undefined; children: readonly unknown[] }, names: readonly string[], into: Set<string>): void {
  if (node.leaf !== undefined) into.add(node.leaf.signal);
  for (const child of node.children) collectSignals(child as typeof node, names, into);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The model class: data fields are own and enumerable, `toJSON` lives on the prototype. */
class RuleSetModel implements RuleSet {
  readonly id: string;
  readonly version: string;
  readonly fingerprint: string;
  readonly labels: RuleSet['labels'];
  readonly rules: readonly ChurnRule[];
  readonly signals: readonly string[];
  readonly usesTimeWindows: boolean;
  readonly #definition: RuleSetDefinition;

  constructor(definition: RuleSetDefinition, digest: string, rules: readonly ChurnRule[], signals: readonly string[], usesTimeWindows: boolean) {
    this.#definition = definition;
    this.id = definition.id;
    this.version = definition.version;
    this.fingerprint = digest;
    this.labels = definition.labels;
    this.rules = Object.freeze(rules);
    this.signals = Object.freeze([...signals]);
    this.usesTimeWindows = usesTimeWindows;
    Object.freeze(this);
  }

  toJSON(): RuleSetDefinition {
    return JSON.parse(JSON.stringify(this.#definition)) as RuleSetDefinition;
  }
}
