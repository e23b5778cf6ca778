/**
 * Named regressions of issue #12: eight classes of model whose compiled SQL gave a wrong answer or
 * a failed query in DuckDB and Postgres (PGlite) alike, and the RangeError of a category whose
 * maxima sum to 0. Each test runs the query in both engines and compares every output column with
 * the library, or checks that `toSql` refuses the model at compile time, naming the part and the limit.
 */
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  defineRuleSet,
  evaluateRules,
  type ChurnRuleInput,
  type ChurnSignalDeclarations,
} from '../../src/churn/index.js';
import { ValidationError } from '../../src/shared/errors.js';
import {
  defineScorecard,
  potentialValueBands,
  potentialValueModel,
  score,
  scorecardPlan,
  type Scorecard,
  type ScorecardInput,
  type ScoreResult,
} from '../../src/scoring/index.js';
import { toSql, type SqlQuery, type ToSqlOptions } from '../../src/sql/index.js';
import { defaultValueMatrix } from '../../src/value/index.js';
import { errorOf } from '../support/errorOf.js';
import { engineNames, openEngines, type Cell, type EngineName, type Engines, type TestColumn } from './engines.js';

const labels = (text: string) => ({ en: text, 'zh-CN': text });
/** Enough digits to divide a 38-digit numerator by its denominator without rounding the compared places. */
const Wide = Decimal.clone({ precision: 80 });

let engines: Engines;
beforeAll(async () => {
  engines = await openEngines();
}, 60_000);
afterAll(async () => {
  await engines.close();
}, 60_000);

/** The library's decimal as SQL represents it: exact, or rounded half away from zero at the total scale. */
function asSql(value: Decimal, query: SqlQuery): Decimal {
  return query.totals!.exact ? value : value.toDecimalPlaces(query.totals!.scale, Decimal.ROUND_HALF_UP);
}

/** Runs a scorecard in one engine and compares every output column with `score()` row by row. */
async function expectScorecardParity(
  engine: EngineName,
  model: Scorecard,
  columns: readonly TestColumn[],
  rows: readonly (readonly Cell[])[],
  options: Omit<ToSqlOptions, 'dialect' | 'table'> = {},
): Promise<void> {
  await engines.load('regression', columns, rows);
  const query = toSql(model, { dialect: engine, table: 'regression', ...options });
  const result = await engines.run(engine, query);
  expect(result).toHaveLength(rows.length);
  rows.forEach((values, index) => {
    const ratings = Object.fromEntries(model.factorIds.map((id, f) => [id, values[f]]));
    let expected: ScoreResult | null = null;
    try {
      expected = score(model, ratings, {
        missing: options.missing === 'min' ? 'min' : 'error',
        clamp: options.clamp === true,
        ...(options.normalisation ? { normalisation: options.normalisation } : {}),
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
    }
    const actual = result[index]!;
    if (expected === null) {
      expect(actual['total'], `row ${index}`).toBeNull();
      expect(typeof actual['error'], `row ${index}`).toBe('string');
      return;
    }
    expect(actual['error'], `row ${index}`).toBeNull();
    expect(String(actual['total']), `row ${index}`).toSatisfy((text: string) =>
      new Decimal(text).eq(asSql(expected.total, query)),
    );
    const exactTotal = Wide.div(String(actual['total_numerator']), query.totals!.denominator);
    expect(
      exactTotal.toDecimalPlaces(query.totals!.scale, Decimal.ROUND_HALF_UP).eq(asSql(expected.total, query)),
    ).toBe(true);
    expect(actual['grade']).toBe(expected.grade);
    expect(actual['complete']).toBe(expected.complete);
    for (const category of expected.categories)
      expect(new Decimal(String(actual[`points_${category.id}`])).eq(asSql(category.contribution, query))).toBe(true);
  });
}

const number = (name: string, type = 'DOUBLE'): TestColumn => ({
  name,
  duckdb: type,
  postgres: type === 'DOUBLE' ? 'DOUBLE PRECISION' : type.replace('DECIMAL', 'NUMERIC'),
});
/** A rule set of one `watch` rule, id `r`, reading built-in signals or the ones it declares. */
const watchRule = (
  id: string,
  when: ChurnRuleInput['when'],
  points: number | string,
  signals?: ChurnSignalDeclarations,
) =>
  defineRuleSet({
    id,
    ...(signals && { signals }),
    rules: [{ id: 'r', when, severity: 'watch', points, cause: 'competitor' }],
  });
/** The custom numeric signal the threshold tests read. */
const spendSignal = { spend: { type: 'number' } } as const;
const flag = (name: string): TestColumn => ({ name, duckdb: 'BOOLEAN', postgres: 'BOOLEAN' });

describe.each(engineNames)('issue #12 regressions in %s', (engine) => {
  it('1. points numerators between 2^30 and 2^31 are summed as decimals, never as 32-bit integers', async () => {
    // weights 0.33 / 0.33 / 0.34 over maxima 9.97 / 9.99 / 9.98: D = 997·333·499, and a boolean's
    // rating 2 in the first category is 1,096,702,200 numerator points, between 2^30 and 2^31
    const maxima = ['9.97', '9.99', '9.98'];
    const model = defineScorecard({
      id: 'overflow',
      grades: potentialValueBands,
      categories: ['0.33', '0.33', '0.34'].map((weight, c) => ({
        id: `c${c}`,
        labels: labels(`c${c}`),
        weight,
        factors: [
          {
            id: `b${c}`,
            labels: labels(`b${c}`),
            min: 0,
            max: maxima[c]!,
            scale: { type: 'boolean' as const, true: 2, false: 0 },
          },
        ],
      })),
    });
    const plan = scorecardPlan(model);
    const first = plan.categories[0]!.multiplier * 2n;
    expect(first > 2n ** 30n && first < 2n ** 31n).toBe(true);
    await expectScorecardParity(engine, model, ['b0', 'b1', 'b2'].map(flag), [
      [true, true, true],
      [true, false, true],
      [false, false, false],
      [null, true, true],
    ]);
  });

  it(
    '2. clamp with a single-point band [5, 5] listed after (5, 10] clamps ' + 'like the library, whatever the order',
    async () => {
      for (const order of [
        [0, 1],
        [1, 0],
      ]) {
        const bands = [
          { interval: '(5, 10]', rating: 8 },
          { interval: '[5, 5]', rating: 1 },
        ];
        const model = defineScorecard({
          id: 'single-point',
          grades: potentialValueBands,
          categories: [
            {
              id: 'only',
              labels: labels('only'),
              weight: 1,
              factors: [
                {
                  id: 'raw',
                  labels: labels('raw'),
                  min: 0,
                  max: 10,
                  scale: { type: 'bands', bands: order.map((index) => bands[index]!) },
                },
              ],
            },
          ],
        });
        await expectScorecardParity(engine, model, [number('raw')], [[3], [5], [5.5], [10], [12], [null]], {
          clamp: true,
          missing: 'min',
        });
      }
    },
  );

  it('3. ratio normalisation of negative rating ranges is refused at compile time; minmax agrees', async () => {
    const definition: ScorecardInput = {
      id: 'negative',
      normalisation: 'minmax',
      grades: potentialValueBands,
      categories: [
        {
          id: 'net',
          labels: labels('net'),
          weight: 1,
          factors: [
            { id: 'a', labels: labels('a'), min: -5, max: -1 },
            { id: 'b', labels: labels('b'), min: -2, max: 6 },
          ],
        },
      ],
    };
    const model = defineScorecard(definition);
    const error = errorOf(() => toSql(model, { dialect: engine, table: 't', normalisation: 'ratio' }));
    expect(error.issues[0]!.path).toBe('options.normalisation');
    expect(error.issues[0]!.expected).toContain('factor "a" has min -5');
    expect(() => score(model, { a: -1, b: 1 }, { normalisation: 'ratio' })).toThrow(ValidationError);
    await expectScorecardParity(
      engine,
      model,
      [number('a'), number('b')],
      [
        [-1, 6],
        [-5, -2],
        [-3.5, 0],
        [-6, 0],
      ],
    );
  });

  it('RangeError: a category whose maxima sum to 0 scores under minmax and is refused under ratio', async () => {
    const model = defineScorecard({
      id: 'zero-maxima',
      normalisation: 'minmax',
      grades: potentialValueBands,
      categories: [
        {
          id: 'c',
          labels: labels('c'),
          weight: 1,
          factors: [
            { id: 'a', labels: labels('a'), min: -2, max: -1 },
            { id: 'b', labels: labels('b'), min: 0, max: 1 },
          ],
        },
      ],
    });
    expect(model.categories[0]!.maxSum.isZero()).toBe(true);
    expect(() => scorecardPlan(model, 'ratio')).toThrow(ValidationError);
    expect(() => toSql(model, { dialect: engine, table: 't', normalisation: 'ratio' })).toThrow(ValidationError);
    await expectScorecardParity(
      engine,
      model,
      [number('a'), number('b')],
      [
        [-1, 1],
        [-2, 0],
        [-1.5, 0.25],
      ],
    );
  });

  it('4. category ids beyond 56 bytes are refused in Postgres (63-byte identifiers) and score elsewhere', async () => {
    const long = (letter: string) => `${letter.repeat(56)}_tail`; // 61 characters: truncated to the same 63 bytes
    const model = defineScorecard({
      id: 'long-ids',
      grades: potentialValueBands,
      categories: ['a', 'b'].map((letter) => ({
        id: long(letter),
        labels: labels(letter),
        weight: '0.5',
        factors: [{ id: letter, labels: labels(letter), min: 0, max: 10 }],
      })),
    });
    const columns = [number('a'), number('b')];
    if (engine === 'postgres') {
      const error = errorOf(() => toSql(model, { dialect: engine, table: 't' }));
      expect(error.issues.map((issue) => issue.path)).toEqual(['categories[0].id', 'categories[1].id']);
      expect(error.issues[0]!.expected).toContain('63-byte');
      // 56 bytes is the longest id whose column fits: points_ + 56 = 63
      const fits = defineScorecard({
        ...model.toJSON(),
        categories: model.toJSON().categories.map((category, c) => ({ ...category, id: 'ab'[c]!.repeat(56) })),
      } as ScorecardInput);
      await expectScorecardParity(engine, fits, columns, [[1, 9]]);
    } else {
      await expectScorecardParity(engine, model, columns, [
        [1, 9],
        [10, 0],
      ]);
    }
  });

  it(
    '5. DOUBLE ratings with 16 significant digits are read exactly ' + '(Postgres keeps 15 converting directly)',
    async () => {
      const model = defineScorecard({
        id: 'sixteen-digits',
        grades: potentialValueBands,
        categories: [
          {
            id: 'big',
            labels: labels('big'),
            weight: 1,
            factors: [{ id: 'x', labels: labels('x'), min: 0, max: 1_100_000_000 }],
          },
        ],
      });
      await expectScorecardParity(
        engine,
        model,
        [number('x')],
        [[1_000_000_000.123456], [1_099_999_999.999999], [123.456], [987_654_321.012345]],
      );
      const wide = { ...model.toJSON(), id: 'seventeen-digits' } as ScorecardInput;
      (wide.categories[0]!.factors[0] as { max: number }).max = 20_000_000_000;
      const seventeen = defineScorecard(wide);
      if (engine === 'postgres') {
        await expectScorecardParity(engine, seventeen, [number('x')], [[10_000_000_000.123456], [19_999_999_999.5]]);
      } else {
        // a DOUBLE above 2^50 millionths has several 6-decimal readings: refused, with the limit named
        const error = errorOf(() => toSql(seventeen, { dialect: engine, table: 't' }));
        expect(error.issues[0]!.path).toBe('categories[0].factors[0]');
        expect(error.issues[0]!.expected).toContain('2^50');
      }
    },
  );

  it('6. a flat linear scale over a wide raw range scores every number (the raw value is never cast)', async () => {
    const model = defineScorecard({
      id: 'flat',
      grades: potentialValueBands,
      categories: [
        {
          id: 'flat',
          labels: labels('flat'),
          weight: '0.5',
          factors: [
            {
              id: 'raw',
              labels: labels('raw'),
              min: 0,
              max: 10,
              scale: { type: 'linear', from: { raw: -1e15, rating: 5 }, to: { raw: 1e15, rating: 5 } },
            },
          ],
        },
        {
          id: 'rated',
          labels: labels('rated'),
          weight: '0.5',
          factors: [{ id: 'rating', labels: labels('rating'), min: 0, max: 10 }],
        },
      ],
    });
    await expectScorecardParity(
      engine,
      model,
      [number('raw'), number('rating')],
      [
        [3e14, 5],
        [1e20, 10],
        [-1e300, 0],
        [0.123456789, 2.5],
        [null, 1],
      ],
      { missing: 'min' },
    );
  });

  it(
    '7. rule thresholds beyond what a DOUBLE tells apart are refused; ' + '15-digit thresholds decide exactly',
    async () => {
      const rules = (value: string | number): ChurnRuleInput[] => [
        { id: 'over', when: { signal: 'spend', op: 'gt', value }, severity: 'warning', points: 1, cause: 'competitor' },
        { id: 'at', when: { signal: 'spend', op: 'eq', value }, severity: 'watch', points: 2, cause: 'competitor' },
      ];
      const tooLong = defineRuleSet({ id: 'long', signals: spendSignal, rules: rules('0.1000000000000000000001') });
      const error = errorOf(() => toSql(tooLong, { dialect: engine, table: 't' }));
      expect(error.issues.map((issue) => issue.path)).toEqual(['rules[0].when.value', 'rules[1].when.value']);
      expect(error.issues[0]!.expected).toContain('15 significant digits');
      for (const threshold of ['0.100000000000001', 0.1, '123456789.123456']) {
        const ruleSet = defineRuleSet({ id: 'exact', signals: spendSignal, rules: rules(threshold) });
        const values = [0.1, 0.100000000000001, 0.1000000000000011, 0.30000000000000004, 123456789.123456, null];
        await engines.load(
          'doubles',
          [number('spend')],
          values.map((value) => [value]),
        );
        const result = await engines.run(engine, toSql(ruleSet, { dialect: engine, table: 'doubles' }));
        values.forEach((spend, index) => {
          const expected = evaluateRules(ruleSet, { spend });
          expect(result[index]!['fired'], `${String(spend)} vs ${String(threshold)}`).toEqual(expected.fired);
        });
      }
    },
  );

  it('8. rule points beyond 18 decimals are refused; DECIMAL(38, 2) columns meet many-decimal thresholds', async () => {
    const points = `0.${'0'.repeat(38)}1`;
    const deep = defineRuleSet({
      id: 'deep',
      signals: spendSignal,
      rules: [{ id: 'r', when: { signal: 'spend', op: 'known' }, severity: 'watch', points, cause: 'competitor' }],
    });
    const error = errorOf(() => toSql(deep, { dialect: engine, table: 't' }));
    expect(error.issues[0]!.path).toBe('rules[0].points');
    expect(error.issues[0]!.expected).toContain('18 decimals');
    const ruleSet = defineRuleSet({
      id: 'wide',
      signals: spendSignal,
      rules: [
        {
          id: 'r',
          when: { signal: 'spend', op: 'gte', value: '0.000000000000000001' },
          severity: 'watch',
          points: '0.000000000000000001',
          cause: 'competitor',
        },
      ],
    });
    const values = ['12345678901234567890.12', '0.00', '-0.01', null];
    await engines.load(
      'wide',
      [number('spend', 'DECIMAL(38, 2)')],
      values.map((value) => [value === null ? null : Number(value)]),
    );
    const result = await engines.run(engine, toSql(ruleSet, { dialect: engine, table: 'wide' }));
    values.forEach((spend, index) => {
      const expected = evaluateRules(ruleSet, { spend });
      expect(result[index]!['fired']).toEqual(expected.fired);
      expect(new Decimal(String(result[index]!['risk'])).eq(expected.risk.toString())).toBe(true);
    });
  });

  it('minmax rounding runs on 64-bit integers and rounds ties half away from zero at every total scale', async () => {
    // D = 3 (50/3 points per unit of f0): f0 = 0.03 gives a total of exactly 0.5, f0 = 0.0003 gives 0.005, and
    // f1 = 0.00001 adds 0.0005, so ties fall on the rounding digit at scales 0, 2 and 3.
    const model = defineScorecard({
      id: 'thirds',
      grades: potentialValueBands,
      categories: [3, 1].map((max, c) => ({
        id: `c${c}`,
        labels: labels(`c${c}`),
        weight: '0.5',
        factors: [{ id: `f${c}`, labels: labels(`f${c}`), min: 0, max }],
      })),
    });
    const rows: Cell[][] = [
      [0.03, 0],
      [0.0003, 0],
      [0.0003, 0.00001],
      [1, 0.5],
      [2.999999, 1],
      [0.000001, 0],
      [3, 1],
    ];
    for (const totalScale of [0, 2, 3, 5, 12, 20]) {
      const query = toSql(model, { dialect: engine, table: 'regression', totalScale });
      expect(query.totals!.exact).toBe(false);
      if (totalScale <= 12) expect(query.text).not.toMatch(/HUGEINT|div\(/);
      await expectScorecardParity(engine, model, [number('f0'), number('f1')], rows, { totalScale });
    }
  });

  it('8. TIMESTAMPTZ signals are compared in UTC under a non-UTC session time zone', async () => {
    const ruleSet = defineRuleSet({
      id: 'zones',
      signals: { seen: { type: 'date' }, day: { type: 'date' } },
      rules: [
        { id: 'since', when: { signal: 'seen', op: 'gte', value: '2026-03-01' }, severity: 'watch', points: 1 },
        { id: 'after', when: { signal: 'seen', op: 'gt', value: '2026-03-01' }, severity: 'watch', points: 1 },
        { id: 'on', when: { signal: 'day', op: 'eq', value: '2026-03-01' }, severity: 'watch', points: 1 },
        { id: 'recent', when: { signal: 'seen', op: 'within', value: { days: 1 } }, severity: 'watch', points: 1 },
        { id: 'stale', when: { signal: 'day', op: 'olderThan', value: { days: 1 } }, severity: 'watch', points: 1 },
      ].map((rule) => ({ ...rule, severity: 'watch' as const, cause: 'competitor' as const })),
    });
    const instants = ['2026-02-28T20:00:00Z', '2026-03-01T00:00:00Z', '2026-03-01T05:00:00Z', '2026-03-02T23:00:00Z'];
    const days = ['2026-02-28', '2026-03-01', '2026-03-01', '2026-03-02'];
    await engines.load(
      'zones',
      [
        { name: 'seen', duckdb: 'TIMESTAMPTZ', postgres: 'TIMESTAMPTZ' },
        { name: 'day', duckdb: 'DATE', postgres: 'DATE' },
      ],
      instants.map((instant, index) => [{ instant }, { date: days[index]! }]),
    );
    const query = toSql(ruleSet, { dialect: engine, table: 'zones', asOf: '2026-03-02' });
    for (const zone of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
      await engines.exec(engine, `SET TimeZone = '${zone}'`);
      const result = await engines.run(engine, query);
      instants.forEach((instant, index) => {
        const expected = evaluateRules(ruleSet, { seen: new Date(instant), day: days[index]! }, { asOf: '2026-03-02' });
        expect(result[index]!['fired'], `${zone}: ${instant}`).toEqual(expected.fired);
      });
    }
    await engines.close();
  });
});

describe('issue #12: dialect items', () => {
  const twoCases = defineScorecard({
    id: 'cases',
    categories: ['Credit', 'credit'].map((id, c) => ({
      id,
      labels: labels(id),
      weight: '0.5',
      factors: [{ id: `f${c}`, labels: labels(id), min: 0, max: 10 }],
    })),
  });
  it.each(['duckdb', 'bigquery', 'spark'] as const)(
    'category ids that differ only in case are refused in %s (names match case-insensitively)',
    (dialect) => {
      const error = errorOf(() => toSql(twoCases, { dialect, table: 't' }));
      expect(error.issues[0]!.path).toBe('categories[1].id');
    },
  );
  it.each(['postgres', 'snowflake', 'clickhouse'] as const)(
    'they compile in %s (quoted names keep case)',
    (dialect) => {
      expect(toSql(twoCases, { dialect, table: 't' }).columns.map((column) => column.name)).toContain('points_credit');
    },
  );

  it('identifierCase "upper" quotes unquotable names as Snowflake stores them, result columns included', () => {
    const query = toSql(potentialValueModel, {
      dialect: 'snowflake',
      table: ['crm', 'accounts'],
      keep: ['account_id', 'Name with space'],
      columns: { tenure: 'Tenure_Years' },
      identifierCase: 'upper',
    });
    expect(query.text).toContain('FROM "CRM"."ACCOUNTS"');
    expect(query.text).toContain('"TENURE_YEARS"');
    expect(query.text).toContain('"POINTS_CREDIT"');
    expect(query.text).toContain('"Name with space"');
    expect(query.columns.map((column) => column.name)).toContain('ACCOUNT_ID');
    expect(query.columns.map((column) => column.name)).toContain('TOTAL');
    expect(toSql(twoCases, { dialect: 'snowflake', table: 't' }).text).toContain('"points_Credit"');
  });
  it('identifierCase folding refuses ids and kept names that it maps onto one name', () => {
    const options = { dialect: 'snowflake', table: 't', identifierCase: 'upper' } as const;
    expect(errorOf(() => toSql(twoCases, options)).issues[0]!.path).toBe('categories[1].id');
    expect(errorOf(() => toSql(defaultValueMatrix, { ...options, keep: ['SEGMENT'] })).issues[0]!.path).toBe(
      'options.keep[0]',
    );
    const bad = { ...options, identifierCase: 'title' } as unknown as ToSqlOptions;
    expect(errorOf(() => toSql(defaultValueMatrix, bad)).issues[0]!.path).toBe('options.identifierCase');
  });
  it('identifierCase "lower" reads a Postgres table created with unquoted mixed-case names', async () => {
    const engines = await openEngines();
    await engines.exec(
      'postgres',
      'DROP TABLE IF EXISTS CaseTest; ' +
        'CREATE TABLE CaseTest (AccountId TEXT, CurrentGrade TEXT, PotentialGrade TEXT); ' +
        "INSERT INTO CaseTest VALUES ('a1', 'A', 'B')",
    );
    const options: ToSqlOptions = {
      dialect: 'postgres',
      table: 'CaseTest',
      keep: ['AccountId'],
      columns: { current: 'CurrentGrade', potential: 'PotentialGrade' },
    };
    await expect(engines.run('postgres', toSql(defaultValueMatrix, options))).rejects.toThrow();
    const query = toSql(defaultValueMatrix, { ...options, identifierCase: 'lower' });
    const rows = await engines.run('postgres', query);
    expect(Object.keys(rows[0]!)).toEqual(query.columns.map((column) => column.name));
    expect(rows[0]!['accountid']).toBe('a1');
    expect(rows[0]!['customer_class']).toBe(defaultValueMatrix.lookup.A.B.customerClass);
  });
  it('codes compare byte for byte in DuckDB under a nocase default collation (COLLATE "C" in Postgres)', async () => {
    const engines = await openEngines();
    await engines.load(
      'grades',
      ['current', 'potential', 'tier'].map((name) => ({ name, duckdb: 'VARCHAR', postgres: 'TEXT' })),
      [
        ['a', 'b', 'gold'],
        ['A', 'B', 'GOLD'],
      ],
    );
    const rules = watchRule('tiers', { signal: 'tier', op: 'eq', value: 'GOLD' }, 1);
    await engines.exec('duckdb', "SET default_collation = 'nocase'");
    try {
      const matrix = await engines.run('duckdb', toSql(defaultValueMatrix, { dialect: 'duckdb', table: 'grades' }));
      expect(matrix.map((row) => row['customer_class'])).toEqual([null, defaultValueMatrix.lookup.A.B.customerClass]);
      const fired = await engines.run('duckdb', toSql(rules, { dialect: 'duckdb', table: 'grades' }));
      expect(fired.map((row) => row['fired'])).toEqual([[], ['r']]);
    } finally {
      await engines.exec('duckdb', 'RESET default_collation');
    }
    expect(toSql(rules, { dialect: 'postgres', table: 'grades' }).text).toContain('("tier" COLLATE "C") = $1');
  });
  it('Spark: no decimal operation passes 38 declared digits, so allowPrecisionLoss cannot change a total', () => {
    const minmax = defineScorecard({ ...potentialValueModel.toJSON(), normalisation: 'minmax' });
    const rounded = toSql(minmax, { dialect: 'spark', table: 't' }).text;
    expect(rounded).toContain('AS BIGINT) div 897000000)');
    expect(rounded).toContain('abs(CAST(`__clientele_N` AS DECIMAL(18, 6)))');
    const many = defineScorecard({
      id: 'many',
      categories: [
        {
          id: 'only',
          labels: labels('only'),
          weight: 1,
          factors: Array.from({ length: 20 }, (_, f) => ({ id: `f${f}`, labels: labels(`f${f}`), min: 0, max: 1 })),
        },
      ],
    });
    expect(() => toSql(many, { dialect: 'spark', table: 't' })).not.toThrow();
    const error = errorOf(() => toSql(many, { dialect: 'spark', table: 't', ratingScale: 10 }));
    expect(error.issues[0]!.expected).toContain('allowPrecisionLoss');
    expect(() => toSql(many, { dialect: 'duckdb', table: 't', ratingScale: 10 })).not.toThrow();
  });
  it('BigQuery: dates meet timestamps as TIMESTAMP, NaN fails the range test before any cast, BIGNUMERIC fits', () => {
    const rules = watchRule('dates', { signal: 'lastVisit', op: 'within', value: { days: 30 } }, 1, {
      lastVisit: { type: 'date' },
    });
    const dates = toSql(rules, { dialect: 'bigquery', table: 't', asOf: '2026-11-01' }).text;
    expect(dates).toContain('TIMESTAMP(`lastVisit`) >= TIMESTAMP(DATE_SUB(CAST(? AS DATE), INTERVAL 30 DAY))');
    expect(dates).not.toMatch(/[^(]`lastVisit` [<>]/);
    const text = toSql(potentialValueModel, { dialect: 'bigquery', table: 't', totalScale: 20 }).text;
    // NaN sorts below every number in BigQuery: `tenure < 1` is true for it, so the row is flagged, never cast
    const line = text.split('\n').find((row) => row.includes('AS `__clientele_p0`'))!;
    expect(line.indexOf("`tenure` < BIGNUMERIC '1'")).toBeLessThan(line.indexOf('CAST(`tenure`'));
    for (const [, p, scale] of text.matchAll(/BIGNUMERIC\((\d+), (\d+)\)/g)) {
      expect(Number(scale)).toBeLessThanOrEqual(38);
      expect(Number(p) - Number(scale)).toBeLessThanOrEqual(38);
    }
  });
});
