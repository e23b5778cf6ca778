/**
 * Types that catch mistakes in value matrices: the class and segment ids of a matrix known at
 * compile time (a preset, or `defineValueMatrix` on a literal, no type arguments) flow into
 * `classifyValue`'s result as string-literal unions; a matrix of unknown shape gives `string`.
 * Each `@ts-expect-error` fails the type check if the mistake compiles.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  classifyValue,
  defaultValueMatrix,
  defineValueMatrix,
  strictValueMatrix,
  type DefaultValueClassId,
  type DefaultValueSegmentId,
  type ValueMatrix,
  type ValueMatrixDefinition,
} from '../../src/index.js';

const labels = { en: 'Label', de: 'Bezeichnung' };
const row = (id: string) => ({ A: id, B: id, C: id, D: id });

describe('value matrix class and segment unions', () => {
  it('the presets classify into their class and segment ids', () => {
    const result = classifyValue('A', 'C');
    expectTypeOf(result.customerClass).toEqualTypeOf<'A' | 'B' | 'C' | 'D'>();
    expectTypeOf(result.segment).toEqualTypeOf<'high-value' | 'secondary-value' | 'potential-value' | 'low-value'>();
    expectTypeOf(classifyValue('A', 'C', strictValueMatrix).customerClass).toEqualTypeOf<DefaultValueClassId>();
    expectTypeOf(defaultValueMatrix.classes[0]!.segment).toEqualTypeOf<DefaultValueSegmentId>();
    expectTypeOf(defaultValueMatrix.lookup.A.B.customerClass).toEqualTypeOf<DefaultValueClassId>();
    // @ts-expect-error 'E' is not a class of the default matrix: the comparison cannot be true
    expectTypeOf(result.customerClass === 'E').toBeBoolean();
    // @ts-expect-error 'high' is not a segment id ('high-value' is)
    expectTypeOf(result.segment === 'high').toBeBoolean();
  });

  it('defineValueMatrix on a literal infers its ids without type arguments', () => {
    const matrix = defineValueMatrix({
      id: 'two',
      classes: [
        { id: 'gold', segment: 'top', labels, strategy: labels },
        { id: 'plain', segment: 'rest', labels, strategy: labels },
      ],
      cells: {
        A: { A: 'gold', B: 'gold', C: 'plain', D: 'plain' },
        B: { A: 'gold', B: 'plain', C: 'plain', D: 'plain' },
        C: { A: 'plain', B: 'plain', C: 'plain', D: 'plain' },
        D: { A: 'plain', B: 'plain', C: 'plain', D: 'plain' },
      },
    });
    expectTypeOf(matrix).toEqualTypeOf<ValueMatrix<'gold' | 'plain', 'top' | 'rest'>>();
    const result = classifyValue('B', 'A', matrix);
    expectTypeOf(result.customerClass).toEqualTypeOf<'gold' | 'plain'>();
    expectTypeOf(result.segment).toEqualTypeOf<'top' | 'rest'>();
    // @ts-expect-error 'golf' is a typo of 'gold'
    expectTypeOf(result.customerClass === 'golf').toBeBoolean();
    // a compiled matrix passed back keeps its ids
    expectTypeOf(defineValueMatrix(matrix)).toEqualTypeOf<ValueMatrix<'gold' | 'plain', 'top' | 'rest'>>();
  });

  it('a literal cell naming no class is a compile error', () => {
    // @ts-expect-error cells.B.B names 'golf', not a class id of this matrix (the same literal with 'gold' compiles)
    defineValueMatrix({
      id: 'typo',
      classes: [{ id: 'gold', segment: 'top', labels, strategy: labels }],
      cells: {
        A: { A: 'gold', B: 'gold', C: 'gold', D: 'gold' },
        B: { A: 'gold', B: 'golf', C: 'gold', D: 'gold' },
        C: { A: 'gold', B: 'gold', C: 'gold', D: 'gold' },
        D: { A: 'gold', B: 'gold', C: 'gold', D: 'gold' },
      },
    });
  });

  it('a matrix of unknown shape (JSON, built at run time) gives plain strings', () => {
    const fromFile = {
      id: 'from-file',
      classes: [{ id: 'gold', segment: 'top', labels, strategy: labels }],
      cells: { A: row('gold'), B: row('gold'), C: row('gold'), D: row('gold') },
    };
    const matrix = defineValueMatrix(fromFile);
    expectTypeOf(matrix).toEqualTypeOf<ValueMatrix<string, string>>();
    expectTypeOf(classifyValue('A', 'A', matrix).customerClass).toEqualTypeOf<string>();
    const typed: ValueMatrixDefinition = fromFile;
    expectTypeOf(defineValueMatrix(typed)).toEqualTypeOf<ValueMatrix>();
    expectTypeOf(defineValueMatrix(defaultValueMatrix.toJSON())).toEqualTypeOf<ValueMatrix>();
    // a matrix with literal ids fits where any matrix is asked for
    expectTypeOf(defaultValueMatrix).toExtend<ValueMatrix>();
  });
});
