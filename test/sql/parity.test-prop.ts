/**
 * Parity laws: for generated models and generated rows, the compiled SQL run in DuckDB and in a
 * real Postgres (PGlite) gives the library's own answers row by row — totals as exact decimals,
 * grades, completeness, category points, fired and unknown rules, risk, level, value classes.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineRuleSet, evaluateRules, type ChurnCondition, type ChurnRuleInput } from '../../src/churn/index.js';
import { ValidationError } from '../../src/shared/errors.js';
import { defineScorecard, potentialValueBands, score, type ScoreResult } from '../../src/scoring/index.js';
import { toSql, type SqlQuery } from '../../src/sql/index.js';
import { classifyValue, valueGrades, type ValueGrade } from '../../src/value/index.js';
import { exactWeights, scorecardDefinition } from '../arbitraries/scorecard.js';
import { engineNames, openEngines, type Cell, type Engines, type Row, type TestColumn } from './engines.js';
import { matrixCells, matrixOfCells } from './sqlModels.js';

let engines: Engines;
beforeAll(async () => {
  engines = await openEngines();
}, 60_000);
afterAll(async () => {
  await engines.close();
}, 60_000);

const RUNS = Number(process.env.SQL_PARITY_RUNS ?? 20);
const labels = (text: string) => ({ en: text, 'zh-CN': text });

/** The library's decimal as SQL represents it: exact, or rounded half away from zero at the query's total scale. */
function asSql(value: Decimal, query: SqlQuery): Decimal {
  return query.totals!.exact ? value : value.toDecimalPlaces(query.totals!.scale, Decimal.ROUND_HALF_UP);
}

describe('scorecard parity', () => {
  const modelAndRows = scorecardDefinition.chain((definition) => {
    const factors = definition.categories.flatMap((category) => category.factors);
    const rating = (min: number, max: number) =>
      fc.oneof(
        {
          weight: 8,
          arbitrary: fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100),
        },
        {
          weight: 1,
          arbitrary: fc
            .integer({ min: Math.round((min - 2) * 100), max: Math.round((max + 2) * 100) })
            .map((n) => n / 100),
        },
        { weight: 1, arbitrary: fc.constant(null) },
      );
    const row = fc.tuple(...factors.map((factor) => rating(Number(factor.min), Number(factor.max))));
    return fc.tuple(
      fc.constant(definition),
      fc.array(row, { minLength: 1, maxLength: 25 }),
      fc.constantFrom('error' as const, 'min' as const),
      fc.boolean(),
    );
  });

  it.each(engineNames)(
    'compiled SQL in %s equals score() on every row: total (exact ' +
      'decimal), grade, complete, category points, error iff the library throws',
    async (engine) => {
      await fc.assert(
        fc.asyncProperty(modelAndRows, async ([definition, rows, missing, clamp]) => {
          const model = defineScorecard({ ...definition, grades: potentialValueBands });
          const columns: TestColumn[] = model.factorIds.map((id) => ({
            name: id,
            duckdb: 'DOUBLE',
            postgres: 'NUMERIC',
          }));
          await engines.load('generated', columns, rows as Cell[][]);
          const query = toSql(model, { dialect: engine, table: 'generated', missing, clamp });
          const result = await engines.run(engine, query);
          expect(result).toHaveLength(rows.length);
          rows.forEach((values, index) => {
            const ratings = Object.fromEntries(model.factorIds.map((id, f) => [id, values[f]]));
            let expected: ScoreResult | null = null;
            try {
              expected = score(model, ratings, { missing, clamp });
            } catch (error) {
              if (!(error instanceof ValidationError)) throw error;
            }
            const actual: Row = result[index]!;
            if (expected === null) {
              expect(actual['total']).toBeNull();
              expect(actual['grade']).toBeNull();
              expect(typeof actual['error']).toBe('string');
              return;
            }
            expect(actual['error']).toBeNull();
            expect(
              new Decimal(String(actual['total'])).eq(asSql(expected.total, query)),
              `${String(actual['total'])} vs ${expected.total.toString()}`,
            ).toBe(true);
            expect(actual['grade']).toBe(expected.grade);
            expect(actual['complete']).toBe(expected.complete);
            for (const category of expected.categories) {
              expect(new Decimal(String(actual[`points_${category.id}`])).eq(asSql(category.contribution, query))).toBe(
                true,
              );
            }
          });
        }),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});

describe('linear scale parity', () => {
  // anchors in either direction, ratings on a quarter grid: slopes like 9/365 do not terminate, so
  // the compiler must fold their denominators into the common denominator to stay exact
  const anchors = fc
    .tuple(
      fc.integer({ min: -50, max: 400 }),
      fc.integer({ min: 1, max: 400 }),
      fc.boolean(),
      fc.integer({ min: 4, max: 40 }),
      fc.integer({ min: 4, max: 40 }),
    )
    .map(([start, span, rising, low, high]) => ({
      from: { raw: start, rating: low / 4 },
      to: { raw: rising ? start + span : start - span, rating: high / 4 },
    }));
  const raw = fc.oneof(
    fc.integer({ min: -60000, max: 90000 }).map((n) => n / 100),
    fc.constant(null),
  );
  it.each(engineNames)(
    'compiled SQL in %s equals score() for linear scales: exact interpolation, clamping at both anchors',
    async (engine) => {
      await fc.assert(
        fc.asyncProperty(
          anchors,
          exactWeights(2),
          fc.array(fc.tuple(raw, fc.option(fc.integer({ min: 0, max: 14 }).map((n) => n / 2))), {
            minLength: 1,
            maxLength: 20,
          }),
          async (scale, weights, rows) => {
            const model = defineScorecard({
              id: 'linear',
              grades: potentialValueBands,
              categories: [
                {
                  id: 'history',
                  labels: labels('history'),
                  weight: weights[0]!,
                  factors: [
                    { id: 'days', labels: labels('days'), min: 1, max: 10, scale: { type: 'linear', ...scale } },
                  ],
                },
                {
                  id: 'fit',
                  labels: labels('fit'),
                  weight: weights[1]!,
                  factors: [{ id: 'fit', labels: labels('fit'), min: 0, max: 7 }],
                },
              ],
            });
            await engines.load(
              'linear',
              [
                { name: 'days', duckdb: 'DECIMAL(12, 2)', postgres: 'NUMERIC(12, 2)' },
                { name: 'fit', duckdb: 'DOUBLE', postgres: 'NUMERIC' },
              ],
              rows,
            );
            const query = toSql(model, { dialect: engine, table: 'linear', missing: 'min' });
            const result = await engines.run(engine, query);
            rows.forEach(([days, fit], index) => {
              const expected = score(model, { days, fit }, { missing: 'min' });
              const actual = result[index]!;
              expect(
                new Decimal(String(actual['total'])).eq(asSql(expected.total, query)),
                `${String(actual['total'])} vs ${expected.total.toString()}`,
              ).toBe(true);
              expect(actual['grade']).toBe(expected.grade);
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});

describe('rule set parity', () => {
  const SIGNALS: TestColumn[] = [
    { name: 'spend', duckdb: 'DOUBLE', postgres: 'NUMERIC' },
    { name: 'tier', duckdb: 'VARCHAR', postgres: 'TEXT' },
    { name: 'handover', duckdb: 'BOOLEAN', postgres: 'BOOLEAN' },
    { name: 'lastVisit', duckdb: 'DATE', postgres: 'DATE' },
  ];
  const numbers = fc.integer({ min: -4, max: 20 }).map((n) => n / 2);
  const tiers = fc.constantFrom('gold', 'silver', "o'neil", 'x; --');
  const days = fc.constantFrom(
    '2025-12-31',
    '2026-01-31',
    '2026-02-28',
    '2026-03-01',
    '2026-03-31',
    '2026-06-15',
    '2026-10-02',
    '2026-11-01',
  );
  const leaf: fc.Arbitrary<ChurnCondition> = fc.oneof(
    fc.record({
      signal: fc.constant('spend'),
      op: fc.constantFrom('lt', 'lte', 'gt', 'gte', 'eq', 'neq' as const),
      value: numbers,
    }),
    fc.record({
      signal: fc.constant('spend'),
      op: fc.constantFrom('in', 'notIn' as const),
      value: fc.uniqueArray(numbers, { minLength: 1, maxLength: 3 }),
    }),
    fc
      .tuple(numbers, numbers)
      .map(([a, b]) => ({ signal: 'spend', op: 'between' as const, value: [Math.min(a, b), Math.max(a, b)] })),
    fc.record({ signal: fc.constant('tier'), op: fc.constantFrom('eq', 'neq' as const), value: tiers }),
    fc.record({
      signal: fc.constant('tier'),
      op: fc.constantFrom('in', 'notIn' as const),
      value: fc.uniqueArray(tiers, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ signal: fc.constant('handover'), op: fc.constantFrom('eq', 'neq' as const), value: fc.boolean() }),
    fc.record({
      signal: fc.constant('lastVisit'),
      op: fc.constantFrom('lt', 'lte', 'gt', 'gte', 'eq' as const),
      value: days,
    }),
    fc.record({
      signal: fc.constant('lastVisit'),
      op: fc.constantFrom('within', 'olderThan' as const),
      value: fc.oneof(
        fc.integer({ min: 0, max: 400 }).map((n) => ({ days: n })),
        fc.integer({ min: 0, max: 14 }).map((n) => ({ months: n })),
      ),
    }),
    fc.record({
      signal: fc.constantFrom('spend', 'tier', 'handover', 'lastVisit'),
      op: fc.constantFrom('known', 'missing' as const),
    }),
  ) as fc.Arbitrary<ChurnCondition>;
  const condition: fc.Arbitrary<ChurnCondition> = fc.letrec<{ node: ChurnCondition }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
      tie('node').map((not) => ({ not })),
    ),
  })).node;
  const rule = fc.record({
    when: condition,
    severity: fc.constantFrom('watch', 'warning', 'critical' as const),
    points: fc.constantFrom(0, 1, '2.5', '0.125', 7),
  });
  const signalRow = fc.tuple(fc.option(numbers), fc.option(tiers), fc.option(fc.boolean()), fc.option(days));

  it.each(engineNames)(
    'compiled SQL in %s equals evaluateRules() on every row: fired (with ' +
      'severities), unknown, risk, possible risk, level',
    async (engine) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(rule, { minLength: 0, maxLength: 6 }),
          fc.array(signalRow, { minLength: 1, maxLength: 20 }),
          days,
          async (rules, rows, asOf) => {
            const ruleSet = defineRuleSet({
              id: 'generated',
              signals: { spend: { type: 'number' }, handover: { type: 'boolean' }, lastVisit: { type: 'date' } },
              rules: rules.map((item, index): ChurnRuleInput => ({
                id: `rule-${index}`,
                cause: 'competitor',
                ...item,
              })),
            });
            await engines.load(
              'signals',
              SIGNALS,
              rows.map(([spend, tier, handover, lastVisit]) => [
                spend,
                tier,
                handover,
                lastVisit === null ? null : { date: lastVisit },
              ]),
            );
            const query = toSql(ruleSet, { dialect: engine, table: 'signals', asOf });
            const result = await engines.run(engine, query);
            rows.forEach(([spend, tier, handover, lastVisit], index) => {
              const expected = evaluateRules(ruleSet, { spend, tier, handover, lastVisit }, { asOf });
              const actual = result[index]!;
              expect(actual['fired']).toEqual(expected.fired);
              expect(actual['unknown']).toEqual(expected.unknown);
              expect(actual['fired_rules']).toEqual(
                expected.alerts.map((alert) => ({ id: alert.ruleId, severity: alert.severity })),
              );
              expect(new Decimal(String(actual['risk'])).eq(expected.risk.toString())).toBe(true);
              expect(new Decimal(String(actual['possible_risk'])).eq(expected.possibleRisk.toString())).toBe(true);
              expect(actual['level']).toBe(expected.level);
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});

describe('value matrix parity', () => {
  const grade = fc.option(fc.constantFrom<string>(...valueGrades, 'E', 'a'));
  it.each(engineNames)(
    'compiled SQL in %s equals classifyValue() for every grade pair; a grade outside A–D gives NULL',
    async (engine) => {
      await fc.assert(
        fc.asyncProperty(
          matrixCells,
          fc.array(fc.tuple(grade, grade), { minLength: 1, maxLength: 30 }),
          async (cells, rows) => {
            const matrix = matrixOfCells(cells);
            await engines.load(
              'grades',
              [
                { name: 'current', duckdb: 'VARCHAR', postgres: 'TEXT' },
                { name: 'potential', duckdb: 'VARCHAR', postgres: 'TEXT' },
              ],
              rows,
            );
            const result = await engines.run(engine, toSql(matrix, { dialect: engine, table: 'grades' }));
            rows.forEach(([current, potential], index) => {
              let expected: { customerClass: string; segment: string } | null = null;
              try {
                expected = classifyValue(current as ValueGrade, potential as ValueGrade, matrix);
              } catch (error) {
                if (!(error instanceof ValidationError)) throw error;
              }
              expect(result[index]!['customer_class']).toBe(expected?.customerClass ?? null);
              expect(result[index]!['segment']).toBe(expected?.segment ?? null);
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});
