/** Shared fast-check arbitraries for the lifetime-value models. */
import fc from 'fast-check';

/** A positive model parameter over several orders of magnitude (0.05 … 50). */
export const positiveParameter: fc.Arbitrary<number> = fc
  .double({ min: Math.log(0.05), max: Math.log(50), noNaN: true })
  .map(Math.exp);

/** BG/NBD parameters, with `kind`. */
export const bgNbdParameters = fc.record({
  kind: fc.constant('bg-nbd' as const),
  r: positiveParameter,
  alpha: positiveParameter,
  a: positiveParameter,
  b: positiveParameter,
});

/** Pareto/NBD parameters, with `kind`. */
export const paretoNbdParameters = fc.record({
  kind: fc.constant('pareto-nbd' as const),
  r: positiveParameter,
  alpha: positiveParameter,
  s: positiveParameter,
  beta: positiveParameter,
});

/** A consistent purchase history `{ frequency, recency, T }`: recency ≤ T, recency 0 exactly when frequency is 0. */
export const purchaseHistory = fc
  .tuple(
    fc.integer({ min: 0, max: 40 }),
    fc.double({ min: 0.5, max: 200, noNaN: true }),
    fc.double({ min: 0.01, max: 1, noNaN: true }),
  )
  .map(([frequency, T, share]) => ({ frequency, recency: frequency === 0 ? 0 : T * share, T }));
