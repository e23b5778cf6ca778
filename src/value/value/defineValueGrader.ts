import type { Decimal } from 'decimal.js';
import { z } from 'zod';
import { modelKind, type ModelIdentity, type SafeResult } from '../../shared/model.js';
import { copyLabels, type Labels } from '../../shared/labels.js';
import { labelsInputSchema } from '../internal/labels.js';
import { ExactDecimal, ONE, ZERO, toDecimal, tryDecimal } from '../../shared/numeric.js';
import { ALWAYS, addIssue, idSchema, modelNumericSchema, versionSchema } from '../../shared/schema.js';

const gradeSchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    labels: labelsInputSchema.optional(),
    /** `thresholds`: the least value (inclusive) that earns this grade; absent on the last grade. */
    min: modelNumericSchema.optional(),
    /** `quantiles` / `cumulativeShare`: the cumulative cut point in (0, 1]; absent on the last grade. */
    upTo: modelNumericSchema.optional(),
  })
  .strict();

/**
 * The JSON form of a value grader: how values become grades (A–D by default).
 *
 * - `thresholds`: fixed cut-offs; grades listed best first, each but the last with `min`
 *   (inclusive), strictly decreasing; the last grade takes everything below.
 * - `quantiles`: rank cut-offs; each grade but the last has `upTo`, a cumulative share of the
 *   accounts in (0, 1), strictly increasing: `[{ id: 'A', upTo: 0.2 }, …]` puts the top 20 % in A.
 * - `cumulativeShare` (ABC analysis): like `quantiles`, but `upTo` is a cumulative share of the
 *   total value: `[{ id: 'A', upTo: 0.8 }, …]` puts the largest accounts that make up 80 % of the value in A.
 * @category Value
 */
export const valueGraderSchema = /* @__PURE__ */ z
  .object({
    // the JSON Schema an editor reads; defineX ignores it
    $schema: z.string().optional(),
    id: idSchema,
    version: versionSchema,
    labels: labelsInputSchema.optional(),
    method: z.enum(['thresholds', 'quantiles', 'cumulativeShare']),
    grades: z.array(gradeSchema).min(1, { error: 'at least one grade' }).max(26),
  })
  .strict()
  .superRefine(checkGrades, ALWAYS);

type LooseGrade = { readonly id?: unknown; readonly min?: unknown; readonly upTo?: unknown };

/**
 * The checks across grades (unique ids, the cut field the method needs, cuts in order). They run
 * beside field errors (one parse reports every mistake) and skip what is not well formed.
 */
function checkGrades(definition: { readonly method?: unknown; readonly grades?: unknown }, ctx: z.RefinementCtx): void {
  const grades: readonly (LooseGrade | null)[] = Array.isArray(definition.grades) ? definition.grades : [];
  const method = definition.method;
  const known = method === 'thresholds' || method === 'quantiles' || method === 'cumulativeShare';
  const field = method === 'thresholds' ? 'min' : 'upTo';
  const other = method === 'thresholds' ? 'upTo' : 'min';
  const seen = new Set<unknown>();
  let previous: Decimal | undefined;
  grades.forEach((grade, index) => {
    if (typeof grade !== 'object' || grade === null) return;
    if (typeof grade.id === 'string' && seen.has(grade.id))
      addIssue(ctx, ['grades', index, 'id'], 'a grade id not used before', grade.id, 'duplicate');
    seen.add(grade.id);
    if (!known) return;
    if (grade[other] !== undefined)
      addIssue(ctx, ['grades', index, other], `no "${other}" with method "${String(method)}"`, grade[other]);
    const raw = grade[field];
    if (index === grades.length - 1) {
      if (raw !== undefined)
        addIssue(ctx, ['grades', index, field], `no "${field}" on the last grade (it takes the rest)`, raw);
      return;
    }
    if (raw === undefined) {
      addIssue(ctx, ['grades', index, field], `a "${field}" on every grade but the last`, raw);
      return;
    }
    const cut = tryDecimal(raw);
    if (cut === undefined) return void (previous = undefined);
    if (field === 'upTo' && (cut.lte(ZERO) || cut.gte(ONE)))
      addIssue(ctx, ['grades', index, field], 'a cumulative share greater than 0 and less than 1', raw);
    if (previous !== undefined && !(field === 'min' ? cut.lt(previous) : cut.gt(previous)))
      addIssue(
        ctx,
        ['grades', index, field],
        field === 'min'
          ? `a min below the previous grade's (${previous.toFixed()})`
          : `an upTo above the previous grade's (${previous.toFixed()})`,
        raw,
        'inconsistent',
      );
    previous = cut;
  });
}

/** The JSON form of a value grader (input). @category Value */
export type ValueGraderDefinition = z.input<typeof valueGraderSchema>;

/** One grade of a compiled grader. @category Value */
export interface ValueGraderGrade {
  readonly id: string;
  readonly labels: Labels | undefined;
  /** `thresholds`: inclusive lower bound; `null` on the last grade and for the other methods. */
  readonly min: Decimal | null;
  /** `quantiles` / `cumulativeShare`: cumulative cut point; `null` on the last grade and for thresholds. */
  readonly upTo: Decimal | null;
}

/**
 * A compiled, frozen value grader. Use it with {@link gradeValues}.
 * @category Value
 */
export interface ValueGrader extends ModelIdentity<'valueGrader', z.output<typeof valueGraderSchema>> {
  readonly labels: Labels | undefined;
  readonly method: 'thresholds' | 'quantiles' | 'cumulativeShare';
  readonly grades: readonly ValueGraderGrade[];
}

const valueGraders = /* @__PURE__ */ modelKind({
  kind: 'valueGrader',
  context: 'defineValueGrader',
  schema: valueGraderSchema,
  normalise: (parsed) => {
    const grades = parsed.grades.map((grade) => {
      const normal: { id: string; labels?: Labels; min?: string; upTo?: string } = { id: grade.id };
      if (grade.labels) normal.labels = copyLabels(grade.labels);
      if (grade.min !== undefined) normal.min = toDecimal(grade.min).toFixed();
      if (grade.upTo !== undefined) normal.upTo = toDecimal(grade.upTo).toFixed();
      return normal;
    });
    const normalised: z.output<typeof valueGraderSchema> = {
      id: parsed.id,
      version: parsed.version,
      method: parsed.method,
      grades,
    };
    if (parsed.labels) normalised.labels = copyLabels(parsed.labels);
    return normalised;
  },
  compile: (parsed, normalised) => ({
    fields: {
      labels: normalised.labels,
      method: parsed.method,
      grades: Object.freeze(
        normalised.grades.map((grade) =>
          Object.freeze({
            id: grade.id,
            labels: grade.labels,
            min: grade.min === undefined ? null : new ExactDecimal(grade.min),
            upTo: grade.upTo === undefined ? null : new ExactDecimal(grade.upTo),
          }),
        ),
      ),
    },
    compiled: undefined,
  }),
});

/**
 * Validates and compiles a value grader: fixed thresholds, rank quantiles or cumulative-share
 * (ABC) cut points (SPEC §2; seed 001 grades current value, seed 002 grades A–D).
 *
 * @throws {ValidationError} with one issue per problem: unknown method, duplicate grade ids,
 *   missing or misplaced `min`/`upTo`, cut points out of order or outside (0, 1).
 * @example
 * ```ts
 * import { defineValueGrader, gradeValues } from 'clientele';
 * const grader = defineValueGrader({
 *   id: 'current-value-thresholds', version: '1', method: 'thresholds',
 *   grades: [{ id: 'A', min: 100000 }, { id: 'B', min: 50000 }, { id: 'C', min: 10000 }, { id: 'D' }],
 * });
 * gradeValues([120000, 50000, 9999.99], grader).grades; // ['A', 'B', 'D']
 * ```
 * @category Value
 */
export function defineValueGrader(definition: ValueGraderDefinition): ValueGrader {
  return valueGraders.define(definition, undefined);
}

/**
 * The non-throwing form of {@link defineValueGrader}: `{ success: true, output }` or
 * `{ success: false, issues }` with every problem found.
 * @example
 * ```ts
 * import { safeDefineValueGrader } from 'clientele';
 * safeDefineValueGrader({ id: 'g', version: '1', method: 'thresholds', grades: [] }).success; // false
 * ```
 * @category Value
 */
export function safeDefineValueGrader(definition: unknown): SafeResult<ValueGrader> {
  return valueGraders.safeDefine(definition, undefined);
}

/**
 * True for value graders compiled by {@link defineValueGrader} (never for a look-alike object).
 * @example
 * ```ts
 * import { abcValueGrader, isValueGrader } from 'clientele';
 * isValueGrader(abcValueGrader); // true
 * ```
 * @category Value
 */
export function isValueGrader(value: unknown): value is ValueGrader {
  return valueGraders.is(value);
}
