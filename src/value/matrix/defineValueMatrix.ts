import { z } from 'zod';
import { copyLabels, type Labels } from '../../shared/labels.js';
import { labelsInputSchema } from '../internal/labels.js';
import { modelKind, type ModelIdentity, type ModelRef, type SafeResult } from '../../shared/model.js';
import { ALWAYS, addIssue, idSchema, versionSchema } from '../../shared/schema.js';

/** The four grades on each axis of the value matrix (seed 002). @category Value matrix */
export type ValueGrade = 'A' | 'B' | 'C' | 'D';
/** The grades in order, best first. @category Value matrix */
export const valueGrades: readonly ValueGrade[] = /* @__PURE__ */ Object.freeze(['A', 'B', 'C', 'D'] as const);

const rowSchema = /* @__PURE__ */ z.object({ A: idSchema, B: idSchema, C: idSchema, D: idSchema }).strict();

const classSchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    segment: idSchema,
    labels: labelsInputSchema,
    strategy: labelsInputSchema,
  })
  .strict();

/**
 * The JSON form of a value matrix: customer classes (each with a segment id, labels and a
 * recommended service strategy) and all sixteen cells, `cells[currentGrade][potentialGrade]`
 * naming a class id.
 * @category Value matrix
 */
export const valueMatrixSchema = /* @__PURE__ */ z
  .object({
    // the JSON Schema an editor reads; defineX ignores it
    $schema: z.string().optional(),
    id: idSchema,
    version: versionSchema.default('1.0.0'),
    labels: labelsInputSchema.optional(),
    classes: z.array(classSchema).min(1, { error: 'at least one class' }),
    cells: z.object({ A: rowSchema, B: rowSchema, C: rowSchema, D: rowSchema }).strict(),
  })
  .strict()
  .superRefine(checkMatrix, ALWAYS);

type LooseClass = { readonly id?: unknown; readonly segment?: unknown };

/**
 * The checks across the matrix (unique class and segment ids, every cell naming a class). They run
 * beside field errors (one parse reports every mistake) and skip what is not well formed: a class
 * without a string id leaves the set of class ids unknown, so the cells are then not compared with it.
 */
function checkMatrix(definition: { readonly classes?: unknown; readonly cells?: unknown }, ctx: z.RefinementCtx): void {
  const classes: readonly unknown[] = Array.isArray(definition.classes) ? definition.classes : [];
  const ids = new Set<string>();
  const segments = new Set<string>();
  let idsKnown = classes.length > 0;
  classes.forEach((item, index) => {
    if (!isRecord(item)) return void (idsKnown = false);
    const { id, segment } = item as LooseClass;
    if (typeof id !== 'string') idsKnown = false;
    else if (ids.has(id)) addIssue(ctx, ['classes', index, 'id'], 'a class id not used before', id, 'duplicate');
    if (typeof segment === 'string' && segments.has(segment))
      addIssue(ctx, ['classes', index, 'segment'], 'a segment id not used before', segment, 'duplicate');
    if (typeof id === 'string') ids.add(id);
    if (typeof segment === 'string') segments.add(segment);
  });
  if (idsKnown) checkCells(definition.cells, ids, ctx);
}

/** Every well-formed cell names one of the class ids (a malformed row or cell is reported by the shape). */
function checkCells(cells: unknown, ids: ReadonlySet<string>, ctx: z.RefinementCtx): void {
  if (!isRecord(cells)) return;
  const expected = `one of the class ids ${[...ids].map((id) => JSON.stringify(id)).join(', ')}`;
  for (const current of valueGrades) {
    const row = cells[current];
    if (!isRecord(row)) continue;
    for (const potential of valueGrades) {
      const assigned = row[potential];
      if (typeof assigned === 'string' && !ids.has(assigned))
        addIssue(ctx, ['cells', current, potential], expected, assigned);
    }
  }
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON form of a value matrix (input): labels and strategies in `en` and any other BCP 47
 * locale (`zh-CN` is filled from `en` when absent).
 * @category Value matrix
 */
export type ValueMatrixDefinition = z.input<typeof valueMatrixSchema>;

/**
 * The normalised JSON form of a value matrix (`toJSON`): version filled, labels in `en` and
 * `zh-CN` at least.
 * @category Value matrix
 */
export type NormalisedValueMatrix = z.output<typeof valueMatrixSchema>;

/**
 * One customer class of a value matrix (`C` and `S`: the matrix's class and segment ids, when
 * known at compile time).
 * @category Value matrix
 */
export interface ValueMatrixClass<C extends string = string, S extends string = string> {
  readonly id: C;
  readonly segment: S;
  readonly labels: Labels;
  /** The service strategy recommended for the segment. */
  readonly strategy: Labels;
}

/**
 * Where an account sits in a value matrix and what to do about it. `C` and `S` are the matrix's
 * class and segment ids when known at compile time (`'A' | 'B' | 'C' | 'D'` and `'high-value' | …`
 * for the presets), so comparing `customerClass` with an id the matrix lacks is a compile error.
 * @category Value matrix
 */
export interface ValueClassification<C extends string = string, S extends string = string> {
  /** The customer class id (`'A'`–`'D'` in the default matrix). */
  readonly customerClass: C;
  /** The segment id (`'high-value'`, `'secondary-value'`, `'potential-value'`, `'low-value'` by default). */
  readonly segment: S;
  readonly labels: Labels;
  /** The recommended service strategy, in the matrix's locales. */
  readonly strategy: Labels;
  /** The cell that decided it. */
  readonly cell: { readonly current: ValueGrade; readonly potential: ValueGrade };
  /** The matrix that decided it. */
  readonly matrix: ModelRef;
}

/**
 * A compiled, frozen value matrix. Use it with {@link classifyValue}. `C` and `S` are its class
 * and segment ids when the definition is known at compile time (a preset, or `defineValueMatrix`
 * on a literal); a matrix read at run time is a `ValueMatrix<string, string>`, the default.
 * @category Value matrix
 */
export interface ValueMatrix<C extends string = string, S extends string = string> extends ModelIdentity<
  'valueMatrix',
  NormalisedValueMatrix
> {
  readonly labels: Labels | undefined;
  readonly classes: readonly ValueMatrixClass<C, S>[];
  /** `lookup[current][potential]`: the precomputed classification of each of the 16 cells. */
  readonly lookup: Readonly<Record<ValueGrade, Readonly<Record<ValueGrade, ValueClassification<C, S>>>>>;
}

/** Deeply readonly, as `as const` (or a `const` type parameter) makes a literal. */
type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/**
 * A value matrix definition as TypeScript code writes it: the JSON form, readonly at every level
 * so a literal `as const` fits.
 * @category Value matrix
 */
export type ValueMatrixLiteral = DeepReadonly<ValueMatrixDefinition>;

/** The class ids of a definition, as literals when it is a literal; `string` otherwise. @category Value matrix */
export type ValueClassIdsOf<D> = D extends { readonly classes: readonly (infer X)[] }
  ? X extends { readonly id: infer I extends string }
    ? I
    : never
  : string;

/** The segment ids of a definition, as literals when it is a literal; `string` otherwise. @category Value matrix */
export type ValueSegmentIdsOf<D> = D extends { readonly classes: readonly (infer X)[] }
  ? X extends { readonly segment: infer S extends string }
    ? S
    : never
  : string;

/**
 * The cells a definition `D` may write: each names one of its class ids (any string when those
 * are not known at compile time), so a typo in a literal's cells is a compile error.
 * @category Value matrix
 */
export type ValueMatrixCellsOf<D> = {
  readonly cells: { readonly [R in ValueGrade]: { readonly [P in ValueGrade]: ValueClassIdsOf<D> } };
};

const valueMatrices = /* @__PURE__ */ modelKind({
  kind: 'valueMatrix',
  context: 'defineValueMatrix',
  schema: valueMatrixSchema,
  normalise: (parsed) => {
    const classes = parsed.classes.map((item) => ({
      id: item.id,
      segment: item.segment,
      labels: copyLabels(item.labels),
      strategy: copyLabels(item.strategy),
    }));
    const cells = Object.fromEntries(
      valueGrades.map((current) => [
        current,
        Object.fromEntries(valueGrades.map((potential) => [potential, parsed.cells[current][potential]])),
      ]),
    ) as Record<ValueGrade, Record<ValueGrade, string>>;
    const normalised: NormalisedValueMatrix = {
      id: parsed.id,
      version: parsed.version,
      classes,
      cells,
    };
    if (parsed.labels) normalised.labels = copyLabels(parsed.labels);
    return normalised;
  },
  compile: (_parsed, normalised, ref) => {
    const classes = normalised.classes.map((item) =>
      Object.freeze({
        ...item,
        labels: Object.freeze(copyLabels(item.labels)),
        strategy: Object.freeze(copyLabels(item.strategy)),
      }),
    );
    const byId = new Map(classes.map((item) => [item.id, item]));
    const cells = normalised.cells as Record<ValueGrade, Record<ValueGrade, string>>;
    const classify = (current: ValueGrade, potential: ValueGrade): ValueClassification => {
      const item = byId.get(cells[current][potential])!;
      return Object.freeze({
        customerClass: item.id,
        segment: item.segment,
        labels: item.labels,
        strategy: item.strategy,
        cell: Object.freeze({ current, potential }),
        matrix: ref,
      });
    };
    const lookup = Object.freeze(
      Object.fromEntries(
        valueGrades.map((current) => [
          current,
          Object.freeze(Object.fromEntries(valueGrades.map((potential) => [potential, classify(current, potential)]))),
        ]),
      ),
    ) as ValueMatrix['lookup'];
    return { fields: { labels: normalised.labels, classes: Object.freeze(classes), lookup }, compiled: undefined };
  },
});

/**
 * Validates and compiles a value matrix (seed 002, 客户价值评价标准): every one of the 16
 * (current grade, potential grade) cells must name a defined customer class.
 *
 * @throws {ValidationError} on a missing cell (e.g. `cells.C.B`), a cell naming an unknown
 *   class, duplicate class or segment ids, or missing bilingual labels or strategy.
 * @example
 * ```ts
 * import { classifyValue, defaultValueMatrix, defineValueMatrix } from 'clientele';
 * // a stricter matrix: only A/A is high-value, the rest of the upper-left quarter is secondary
 * const definition = defaultValueMatrix.toJSON();
 * const strict = defineValueMatrix({
 *   ...definition,
 *   id: 'strict',
 *   cells: { ...definition.cells, B: { A: 'B', B: 'B', C: 'B', D: 'B' } },
 * });
 * classifyValue('B', 'B', strict).segment; // 'secondary-value'
 * ```
 * @category Value matrix
 */
export function defineValueMatrix<C extends string, S extends string>(definition: ValueMatrix<C, S>): ValueMatrix<C, S>;
export function defineValueMatrix<const D extends ValueMatrixLiteral>(
  definition: D & ValueMatrixCellsOf<D>,
): ValueMatrix<ValueClassIdsOf<D>, ValueSegmentIdsOf<D>>;
export function defineValueMatrix(definition: ValueMatrixLiteral | ValueMatrix): ValueMatrix {
  return valueMatrices.define(definition, undefined);
}

/**
 * The non-throwing form of {@link defineValueMatrix}: `{ success: true, output }` or
 * `{ success: false, issues }` with every problem found.
 * @example
 * ```ts
 * import { safeDefineValueMatrix } from 'clientele';
 * safeDefineValueMatrix({ id: 'empty', classes: [], cells: {} }).success; // false
 * ```
 * @category Value matrix
 */
export function safeDefineValueMatrix(definition: unknown): SafeResult<ValueMatrix> {
  return valueMatrices.safeDefine(definition, undefined);
}

/**
 * True for value matrices compiled by {@link defineValueMatrix} (never for a look-alike object).
 * @example
 * ```ts
 * import { defaultValueMatrix, isValueMatrix } from 'clientele';
 * isValueMatrix(defaultValueMatrix); // true
 * ```
 * @category Value matrix
 */
export function isValueMatrix(value: unknown): value is ValueMatrix {
  return valueMatrices.is(value);
}
