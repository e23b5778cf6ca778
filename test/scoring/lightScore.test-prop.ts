/**
 * `clientele/scoring`'s `score` and `safeScore` take compiled models only (so a bundle that scores
 * with a preset carries no model checks); the root forms also compile JSON on the fly. Both give
 * the same result for the same compiled model, and the light form names what to do with JSON.
 */
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { safeScore as rootSafeScore, score as rootScore } from '../../src/index.js';
import { defineScorecard, potentialValueModel, safeScore, score } from '../../src/scoring/index.js';
import { scorecardWithRatings } from '../arbitraries/scorecard.js';
import { errorOf } from '../support/errorOf.js';

const top = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max.toNumber()]));

describe('score from clientele/scoring: compiled models only', () => {
  it('refuses a model given as JSON, saying to compile it once', () => {
    const error = errorOf(() => score(potentialValueModel.toJSON() as never, top));
    expect(error.message.startsWith('score: ')).toBe(true);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ path: 'model', code: 'invalid_type' });
    expect(error.issues[0]!.expected).toContain('defineScorecard');
  });

  it('refuses a look-alike copy of a compiled model', () => {
    const copy = Object.freeze({ ...potentialValueModel });
    expect(errorOf(() => score(copy as never, top)).issues.map((issue) => issue.path)).toEqual(['model']);
  });

  it('safeScore reports the same one issue instead of throwing', () => {
    const outcome = safeScore(potentialValueModel.toJSON() as never, top);
    expect(outcome.success).toBe(false);
    if (!outcome.success) expect(outcome.issues.map((issue) => issue.path)).toEqual(['model']);
  });

  it('the root forms still compile JSON on the fly', () => {
    expect(rootScore(potentialValueModel.toJSON(), top).total.toString()).toBe('100');
    expect(rootSafeScore(potentialValueModel.toJSON(), top).success).toBe(true);
    expect(rootScore).not.toBe(score);
  });

  test.prop([scorecardWithRatings], { numRuns: 60 })(
    'the light and root forms give the same JSON for a compiled model, and the root form the same for its JSON',
    ({ definition, ratings }) => {
      const model = defineScorecard(definition);
      const light = JSON.stringify(score(model, ratings));
      expect(JSON.stringify(rootScore(model, ratings))).toBe(light);
      expect(JSON.stringify(rootScore(definition, ratings))).toBe(light);
    },
  );
});
