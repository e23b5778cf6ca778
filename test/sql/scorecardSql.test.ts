/**
 * Scorecards compiled to SQL, run in DuckDB and Postgres (PGlite): the seed's own table and band
 * edges (seed 002_103b3d2fa11d0440.txt, 客户潜在价值计算表 / 客户潜在价值划分标准), missing-value
 * policies, clamping, every scale type, and the parts SQL refuses.
 */
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/errors.js';
import {
  defineGradeBands,
  defineScorecard,
  potentialValueModel,
  score,
  type ScorecardInput,
} from '../../src/scoring/index.js';
import { toSql } from '../../src/sql/index.js';
import { engineNames, openEngines, type Cell, type Engines, type TestColumn } from './engines.js';

const labels = (text: string) => ({ en: text, 'zh-CN': text });
const ids = potentialValueModel.factorIds;

let engines: Engines;
beforeAll(async () => {
  engines = await openEngines();
}, 60_000);
afterAll(async () => {
  await engines.close();
}, 60_000);

const seedColumns = (duckdbType: string): TestColumn[] => [
  { name: 'account_id', duckdb: 'VARCHAR', postgres: 'TEXT' },
  ...ids.map((id) => ({ name: id, duckdb: duckdbType, postgres: 'NUMERIC' })),
];

/** Seed 002 rows: the 总分合计 example and the three edge totals that floating point gets wrong. */
const SEED_ROWS: [string, number[], string, string][] = [
  ['seed-80', [4, 8, 9, 4, 2, 2, 2.5, 6, 4, 15, 8, 7, 8.5], '80', 'A'],
  ['edge-80', [3.0, 9.1, 8.9, 4.8, 1.7, 1.4, 2.2, 6.2, 1.3, 18.8, 5.1, 9.9, 7.6], '80', 'A'],
  ['edge-60', [4.7, 7.0, 6.6, 4.8, 1.9, 2.0, 2.1, 6.7, 1.5, 2.3, 5.4, 5.4, 9.6], '60', 'B'],
  ['edge-40', [1.7, 2.6, 2.3, 2.0, 1.8, 1.4, 2.2, 4.6, 4.5, 1.8, 2.6, 4.9, 7.6], '40', 'D'],
  ['79.9', [4, 8, 9, 4, 2, 2, 2.5, 6, 4, 15, 8, 7, 8.4], '79.9', 'B'],
  ['all-max', [5, 10, 10, 5, 2.5, 2.5, 2.5, 7.5, 5, 20, 10, 10, 10], '100', 'A'],
  ['all-min', ids.map(() => 1), '13', 'D'],
];

describe.each(engineNames)('potentialValueModel in %s (seed 002)', (engine) => {
  it.each(['DOUBLE', 'DECIMAL(18, 6)'])(
    'reproduces the seed totals and grades exactly from %s columns, edges 40 / 60 / 80 included',
    async (type) => {
      for (const [, values] of SEED_ROWS.slice(1, 4))
        expect(values.reduce((sum, value) => sum + value, 0) % 20).not.toBe(0); // the float trap is real
      await engines.load(
        'accounts',
        seedColumns(type),
        SEED_ROWS.map(([id, values]) => [id, ...values]),
      );
      const query = toSql(potentialValueModel, { dialect: engine, table: 'accounts', keep: ['account_id'] });
      const rows = await engines.run(engine, query);
      expect(rows.map((row) => row['account_id'])).toEqual(SEED_ROWS.map(([id]) => id));
      rows.forEach((row, index) => {
        const [, values, total, grade] = SEED_ROWS[index]!;
        expect(new Decimal(String(row['total'])).eq(total), `${String(row['account_id'])} total`).toBe(true);
        expect(row['grade']).toBe(grade);
        expect(row['complete']).toBe(true);
        expect(row['error']).toBeNull();
        const library = score(potentialValueModel, Object.fromEntries(ids.map((id, f) => [id, values[f]!])));
        library.categories.forEach((category) =>
          expect(new Decimal(String(row[`points_${category.id}`])).eq(category.contribution.toString())).toBe(true),
        );
      });
    },
  );

  it('flags a missing rating in `error` and leaves the total NULL, never 0', async () => {
    await engines.load('accounts', seedColumns('DOUBLE'), [['gap', null, ...SEED_ROWS[0]![1].slice(1)]]);
    const [row] = await engines.run(
      engine,
      toSql(potentialValueModel, { dialect: engine, table: 'accounts', keep: ['account_id'] }),
    );
    expect(row).toMatchObject({ total: null, grade: null, complete: false, error: 'tenure: missing' });
  });

  it("imputes the factor's minimum under missing: 'min' and reports the row incomplete", async () => {
    const values = SEED_ROWS[0]![1];
    await engines.load('accounts', seedColumns('DOUBLE'), [['gap', null, ...values.slice(1)]]);
    const [row] = await engines.run(
      engine,
      toSql(potentialValueModel, { dialect: engine, table: 'accounts', missing: 'min' }),
    );
    const library = score(
      potentialValueModel,
      { ...Object.fromEntries(ids.map((id, f) => [id, values[f]!])), tenure: null },
      { missing: 'min' },
    );
    expect(library.total.toString()).toBe('77');
    expect(new Decimal(String(row!['total'])).eq(library.total.toString())).toBe(true);
    expect(row).toMatchObject({ grade: 'B', complete: false, error: null });
  });

  it('flags out-of-range ratings and ratings with more decimals than ratingScale; clamps when asked', async () => {
    const values = SEED_ROWS[0]![1];
    await engines.load('accounts', seedColumns('DOUBLE'), [
      ['high', 6, ...values.slice(1)],
      ['fine', 4.1234567, ...values.slice(1)],
    ]);
    const plain = await engines.run(engine, toSql(potentialValueModel, { dialect: engine, table: 'accounts' }));
    expect(plain[0]!['error']).toBe('tenure: not a rating within [1, 5] with at most 6 decimals');
    expect(plain[1]!['error']).toBe('tenure: not a rating within [1, 5] with at most 6 decimals');
    const clamped = await engines.run(
      engine,
      toSql(potentialValueModel, { dialect: engine, table: 'accounts', clamp: true, ratingScale: 7 }),
    );
    expect(new Decimal(String(clamped[0]!['total'])).eq(81)).toBe(true);
    expect(new Decimal(String(clamped[1]!['total'])).eq('80.1234567')).toBe(true);
    expect(clamped[0]!['error']).toBeNull();
  });

  it('compares with minmax totals that do not terminate, rounded half away from zero at totalScale', async () => {
    const values = SEED_ROWS[1]![1];
    await engines.load('accounts', seedColumns('DOUBLE'), [['x', ...values]]);
    const query = toSql(potentialValueModel, {
      dialect: engine,
      table: 'accounts',
      normalisation: 'minmax',
      totalScale: 12,
    });
    expect(query.totals).toMatchObject({ exact: false, scale: 12 });
    const [row] = await engines.run(engine, query);
    const library = score(potentialValueModel, Object.fromEntries(ids.map((id, f) => [id, values[f]!])), {
      normalisation: 'minmax',
    });
    expect(String(row!['total'])).toBe(library.total.toDecimalPlaces(12, Decimal.ROUND_HALF_UP).toFixed(12));
    // the numerator is exact: total = total_numerator / denominator
    const Exact = Decimal.clone({ precision: 80 });
    expect(
      new Exact(String(row!['total_numerator']))
        .div(query.totals!.denominator)
        .minus(library.total.toString())
        .abs()
        .lt('1e-30'),
    ).toBe(true);
    expect(row!['grade']).toBe(library.grade);
  });
});

/** A model with every scale type the compiler supports. */
const scaledModel: ScorecardInput = {
  id: 'scaled',
  version: '1',
  grades: {
    id: 'g',
    version: '1',
    domain: '[0, 100]',
    bands: [
      { id: 'top', labels: labels('top'), interval: '[75, 100]' },
      { id: 'mid', labels: labels('mid'), interval: '(25, 75)' },
      { id: 'low', labels: labels('low'), interval: '[0, 25]' },
    ],
  },
  categories: [
    {
      id: 'history',
      labels: labels('History'),
      weight: '0.4',
      factors: [
        {
          id: 'tenureDays',
          labels: labels('Tenure'),
          min: 1,
          max: 5,
          scale: {
            type: 'bands',
            bands: [
              { interval: '[0, 365)', rating: 1 },
              { interval: '[365, 1095)', rating: 3 },
              { interval: '[1095, +inf)', rating: 5 },
            ],
          },
        },
        {
          id: 'latePayments',
          labels: labels('Late payments'),
          min: 1,
          max: 10,
          scale: { type: 'linear', from: { raw: 0, rating: 10 }, to: { raw: 12, rating: 1 } },
        },
      ],
    },
    {
      id: 'fit',
      labels: labels('Fit'),
      weight: '0.6',
      factors: [
        {
          id: 'industry',
          labels: labels('Industry'),
          min: 1,
          max: 10,
          scale: {
            type: 'categorical',
            categories: [
              { value: 'fmcg', rating: 9 },
              { value: 'auto', rating: 7 },
              { value: "o'brien & co", rating: 2 },
            ],
            default: 4,
            special: [{ value: 'unknown', missing: true }],
          },
        },
        { id: 'exclusive', labels: labels('Exclusive'), min: 0, max: 1, scale: { type: 'boolean', true: 1, false: 0 } },
      ],
    },
  ],
};

describe.each(engineNames)('scales in %s', (engine) => {
  const model = defineScorecard(scaledModel);
  const columns: TestColumn[] = [
    { name: 'tenureDays', duckdb: 'INTEGER', postgres: 'INTEGER' },
    { name: 'late', duckdb: 'DECIMAL(10, 2)', postgres: 'NUMERIC(10, 2)' },
    { name: 'industry', duckdb: 'VARCHAR', postgres: 'TEXT' },
    { name: 'exclusive', duckdb: 'BOOLEAN', postgres: 'BOOLEAN' },
  ];
  const rows: Cell[][] = [
    [0, 0, 'fmcg', true],
    [364, 3.5, 'auto', false],
    [365, 12, "o'brien & co", true],
    [2000, 20, 'other', false],
    [1094, 7.25, 'unknown', true],
    [null, 1, 'fmcg', null],
    [-5, 1, 'fmcg', true],
  ];
  it(
    'maps bands (edge closure), linear (both clamps, exact non-terminating ' +
      'slope), categorical (default, special → missing) and boolean like the library',
    async () => {
      await engines.load('raw', columns, rows);
      for (const missing of ['error', 'min'] as const) {
        for (const clamp of [false, true]) {
          const query = toSql(model, {
            dialect: engine,
            table: 'raw',
            columns: { latePayments: 'late' },
            missing,
            clamp,
          });
          const result = await engines.run(engine, query);
          rows.forEach((row, index) => {
            const [tenureDays, late, industry, exclusive] = row;
            const record = { tenureDays, latePayments: late, industry, exclusive };
            let expected: ReturnType<typeof score> | null = null;
            try {
              expected = score(model, record, { missing, clamp });
            } catch (error) {
              if (!(error instanceof ValidationError)) throw error;
            }
            const actual = result[index]!;
            if (expected === null) {
              expect(actual['total'], `row ${index} ${missing} ${clamp}`).toBeNull();
              expect(actual['error']).not.toBeNull();
            } else {
              const want = query.totals!.exact
                ? expected.total
                : expected.total.toDecimalPlaces(query.totals!.scale, Decimal.ROUND_HALF_UP);
              expect(
                new Decimal(String(actual['total'])).eq(want),
                `row ${index} ${missing} ${clamp}: ${String(actual['total'])} vs ${expected.total.toString()}`,
              ).toBe(true);
              expect(actual['grade']).toBe(expected.grade);
              expect(actual['complete']).toBe(expected.complete);
            }
          });
        }
      }
    },
  );
});

describe('what SQL refuses, with the path of the part', () => {
  it("rejects missing: 'exclude' (per-row renormalisation)", () => {
    expect(() => toSql(potentialValueModel, { dialect: 'duckdb', table: 't', missing: 'exclude' })).toThrowError(
      ValidationError,
    );
    try {
      toSql(potentialValueModel, { dialect: 'duckdb', table: 't', missing: 'exclude' });
    } catch (error) {
      expect((error as ValidationError).issues[0]!.path).toBe('options.missing');
    }
  });

  it('rejects special values on a numeric scale, naming the scale', () => {
    const model = defineScorecard({
      id: 'special',
      categories: [
        {
          id: 'c',
          labels: labels('c'),
          weight: 1,
          factors: [
            {
              id: 'days',
              labels: labels('days'),
              min: 1,
              max: 5,
              scale: {
                type: 'bands',
                bands: [
                  { interval: '[0, 10)', rating: 1 },
                  { interval: '[10, +inf)', rating: 5 },
                ],
                special: [{ value: 'n/a', missing: true }],
              },
            },
          ],
        },
      ],
    });
    try {
      toSql(model, { dialect: 'postgres', table: 't' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]!.path).toBe('categories[0].factors[0].scale.special');
      expect((error as ValidationError).issues[0]!.expected).toContain('"days"');
    }
  });

  it('rejects bad options with their paths', () => {
    const bad = [
      [{ dialect: 'mysql', table: 't' }, 'options.dialect'],
      [{ dialect: 'duckdb', table: '' }, 'options.table'],
      [{ dialect: 'duckdb', table: 't', columns: { nope: 'x' } }, 'options.columns["nope"]'],
      [{ dialect: 'duckdb', table: 't', keep: ['total'] }, 'options.keep[0]'],
      [{ dialect: 'duckdb', table: 't', keep: ['__clientele_N'] }, 'options.keep[0]'],
      [{ dialect: 'duckdb', table: 't', ratingScale: 40 }, 'options.ratingScale'],
      [{ dialect: 'duckdb', table: 't', columns: { tenure: 'a\u0000b' } }, 'options.columns["tenure"]'],
    ] as const;
    for (const [options, path] of bad) {
      try {
        toSql(potentialValueModel, options as never);
        expect.unreachable(path);
      } catch (error) {
        expect(error, path).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(path);
      }
    }
    expect(() => toSql({} as never, { dialect: 'duckdb', table: 't' })).toThrowError(ValidationError);
  });

  it('can skip grading (bands: null) or grade with other bands', () => {
    expect(
      toSql(potentialValueModel, { dialect: 'duckdb', table: 't', bands: null }).columns.map((column) => column.name),
    ).not.toContain('grade');
    const halves = defineGradeBands({
      id: 'h',
      version: '1',
      domain: '[0, 100]',
      bands: [
        { id: 'upper', labels: labels('upper'), interval: '[50, 100]' },
        { id: 'lower', labels: labels('lower'), interval: '[0, 50)' },
      ],
    });
    expect(toSql(potentialValueModel, { dialect: 'duckdb', table: 't', bands: halves }).text).toContain("THEN 'upper'");
  });

  it('names the model it compiled, and writes a view with every value inlined', () => {
    const query = toSql(potentialValueModel, { dialect: 'postgres', table: ['crm', 'accounts'], keep: ['account_id'] });
    expect(query.model).toEqual({
      id: potentialValueModel.id,
      version: potentialValueModel.version,
      fingerprint: potentialValueModel.fingerprint,
    });
    expect(query.text).toContain('FROM "crm"."accounts"');
    expect(query.createView(['crm', 'scores'])).toMatch(/^CREATE OR REPLACE VIEW "crm"\."scores" AS\nSELECT /);
  });
});
