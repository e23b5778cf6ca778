import type { Decimal } from 'decimal.js';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  potentialValueModel,
  score,
  type PotentialValueFactorId,
  type PotentialValueRatings,
  type ScoreResult,
  type ScorecardDefinition,
} from '../../src/scoring/index.js';
import { scorecardSchema } from '../../src/index.js';

describe('public types', () => {
  it('score returns a ScoreResult with Decimal totals', () => {
    expectTypeOf<ReturnType<typeof score>>().toEqualTypeOf<ScoreResult>();
    expectTypeOf<ScoreResult['total']>().toEqualTypeOf<Decimal>();
    expectTypeOf<ScoreResult['grade']>().toEqualTypeOf<string | null>();
    expectTypeOf(score(potentialValueModel, {}).grade).toEqualTypeOf<'A' | 'B' | 'C' | 'D' | null>();
  });

  it('preset factor ids are a literal union, so a typo fails to compile', () => {
    expectTypeOf<'tenure'>().toExtend<PotentialValueFactorId>();
    expectTypeOf<'tenur'>().not.toExtend<PotentialValueFactorId>();
    expectTypeOf<PotentialValueRatings>().toHaveProperty('peerUserBase');
    // @ts-expect-error: 'tenur' is not a factor of the preset
    const typo: Partial<PotentialValueRatings> = { tenur: 3 };
    void typo;
  });

  it('the definition type is inferred from the exported schema', () => {
    expectTypeOf<ScorecardDefinition>().toEqualTypeOf<z.input<typeof scorecardSchema>>();
    expectTypeOf(potentialValueModel.factorIds).toEqualTypeOf<readonly PotentialValueFactorId[]>();
  });
});
