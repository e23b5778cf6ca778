/**
 * The survey instrument as data: its zod schema and the types inferred from it.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { z } from 'zod';
import { labelsInputSchema } from '../internal/labels.js';
import { ALWAYS, addIssue, idSchema, modelNumericSchema, versionSchema } from '../../shared/schema.js';
import { tryDecimal } from '../../shared/numeric.js';

/**
 * An answer scale: integer bounds `min` < `max` (1–5, 1–7, 0–10 …) and the decimals an answer may
 * carry (`0`, the default, means whole points only). Optional anchor wording for both ends.
 * @category Quality
 */
export const answerScaleSchema = /* @__PURE__ */ z
  .object({
    min: z.number({ error: 'an integer' }).int({ error: 'an integer' }),
    max: z.number({ error: 'an integer' }).int({ error: 'an integer' }),
    decimals: z.number().int().min(0).max(4).optional(),
    anchors: z.object({ min: labelsInputSchema, max: labelsInputSchema }).strict().optional(),
  })
  .strict()
  .superRefine((scale, ctx) => {
    if (scale.max <= scale.min) addIssue(ctx, ['max'], `an integer > min (${scale.min})`, scale.max);
  });

/** An answer scale as written in an instrument definition. @category Quality */
export type AnswerScaleDefinition = z.input<typeof answerScaleSchema>;

/** One expectation item paired with a perception item (SERVQUAL's "E" statement). @category Quality */
export const expectationItemSchema = /* @__PURE__ */ z.object({ id: idSchema, text: labelsInputSchema }).strict();

/**
 * One survey item: an id, its wording in both languages, whether it is reverse-coded (agreeing means
 * worse service), an optional own scale, and an optional paired expectation item.
 * @category Quality
 */
export const instrumentItemSchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    text: labelsInputSchema,
    reverse: z.boolean().optional(),
    scale: answerScaleSchema.optional(),
    expectation: expectationItemSchema.optional(),
  })
  .strict();

/** A service-quality dimension and its items. @category Quality */
export const instrumentDimensionSchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    labels: labelsInputSchema,
    description: labelsInputSchema.optional(),
    items: z.array(instrumentItemSchema).min(1),
  })
  .strict();

/**
 * Importance of the dimensions: a 100-point allocation (`kind: 'points'`, the values must add up
 * to exactly 100) or a normalised weight vector (`kind: 'weights'`, adding up to exactly 1). Every
 * dimension must be listed; values are ≥ 0.
 * @category Quality
 */
export const importanceSchema = /* @__PURE__ */ z
  .object({
    kind: z.enum(['points', 'weights']),
    values: z.record(z.string(), modelNumericSchema),
  })
  .strict();

/** A respondent group (external clients, internal customers …). @category Quality */
export const respondentGroupSchema = /* @__PURE__ */ z
  .object({ id: idSchema, labels: labelsInputSchema, description: labelsInputSchema.optional() })
  .strict();

/**
 * A survey instrument (seed `000_314cca147d0dd30a.txt`, 提高服务质量): dimensions with items in both
 * languages, a Likert scale of any width, reverse-coded items, importance weights, optional
 * expectation items for SERVQUAL gaps, respondent groups, and the service standard (an index on
 * 0–100 below which a dimension counts as below standard; default 60).
 * @category Quality
 */
export const instrumentSchema = /* @__PURE__ */ z
  .object({
    // the JSON Schema an editor reads; defineX ignores it
    $schema: z.string().optional(),
    id: idSchema,
    version: versionSchema,
    labels: labelsInputSchema,
    scale: answerScaleSchema,
    dimensions: z.array(instrumentDimensionSchema).min(1),
    importance: importanceSchema.optional(),
    groups: z.array(respondentGroupSchema).optional(),
    standard: modelNumericSchema.optional(),
  })
  .strict()
  .superRefine(checkInstrument, ALWAYS);

type Loose = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The records of a list (a malformed entry skipped: its shape is reported), each with its index. */
function records(list: unknown): [Loose, number][] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown, index) => (isRecord(entry) ? [[entry, index] as [Loose, number]] : []));
}

/**
 * The checks across the instrument (unique dimension, item and group ids, one scale per dimension,
 * importance for every dimension adding up, the standard on 0–100). They run beside field errors
 * (one parse reports every mistake) and skip what is not well formed.
 */
function checkInstrument(definition: Loose, ctx: z.RefinementCtx): void {
  const dimensionIds = checkDimensions(definition, ctx);
  if (isRecord(definition['importance'])) checkImportance(definition['importance'], dimensionIds, ctx);
  const groupIds = new Set<string>();
  for (const [group, g] of records(definition['groups'])) {
    if (typeof group['id'] !== 'string') continue;
    if (groupIds.has(group['id']))
      addIssue(ctx, ['groups', g, 'id'], 'a group id not used before', group['id'], 'duplicate');
    groupIds.add(group['id']);
  }
  if (definition['standard'] !== undefined) {
    const standard = tryDecimal(definition['standard']);
    if (standard !== undefined && (standard.lt(0) || standard.gt(100)))
      addIssue(ctx, ['standard'], 'an index between 0 and 100', definition['standard']);
  }
}

/**
 * Unique dimension and item ids, and one scale per dimension. Returns the dimension ids, or
 * `undefined` when a dimension is malformed (the set is then unknown).
 */
function checkDimensions(definition: Loose, ctx: z.RefinementCtx): Set<string> | undefined {
  const itemIds = new Map<string, string>();
  const dimensionIds = new Set<string>();
  let known = Array.isArray(definition['dimensions']);
  if (known && (definition['dimensions'] as unknown[]).some((dimension) => !isRecord(dimension))) known = false;
  for (const [dimension, d] of records(definition['dimensions'])) {
    const id = dimension['id'];
    if (typeof id !== 'string') known = false;
    else if (dimensionIds.has(id))
      addIssue(ctx, ['dimensions', d, 'id'], 'a dimension id not used before', id, 'duplicate');
    if (typeof id === 'string') dimensionIds.add(id);
    let dimensionScale: string | undefined;
    for (const [item, i] of records(dimension['items'])) {
      const claim = (id: unknown, path: (string | number)[]): void => {
        if (typeof id !== 'string') return;
        if (itemIds.has(id))
          addIssue(ctx, path, `an item id not used before (already at ${itemIds.get(id)!})`, id, 'duplicate');
        else itemIds.set(id, `dimensions[${d}].items[${i}]`);
      };
      claim(item['id'], ['dimensions', d, 'items', i, 'id']);
      if (isRecord(item['expectation']))
        claim(item['expectation']['id'], ['dimensions', d, 'items', i, 'expectation', 'id']);
      const key = scaleKey(item['scale'] ?? definition['scale']);
      if (key === undefined) continue;
      if (dimensionScale === undefined) dimensionScale = key;
      else if (key !== dimensionScale)
        addIssue(
          ctx,
          ['dimensions', d, 'items', i, 'scale'],
          `the same scale as the dimension's other items (${dimensionScale})`,
          key,
        );
    }
  }
  return known ? dimensionIds : undefined;
}

/** `min..max/decimals` of a well-formed answer scale; `undefined` for a malformed one (reported by its shape). */
function scaleKey(scale: unknown): string | undefined {
  if (!answerScaleSchema.safeParse(scale).success) return undefined;
  const { min, max, decimals } = scale as AnswerScaleDefinition;
  return `${min}..${max}/${decimals ?? 0}`;
}

/**
 * Importance values: keys that are dimension ids (when those are known), every value ≥ 0, every
 * dimension listed, and the values adding up to exactly 100 points or 1 (when all are numbers).
 */
function checkImportance(importance: Loose, dimensionIds: Set<string> | undefined, ctx: z.RefinementCtx): void {
  const { kind, values } = importance;
  if ((kind !== 'points' && kind !== 'weights') || !isRecord(values)) return;
  const target = kind === 'points' ? 100 : 1;
  let total: Decimal | undefined = tryDecimal(0)!;
  for (const [key, value] of Object.entries(values)) {
    if (dimensionIds && !dimensionIds.has(key))
      addIssue(ctx, ['importance', 'values', key], 'a dimension id of this instrument', key);
    const decimal = tryDecimal(value);
    if (decimal === undefined) {
      total = undefined;
      continue;
    }
    if (decimal.isNegative()) addIssue(ctx, ['importance', 'values', key], 'a value ≥ 0', value);
    total = total?.plus(decimal);
  }
  for (const id of dimensionIds ?? []) {
    if (!Object.prototype.hasOwnProperty.call(values, id))
      addIssue(
        ctx,
        ['importance', 'values', id],
        `a ${kind === 'points' ? 'point allocation' : 'weight'} for every dimension`,
        undefined,
      );
  }
  if (total !== undefined && !total.eq(target))
    addIssue(
      ctx,
      ['importance', 'values'],
      `${kind === 'points' ? 'points' : 'weights'} adding up to exactly ${target}`,
      `values adding up to ${total.toFixed()}`,
      'inconsistent',
    );
}

/** An instrument definition as written (JSON). @category Quality */
export type InstrumentDefinition = z.input<typeof instrumentSchema>;
