/**
 * The JSON rule format of the churn early warning: conditions, rules and rule sets, validated by
 * zod schemas that are exported so callers can validate rule files themselves.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { z } from 'zod';
import { withJsonSchema } from '../../shared/jsonSchema.js';
import { labelsSchema, type Labels, type LabelsInput } from '../../shared/labels.js';
import { tryDecimal } from '../../shared/numeric.js';
import { ALWAYS, addIssue, addIssues, idSchema, modelNumericSchema, versionSchema } from '../../shared/schema.js';
import { churnSignalCatalogue } from '../signals/churnSignalCatalogue.js';
import {
  churnSignalDeclarationsSchema,
  type ChurnSignalDeclarations,
  type ChurnSignalDeclarationsInput,
} from '../signals/signalCatalogueSchema.js';
import type { SignalTypes } from './checkAgainstCatalogue.js';
import { checkRuleSignals, distinctTemplates, signalCheckInput } from './checkRuleSignals.js';
import { foldCondition } from './conditionTree.js';
import { MAX_CONDITIONS, MAX_RULES, conditionOperators } from './ruleSetGrammar.js';
import { churnConditionJsonSchema, churnRuleJsonSchema, ruleSetJsonSchema } from './ruleSetJsonSchema.js';
import { checkCondition, checkTemplate, guardRuleSet, isScalar } from './validateRuleSet.js';

export { MAX_CONDITIONS, MAX_DEPTH, MAX_LIST, MAX_RULES, conditionOperators, ruleSetLimits } from './ruleSetGrammar.js';

/** @category Churn */
export type ChurnConditionOperator = (typeof conditionOperators)[number];

/** A scalar a condition compares with: a number (or decimal string / `Decimal`), a string (category or ISO date) or a
 * boolean. @category Churn */
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
  readonly value?: ChurnConditionScalar | readonly ChurnConditionScalar[] | ChurnTimeWindow | undefined;
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

/**
 * How alarming a fired rule is, from least to most.
 * @example
 * ```ts
 * import { churnSeverities } from 'clientele';
 * churnSeverities; // ['watch', 'warning', 'critical']
 * ```
 * @category Churn
 */
export const churnSeverities = ['watch', 'warning', 'critical'] as const;
/** @category Churn */
export type ChurnSeverity = (typeof churnSeverities)[number];
/** A rule set's level: the highest fired severity, or `'none'`. @category Churn */
export type ChurnLevel = ChurnSeverity | 'none';

/** Normalises a validated condition: numbers and decimal strings as given, `Decimal`s as strings. */
function normaliseCondition(node: ChurnCondition): ChurnCondition {
  return foldCondition<ChurnCondition>(node, {
    leaf: (leaf) =>
      leaf.value === undefined
        ? { signal: leaf.signal, op: leaf.op }
        : { signal: leaf.signal, op: leaf.op, value: normaliseValue(leaf.value) },
    all: (parts) => ({ all: parts }),
    any: (parts) => ({ any: parts }),
    not: (part) => ({ not: part }),
  });
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
export const churnConditionSchema: z.ZodType<ChurnCondition> = /* @__PURE__ */ withJsonSchema(
  /* @__PURE__ */ z
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
    }),
  churnConditionJsonSchema,
);

// every locale's template is checked (each is rendered), a template once however many locales
// share it (a zh-CN filled from en is not reported twice)
const messageSchema = /* @__PURE__ */ labelsSchema.superRefine((labels, ctx) => {
  for (const [locale, template] of distinctTemplates(labels)) checkTemplate(template, ctx, [locale]);
});

/**
 * Schema of one rule: `{ id, when, severity, points, cause, message: { en, 'zh-CN' } }`, plus
 * optional `controllable` (overrides the cause taxonomy), `title`, `description` and `source`.
 * @example
 * ```ts
 * import { churnRuleSchema } from 'clientele';
 * const rule = {
 *   id: 'r',
 *   when: { signal: 'singleThreaded', op: 'eq', value: true },
 *   severity: 'watch',
 *   points: 5,
 *   cause: 'relationship',
 * };
 * churnRuleSchema.safeParse(rule).success; // true
 * ```
 * @category Churn
 */
export const churnRuleSchema = /* @__PURE__ */ withJsonSchema(
  /* @__PURE__ */ z
    .object({
      id: idSchema,
      when: churnConditionSchema,
      severity: z.enum(churnSeverities),
      // not aborting: a bad number does not stop the rule set's cross-rule and signal checks
      points: modelNumericSchema.refine((value) => tryDecimal(value)?.isNegative() !== true, { error: 'points ≥ 0' }),
      cause: idSchema,
      controllable: z.boolean().optional(),
      message: messageSchema.optional(),
      title: labelsSchema.optional(),
      description: z.string().max(2000).optional(),
      source: z.string().max(500).optional(),
    })
    .strict(),
  churnRuleJsonSchema,
);

/**
 * A rule as written (input): `message` and `title` in any BCP 47 locale, `en` required (the
 * fallback), `zh-CN` filled from it when left out.
 * @category Churn
 */
export type ChurnRuleInput = Omit<z.input<typeof churnRuleSchema>, 'when' | 'message' | 'title'> & {
  readonly when: ChurnCondition;
  readonly message?: LabelsInput | undefined;
  readonly title?: LabelsInput | undefined;
};

/** A rule after validation and normalisation (what `toJSON` gives back). @category Churn */
export interface ChurnRuleDefinition {
  readonly id: string;
  readonly when: ChurnCondition;
  readonly severity: ChurnSeverity;
  readonly points: number | string;
  readonly cause: string;
  readonly controllable?: boolean | undefined;
  readonly message: Labels;
  readonly title?: Labels | undefined;
  readonly description?: string | undefined;
  readonly source?: string | undefined;
}

const ruleSetObjectSchema = /* @__PURE__ */ z
  .object({
    // the JSON Schema an editor reads; defineX ignores it
    $schema: z.string().optional(),
    id: idSchema,
    version: versionSchema.optional(),
    labels: labelsSchema.optional(),
    description: z.string().max(2000).optional(),
    signals: churnSignalDeclarationsSchema.optional(),
    checkSignals: z.boolean().optional(),
    rules: z.array(churnRuleSchema).max(MAX_RULES, { error: `at most ${MAX_RULES} rules` }),
  })
  .strict()
  .superRefine(checkAcrossRules, ALWAYS);

/**
 * The checks across rules: ids used twice, too many conditions in all. They run beside field errors
 * (so one parse reports every mistake) and read only the parts that are well formed.
 */
function checkAcrossRules(ruleSet: { readonly rules: readonly unknown[] }, ctx: z.RefinementCtx): void {
  if (!Array.isArray(ruleSet.rules)) return;
  const seen = new Map<string, number>();
  let conditions = 0;
  ruleSet.rules.forEach((rule: unknown, index) => {
    if (typeof rule !== 'object' || rule === null) return;
    const { id, when } = rule as { readonly id?: unknown; readonly when?: unknown };
    conditions += countConditions(when as ChurnCondition);
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first !== undefined)
      addIssue(
        ctx,
        ['rules', index, 'id'],
        `a rule id not already used (rules[${first}] has "${id}")`,
        id,
        'duplicate',
      );
    else seen.set(id, index);
  });
  if (conditions > MAX_CONDITIONS)
    addIssue(ctx, ['rules'], `at most ${MAX_CONDITIONS} conditions in all`, `${conditions} conditions`, 'too_big');
}

/** The rule-set schema without the signal check (`defineRuleSet` runs that check itself, as its options say). */
export const ruleSetShapeSchema = /* @__PURE__ */ withJsonSchema(
  /* @__PURE__ */ z.unknown().superRefine(guardRuleSet).pipe(ruleSetObjectSchema),
  ruleSetJsonSchema,
);

/**
 * Schema of a rule set: `{ id, version?, labels?, description?, signals?, checkSignals?, rules: [...] }`.
 * Rejects unknown operators, missing or duplicate ids, `__proto__` / `constructor` / `prototype`
 * anywhere as a key or as a signal name, more than {@link MAX_RULES} rules, nesting deeper than
 * {@link MAX_DEPTH}, and — unless `checkSignals` is `false` — a signal that is neither in the built-in
 * churn signal catalogue nor declared in `signals`, or compared in a way its type does not allow.
 * It accepts exactly what `defineRuleSet` accepts without options.
 * @example
 * ```ts
 * import { ruleSetSchema } from 'clientele';
 * const ok = ruleSetSchema.safeParse({ id: 'mini', rules: [] }).success; // true
 * ```
 * @category Churn
 */
export const ruleSetSchema = /* @__PURE__ */ ruleSetSchemaWith(churnSignalCatalogue);

/**
 * The rule-set schema with the signal check against `catalogue` (the file's `signals` added). The
 * check runs beside field errors, on the rules whose conditions and messages are well formed, and
 * not at all when the file's `signals` or `checkSignals` are malformed (it could not know them).
 */
export function ruleSetSchemaWith(catalogue: SignalTypes): typeof ruleSetShapeSchema {
  const schema = ruleSetShapeSchema.superRefine((ruleSet, ctx) => {
    const input = signalCheckInput(ruleSet, ctx.issues);
    if (input === undefined) return;
    // a message locale such as zh-CN is a quoted path segment (`message["zh-CN"]`): keep it whole
    addIssues(
      ctx,
      checkRuleSignals(input, catalogue).map((issue) => ({
        ...issue,
        path: issue.path.replace(/\["([^"]*)"\]/g, '.$1'),
      })),
    );
  }, ALWAYS);
  // the JSON Schema of the file, as z.toJSONSchema(ruleSetSchema) gives it
  return withJsonSchema(schema, ruleSetJsonSchema);
}

/** A rule set as written (input). @category Churn */
export type RuleSetInput = {
  /** The JSON Schema the file follows, for an editor (`defineRuleSet` ignores it). */
  readonly $schema?: string | undefined;
  readonly id: string;
  readonly version?: string | undefined;
  /** In any BCP 47 locale, `en` required (the fallback). */
  readonly labels?: LabelsInput | undefined;
  readonly description?: string | undefined;
  /** Custom signals the rules read, with their types (added to the built-in churn signal catalogue). */
  readonly signals?: ChurnSignalDeclarationsInput | undefined;
  /** `false` turns the signal check off: the rules may read any signal, compared by their values' types only. */
  readonly checkSignals?: boolean | undefined;
  readonly rules: readonly ChurnRuleInput[];
};

/** A rule set after validation and normalisation (what `toJSON` gives back). @category Churn */
export interface RuleSetDefinition {
  readonly id: string;
  readonly version: string;
  readonly labels?: Labels | undefined;
  readonly description?: string | undefined;
  readonly signals?: ChurnSignalDeclarations | undefined;
  readonly checkSignals?: false | undefined;
  readonly rules: readonly ChurnRuleDefinition[];
}

/**
 * Nodes (leaves and groups) of a condition tree. zod may run this refinement over a tree its
 * validator already rejected; such a tree is reported there, and counts as one node here.
 */
function countConditions(node: ChurnCondition): number {
  try {
    return foldCondition(node, {
      leaf: () => 1,
      all: (parts) => 1 + parts.reduce((total, part) => total + part, 0),
      any: (parts) => 1 + parts.reduce((total, part) => total + part, 0),
      not: (part) => 1 + part,
    });
  } catch {
    return 1;
  }
}
