import type { Decimal } from 'decimal.js';
import type { z } from 'zod';
import { fail } from '../../shared/errors.js';
import { modelKind, type JsonObject, type ModelIdentity, type SafeResult } from '../../shared/model.js';
import type { Labels } from '../../shared/labels.js';
import { ExactDecimal, toDecimal } from '../../shared/numeric.js';
import { fromDecimal, rational, divide, type Rational } from '../../shared/rational.js';
import type { CompiledInstrument, CompiledScale } from '../internal/compiled.js';
import type { WidenedOnly } from '../../scoring/scorecard/types.js';
import { instrumentSchema, type InstrumentDefinition } from './instrumentSchema.js';

/** An answer scale with its defaults filled in. @category Quality */
export interface AnswerScale {
  readonly min: number;
  readonly max: number;
  /** Decimals an answer may carry; 0 = whole points only. */
  readonly decimals: number;
  readonly anchors?: { readonly min: Labels; readonly max: Labels } | undefined;
}

/** One perception item of a compiled instrument. @category Quality */
export interface InstrumentItem {
  readonly id: string;
  readonly text: Labels;
  readonly dimension: string;
  /** Reverse-coded: answers are flipped within the item's own bounds (min + max − answer) before scoring. */
  readonly reverse: boolean;
  readonly scale: AnswerScale;
  /** The paired expectation item, when the instrument asks for expectations. */
  readonly expectation?: { readonly id: string; readonly text: Labels } | undefined;
}

/** One dimension of a compiled instrument. @category Quality */
export interface InstrumentDimension {
  readonly id: string;
  readonly labels: Labels;
  readonly description?: Labels | undefined;
  readonly items: readonly InstrumentItem[];
  readonly scale: AnswerScale;
}

/** Importance of the dimensions, as given and normalised to weights adding up to exactly 1. @category Quality */
export interface InstrumentImportance {
  readonly kind: 'points' | 'weights';
  readonly values: Readonly<Record<string, Decimal>>;
  readonly weights: Readonly<Record<string, Decimal>>;
}

/**
 * A validated, frozen survey instrument. Pass it to the scoring functions; `toJSON()` gives back
 * the normalised definition.
 * @category Quality
 */
export interface Instrument extends ModelIdentity<'instrument', z.output<typeof instrumentSchema>>, InstrumentFields {}

/** The fields an instrument carries beside its identity. @category Quality */
export interface InstrumentFields {
  readonly labels: Labels;
  readonly scale: AnswerScale;
  readonly dimensions: readonly InstrumentDimension[];
  /** Every perception item, in dimension order. */
  readonly items: readonly InstrumentItem[];
  readonly importance: InstrumentImportance | null;
  readonly groups: readonly {
    readonly id: string;
    readonly labels: Labels;
    readonly description?: Labels | undefined;
  }[];
  /** Service standard: the dimension index (0–100) below which a dimension counts as below standard. */
  readonly standard: Decimal;
  /** True when at least one item has a paired expectation item. */
  readonly hasExpectations: boolean;
}

/** The normalised JSON form of an instrument (`toJSON`). */
type NormalisedInstrument = z.output<typeof instrumentSchema>;

/** The service standard when an instrument names none: an index of 60 (3.4 on a 1–5 scale). */
const DEFAULT_STANDARD = '60';

function scaleOf(scale: NormalisedInstrument['scale']): AnswerScale {
  return Object.freeze({
    min: scale.min,
    max: scale.max,
    decimals: scale.decimals ?? 0,
    ...(scale.anchors ? { anchors: scale.anchors } : {}),
  });
}

/** Items and dimensions in answer-column order, with each item's scale and its expectation column. */
function compileDimensions(parsed: ReturnType<typeof instrumentSchema.parse>, instrumentScale: AnswerScale) {
  const items: InstrumentItem[] = [];
  const itemScales: CompiledScale[] = [];
  const dimensionScales: CompiledScale[] = [];
  const dimensionItems: number[][] = [];
  const columnOf = new Map<string, number>();
  const expectationIds: string[] = [];
  const expectationItem: number[] = [];
  const dimensions: InstrumentDimension[] = parsed.dimensions.map((dimension) => {
    const own: InstrumentItem[] = [];
    const columns: number[] = [];
    for (const raw of dimension.items) {
      const scale = raw.scale ? scaleOf(raw.scale) : instrumentScale;
      const item: InstrumentItem = Object.freeze({
        id: raw.id,
        text: Object.freeze({ ...raw.text }),
        dimension: dimension.id,
        reverse: raw.reverse ?? false,
        scale,
        ...(raw.expectation
          ? { expectation: Object.freeze({ id: raw.expectation.id, text: Object.freeze({ ...raw.expectation.text }) }) }
          : {}),
      });
      const column = items.length;
      columnOf.set(item.id, column);
      if (raw.expectation) {
        columnOf.set(raw.expectation.id, -(expectationIds.length + 1));
        expectationIds.push(raw.expectation.id);
        expectationItem.push(column);
      }
      items.push(item);
      itemScales.push(compileScale(scale));
      own.push(item);
      columns.push(column);
    }
    dimensionItems.push(columns);
    dimensionScales.push(itemScales[columns[0]!]!);
    return Object.freeze({
      id: dimension.id,
      labels: Object.freeze({ ...dimension.labels }),
      ...(dimension.description ? { description: Object.freeze({ ...dimension.description }) } : {}),
      items: Object.freeze(own),
      scale: own[0]!.scale,
    });
  });
  return { dimensions, items, itemScales, dimensionScales, dimensionItems, columnOf, expectationIds, expectationItem };
}

/** Importance as given, as weights adding up to 1 (decimal for results, exact for the arithmetic). */
function compileImportance(
  given: ReturnType<typeof instrumentSchema.parse>['importance'],
  dimensions: readonly InstrumentDimension[],
): { importance: InstrumentImportance | null; importanceWeights: Rational[] | null } {
  if (!given) return { importance: null, importanceWeights: null };
  const values: Record<string, Decimal> = {};
  const weights: Record<string, Decimal> = {};
  const total = rational(given.kind === 'points' ? 100n : 1n);
  const importanceWeights: Rational[] = [];
  for (const dimension of dimensions) {
    const value = toDecimal(given.values[dimension.id], `importance.values.${dimension.id}`);
    values[dimension.id] = value;
    importanceWeights.push(divide(fromDecimal(value), total));
    weights[dimension.id] = new ExactDecimal(value).div(given.kind === 'points' ? 100 : 1);
  }
  return {
    importance: Object.freeze({ kind: given.kind, values: Object.freeze(values), weights: Object.freeze(weights) }),
    importanceWeights,
  };
}

/** The public fields and the private compiled form of an instrument, from its parsed definition. */
function compileInstrument(parsed: ReturnType<typeof instrumentSchema.parse>): {
  fields: InstrumentFields;
  compiled: CompiledInstrument;
} {
  const instrumentScale = scaleOf(parsed.scale);
  const { dimensions, items, itemScales, dimensionScales, dimensionItems, columnOf, expectationIds, expectationItem } =
    compileDimensions(parsed, instrumentScale);
  const expectationOf = new Int32Array(items.length).fill(-1);
  expectationItem.forEach((item, column) => (expectationOf[item] = column));

  const { importance, importanceWeights } = compileImportance(parsed.importance, dimensions);
  const groups = Object.freeze(
    (parsed.groups ?? []).map((group) =>
      Object.freeze({
        id: group.id,
        labels: Object.freeze({ ...group.labels }),
        ...(group.description ? { description: group.description } : {}),
      }),
    ),
  );
  const standard = toDecimal(parsed.standard ?? DEFAULT_STANDARD, 'standard');
  const fields: InstrumentFields = {
    labels: Object.freeze({ ...parsed.labels }),
    scale: instrumentScale,
    dimensions: Object.freeze(dimensions),
    items: Object.freeze(items),
    importance,
    groups,
    standard,
    hasExpectations: expectationIds.length > 0,
  };
  const compiled: CompiledInstrument = {
    itemIds: items.map((item) => item.id),
    columnOf,
    itemDimension: Int32Array.from(items, (item) =>
      dimensions.findIndex((dimension) => dimension.id === item.dimension),
    ),
    itemReverse: Uint8Array.from(items, (item) => (item.reverse ? 1 : 0)),
    itemScale: itemScales,
    expectationOf,
    expectationIds,
    expectationItem: Int32Array.from(expectationItem),
    dimensionIds: dimensions.map((dimension) => dimension.id),
    dimensionItems,
    dimensionScale: dimensionScales,
    importance: importanceWeights,
    importanceDecimals: importance ? dimensions.map((dimension) => importance.weights[dimension.id]!) : null,
    groupIds: new Set(groups.map((group) => group.id)),
    standard,
  };
  return { fields, compiled };
}

const instruments = /* @__PURE__ */ modelKind({
  kind: 'instrument',
  context: 'defineInstrument',
  schema: instrumentSchema,
  normalise: (parsed) => normalise(parsed),
  compile: (parsed) => compileInstrument(parsed),
});

/** Readonly all the way down, leaving decimals as they are. */
type DeepReadonly<T> = T extends Decimal ? T : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/**
 * An instrument written in the code: a literal handed to {@link defineInstrument} must fit it, so a
 * misspelt key or labels without `en` is a compile error. A definition whose `id` is a plain
 * `string` (a JSON file imported with `resolveJsonModule`, or one built at run time) is not held
 * to it: `defineInstrument` validates that at run time (see {@link WidenedOnly}).
 * @category Quality
 */
export type InstrumentLiteral = DeepReadonly<InstrumentDefinition>;

/**
 * Validates a survey instrument definition and compiles it into a frozen model.
 *
 * Checks: unique dimension and item ids (expectation items included), `min < max` on every scale,
 * one scale per dimension, importance covering every dimension and adding up to exactly 100 points
 * (or exactly 1 as weights), unique group ids, a standard within 0–100. Precomputes the column
 * layout the scoring functions use. The seed (`000_314cca147d0dd30a.txt`) measures service along
 * six dimensions; `serviceQualityInstrument` is the default built with this function.
 *
 * @param definition - The instrument as JSON (see {@link instrumentSchema}): a literal is checked
 *   against {@link InstrumentLiteral} at compile time; a JSON import (its `id` a plain `string`) or
 *   a compiled instrument is checked at run time.
 * @returns The frozen model, carrying `id`, `version`, `fingerprint` and `toJSON()`.
 * @throws {ValidationError} listing every problem with its path (e.g. `dimensions[1].items[0].scale.max`).
 * @example
 * ```ts
 * import { defineInstrument } from 'clientele';
 * const pulse = defineInstrument({
 *   id: 'pulse', version: '1', labels: { en: 'Pulse', 'zh-CN': '脉搏调查' },
 *   scale: { min: 1, max: 7 },
 *   dimensions: [{
 *     id: 'reliability', labels: { en: 'Reliability', 'zh-CN': '守信' },
 *     items: [
 *       { id: 'r1', text: { en: 'Keeps promises', 'zh-CN': '信守承诺' } },
 *       { id: 'r2', text: { en: 'Surprises us with changes', 'zh-CN': '常有意外变更' }, reverse: true },
 *     ],
 *   }],
 * });
 * [pulse.items.length, pulse.fingerprint.startsWith('sha256:')]; // 2 true
 * ```
 * @category Quality
 */
export function defineInstrument(definition: Instrument): Instrument;
// a JSON import (its `id` a plain string, see WidenedOnly) or a record of any keys: checked at run time
export function defineInstrument<const D extends object>(
  definition: D & (string extends keyof D ? unknown : WidenedOnly<D>),
): Instrument;
export function defineInstrument(definition: InstrumentLiteral): Instrument;
export function defineInstrument(definition: InstrumentDefinition | Instrument | JsonObject): Instrument {
  return instruments.define(definition, undefined);
}

/**
 * The non-throwing form of {@link defineInstrument}: `{ success: true, output }` or
 * `{ success: false, issues }` with every problem found.
 * @example
 * ```ts
 * import { safeDefineInstrument } from 'clientele';
 * safeDefineInstrument({ id: 'empty', dimensions: [] }).success; // false
 * ```
 * @category Quality
 */
export function safeDefineInstrument(definition: unknown): SafeResult<Instrument> {
  return instruments.safeDefine(definition, undefined);
}

/**
 * True for instruments compiled by {@link defineInstrument} (never for a look-alike object).
 * @example
 * ```ts
 * import { isInstrument, serviceQualityInstrument } from 'clientele';
 * isInstrument(serviceQualityInstrument); // true
 * ```
 * @category Quality
 */
export function isInstrument(value: unknown): value is Instrument {
  return instruments.is(value);
}

/** The compiled form of an instrument made by `defineInstrument`, or a `ValidationError`. */
export function compiledInstrumentOf(instrument: unknown, context: string): CompiledInstrument {
  const compiled = instruments.compiledOf(instrument);
  if (!compiled) fail('instrument', 'an instrument made by defineInstrument', instrument, context, 'not_a_model');
  return compiled;
}

function compileScale(scale: AnswerScale): CompiledScale {
  const factor = 10 ** scale.decimals;
  return { min: scale.min * factor, max: scale.max * factor, decimals: scale.decimals, factor };
}

/** The definition with defaults filled in and numbers written as decimal strings. */
function normalise(parsed: NormalisedInstrument): NormalisedInstrument {
  const scale = (value: NormalisedInstrument['scale']): NormalisedInstrument['scale'] => ({
    min: value.min,
    max: value.max,
    decimals: value.decimals ?? 0,
    ...(value.anchors ? { anchors: { min: { ...value.anchors.min }, max: { ...value.anchors.max } } } : {}),
  });
  return {
    id: parsed.id,
    version: parsed.version,
    labels: { ...parsed.labels },
    scale: scale(parsed.scale),
    dimensions: parsed.dimensions.map((dimension) => ({
      id: dimension.id,
      labels: { ...dimension.labels },
      ...(dimension.description ? { description: { ...dimension.description } } : {}),
      items: dimension.items.map((item) => ({
        id: item.id,
        text: { ...item.text },
        reverse: item.reverse ?? false,
        ...(item.scale ? { scale: scale(item.scale) } : {}),
        ...(item.expectation ? { expectation: { id: item.expectation.id, text: { ...item.expectation.text } } } : {}),
      })),
    })),
    ...(parsed.importance
      ? {
          importance: {
            kind: parsed.importance.kind,
            values: Object.fromEntries(
              parsed.importance.values
                ? Object.entries(parsed.importance.values).map(([key, value]) => [key, toDecimal(value).toFixed()])
                : [],
            ),
          },
        }
      : {}),
    groups: (parsed.groups ?? []).map((group) => ({
      id: group.id,
      labels: { ...group.labels },
      ...(group.description ? { description: { ...group.description } } : {}),
    })),
    standard: toDecimal(parsed.standard ?? DEFAULT_STANDARD).toFixed(),
  };
}
