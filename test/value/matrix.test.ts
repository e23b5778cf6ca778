import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/index.js';
import {
  classifyValue,
  defaultValueMatrix,
  defineValueMatrix,
  strictValueMatrix,
  valueGrades,
  valueMatrixSchema,
} from '../../src/value/index.js';

describe('strategies are seed 000’s own moves (seed 000_314cca147d0dd30a.txt)', () => {
  it(
    'small clients get the planning-led one-stop service tailored to the brief ("中小客户服务重要是筹划为主旳“一条龙”形式 … ' +
      '“量体裁衣”"), never a standardised low-cost tier',
    () => {
      for (const [current, potential] of [
        ['D', 'D'],
        ['C', 'C'],
      ] as const) {
        const { strategy } = classifyValue(current, potential);
        expect(strategy['zh-CN']).toContain('一条龙');
        expect(strategy['zh-CN']).toContain('量体裁衣');
        expect(strategy.en).toMatch(/tailored to the brief/);
        expect(strategy.en).not.toMatch(/standardised|low-cost/i);
        expect(strategy['zh-CN']).not.toMatch(/标准化|低成本/);
        // the preferential packages belong to big clients ("优先向他们提供最佳旳媒体资源和优惠旳广告“套餐”")
        expect(strategy['zh-CN']).not.toContain('套餐');
      }
      expect(classifyValue('D', 'D').strategy['zh-CN']).toContain('把每个客户当成唯一客户');
    },
  );

  it('big clients get added value, the best media resources, 套餐 and PR help ("大客户服务重要立足于增值")', () => {
    const { strategy } = classifyValue('A', 'A');
    expect(strategy['zh-CN']).toContain('立足于增值');
    expect(strategy['zh-CN']).toContain('套餐');
    expect(strategy['zh-CN']).toContain('公共关系');
  });
});

describe('the strict matrix (seed 001: 高价值 only for 双高)', () => {
  it('only (A, A) is high-value; the default’s fills of (A, B), (B, A), (B, B) are its own choice', () => {
    const grades = ['A', 'B', 'C', 'D'] as const;
    const highStrict = grades.flatMap((current) =>
      grades
        .filter((potential) => classifyValue(current, potential, strictValueMatrix).segment === 'high-value')
        .map((potential) => current + potential),
    );
    expect(highStrict).toEqual(['AA']);
    const highDefault = grades.flatMap((current) =>
      grades
        .filter((potential) => classifyValue(current, potential).segment === 'high-value')
        .map((potential) => current + potential),
    );
    expect(highDefault).toEqual(['AA', 'AB', 'BA', 'BB']);
    // every cell the seed fills (seed 002) is the same in both
    for (const [current, potential] of [
      ['A', 'A'],
      ['A', 'C'],
      ['B', 'D'],
      ['C', 'A'],
      ['D', 'B'],
      ['D', 'D'],
    ] as const) {
      expect(classifyValue(current, potential, strictValueMatrix).customerClass).toBe(
        classifyValue(current, potential).customerClass,
      );
    }
  });
});

describe('the value matrix (seed 002, 客户价值评价标准)', () => {
  it('reproduces the seed’s four filled columns', () => {
    // A: current A, potential A → 高价值客户
    expect(classifyValue('A', 'A')).toMatchObject({
      customerClass: 'A',
      segment: 'high-value',
      labels: { 'zh-CN': '高价值客户' },
    });
    // B: current A–B, potential C–D → 次价值客户
    for (const current of ['A', 'B'] as const) {
      for (const potential of ['C', 'D'] as const) {
        expect(classifyValue(current, potential)).toMatchObject({
          customerClass: 'B',
          segment: 'secondary-value',
          labels: { 'zh-CN': '次价值客户' },
        });
      }
    }
    // C: current C–D, potential A–B → 潜价值客户
    for (const current of ['C', 'D'] as const) {
      for (const potential of ['A', 'B'] as const) {
        expect(classifyValue(current, potential)).toMatchObject({
          customerClass: 'C',
          segment: 'potential-value',
          labels: { 'zh-CN': '潜价值客户' },
        });
      }
    }
    // D: current D, potential D → 低价值客户
    expect(classifyValue('D', 'D')).toMatchObject({
      customerClass: 'D',
      segment: 'low-value',
      labels: { 'zh-CN': '低价值客户' },
    });
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
    expect(result.strategy.en).toMatch(/added value/);
    expect(result.strategy['zh-CN']).toMatch(/立足于增值/);
    expect(result.cell).toEqual({ current: 'A', potential: 'A' });
    expect(result.matrix).toEqual({
      id: 'value-matrix',
      version: '1.0.0',
      fingerprint: defaultValueMatrix.fingerprint,
    });
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
    const strict = defineValueMatrix({
      ...definition,
      id: 'strict',
      cells: { ...definition.cells, B: { A: 'B', B: 'B', C: 'B', D: 'B' } },
    });
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
