import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyValue, defaultValueMatrix, defineValueMatrix, valueGrades } from '../../src/value/index.js';
import { valueGrade } from '../arbitraries/value.js';

const classIds = ['A', 'B', 'C', 'D'] as const;
const row = fc.record({
  A: fc.constantFrom(...classIds),
  B: fc.constantFrom(...classIds),
  C: fc.constantFrom(...classIds),
  D: fc.constantFrom(...classIds),
});
const randomMatrix = fc
  .record({ A: row, B: row, C: row, D: row })
  .map((cells) => defineValueMatrix({ ...defaultValueMatrix.toJSON(), id: 'random', cells }));

describe('value matrix laws (seed 002)', () => {
  it('every grade pair has a class, in the default matrix and in any valid matrix', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(defaultValueMatrix), randomMatrix),
        valueGrade,
        valueGrade,
        (matrix, current, potential) => {
          const result = classifyValue(current, potential, matrix);
          expect(matrix.classes.map((item) => item.id)).toContain(result.customerClass);
          expect(result.cell).toEqual({ current, potential });
          expect(result.strategy.en.length).toBeGreaterThan(0);
          expect(result.strategy['zh-CN'].length).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('the default matrix is monotone: better grades never give a worse class on the value axis', () => {
    const rank = (grade: string) => valueGrades.indexOf(grade as never);
    fc.assert(
      fc.property(valueGrade, valueGrade, valueGrade, (current, potential, better) => {
        // A ≥ B on current value and potential value: high-value beats secondary beats low; potential beats low
        if (rank(better) <= rank(current)) {
          const from = classifyValue(current, potential).customerClass;
          const to = classifyValue(better, potential).customerClass;
          expect(from === 'A' ? to === 'A' : true).toBe(true);
          expect(to === 'D' ? from === 'D' : true).toBe(true);
        }
      }),
    );
  });

  it('JSON round-trip is the identity (same fingerprint)', () => {
    fc.assert(
      fc.property(randomMatrix, (matrix) => {
        const again = defineValueMatrix(JSON.parse(JSON.stringify(matrix)));
        expect(again.fingerprint).toBe(matrix.fingerprint);
        expect(again.toJSON()).toEqual(matrix.toJSON());
      }),
      { numRuns: 50 },
    );
  });
});
