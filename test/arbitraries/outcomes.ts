/** Shared fast-check arbitraries for the outcomes module: scored samples and per-bin counts. */
import fc from 'fast-check';

/** Scores (small integers, so ties are common) with 0/1 outcomes, at least one of each outcome. */
export const scoredSample: fc.Arbitrary<{ scores: number[]; outcomes: (0 | 1)[] }> = fc
  .array(fc.tuple(fc.integer({ min: -20, max: 20 }), fc.constantFrom(0 as const, 1 as const)), {
    minLength: 2,
    maxLength: 60,
  })
  .filter((pairs) => pairs.some(([, y]) => y === 1) && pairs.some(([, y]) => y === 0))
  .map((pairs) => ({ scores: pairs.map(([s]) => s), outcomes: pairs.map(([, y]) => y) }));

/** Two positive per-bin count vectors of the same length (2–12 bins). */
export const countPair: fc.Arbitrary<{ expected: number[]; actual: number[] }> = fc
  .integer({ min: 2, max: 12 })
  .chain((bins) =>
    fc.record({
      expected: fc.array(fc.integer({ min: 1, max: 500 }), { minLength: bins, maxLength: bins }),
      actual: fc.array(fc.integer({ min: 1, max: 500 }), { minLength: bins, maxLength: bins }),
    }),
  );
