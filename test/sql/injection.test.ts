/**
 * Injection: hostile table names, column names and category codes (quotes, semicolons, comments,
 * backslashes) stay one identifier or one bound value, in DuckDB and Postgres; and every dialect's
 * quoting is checked as text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineRuleSet } from '../../src/churn/index.js';
import { ValidationError } from '../../src/shared/errors.js';
import { defineScorecard } from '../../src/scoring/index.js';
import { quoteSqlIdentifier, sqlDialects, toSql } from '../../src/sql/index.js';
import { engineNames, openEngines, type Engines } from './engines.js';

let engines: Engines;
beforeAll(async () => {
  engines = await openEngines();
}, 60_000);
afterAll(async () => {
  await engines.close();
}, 60_000);

const labels = (text: string) => ({ en: text, 'zh-CN': text });
const HOSTILE = [
  'accounts"; DROP TABLE victims; --',
  "x' OR '1'='1",
  'a.b /* comment */',
  'line\nbreak -- tail',
  'back\\slash`tick',
  '客户 "表"',
];
const CODES = ["o'neil; DROP TABLE victims; --", 'x\\', "'); DELETE FROM victims; --", '/*', '$1'];

const model = defineScorecard({
  id: 'tiny',
  categories: [
    {
      id: 'a',
      labels: labels('a'),
      weight: '0.5',
      factors: [{ id: 'rating', labels: labels('rating'), min: 0, max: 10 }],
    },
    {
      id: 'b',
      labels: labels('b'),
      weight: '0.5',
      factors: [
        {
          id: 'code',
          labels: labels('code'),
          min: 0,
          max: 10,
          scale: { type: 'categorical', categories: CODES.map((value, index) => ({ value, rating: index * 2 })) },
        },
      ],
    },
  ],
});

describe.each(engineNames)('hostile identifiers and values in %s', (engine) => {
  it.each(HOSTILE)('table and columns named %j stay identifiers; the victim table survives', async (name) => {
    await engines.load('victims', [{ name: 'id', duckdb: 'INTEGER', postgres: 'INTEGER' }], [[1]]);
    await engines.load(
      name,
      [
        { name: `${name} id`, duckdb: 'VARCHAR', postgres: 'TEXT' },
        { name: `${name} rating`, duckdb: 'DOUBLE', postgres: 'NUMERIC' },
        { name: `${name} code`, duckdb: 'VARCHAR', postgres: 'TEXT' },
      ],
      CODES.map((code, index) => [`row-${index}`, 10, code]),
    );
    const query = toSql(model, {
      dialect: engine,
      table: name,
      keep: [`${name} id`],
      columns: { rating: `${name} rating`, code: `${name} code` },
    });
    expect(query.params).toEqual(CODES); // the codes are bound, never spliced
    for (const code of CODES.filter((text) => text.includes(';'))) expect(query.text).not.toContain(code);
    const rows = await engines.run(engine, query);
    expect(rows.map((row) => Number(row['total']))).toEqual(CODES.map((_, index) => 50 + index * 10));
    expect(rows.map((row) => row[`${name} id`])).toEqual(CODES.map((_, index) => `row-${index}`));
    // the inlined form (for a view) escapes the codes as literals and gives the same rows
    const viewName = `${name} view`;
    const create = query.createView(viewName);
    const viewRows = await engines.run(engine, {
      ...query,
      text: `${create.replace('CREATE OR REPLACE VIEW', 'CREATE OR REPLACE TEMPORARY VIEW')}`,
      params: [],
    });
    expect(viewRows).toEqual([]);
    const fromView = await engines.run(engine, {
      ...query,
      text: `SELECT * FROM ${quoteSqlIdentifier(viewName, engine)}`,
      params: [],
    });
    expect(fromView.map((row) => Number(row['total']))).toEqual(CODES.map((_, index) => 50 + index * 10));
    const survivors = await engines.run(engine, { ...query, text: 'SELECT count(*) AS n FROM victims', params: [] });
    expect(Number(survivors[0]!['n'])).toBe(1);
  });

  it('binds hostile text in rule values too', async () => {
    const ruleSet = defineRuleSet({
      id: 'codes',
      rules: [
        {
          id: 'hit',
          when: { signal: 'tier', op: 'in', value: CODES },
          severity: 'watch',
          points: 1,
          cause: 'competitor',
        },
      ],
    });
    await engines.load(
      'tiers',
      [{ name: 'tier', duckdb: 'VARCHAR', postgres: 'TEXT' }],
      [...CODES.map((code) => [code]), ['safe']],
    );
    const query = toSql(ruleSet, { dialect: engine, table: 'tiers' });
    expect(query.params).toEqual(CODES);
    const rows = await engines.run(engine, query);
    expect(rows.map((row) => row['fired'])).toEqual([...CODES.map(() => ['hit']), []]);
  });
});

describe('quoting in every dialect', () => {
  it('writes one identifier whatever the name holds', () => {
    const name = 'a"b`c\\d';
    expect(quoteSqlIdentifier(name, 'duckdb')).toBe('"a""b`c\\d"');
    expect(quoteSqlIdentifier(name, 'postgres')).toBe('"a""b`c\\d"');
    expect(quoteSqlIdentifier(name, 'snowflake')).toBe('"a""b`c\\d"');
    expect(quoteSqlIdentifier(name, 'spark')).toBe('`a"b``c\\d`');
    expect(quoteSqlIdentifier(name, 'bigquery')).toBe('`a"b\\`c\\\\d`');
  });

  it('escapes inlined values per dialect (backslashes are escapes in BigQuery, Snowflake and Spark literals)', () => {
    const text = (dialect: (typeof sqlDialects)[number]) => toSql(model, { dialect, table: 't' }).inline();
    expect(text('postgres')).toContain(`'o''neil; DROP TABLE victims; --'`);
    expect(text('postgres')).toContain(`'x\\'`);
    expect(text('bigquery')).toContain(`'o\\'neil; DROP TABLE victims; --'`);
    expect(text('bigquery')).toContain(`'x\\\\'`);
    expect(text('snowflake')).toContain(`'o''neil; DROP TABLE victims; --'`);
    expect(text('snowflake')).toContain(`'x\\\\'`);
    expect(text('spark')).toContain(`'x\\\\'`);
  });

  it('rejects empty names and NUL characters', () => {
    for (const dialect of sqlDialects) {
      expect(() => quoteSqlIdentifier('', dialect)).toThrowError(ValidationError);
      expect(() => quoteSqlIdentifier('a\u0000b', dialect)).toThrowError(ValidationError);
      expect(() => toSql(model, { dialect, table: ['ok', ''] })).toThrowError(ValidationError);
    }
  });
});
