import { z } from 'zod';
import { labelsSchema, type LabelsInput } from '../../shared/labels.js';
import { FORBIDDEN_KEYS, addIssue } from '../../shared/schema.js';

/** The types a catalogued signal may have.  * @example
 * ```ts
 * import { churnSignalTypes } from 'clientele';
 * churnSignalTypes.length; // 5
 * ```
@category Churn */
export const churnSignalTypes = ['number', 'duration', 'boolean', 'category', 'date'] as const;
/** @category Churn */
export type ChurnSignalType = (typeof churnSignalTypes)[number];

/**
 * Schema of one catalogue entry: the signal's type, unit, which direction is alarming (for numbers
 * and durations `higher` or `lower`; for booleans `true`), allowed values of a category, labels.
 * @example
 * ```ts
 * import { churnSignalDefinitionSchema } from 'clientele';
 * churnSignalDefinitionSchema.safeParse({
 *   type: 'boolean',
 *   alarming: 'true',
 *   labels: { en: 'Late', 'zh-CN': '延迟' },
 * }).success; // true
 * ```
 * @category Churn
 */
export const churnSignalDefinitionSchema = /* @__PURE__ */ z
  .object({
    type: z.enum(churnSignalTypes),
    unit: z.string().min(1).max(40).optional(),
    alarming: z.enum(['higher', 'lower', 'true', 'false']).optional(),
    values: z.array(z.string().min(1)).min(1).max(1000).optional(),
    labels: labelsSchema,
    description: z.string().max(2000).optional(),
    source: z.string().max(500).optional(),
  })
  .strict();

/** One catalogue entry. @category Churn */
export type ChurnSignalDefinition = z.infer<typeof churnSignalDefinitionSchema>;

/**
 * One catalogue entry as written: labels in any BCP 47 locale (`en` required, the fallback;
 * `zh-CN` filled from it), category values as any array (a `readonly` literal too).
 * @category Churn
 */
export type ChurnSignalDefinitionInput = Omit<ChurnSignalDefinition, 'labels' | 'values'> & {
  readonly labels: LabelsInput;
  readonly values?: readonly string[] | undefined;
};

/** Signal names follow the rule format's: 1–100 characters, no braces, bars or control characters, never a
 * prototype key. */
function checkSignalNames(record: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const name of Object.keys(record)) {
    if (FORBIDDEN_KEYS.has(name) || !/^[^{}|\u0000-\u001f]{1,100}$/.test(name)) {
      addIssue(ctx, [name], 'a signal name of 1–100 characters without "{", "}", "|" (never a prototype key)', name);
    }
  }
}

/**
 * Schema of a signal catalogue: signal name → definition. Names follow the rule format's signal
 * names and are never `__proto__`, `constructor` or `prototype`.
 * @example
 * ```ts
 * import { churnSignalCatalogueSchema } from 'clientele';
 * churnSignalCatalogueSchema.parse({
 *   tenureYears: { type: 'number', alarming: 'lower', labels: { en: 'Tenure', 'zh-CN': '交往时间' } },
 * });
 * ```
 * @category Churn
 */
export const churnSignalCatalogueSchema = /* @__PURE__ */ z
  .record(z.string(), churnSignalDefinitionSchema)
  .superRefine(checkSignalNames);

/** A signal catalogue: signal name → definition. @category Churn */
export type ChurnSignalCatalogue = Readonly<Record<string, ChurnSignalDefinition>>;

/** A signal catalogue as written (what `defineRuleSet`'s `catalogue` option takes). @category Churn */
export type ChurnSignalCatalogueInput = Readonly<Record<string, ChurnSignalDefinitionInput>>;

/**
 * Schema of the custom signals a rule-set file declares under its `signals` key: signal name → a
 * catalogue entry whose `labels` may be left out (`{ type: 'number' }` is enough). The rules are
 * type-checked against the built-in catalogue with these declarations added (a declaration of a
 * built-in name replaces the built-in entry).
 * @example
 * ```ts
 * import { churnSignalDeclarationsSchema } from 'clientele';
 * churnSignalDeclarationsSchema.safeParse({ ticketsReopened: { type: 'number', alarming: 'higher' } }).success; // true
 * ```
 * @category Churn
 */
export const churnSignalDeclarationsSchema = /* @__PURE__ */ z
  .record(z.string(), churnSignalDefinitionSchema.partial({ labels: true }))
  .superRefine(checkSignalNames);

/**
 * Custom signals declared in a rule-set file: signal name → type (and optionally unit, values, labels).
 * @category Churn
 */
export type ChurnSignalDeclarations = Readonly<Record<string, z.infer<typeof churnSignalDeclarationsSchema>[string]>>;

/**
 * Custom signals as a rule-set file declares them: catalogue entries as written, `labels` optional.
 * @category Churn
 */
export type ChurnSignalDeclarationsInput = Readonly<
  Record<string, Omit<ChurnSignalDefinitionInput, 'labels'> & { readonly labels?: LabelsInput | undefined }>
>;
