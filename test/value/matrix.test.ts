import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/index.js';
import { classifyValue, defaultValueMatrix, defineValueMatrix, valueGrades, valueMatrixSchema } from '../../src/value/index.js';

describe('the value matrix (seed 002, 客户价值评价标准)', () => {
  it('reproduces the seed’s four filled columns', () => {
    // A: current A, potential A → 高价值客户
    expect(classifyValue('A', 'A')).toMatchObject({ customerClass: 'A', segment: 'high-value', labels: { 'zh-CN': '高价值客户' } });
    // B: current A–B, potential C–D → 次价值客户
    for (const current of ['A', 'B'] as const) {
      for (const potential of ['C', 'D'] as const) {
        expect(classifyValue(current, potential)).toMatchObject({ customerClass: 'B', segment: 'secondary-value', labels: { 'zh-CN': '次价值客户' } });
      }
    }
    // C: current C–D, potential A–B → 潜价值客户
    for (const current of ['C', 'D'] as const) {
      for (const potential of ['A', 'B'] as const) {
        expect(classifyValue(current, potential)).toMatchObject({ customerClass: 'C', segment: 'potential-value', labels: { 'zh-CN': '潜价值客户' } });
      }
    }
    // D: current D, potential D → 低价值客户
    expect(classifyValue('D', 'D')).toMatchObject({ customerClass: 'D', segment: 'low-value', labels: { 'zh-CN': '低价值客户' } });
  });

  it('fills the six blank cells by halves (SPEC §2)', () => {
    expect(classifyValue('A', 'B').customerClass).toBe('A');
    expect(classifyValue('B', 'A').customerClass).toBe('A');
    expect(classifyValue('B', 'B').customerClass).toBe('A');
    expect(classifyValue('C', 'C').customerClass).toBe('D');
    expect(classifyValue('C', 'D').customerClass).toBe('D');
    expect(classifyValue('D', 'C').customerClass).toBe('D');
  });

  it('carries the bilingual strategy, the cell and the matrix fingerprint', () => {
    const result = classifyValue('A', 'A', defaultValueMatrix);
    expect(result.strategy.en).toMatch(/best people/);
    expect(result.strategy['zh-CN']).toMatch(/优先配置/);
    expect(classifyValue('D', 'D').strategy.en).toMatch(/[Ss]tandardised/);
    expect(result.cell).toEqual({ current: 'A', potential: 'A' });
    expect(result.matrix).toEqual({ id: 'value-matrix', version: '1.0.0', fingerprint: defaultValueMatrix.fingerprint });
    expect(Object.isFrozen(result)).toBe(true);
  });

  it('round-trips through JSON with the same fingerprint', () => {
    const again = defineValueMatrix(JSON.parse(JSON.stringify(defaultValueMatrix)));
    expect(again.fingerprint).toBe(defaultValueMatrix.fingerprint);
    expect(again.toJSON()).toEqual(defaultValueMatrix.toJSON());
    expect(valueMatrixSchema.safeParse(defaultValueMatrix.toJSON()).success).toBe(true);
  });

  it('a custom matrix changes the class', () => {
    const definition = defaultValueMatrix.toJSON();
    const strict = defineValueMatrix({ ...definition, id: 'strict', cells: { ...definition.cells, B: { A: 'B', B: 'B', C: 'B', D: 'B' } } });
    expect(classifyValue('B', 'B', strict).segment).toBe('secondary-value');
    expect(classifyValue('B', 'B', strict).matrix.id).toBe('strict');
  });

  it('requires all sixteen cells, each naming a defined class', () => {
    const definition = defaultValueMatrix.toJSON();
    const { B: _dropped, ...rowC } = definition.cells.C;
    const missing = { ...definition, cells: { ...definition.cells, C: rowC } };
    expect(() => defineValueMatrix(missing as never)).toThrow(ValidationError);
    try {
      defineValueMatrix(missing as never);
    } catch (error) {
      expect((error as ValidationError).issues[0]!.path).toBe('cells.C.B');
    }
    const unknown = { ...definition, cells: { ...definition.cells, D: { ...definition.cells.D, D: 'E' } } };
    try {
      defineValueMatrix(unknown);
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).issues[0]!.path).toBe('cells.D.D');
    }
    const duplicate = { ...definition, classes: [...definition.classes, definition.classes[0]!] };
    expect(() => defineValueMatrix(duplicate)).toThrow(/classes\[4\]/);
  });

  it('rejects grades outside A–D', () => {
    expect(() => classifyValue('E' as never, 'A')).toThrow(ValidationError);
    expect(() => classifyValue('A', 'a' as never)).toThrow(/potentialGrade/);
    expect(() => classifyValue('A', 'A', {} as never)).toThrow(/matrix/);
  });

  it('lists the grades best first', () => {
    expect(valueGrades).toEqual(['A', 'B', 'C', 'D']);
  });
});
