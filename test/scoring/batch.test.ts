import { describe, expect, it } from 'vitest';
import {
  potentialValueModel,
  score,
  scoreColumns,
  scoreEach,
  scoreEachAsync,
  scorePortfolio,
  ValidationError,
} from '../../src/scoring/index.js';
import { brokenRecords, samplePortfolio } from '../../demo/sample-portfolio.js';

const top = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max.toNumber()]));

describe('scorePortfolio', () => {
  it('scores every good record and reports every bad one with index, id and path', () => {
    const records = [...samplePortfolio.slice(0, 10), ...brokenRecords, samplePortfolio[10]!];
    const { results, errors, summary } = scorePortfolio(potentialValueModel, records);
    expect(results).toHaveLength(11);
    expect(results.map((result) => result.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 13]);
    expect(results[10]!.id).toBe(samplePortfolio[10]!.id);
    expect(errors.map((error) => [error.index, error.id, error.issues[0]!.path])).toEqual([
      [10, 'BAD-0001', 'ratings.tenure'],
      [11, 'BAD-0002', 'ratings.assetSize'],
      [12, 'BAD-0003', 'ratings.creditRecord'],
    ]);
    expect(summary.scored).toBe(11);
    expect(summary.failed).toBe(3);
    expect(Object.keys(summary.grades)).toEqual(['A', 'B', 'C', 'D']);
    expect(Object.values(summary.grades).reduce((a, b) => a + b, 0)).toBe(11);
  });

  it('gives each record the same result as score()', () => {
    const { results } = scorePortfolio(potentialValueModel, samplePortfolio.slice(0, 25));
    for (const { index, result } of results) {
      expect(JSON.stringify(result)).toBe(JSON.stringify(score(potentialValueModel, samplePortfolio[index]!.ratings)));
    }
  });

  it('reads flat CSV-like rows, ignoring the id field, and a custom accessor', () => {
    const flat = scorePortfolio(potentialValueModel, [
      { id: 7, ...top },
      { id: 'x', ...top, typo: 1 },
    ]);
    expect(flat.results[0]).toMatchObject({ id: '7' });
    expect(flat.errors[0]).toMatchObject({ index: 1, id: 'x' });
    expect(flat.errors[0]!.issues[0]!.path).toBe('ratings.typo');
    const custom = scorePortfolio(potentialValueModel, [{ key: 'k1', data: top }], {
      idField: 'key',
      ratings: (record) => (record as { data: unknown }).data,
    });
    expect(custom.results[0]!.id).toBe('k1');
    expect(custom.results[0]!.result.total.toString()).toBe('100');
  });

  it('reports a non-object record instead of throwing', () => {
    const { results, errors } = scorePortfolio(potentialValueModel, [null, 42, top]);
    expect(results).toHaveLength(1);
    expect(errors.map((error) => error.index)).toEqual([0, 1]);
  });

  it('reads idField and ratings once, as options: a throwing getter or a wrong type is a ValidationError', () => {
    const record = { id: 'a', ratings: { tenure: 3 } };
    const throwing = (key: string) =>
      Object.defineProperty({ missing: 'min' }, key, {
        enumerable: true,
        get() {
          throw new Error(key);
        },
      }) as never;
    for (const key of ['idField', 'ratings']) {
      expect(() => scorePortfolio(potentialValueModel, [record], throwing(key))).toThrow(
        expect.objectContaining({ issues: [expect.objectContaining({ path: 'options' })] }),
      );
      expect(() => [...scoreEach(potentialValueModel, [record], throwing(key))]).toThrow(ValidationError);
    }
    let reads = 0;
    const counting = Object.defineProperty({ missing: 'min' }, 'idField', {
      enumerable: true,
      get: () => (reads++ === 0 ? 'id' : 'other'),
    }) as never;
    const { results } = scorePortfolio(potentialValueModel, [record, { ...record, id: 'b' }], counting);
    expect(results.map((result) => result.id)).toEqual(['a', 'b']);
    expect(reads).toBe(1);
    expect(() => scorePortfolio(potentialValueModel, [record], { idField: 5 } as never)).toThrow(/options\.idField/);
    expect(() => scorePortfolio(potentialValueModel, [record], { ratings: 'x' } as never)).toThrow(/options\.ratings/);
  });

  it('accepts async iterables and returns a promise', async () => {
    async function* rows() {
      yield { id: 'a', ratings: top };
      yield brokenRecords[0];
    }
    const outcome = await scorePortfolio(potentialValueModel, rows());
    expect(outcome.results).toHaveLength(1);
    expect(outcome.errors[0]!.id).toBe('BAD-0001');
  });
});

describe('scoreEach / scoreEachAsync', () => {
  it('streams outcomes lazily, one per record', () => {
    let pulled = 0;
    function* rows() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield { id: `r${i}`, ratings: top };
      }
    }
    const iterator = scoreEach(potentialValueModel, rows());
    const first = iterator.next();
    expect(first.done).toBe(false);
    expect(pulled).toBe(1);
    expect(first.value).toMatchObject({ ok: true, index: 0, id: 'r0' });
  });

  it('streams async sources', async () => {
    const seen: string[] = [];
    for await (const outcome of scoreEachAsync(potentialValueModel, [
      { id: 'a', ratings: top },
      { id: 'b', ratings: {} },
    ])) {
      seen.push(`${outcome.id}:${outcome.ok}`);
    }
    expect(seen).toEqual(['a:true', 'b:false']);
  });
});

describe('scoreColumns', () => {
  const ids = potentialValueModel.factorIds;
  const columnsOf = (rows: Record<string, unknown>[]) =>
    Object.fromEntries(ids.map((id) => [id, rows.map((row) => row[id])]));

  it('gives the exact totals and grades score() gives, row by row', () => {
    const rows = samplePortfolio.map((account) => account.ratings as unknown as Record<string, unknown>);
    const scores = scoreColumns(potentialValueModel, columnsOf(rows));
    expect(scores.count).toBe(200);
    expect(scores.errors).toEqual([]);
    rows.forEach((row, index) => {
      const expected = score(potentialValueModel, row);
      expect(scores.total(index)!.toString()).toBe(expected.total.toString());
      expect(scores.grade(index)).toBe(expected.grade);
    });
  });

  it('works on Float64Array columns', () => {
    const columns = Object.fromEntries(ids.map((id) => [id, Float64Array.from([top[id]!, 1])]));
    const scores = scoreColumns(potentialValueModel, columns);
    expect([scores.total(0)!.toString(), scores.total(1)!.toString()]).toEqual(['100', '13']);
    expect([scores.grade(0), scores.grade(1)]).toEqual(['A', 'D']);
  });

  it('sends strings and long decimals through the exact path and reports bad rows', () => {
    const rows: Record<string, unknown>[] = [
      { ...top, assetSize: '12.5' },
      { ...top, assetSize: 12.1234567 },
      { ...top, tenure: 9 },
      { ...top, tenure: null },
    ];
    const scores = scoreColumns(potentialValueModel, columnsOf(rows), { ids: ['a', 'b', 'c', 'd'] });
    expect(scores.total(0)!.toString()).toBe('92.5');
    expect(scores.total(1)!.toString()).toBe('92.1234567');
    expect(scores.grade(1)).toBe('A');
    expect(scores.total(2)).toBeNull();
    expect(scores.errors.map((error) => [error.index, error.id, error.issues[0]!.path])).toEqual([
      [2, 'c', 'ratings.tenure'],
      [3, 'd', 'ratings.tenure'],
    ]);
    const imputed = scoreColumns(potentialValueModel, columnsOf(rows), { missing: 'min', clamp: true });
    expect(imputed.total(2)!.toString()).toBe('100');
    expect(imputed.total(3)!.toString()).toBe('96');
    expect(imputed.errors).toEqual([]);
  });

  it('keeps doubles beyond six decimals on the columnar path and decides a grade edge exactly', () => {
    // score()'s example totals exactly 80 (the A edge); tenure 4 ± one ulp puts it a hair either side
    const base = {
      ...{ tenure: 4, creditRecord: 8, latePayment: 9, missedAppointments: 4, productVariety: 2, purchaseCount: 2 },
      ...{ purchaseFrequency: 2.5, competitorPurchase: 6, competitorFrequency: 4, assetSize: 15, industry: 8 },
      ...{ marketPosition: 7, peerUserBase: 8.5 },
    };
    const rows = [4.000000000000001, 3.9999999999999996, 0.1 + 0.2 + 3.7, 4].map((tenure) => ({ ...base, tenure }));
    const scores = scoreColumns(potentialValueModel, columnsOf(rows));
    rows.forEach((row, index) => {
      const expected = score(potentialValueModel, row);
      expect([scores.total(index)!.toString(), scores.grade(index)]).toEqual([
        expected.total.toString(),
        expected.grade,
      ]);
    });
    expect([scores.grade(0), scores.grade(1), scores.grade(3)]).toEqual(['A', 'B', 'A']);
    expect(scores.errors).toEqual([]);
  });

  it('copy: true keeps what total(i) reads: changing the columns afterwards changes nothing', () => {
    const columns = Object.fromEntries(ids.map((id) => [id, Float64Array.from([top[id]! - 0.123456789, 1])]));
    const scores = scoreColumns(potentialValueModel, columns, { copy: true });
    const before = scores.total(0)!.toString();
    for (const id of ids) columns[id]!.fill(1);
    expect(scores.total(0)!.toString()).toBe(before);
    expect(Number.isNaN(scores.numerators[0]!)).toBe(true);
    expect(scores.total(1)!.toString()).toBe('13');
  });

  it('copy: false reads the cells from the columns when total(i) is called, with the same totals and grades', () => {
    const rows = [0.123456789, 0.1 + 0.2, 1e-9, 0.5];
    const columns = Object.fromEntries(
      ids.map((id) => [id, Float64Array.from(rows, (offset) => Math.max(1, top[id]! - offset))]),
    );
    const copied = scoreColumns(potentialValueModel, columns, { copy: true });
    const borrowed = scoreColumns(potentialValueModel, columns, { copy: false });
    rows.forEach((_, i) => {
      expect(borrowed.total(i)!.toString()).toBe(copied.total(i)!.toString());
      expect(borrowed.grade(i)).toBe(copied.grade(i));
    });
    for (const id of ids) columns[id]![0] = 1;
    expect(borrowed.total(0)!.toString()).toBe('13');
    expect(copied.total(0)!.toString()).not.toBe('13');
    expect(() => scoreColumns(potentialValueModel, columns, { copy: 'no' as never })).toThrow(/options\.copy/);
    expect(() => scoreColumns(potentialValueModel, columns, { copy: null as never })).toThrow(/options\.copy/);
    for (const id of ids) columns[id]![0] = Number.NaN;
    expect(() => borrowed.total(0)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'columns[0]' })] }),
    );
  });

  it('by default copies the cells of plain-array columns, so changing them afterwards changes nothing', () => {
    const rows = [0.123456789, 0.1 + 0.2, 0.5].map((offset) =>
      potentialValueModel.factors.map((factor) => Math.max(factor.min.toNumber(), factor.max.toNumber() - offset)),
    );
    const wanted = rows.map((row) => score(potentialValueModel, Object.fromEntries(ids.map((id, f) => [id, row[f]]))));
    // every column a plain array; then half of them plain, half Float64Array
    const plain = Object.fromEntries(ids.map((id, f) => [id, rows.map((row) => row[f]!)]));
    const mixed = Object.fromEntries(
      ids.map((id, f) => [id, f % 2 === 0 ? rows.map((row) => row[f]!) : Float64Array.from(rows, (row) => row[f]!)]),
    );
    const fromPlain = scoreColumns(potentialValueModel, plain);
    const fromMixed = scoreColumns(potentialValueModel, mixed);
    for (const id of ids) plain[id]!.fill(1);
    ids.forEach((id, f) => {
      if (f % 2 === 0) (mixed[id] as number[]).fill(1);
    });
    wanted.forEach((result, i) => {
      expect(fromPlain.total(i)?.toString()).toBe(result.total.toString());
      expect(fromMixed.total(i)?.toString()).toBe(result.total.toString());
    });
    // a Float64Array column of the mixed call is still checked
    (mixed[ids[1]!] as Float64Array)[0] = 1;
    expect(() => fromMixed.total(0)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'columns[0]' })] }),
    );
  });

  it('serialises its typed arrays as JSON arrays', () => {
    const columns = Object.fromEntries(ids.map((id) => [id, Float64Array.from([top[id]!, 1])]));
    const json = JSON.parse(JSON.stringify(scoreColumns(potentialValueModel, columns))) as Record<string, unknown>;
    expect(json['grades']).toEqual([0, 3]);
    expect(Array.isArray(json['numerators'])).toBe(true);
  });

  it('rejects missing or ragged columns up front', () => {
    expect(() => scoreColumns(potentialValueModel, {})).toThrow(/columns\.tenure/);
    const ragged = Object.fromEntries(ids.map((id, index) => [id, index === 3 ? [1] : [1, 1]]));
    expect(() => scoreColumns(potentialValueModel, ragged)).toThrow(/length 2/);
  });
});

describe('batch input that is not a collection', () => {
  it('is a ValidationError naming records, not a TypeError', async () => {
    const { ValidationError } = await import('../../src/scoring/index.js');
    for (const records of [5, null, 'abc', {}]) {
      expect(() => scorePortfolio(potentialValueModel, records as never)).toThrow(ValidationError);
      expect(() => [...scoreEach(potentialValueModel, records as never)]).toThrow(/records/);
    }
  });
});

describe('scoreEach: the record’s ratings field', () => {
  it('is read once per record, through a getter too', () => {
    const top = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max.toNumber()]));
    let reads = 0;
    const record = Object.defineProperty({ id: 'a' }, 'ratings', {
      enumerable: true,
      get() {
        reads++;
        return top;
      },
    });
    const [outcome] = [...scoreEach(potentialValueModel, [record])];
    expect(outcome!.ok && outcome!.result.total.toString()).toBe('100');
    expect(reads).toBe(1);
  });
});
