import { describe, expectTypeOf, it } from 'vitest';
import type { Decimal } from 'decimal.js';
import {
  backtestRules,
  compareScores,
  discrimination,
  gradeOutcomes,
  overrideScore,
  populationStability,
  type BacktestMetrics,
  type DiscriminationResult,
  type StabilityReading,
} from '../../src/outcomes/index.js';

describe('clientele/outcomes public surface (SPEC §8 shapes)', () => {
  it('discrimination returns auc, gini, ks, n and events, with exact fractions as strings', () => {
    const result = discrimination([1, 2], [0, 1]);
    expectTypeOf(result).toEqualTypeOf<DiscriminationResult>();
    expectTypeOf(result.auc).toEqualTypeOf<number>();
    expectTypeOf(result.n).toEqualTypeOf<number>();
    expectTypeOf(result.events).toEqualTypeOf<number>();
    expectTypeOf(result.exact.auc).toEqualTypeOf<string>();
    expectTypeOf(result.ksScore).toEqualTypeOf<Decimal>();
  });

  it('populationStability returns a Decimal total, bins and a reading', () => {
    const result = populationStability([1, 2], [2, 1]);
    expectTypeOf(result.total).toEqualTypeOf<Decimal>();
    expectTypeOf(result.reading).toEqualTypeOf<StabilityReading>();
    expectTypeOf(result.bins[0]!.contribution).toEqualTypeOf<Decimal>();
    // @ts-expect-error the empty-bin policy is one of two names
    populationStability([1], [1], { emptyBins: 'ignore' });
  });

  it('gradeOutcomes rows carry grade, count, events and rate', () => {
    const row = gradeOutcomes(['A'], [1]).rows[0]!;
    expectTypeOf(row.grade).toEqualTypeOf<string>();
    expectTypeOf(row.count).toEqualTypeOf<number>();
    expectTypeOf(row.rate).toEqualTypeOf<Decimal>();
  });

  it('compareScores factors carry id and change', () => {
    const why = compareScores({}, {});
    expectTypeOf(why.change).toEqualTypeOf<Decimal>();
    expectTypeOf(why.factors[0]!.id).toEqualTypeOf<string>();
    expectTypeOf(why.factors[0]!.change).toEqualTypeOf<Decimal>();
  });

  it('backtestRules needs asOf dates; overrides need reason, author and expiry', () => {
    expectTypeOf(backtestRules).parameter(3).toHaveProperty('asOf');
    expectTypeOf<BacktestMetrics['precision']>().toEqualTypeOf<Decimal | null>();
    // @ts-expect-error an override without an expiry is refused at compile time too
    overrideScore({ total: 1 }, { grade: 'A', reason: 'r', author: 'a' }, { asOf: '2026-11-01' });
  });
});
