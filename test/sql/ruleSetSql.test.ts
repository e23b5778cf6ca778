/**
 * Churn rule sets and the value matrix compiled to SQL, run in DuckDB and Postgres (PGlite):
 * the default rule set from seeds 000 / 003 against evaluateRules, Kleene logic on SQL NULL,
 * time windows relative to a bound asOf, the default value matrix of seed 002, and refusals.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { churnSignalCatalogue, defaultChurnRuleSet, defineRuleSet, evaluateRules } from '../../src/churn/index.js';
import { ValidationError } from '../../src/shared/errors.js';
import { toSql } from '../../src/sql/index.js';
import { classifyValue, defaultValueMatrix, valueGrades } from '../../src/value/index.js';
import { engineNames, openEngines, type Cell, type Engines, type TestColumn } from './engines.js';

let engines: Engines;
beforeAll(async () => {
  engines = await openEngines();
}, 60_000);
afterAll(async () => {
  await engines.close();
}, 60_000);

describe.each(engineNames)('the default churn rule set in %s (seeds 000 and 003)', (engine) => {
  const signals = defaultChurnRuleSet.signals;
  const catalogue = churnSignalCatalogue as Record<string, { type: string }>;
  const columns: TestColumn[] = signals.map((name) =>
    catalogue[name]?.type === 'boolean'
      ? { name, duckdb: 'BOOLEAN', postgres: 'BOOLEAN' }
      : { name, duckdb: 'DOUBLE', postgres: 'NUMERIC' },
  );
  // deterministic generated rows: each signal near the default thresholds, or missing
  const value = (column: TestColumn): fc.Arbitrary<Cell> =>
    column.duckdb === 'BOOLEAN'
      ? fc.option(fc.boolean(), { freq: 4 })
      : fc.option(
          fc.integer({ min: -12, max: 130 }).map((n) => (n % 2 === 0 ? n : n / 20)),
          { freq: 4 },
        );
  const rows = fc.sample(fc.tuple(...columns.map(value)), { numRuns: 200, seed: 20261101 });

  it('decides every rule as evaluateRules does on 200 generated accounts: fired, unknown, risk, level', async () => {
    await engines.load('signals', columns, rows);
    const query = toSql(defaultChurnRuleSet, { dialect: engine, table: 'signals' });
    const result = await engines.run(engine, query);
    let fired = 0;
    rows.forEach((row, index) => {
      const expected = evaluateRules(defaultChurnRuleSet, Object.fromEntries(signals.map((name, s) => [name, row[s]])));
      const actual = result[index]!;
      fired += expected.fired.length;
      expect(actual['fired']).toEqual(expected.fired);
      expect(actual['unknown']).toEqual(expected.unknown);
      expect(new Decimal(String(actual['risk'])).eq(expected.risk.toString())).toBe(true);
      expect(actual['level']).toBe(expected.level);
    });
    expect(fired).toBeGreaterThan(50); // the data exercises the rules
  });
});

describe.each(engineNames)('Kleene logic and time windows in %s', (engine) => {
  const ruleSet = defineRuleSet({
    id: 'kleene',
    version: '1',
    signals: { a: { type: 'number' }, b: { type: 'number' }, visited: { type: 'date' } },
    rules: [
      {
        id: 'and',
        when: {
          all: [
            { signal: 'a', op: 'gt', value: 0 },
            { signal: 'b', op: 'gt', value: 0 },
          ],
        },
        severity: 'watch',
        points: 1,
        cause: 'competitor',
      },
      {
        id: 'or',
        when: {
          any: [
            { signal: 'a', op: 'gt', value: 0 },
            { signal: 'b', op: 'gt', value: 0 },
          ],
        },
        severity: 'warning',
        points: 2,
        cause: 'competitor',
      },
      {
        id: 'not',
        when: { not: { signal: 'a', op: 'gt', value: 0 } },
        severity: 'critical',
        points: 4,
        cause: 'competitor',
      },
      {
        id: 'notIn',
        when: { signal: 'a', op: 'notIn', value: [1, 2] },
        severity: 'watch',
        points: '0.5',
        cause: 'competitor',
      },
      { id: 'absent', when: { signal: 'b', op: 'missing' }, severity: 'watch', points: '0.25', cause: 'relationship' },
      {
        id: 'recent',
        when: { signal: 'visited', op: 'within', value: { months: 1 } },
        severity: 'watch',
        points: 0,
        cause: 'relationship',
      },
      {
        id: 'stale',
        when: { signal: 'visited', op: 'olderThan', value: { days: 30 } },
        severity: 'warning',
        points: 1,
        cause: 'relationship',
      },
    ],
  });
  const columns: TestColumn[] = [
    { name: 'a', duckdb: 'INTEGER', postgres: 'INTEGER' },
    { name: 'b', duckdb: 'INTEGER', postgres: 'INTEGER' },
    { name: 'visited', duckdb: 'DATE', postgres: 'DATE' },
  ];
  const rows: Cell[][] = [
    [1, null, { date: '2026-02-28' }],
    [-1, null, { date: '2026-03-01' }],
    [null, 1, { date: '2026-01-30' }],
    [null, null, null],
    [3, -2, { date: '2026-03-31' }],
  ];

  it(
    'maps SQL NULL to unknown exactly as evaluateRules (AND false beats ' +
      'NULL, OR true beats NULL, NOT NULL is NULL), with month windows clamped at month end',
    async () => {
      await engines.load('kleene', columns, rows);
      const asOf = '2026-03-31';
      const query = toSql(ruleSet, { dialect: engine, table: 'kleene', asOf });
      expect(query.params).toEqual([asOf]); // asOf is bound, once ($1 repeats)
      const result = await engines.run(engine, query);
      rows.forEach(([a, b, visited], index) => {
        const expected = evaluateRules(
          ruleSet,
          { a, b, visited: visited === null ? null : (visited as { date: string }).date },
          { asOf },
        );
        expect(
          { fired: result[index]!['fired'], unknown: result[index]!['unknown'], level: result[index]!['level'] },
          `row ${index}`,
        ).toEqual({
          fired: expected.fired,
          unknown: expected.unknown,
          level: expected.level,
        });
      });
      // 2026-03-31 minus one month is 2026-02-28 (clamped), inside the window
      expect(result[0]!['fired']).toContain('recent');
      expect(result[3]!['unknown']).toEqual(['and', 'or', 'not', 'notIn', 'recent', 'stale']);
    },
  );

  it('requires asOf when a rule uses a time window, and rejects a date-time asOf', () => {
    expect(() => toSql(ruleSet, { dialect: engine, table: 'kleene' })).toThrowError(ValidationError);
    expect(() => toSql(ruleSet, { dialect: engine, table: 'kleene', asOf: '2026-03-31T12:00:00Z' })).toThrowError(
      /options\.asOf/,
    );
    expect(toSql(ruleSet, { dialect: engine, table: 'kleene', asOf: new Date(Date.UTC(2026, 2, 31)) }).params).toEqual([
      '2026-03-31',
    ]);
  });
});

describe('rule values SQL cannot compare exactly are rejected with the rule path', () => {
  it.each([
    [{ signal: 'at', op: 'lt', value: '2026-01-01T10:00:00+08:00' }, 'rules[0].when.value'],
    [
      {
        any: [
          { signal: 'x', op: 'gt', value: 1 },
          { signal: 'x', op: 'in', value: [1, 'gold'] },
        ],
      },
      'rules[0].when.any[1].value',
    ],
  ])('%j', (when, path) => {
    // values the rule engine takes (no signal check) but SQL cannot compare exactly
    const ruleSet = defineRuleSet({
      id: 'bad',
      checkSignals: false,
      rules: [{ id: 'r', when, severity: 'watch', points: 1, cause: 'competitor' }],
    } as never);
    try {
      toSql(ruleSet, { dialect: 'postgres', table: 't' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]!.path).toBe(path);
    }
  });
});

describe.each(engineNames)('the default value matrix in %s (seed 002, 客户价值评价标准)', (engine) => {
  it('classifies all sixteen grade pairs as classifyValue, and NULL or unknown grades as NULL', async () => {
    const pairs: Cell[][] = valueGrades.flatMap((current) =>
      valueGrades.map((potential) => [`${current}${potential}`, current, potential]),
    );
    pairs.push(['null', null, 'A'], ['bad', 'E', 'A']);
    await engines.load(
      'grades',
      [
        { name: 'account_id', duckdb: 'VARCHAR', postgres: 'TEXT' },
        { name: 'current_value_grade', duckdb: 'VARCHAR', postgres: 'TEXT' },
        { name: 'potential_value_grade', duckdb: 'VARCHAR', postgres: 'TEXT' },
      ],
      pairs,
    );
    const query = toSql(defaultValueMatrix, {
      dialect: engine,
      table: 'grades',
      keep: ['account_id'],
      columns: { current: 'current_value_grade', potential: 'potential_value_grade' },
    });
    const result = await engines.run(engine, query);
    valueGrades.forEach((current, c) =>
      valueGrades.forEach((potential, p) => {
        const expected = classifyValue(current, potential);
        expect(result[c * 4 + p]).toEqual({
          account_id: `${current}${potential}`,
          customer_class: expected.customerClass,
          segment: expected.segment,
        });
      }),
    );
    expect(result[0]).toMatchObject({ customer_class: 'A', segment: 'high-value' });
    expect(result[16]).toMatchObject({ customer_class: null, segment: null });
    expect(result[17]).toMatchObject({ customer_class: null, segment: null });
  });
});
