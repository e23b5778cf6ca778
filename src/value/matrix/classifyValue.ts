import { fail } from '../../shared/errors.js';
import { defaultValueMatrix, type DefaultValueClassId, type DefaultValueSegmentId } from './defaultValueMatrix.js';
import type { ValueClassification, ValueGrade, ValueMatrix } from './defineValueMatrix.js';

const GRADES: ReadonlySet<string> = /* @__PURE__ */ new Set(['A', 'B', 'C', 'D']);

/**
 * Places an account in the value matrix (seed 002, 客户价值评价标准) from its current-value and
 * potential-value grades, with the segment's recommended service strategy (seeds 000, 001).
 *
 * High-value customers are those high in both current and potential value (seed 001, DMG).
 *
 * @param currentGrade - `'A'`–`'D'`, e.g. from {@link gradeValues} on current values.
 * @param potentialGrade - `'A'`–`'D'`, e.g. the potential-value scorecard's grade.
 * @param matrix - A compiled matrix; default {@link defaultValueMatrix} (also when `undefined`).
 * @returns `{ customerClass, segment, labels, strategy, cell, matrix }` (a frozen, shared object); its
 *   `customerClass` and `segment` typed as the matrix's class and segment ids.
 * @throws {ValidationError} when a grade is not one of `'A'`–`'D'` or the matrix was not made by `defineValueMatrix`.
 * @example
 * ```ts
 * import { classifyValue } from 'clientele';
 * const result = classifyValue('A', 'C');
 * result.customerClass; // 'B'
 * result.segment; // 'secondary-value'
 * result.labels['zh-CN']; // '次价值客户'
 * ```
 * @category Value matrix
 */
export function classifyValue(
  currentGrade: ValueGrade,
  potentialGrade: ValueGrade,
  matrix?: undefined,
): ValueClassification<DefaultValueClassId, DefaultValueSegmentId>;
export function classifyValue<C extends string, S extends string>(
  currentGrade: ValueGrade,
  potentialGrade: ValueGrade,
  matrix: ValueMatrix<C, S>,
): ValueClassification<C, S>;
export function classifyValue(
  currentGrade: ValueGrade,
  potentialGrade: ValueGrade,
  matrix: ValueMatrix = defaultValueMatrix,
): ValueClassification {
  if (!GRADES.has(currentGrade)) fail('currentGrade', 'one of "A", "B", "C", "D"', currentGrade, 'classifyValue');
  if (!GRADES.has(potentialGrade)) fail('potentialGrade', 'one of "A", "B", "C", "D"', potentialGrade, 'classifyValue');
  if (typeof matrix !== 'object' || matrix === null || matrix.kind !== 'valueMatrix') {
    fail('matrix', 'a value matrix made by defineValueMatrix', matrix, 'classifyValue', 'not_a_model');
  }
  return matrix.lookup[currentGrade][potentialGrade];
}
