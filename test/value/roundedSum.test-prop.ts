/**
 * The integer running sum of the portfolio summaries against decimal.js itself: after every
 * step, `RoundedSum` holds the decimal that `total = total.plus(value)` holds in the library's
 * context (40 significant digits, half to even). Values are random decimals of up to 40 digits
 * (some wider) with mixed signs and exponents, plus the awkward ones: runs of nines whose sums
 * gain a digit, halves that make exact ties, zeros, and values far finer or coarser than the sum.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decimal } from 'decimal.js';
import { ExactDecimal, ZERO } from '../../src/shared/numeric.js';
import { DecimalDigits, RoundedSum, comparable } from '../../src/value/internal/roundedSum.js';
import { compareExact, largestFirst } from '../../src/value/internal/values.js';

/** A decimal from a sign, a digit string and an exponent (the string's last digit × 10^exponent). */
function decimalOf(negative: boolean, digits: string, exponent: number): Decimal {
  return new ExactDecimal(`${negative ? '-' : ''}${digits}e${exponent}`);
}

const digitString = (maxLength: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength })
    .map((digits) => digits.join('').replace(/^0+(?=.)/, ''));

/** Values near one magnitude (the portfolio case), and every awkward kind besides. */
const value = (center: number): fc.Arbitrary<Decimal> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.boolean(), digitString(40), fc.integer({ min: -20, max: 4 }))
        .map(([negative, digits, shift]) => decimalOf(negative && digits.length % 3 === 0, digits, center + shift)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.boolean(), fc.integer({ min: 1, max: 40 }), fc.integer({ min: -45, max: 3 }))
        .map(([negative, length, shift]) => decimalOf(negative, '9'.repeat(length), center + shift)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.boolean(), fc.constantFrom('5', '15', '25', '5000', '1', '10'), fc.integer({ min: -45, max: 3 }))
        .map(([negative, digits, shift]) => decimalOf(negative, digits, center + shift)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.boolean(), digitString(46), fc.integer({ min: -300, max: 300 }))
        .map(([negative, digits, exponent]) => decimalOf(negative, digits, exponent)),
    },
    { weight: 1, arbitrary: fc.constantFrom(ZERO, new ExactDecimal('-0'), new ExactDecimal('1e-40')) },
  );

const values = fc
  .integer({ min: -50, max: 20 })
  .chain((center) => fc.array(value(center), { minLength: 1, maxLength: 60 }));

/**
 * The portfolio's own kind, so the integer step runs most: non-negative values of 40 digits, short
 * exact amounts (cents), and values ending in a 5 that make exact ties when the sum drops them.
 */
const portfolioValues = fc.array(
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(digitString(40), fc.integer({ min: 0, max: 6 }))
        .map(([digits, magnitude]) => decimalOf(false, digits.padEnd(40, '7'), magnitude - 39)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(digitString(9), fc.integer({ min: -2, max: 0 }))
        .map(([digits, exponent]) => decimalOf(false, digits, exponent)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(digitString(8), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -45, max: -30 }))
        .map(([digits, zeros, exponent]) => decimalOf(false, `${digits}5${'0'.repeat(zeros)}`, exponent)),
    },
  ),
  { minLength: 20, maxLength: 300 },
);

describe('RoundedSum is decimal.js’ rounded running sum', () => {
  it('after every step the sum is the decimal total.plus(value) gives (40 digits, half to even)', () => {
    fc.assert(
      fc.property(fc.oneof(values, portfolioValues), (list) => {
        const digits = new DecimalDigits(list);
        const sum = new RoundedSum();
        let reference = ZERO;
        list.forEach((item, index) => {
          reference = reference.plus(item);
          sum.addAt(digits, index);
          expect(sum.toDecimal().toJSON(), `after ${index + 1} values`).toBe(reference.toJSON());
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a sum of group sums is decimal.js’ sum of group sums, and addDecimal is plus', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 8 }), (list, size) => {
        const digits = new DecimalDigits(list);
        const sum = new RoundedSum();
        const viaDecimal = new RoundedSum();
        let reference = ZERO;
        for (let start = 0; start < list.length; start += size) {
          const group = new RoundedSum();
          let groupReference = ZERO;
          for (let k = start; k < Math.min(list.length, start + size); k++) {
            group.addAt(digits, k);
            groupReference = groupReference.plus(list[k]!);
          }
          sum.addSum(group);
          viaDecimal.addDecimal(groupReference);
          reference = reference.plus(groupReference);
          expect(sum.toDecimal().toJSON()).toBe(reference.toJSON());
          expect(viaDecimal.toDecimal().toJSON()).toBe(reference.toJSON());
        }
      }),
    );
  });

  it('compare orders a sum against a decimal as decimal.js cmp does', () => {
    fc.assert(
      fc.property(values, values, (list, targets) => {
        const digits = new DecimalDigits(list);
        const sum = new RoundedSum();
        list.forEach((_, index) => {
          sum.addAt(digits, index);
          const now = sum.toDecimal();
          for (const target of [...targets, now, now.plus('1e-30'), now.minus('1e-30')]) {
            expect(sum.compare(comparable(target))).toBe(now.cmp(target));
          }
        });
      }),
    );
  });

  it('equal is decimal equality', () => {
    fc.assert(
      fc.property(values, (list) => {
        const digits = new DecimalDigits([...list, ...list.map((item) => new ExactDecimal(item.toString()))]);
        for (let i = 0; i < list.length; i++)
          for (let j = 0; j < 2 * list.length; j++) expect(digits.equal(i, j)).toBe(list[i]!.eq(digits.values[j]!));
      }),
    );
  });

  it('ties round half to even and a carry adds a digit, as decimal.js does', () => {
    const cases: [string, string][] = [
      ['1' + '0'.repeat(39), '0.5'], // tie, even stays
      ['1' + '0'.repeat(38) + '1', '0.5'], // tie, odd rounds up
      ['9'.repeat(40), '0.5'], // tie up to 10^40: one more digit
      ['9'.repeat(40), '1'],
      ['9'.repeat(40), '0.4999999'],
      ['123.4', '-123.4'],
    ];
    for (const [a, b] of cases) {
      const list = [new ExactDecimal(a), new ExactDecimal(b)];
      const sum = new RoundedSum();
      const digits = new DecimalDigits(list);
      sum.addAt(digits, 0);
      sum.addAt(digits, 1);
      expect(sum.toDecimal().toJSON()).toBe(list[0]!.plus(list[1]!).toJSON());
    }
  });
});

describe('largestFirst is the exact order', () => {
  /** Values with many exact ties and neighbours closer than a double can tell apart. */
  const crowded = fc.array(
    fc.oneof(
      fc.constantFrom('7391.3', '7391.30000000000000000000000001', '7391.29999999999999999999999999', '0', '-0', '-3'),
      fc.integer({ min: 0, max: 50 }).map((step) => `1${'0'.repeat(step % 7)}.${step}`),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
      fc.constantFrom('1e300', '5e-320', '1e-300', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13'),
    ),
    { minLength: 0, maxLength: 40 },
  );
  it('values descending, equal values in input order, with or without their digits', () => {
    fc.assert(
      fc.property(crowded, (texts) => {
        const list = texts.map((text) => new ExactDecimal(text));
        const expected = list
          .map((_, index) => index)
          .sort((a, b) => list[b]!.cmp(list[a]!) || a - b)
          .join();
        expect(largestFirst(list).join()).toBe(expected);
        expect(largestFirst(list, new DecimalDigits(list)).join()).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
  it("the digits' approximate is within 1e-13 of the value (NaN only for values over 42 digits)", () => {
    fc.assert(
      fc.property(values, (list) => {
        const digits = new DecimalDigits(list);
        list.forEach((value, index) => {
          const key = digits.approximate(index);
          const exact = Number(value.toString());
          if (Number.isNaN(key)) expect(value.sd()).toBeGreaterThan(42);
          else if (Math.abs(exact) > 1e-290 && Math.abs(exact) < 1e290)
            expect(Math.abs(key - exact)).toBeLessThanOrEqual(1e-13 * Math.abs(exact));
          else if (exact === 0) expect(key).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('compareExact is decimal.js cmp', () => {
    fc.assert(
      fc.property(values, (list) => {
        for (const x of list) for (const y of list) expect(compareExact(x, y)).toBe(x.cmp(y));
      }),
    );
  });
});
