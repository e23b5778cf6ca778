/** Arbitraries for the value module's property tests. */
import fc from 'fast-check';

/** A non-negative money amount with up to two decimals, as a string (exact). */
export const amount = fc.integer({ min: 0, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2));
/** A positive money amount. */
export const positiveAmount = fc.integer({ min: 1, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2));
/** A probability on a 1/1000 grid, as a string. */
export const probability = fc.integer({ min: 0, max: 1000 }).map((permille) => (permille / 1000).toString());
/** A retention strictly below 1. */
export const retentionBelowOne = fc.integer({ min: 0, max: 999 }).map((permille) => (permille / 1000).toString());
/** A discount rate between 0 and 50 %. */
export const discountRate = fc.integer({ min: 0, max: 500 }).map((permille) => (permille / 1000).toString());
/** A portfolio of non-negative values with a positive total. */
export const portfolioValues = fc
  .array(amount, { minLength: 1, maxLength: 60 })
  .filter((values) => values.some((value) => Number(value) > 0));
/** A grade of the value matrix. */
export const valueGrade = fc.constantFrom('A', 'B', 'C', 'D' as const);
/** Values with many ties (small integers). */
export const tiedValues = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 40 });
