import type { Decimal } from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import {
  classifyValue,
  currentValue,
  herfindahlIndex,
  pareto,
  telecomTierPolicy,
  type TierResult,
  type ValueClassification,
  type ValueGrade,
} from '../../src/index.js';

describe('the public types of clientele/value', () => {
  it('contract results carry Decimals', () => {
    expectTypeOf(currentValue({ margin: 1, retention: 0.5, discountRate: 0.1 }).value).toEqualTypeOf<Decimal>();
    expectTypeOf(pareto([1], { targetShare: 1 })).toMatchTypeOf<{
      count: number;
      accountShare: Decimal;
      valueShare: Decimal;
    }>();
    expectTypeOf(herfindahlIndex([1])).toEqualTypeOf<Decimal>();
  });

  it('grades are a literal union, so a typo does not compile', () => {
    expectTypeOf(classifyValue).parameter(0).toEqualTypeOf<ValueGrade>();
    expectTypeOf<ValueGrade>().toEqualTypeOf<'A' | 'B' | 'C' | 'D'>();
    expectTypeOf(classifyValue('A', 'B')).toEqualTypeOf<
      ValueClassification<'A' | 'B' | 'C' | 'D', 'high-value' | 'secondary-value' | 'potential-value' | 'low-value'>
    >();
    // @ts-expect-error 'E' is not a grade (and at run time a ValidationError: matrix.test.ts)
    expectTypeOf(() => classifyValue('E', 'A')).toBeFunction();
  });

  it('tierFor returns a tier with its contact standard, or null', () => {
    expectTypeOf(telecomTierPolicy.tierFor).returns.toEqualTypeOf<TierResult | null>();
    expectTypeOf<TierResult['contact']['visitEveryDays']>().toEqualTypeOf<Decimal | null>();
    expectTypeOf<TierResult['contact']['callEveryDays']>().toEqualTypeOf<Decimal | null>();
  });
});
