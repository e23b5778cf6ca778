/**
 * Parity laws on a real ClickHouse server, through a two-shard Distributed table (see
 * ./clickhouse.ts): generated scorecards (every scale kind, clamp and missing policies), value
 * matrices and rule sets give the library's answers in every output column, exactly. Skipped,
 * with the reason, when no server is running (`scripts/clickhouse.sh start`; CI starts one).
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineRuleSet, evaluateRules, type ChurnCondition, type ChurnRuleInput } from '../../src/churn/index.js';
import { ValidationError } from '../../src/shared/errors.js';
import { defineScorecard, potentialValueBands, score, type ScoreResult } from '../../src/scoring/index.js';
import { toSql, type SqlQuery } from '../../src/sql/index.js';
import { classifyValue, valueGrades, type ValueGrade } from '../../src/value/index.js';
import { scorecardDefinition } from '../arbitraries/scorecard.js';
import { clickhousePort, clickhouseSkipReason, loadClickhouse, runClickhouse } from './clickhouse.js';
import type { Cell } from './engines.js';
import { matrixCells, matrixOfCells } from './sqlModels.js';

const RUNS = Number(process.env.SQL_PARITY_RUNS ?? 15);
const live = describe.skipIf(clickhousePort === undefined);
if (clickhousePort === undefined) describe.skip(`ClickHouse parity (${clickhouseSkipReason})`, () => {});

function asSql(value: Decimal, query: SqlQuery): Decimal {
  return query.totals!.exact ? value : value.toDecimalPlaces(query.totals!.scale, Decimal.ROUND_HALF_UP);
}

/** A factor's scale: none, bands in any order (single points included), linear (flat too) or categorical. */
const scaleFor = (min: number, max: number) =>
  fc.oneof(
    fc.constant(undefined),
    fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }).map((order) => {
      const bands = [
        { interval: '[0, 5)', rating: min },
        { interval: '[5, 5]', rating: max },
        { interval: '(5, 10]', rating: Math.round((min + max) * 50) / 100 },
      ];
      return { type: 'bands' as const, bands: order.map((index) => bands[index]!) };
    }),
    fc
      .tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: 1, max: 400 }), fc.boolean())
      .map(([start, span, flat]) => ({
        type: 'linear' as const,
        from: { raw: start, rating: min },
        to: { raw: start + span, rating: flat ? min : max },
      })),
    fc.constant({
      type: 'categorical' as const,
      categories: [
        { value: "o'neil", rating: max },
        { value: 'back\\slash', rating: min },
        { value: '中文', rating: Math.round((min + max) * 50) / 100 },
      ],
    }),
  );

live('ClickHouse scorecard parity (two shards)', () => {
  const model = scorecardDefinition.chain((definition) => {
    const factors = definition.categories.flatMap((category) => category.factors);
    return fc.tuple(
      fc.constant(definition),
      fc.tuple(...factors.map((factor) => scaleFor(Number(factor.min), Number(factor.max)))),
    );
  });
  const cell = (scale: unknown, min: number, max: number): fc.Arbitrary<Cell> => {
    const kind = (scale as { type?: string } | undefined)?.type;
    if (kind === 'categorical') return fc.option(fc.constantFrom("o'neil", 'back\\slash', '中文', 'other'));
    const low = kind === 'bands' ? -2 : kind === 'linear' ? -30 : min - 2;
    const high = kind === 'bands' ? 12 : kind === 'linear' ? 430 : max + 2;
    return fc.option(fc.integer({ min: Math.round(low * 100), max: Math.round(high * 100) }).map((n) => n / 100));
  };
  it('compiled SQL over a Distributed table equals score() on every row and column', async () => {
    await fc.assert(
      fc.asyncProperty(
        model.chain(([definition, scales]) => {
          const factors = definition.categories.flatMap((category) => category.factors);
          const row = fc.tuple(...factors.map((factor, f) => cell(scales[f], Number(factor.min), Number(factor.max))));
          return fc.tuple(
            fc.constant(definition),
            fc.constant(scales),
            fc.array(row, { minLength: 1, maxLength: 12 }),
            fc.constantFrom('error' as const, 'min' as const),
            fc.boolean(),
          );
        }),
        async ([definition, scales, rows, missing, clamp]) => {
          let f = 0;
          const withScales = {
            ...definition,
            grades: potentialValueBands,
            categories: definition.categories.map((category) => ({
              ...category,
              factors: category.factors.map((factor) => {
                const scale = scales[f++];
                return scale ? { ...factor, scale } : factor;
              }),
            })),
          };
          const model = defineScorecard(withScales as never);
          const kinds = scales.map((scale) => (scale as { type?: string } | undefined)?.type);
          await loadClickhouse(
            'scored',
            model.factorIds.map((id, index) => ({
              name: id,
              type: kinds[index] === 'categorical' ? 'String' : 'Float64',
            })),
            rows as Cell[][],
          );
          const query = toSql(model, { dialect: 'clickhouse', table: 'scored', missing, clamp, keep: ['row_id'] });
          const result = await runClickhouse(query);
          expect(result).toHaveLength(rows.length);
          rows.forEach((values, index) => {
            const ratings = Object.fromEntries(model.factorIds.map((id, i) => [id, values[i]]));
            let expected: ScoreResult | null = null;
            try {
              expected = score(model, ratings, { missing, clamp });
            } catch (error) {
              if (!(error instanceof ValidationError)) throw error;
            }
            const actual = result[index]!;
            if (expected === null) {
              expect(actual['total']).toBeNull();
              expect(typeof actual['error']).toBe('string');
              return;
            }
            expect(actual['error']).toBeNull();
            expect(new Decimal(String(actual['total'])).eq(asSql(expected.total, query)), String(actual['total'])).toBe(
              true,
            );
            expect(actual['grade']).toBe(expected.grade);
            expect(actual['complete']).toBe(expected.complete ? 1 : 0);
            for (const category of expected.categories)
              expect(new Decimal(String(actual[`points_${category.id}`])).eq(asSql(category.contribution, query))).toBe(
                true,
              );
          });
        },
      ),
      { numRuns: RUNS },
    );
  }, 180_000);
});

live('ClickHouse rule set parity (two shards)', () => {
  const numbers = fc.integer({ min: -4, max: 20 }).map((n) => n / 2);
  const tiers = fc.constantFrom('gold', "o'neil", 'x; --', 'back\\slash');
  const days = fc.constantFrom('2025-12-31', '2026-01-31', '2026-02-28', '2026-03-01', '2026-03-31', '2026-11-01');
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
  it(
    'compiled SQL over a Distributed table equals evaluateRules(): fired, ' +
      'fired_rules, unknown, risk, possible risk, level',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(rule, { minLength: 0, maxLength: 5 }),
          fc.array(signalRow, { minLength: 1, maxLength: 12 }),
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
            await loadClickhouse(
              'signals',
              [
                { name: 'spend', type: 'Float64' },
                { name: 'tier', type: 'String' },
                { name: 'handover', type: 'UInt8' },
                { name: 'lastVisit', type: 'Date' },
              ],
              rows.map(([spend, tier, handover, lastVisit]) => [
                spend,
                tier,
                handover,
                lastVisit === null ? null : { date: lastVisit },
              ]),
            );
            const query = toSql(ruleSet, { dialect: 'clickhouse', table: 'signals', asOf, keep: ['row_id'] });
            const result = await runClickhouse(query);
            rows.forEach(([spend, tier, handover, lastVisit], index) => {
              const expected = evaluateRules(ruleSet, { spend, tier, handover, lastVisit }, { asOf });
              const actual = result[index]!;
              expect(actual['fired']).toEqual(expected.fired);
              expect(actual['unknown']).toEqual(expected.unknown);
              expect(actual['fired_rules']).toEqual(expected.alerts.map((alert) => [alert.ruleId, alert.severity]));
              expect(new Decimal(String(actual['risk'])).eq(expected.risk.toString())).toBe(true);
              expect(new Decimal(String(actual['possible_risk'])).eq(expected.possibleRisk.toString())).toBe(true);
              expect(actual['level']).toBe(expected.level);
            });
          },
        ),
        { numRuns: RUNS },
      );
    },
    180_000,
  );
});

live('ClickHouse value matrix parity (two shards)', () => {
  const grade = fc.option(fc.constantFrom<string>(...valueGrades, 'E', 'a'));
  it('compiled SQL over a Distributed table equals classifyValue(); a grade outside A–D gives NULL', async () => {
    await fc.assert(
      fc.asyncProperty(
        matrixCells,
        fc.array(fc.tuple(grade, grade), { minLength: 1, maxLength: 20 }),
        async (cells, rows) => {
          const matrix = matrixOfCells(cells);
          await loadClickhouse(
            'grades',
            [
              { name: 'current', type: 'String' },
              { name: 'potential', type: 'String' },
            ],
            rows,
          );
          const result = await runClickhouse(
            toSql(matrix, { dialect: 'clickhouse', table: 'grades', keep: ['row_id'] }),
          );
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
  }, 120_000);
});
