import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { compareScores } from '../../src/outcomes/index.js';
import { defineScorecard, score } from '../../src/scoring/index.js';
import { potentialValueRatings, scorecardDefinition, ratingsFor } from '../arbitraries/scorecard.js';
import { potentialValueModel } from '../../src/scoring/index.js';
import fc from 'fast-check';

const twoRatings = scorecardDefinition.chain((definition) =>
  fc.tuple(fc.constant(definition), ratingsFor(definition), ratingsFor(definition)),
);

describe('score history laws', () => {
  test.prop([potentialValueRatings, potentialValueRatings])(
    'attribution sums to the change exactly (potential-value model)',
    (a, b) => {
      const why = compareScores(score(potentialValueModel, a), score(potentialValueModel, b));
      const sum = why.factors.reduce((total, factor) => total.plus(factor.change), why.change.minus(why.change));
      expect(sum.toString()).toBe(why.change.toString());
      expect(why.change.toString()).toBe(why.currentTotal.minus(why.previousTotal).toString());
    },
  );

  test.prop([twoRatings], { numRuns: 50 })(
    'attribution sums to the change exactly on any scorecard, live or from JSON',
    ([definition, a, b]) => {
      const model = defineScorecard(definition);
      const previous = JSON.parse(JSON.stringify(score(model, a))) as unknown;
      const why = compareScores(previous, score(model, b));
      const sum = why.factors.reduce((total, factor) => total.plus(factor.change), why.change.minus(why.change));
      expect(sum.eq(why.change)).toBe(true);
    },
  );

  test.prop([potentialValueRatings])('a score compared with itself has no change and no drivers', (ratings) => {
    const result = score(potentialValueModel, ratings);
    const why = compareScores(result, result, { deadBand: 0 });
    expect(why.change.isZero()).toBe(true);
    expect(why.drivers).toEqual([]);
  });
});
