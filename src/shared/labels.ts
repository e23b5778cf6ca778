import { z } from 'zod';
import { withJsonSchema, type JsonSchemaObject } from './jsonSchema.js';
import { addIssue } from './schema.js';
import { BCP47_TAG, copyLabels, type Labels, type LabelsInput } from './labelsCore.js';

export {
  copyLabels,
  isLocaleTag,
  labelIn,
  labelsOrId,
  localeTagPattern,
  locales,
  type Labels,
  type LabelsInput,
  type Locale,
} from './labelsCore.js';

const labelText = /* @__PURE__ */ z.string().min(1);

/**
 * The labels object before `zh-CN` is filled in: `en` required, any BCP 47 locale as a key.
 * @internal Read by the JSON Schema generator; use {@link labelsSchema}.
 */
export const labelsObjectSchema = /* @__PURE__ */ (() =>
  z.preprocess(
    (input, ctx) => {
      // zod drops a `__proto__` key silently (it cannot be an own key of its output): refuse it here
      if (typeof input === 'object' && input !== null && Object.prototype.hasOwnProperty.call(input, '__proto__'))
        addIssue(ctx, ['__proto__'], 'a BCP 47 locale tag as the key, never __proto__', '__proto__', 'forbidden_key');
      return input;
    },
    z
      .record(
        z
          .string()
          .max(64)
          .regex(BCP47_TAG, { error: 'a BCP 47 locale tag as the key (en, zh-CN, de, ja, zh-Hant-TW, …)' }),
        labelText,
      )
      .superRefine((labels, ctx) => {
        if (labels['en'] === undefined)
          addIssue(ctx, ['en'], 'a label in en (the fallback locale)', undefined, 'missing');
      }),
  ))();

/**
 * Labels by locale: `en` required, any BCP 47 locale tag as a further key (`zh-CN`, `de`, `ja`,
 * `zh-Hant-TW`, `es-419`); `zh-CN` is filled from `en` when absent. Locales come out in a fixed
 * order (`en`, `zh-CN`, then the others by tag).
 * @example
 * ```ts
 * import { labelsSchema } from 'clientele';
 * labelsSchema.parse({ en: 'Credit', de: 'Bonität' }); // { en: 'Credit', 'zh-CN': 'Credit', de: 'Bonität' }
 * labelsSchema.safeParse({ en: 'Credit', german: 'Bonität' }).success; // false
 * ```
 * @category Labels
 */
// Typed as model files write labels on the way in (`LabelsInput`: `en` required, any other locale,
// `zh-CN` included, optional) and as the library gives them back (`Labels`: `zh-CN` filled in).
export const labelsSchema: z.ZodType<Labels, LabelsInput> = /* @__PURE__ */ withJsonSchema(
  /* @__PURE__ */ labelsObjectSchema.transform((labels) => copyLabels(labels as LabelsInput)),
  labelsJsonSchema,
) as unknown as z.ZodType<Labels, LabelsInput>;

/** Labels in JSON: `en` required (the fallback), `zh-CN` named (every preset carries it), BCP 47 tags as keys. */
function labelsJsonSchema(): JsonSchemaObject {
  const text = { type: 'string', minLength: 1 };
  return {
    type: 'object',
    propertyNames: { type: 'string', maxLength: 64, pattern: BCP47_TAG.source },
    additionalProperties: text,
    properties: { en: { ...text }, 'zh-CN': { ...text } },
    required: ['en'],
  };
}
