import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { populationStability } from '../../src/outcomes/index.js';
import { countPair } from '../arbitraries/outcomes.js';

describe('population stability laws', () => {
  test.prop([countPair])('PSI ≥ 0 and every bin term ≥ 0', ({ expected, actual }) => {
    const result = populationStability(expected, actual);
    expect(result.total.isNeg() && !result.total.isZero()).toBe(false);
    for (const bin of result.bins) expect(bin.contribution.gte(0)).toBe(true);
  });

  test.prop([countPair.map(({ expected }) => expected), fc.integer({ min: 1, max: 9 })])(
    'PSI is 0 for identical distributions (any scale)',
    (counts, factor) => {
      expect(
        populationStability(
          counts,
          counts.map((c) => c * factor),
        ).total.isZero(),
      ).toBe(true);
    },
  );

  test.prop([countPair])('PSI is 0 only for identical distributions', ({ expected, actual }) => {
    const E = expected.reduce((a, b) => a + b, 0);
    const A = actual.reduce((a, b) => a + b, 0);
    const identical = expected.every((e, i) => e * A === actual[i]! * E);
    expect(populationStability(expected, actual).total.isZero()).toBe(identical);
  });

  test.prop([countPair])('PSI is symmetric in the two populations', ({ expected, actual }) => {
    const forward = populationStability(expected, actual).total;
    const backward = populationStability(actual, expected).total;
    expect(forward.minus(backward).abs().lt('1e-35')).toBe(true);
  });
});
