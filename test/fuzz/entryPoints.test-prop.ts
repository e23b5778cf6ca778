import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryPoints, outcomeOf } from './harness.js';

/** A short budget on every run; `npm run fuzz` runs the long one. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);
/** A call slower than this (on a loaded machine) counts as a hang. */
const CALL_LIMIT_MS = 2000;

describe('hostile input: every entry point returns or throws a ClienteleError, promptly', () => {
  for (const point of entryPoints) {
    it(`${point.name} never crashes or hangs`, () => {
      fc.assert(
        fc.property(point.args, (args) => {
          const started = performance.now();
          const outcome = outcomeOf(point, args);
          const elapsed = performance.now() - started;
          if (!outcome.ok) throw outcome.error;
          expect(elapsed).toBeLessThan(CALL_LIMIT_MS);
        }),
        { seed: 20261128, numRuns: RUNS, endOnFailure: true },
      );
    }, 120_000);
  }
});
