/**
 * The HHI's Σv and Σv² on doubles, column by column, against the BigInt sums they replace: the
 * same HHI to the byte on random lists — values of up to 60 significant digits (many limbs, so
 * many products per column), digits of nines only (the largest products, so the columns carry
 * as often as they may), zeros, repeats, exponents far apart — and the sums themselves against
 * BigInt arithmetic on the values' digits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../../src/shared/numeric.js';
import { hhiOnBigInt, hhiPoints } from '../../src/value/internal/portfolioCore.js';
import { limbSums } from '../../src/value/internal/limbSquares.js';

/** A non-negative decimal: its significant digits, then an exponent. */
const value = fc
  .tuple(
    fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 60n }),
      fc.bigInt({ min: 1n, max: 10n ** 16n }),
      fc.integer({ min: 1, max: 60 }).map((digits) => 10n ** BigInt(digits) - 1n),
      fc.constantFrom(0n, 1n, 5n, 9_999_999n, 10_000_000n),
    ),
    fc.oneof(fc.integer({ min: -30, max: 10 }), fc.integer({ min: -140, max: 140 })),
  )
  .map(([coefficient, exponent]) => new ExactDecimal(`${coefficient}e${exponent}`));

/** Σ c·10^p and Σ (c·10^p)² scaled to the lowest exponent, on BigInt: the reference. */
function referenceRatio(values: readonly ExactDecimal[]): [bigint, bigint] {
  const parts = values
    .filter((v) => !v.isZero())
    .map((v) => {
      const digits = v.d.map((limb, i) => (i === 0 ? String(limb) : String(limb).padStart(7, '0'))).join('');
      return { c: BigInt(digits), p: v.e - digits.length + 1 };
    });
  const low = Math.min(0, ...parts.map((part) => part.p));
  let sum = 0n;
  let squares = 0n;
  for (const { c, p } of parts) {
    const scaled = c * 10n ** BigInt(p - low);
    sum += scaled;
    squares += scaled * scaled;
  }
  return [squares, sum * sum];
}

describe('limbSums', () => {
  it('gives the HHI the BigInt sums give, to the byte', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.nat({ max: 3 }), (values, copies) => {
        const list = [...values, ...values.slice(0, copies * 5)];
        if (list.every((v) => v.isZero())) return;
        expect(hhiPoints(list).toJSON()).toBe(hhiOnBigInt(list).toJSON());
      }),
      { numRuns: 1000 },
    );
  });

  it('has the ratio Σv² / (Σv)² of the exact sums, carrying through many full columns', () => {
    const nines = new ExactDecimal(`${10n ** 49n - 1n}e-20`); // seven limbs of 9999999
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 80 }), fc.nat({ max: 200 }), (values, many) => {
        const list = [...values, ...Array.from({ length: many }, () => nines)];
        const sums = limbSums(list);
        if (sums === null) return; // spread too far: the BigInt path
        const [squares, square] = referenceRatio(list);
        // equal ratios: squares / square = sums.squares / sums.sum²
        expect(squares * sums.sum * sums.sum).toBe(sums.squares * square);
      }),
      { numRuns: 300 },
    );
  });

  it('defers negative values and digits spread too far apart to the BigInt sums', () => {
    expect(limbSums([new ExactDecimal(1), new ExactDecimal(-1)])).toBeNull();
    expect(limbSums([new ExactDecimal('1e-200'), new ExactDecimal('1e200')])).toBeNull();
    expect(hhiPoints([new ExactDecimal('1e-200'), new ExactDecimal('1e200')]).toJSON()).toBe(
      hhiOnBigInt([new ExactDecimal('1e-200'), new ExactDecimal('1e200')]).toJSON(),
    );
    expect(limbSums([new ExactDecimal(0), new ExactDecimal(-0)])).toEqual({ sum: 0n, squares: 0n });
  });
});
