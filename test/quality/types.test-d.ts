import type { Decimal } from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import {
  cronbachAlpha,
  meanConfidenceInterval,
  netPromoterScore,
  scoreSurvey,
  serviceQualityDimensionIds,
  serviceQualityInstrument,
  type InstrumentDefinition,
  type ServiceQualityDimensionId,
  type SurveyScore,
  instrumentSchema,
} from '../../src/index.js';
import type { z } from 'zod';

describe('the public types of clientele/quality', () => {
  it('fixes the six dimension ids as a union', () => {
    expectTypeOf<ServiceQualityDimensionId>().toEqualTypeOf<
      'convenience' | 'communication' | 'capability' | 'attitude' | 'reliability' | 'facilities'
    >();
    expectTypeOf(serviceQualityDimensionIds).toEqualTypeOf<
      readonly ['convenience', 'communication', 'capability', 'attitude', 'reliability', 'facilities']
    >();
  });
  it('gives the contract shapes', () => {
    const alpha = cronbachAlpha([
      [1, 2],
      [2, 3],
    ]);
    expectTypeOf(alpha.alpha).toEqualTypeOf<number | null>();
    expectTypeOf(alpha.ci.lower).toEqualTypeOf<number | null>();
    expectTypeOf(alpha.alphaIfDeleted).toEqualTypeOf<readonly (number | null)[]>();
    expectTypeOf(alpha.n).toEqualTypeOf<number>();
    expectTypeOf(netPromoterScore([9]).score).toEqualTypeOf<number | null>();
    expectTypeOf(meanConfidenceInterval([1, 2]).lower).toEqualTypeOf<number | null>();
  });
  it('returns exact means and indices as Decimals', () => {
    const score = scoreSurvey(serviceQualityInstrument, []);
    expectTypeOf(score).toEqualTypeOf<SurveyScore>();
    expectTypeOf(score.dimensions[0]!.mean).toEqualTypeOf<Decimal | null>();
    expectTypeOf(score.overall.index).toEqualTypeOf<Decimal | null>();
  });
  it('infers the definition type from the schema', () => {
    expectTypeOf<z.input<typeof instrumentSchema>>().toEqualTypeOf<InstrumentDefinition>();
  });
});
