import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { discrimination } from '../../src/outcomes/index.js';
import { scoredSample } from '../arbitraries/outcomes.js';

/** An exact fraction `p/q` (or `p`) as [numerator, denominator]. */
function fraction(text: string): [bigint, bigint] {
  const [p, q] = text.split('/');
  return [BigInt(p!), BigInt(q ?? '1')];
}

/** The brute-force oracle: 2·U over every event/non-event pair, ties one half. */
function twiceU(scores: readonly number[], outcomes: readonly number[]): number {
  let total = 0;
  scores.forEach((s, i) => {
    if (outcomes[i] !== 1) return;
    scores.forEach((t, j) => {
      if (outcomes[j] === 0) total += s > t ? 2 : s === t ? 1 : 0;
    });
  });
  return total;
}

describe('discrimination laws', () => {
  test.prop([scoredSample])(
    'AUC equals the pairwise count of correctly ordered pairs, ties one half',
    ({ scores, outcomes }) => {
      const result = discrimination(scores, outcomes);
      const [p, q] = fraction(result.exact.auc);
      const pairs = 2 * result.events * result.nonEvents;
      expect(p * BigInt(pairs)).toBe(BigInt(twiceU(scores, outcomes)) * q);
    },
  );

  test.prop([scoredSample])('AUC of reversed scores is 1 − AUC', ({ scores, outcomes }) => {
    const [p1, q1] = fraction(discrimination(scores, outcomes).exact.auc);
    const [p2, q2] = fraction(
      discrimination(
        scores.map((s) => -s),
        outcomes,
      ).exact.auc,
    );
    expect(p1 * q2 + p2 * q1).toBe(q1 * q2);
  });

  test.prop([scoredSample, fc.integer({ min: 1, max: 5 }), fc.integer({ min: -50, max: 50 })])(
    'AUC, Gini and KS are invariant under any strictly increasing transform of the scores',
    ({ scores, outcomes }, scale, shift) => {
      const base = discrimination(scores, outcomes);
      const transformed = discrimination(
        scores.map((s) => Math.exp(s / 10) * scale + shift),
        outcomes,
      );
      const strings = discrimination(
        scores.map((s) => `${s * scale + shift}.5`),
        outcomes,
      );
      expect(transformed.exact).toEqual(base.exact);
      expect(strings.exact).toEqual(base.exact);
    },
  );

  test.prop([scoredSample])('Gini = 2·AUC − 1 and 0 ≤ KS ≤ 1', ({ scores, outcomes }) => {
    const result = discrimination(scores, outcomes);
    const [a, b] = fraction(result.exact.auc);
    const [g, h] = fraction(result.exact.gini);
    expect(g * b).toBe((2n * a - b) * h);
    expect(result.ks).toBeGreaterThanOrEqual(0);
    expect(result.ks).toBeLessThanOrEqual(1);
  });

  test.prop([scoredSample])('the gains table accounts for every account and every event', ({ scores, outcomes }) => {
    const result = discrimination(scores, outcomes, { groups: 4 });
    expect(result.gains.reduce((sum, row) => sum + row.count, 0)).toBe(scores.length);
    expect(result.gains.reduce((sum, row) => sum + row.events, 0)).toBe(result.events);
  });
});
