import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactDecimal } from '../../src/shared/numeric.js';
import { currentValue } from '../../src/value/index.js';
import { amount, discountRate, probability, retentionBelowOne } from '../arbitraries/value.js';

const horizon = fc.oneof(fc.constant('perpetuity' as const), fc.integer({ min: 1, max: 60 }));
const timing = fc.constantFrom('start' as const, 'end' as const);
const series = (item: fc.Arbitrary<string>) => fc.oneof(item, fc.array(item, { minLength: 1, maxLength: 8 }));
const bump = fc.integer({ min: 1, max: 100_000 }).map((cents) => cents / 100);

describe('currentValue laws (seed 001; Gupta & Lehmann 2003)', () => {
  it('NPV is monotone in margin: raising any period’s margin never lowers the value', () => {
    fc.assert(
      fc.property(
        fc.array(amount, { minLength: 1, maxLength: 8 }),
        fc.nat(7),
        bump,
        series(retentionBelowOne),
        discountRate,
        horizon,
        timing,
        (margins, at, up, retention, d, h, t) => {
          const k = at % margins.length;
          const raised = margins.map((margin, index) => (index === k ? (Number(margin) + up).toFixed(2) : margin));
          const before = currentValue({ margin: margins, retention, discountRate: d, horizon: h, timing: t }).value;
          const after = currentValue({ margin: raised, retention, discountRate: d, horizon: h, timing: t }).value;
          expect(after.gte(before)).toBe(true);
        },
      ),
    );
  });

  it('NPV is monotone in retention (non-negative margins): keeping customers longer never lowers the value', () => {
    fc.assert(
      fc.property(
        series(amount),
        fc.array(retentionBelowOne, { minLength: 1, maxLength: 8 }),
        fc.nat(7),
        fc.integer({ min: 1, max: 500 }),
        discountRate,
        horizon,
        timing,
        (margin, retentions, at, up, d, h, t) => {
          const k = at % retentions.length;
          const raised = retentions.map((r, index) =>
            index === k ? Math.min(0.999, Number(r) + up / 1000).toFixed(3) : r,
          );
          const before = currentValue({ margin, retention: retentions, discountRate: d, horizon: h, timing: t }).value;
          const after = currentValue({ margin, retention: raised, discountRate: d, horizon: h, timing: t }).value;
          expect(after.gte(before)).toBe(true);
        },
      ),
    );
  });

  it('NPV is antitone in the discount rate (non-negative margins): a higher rate never raises the value', () => {
    fc.assert(
      fc.property(
        series(amount),
        series(retentionBelowOne),
        discountRate,
        fc.integer({ min: 1, max: 500 }),
        horizon,
        timing,
        (margin, retention, d, up, h, t) => {
          const higher = (Number(d) + up / 1000).toFixed(3);
          const before = currentValue({ margin, retention, discountRate: d, horizon: h, timing: t }).value;
          const after = currentValue({ margin, retention, discountRate: higher, horizon: h, timing: t }).value;
          expect(after.lte(before)).toBe(true);
        },
      ),
    );
  });

  it('the constant perpetuity equals m·r/(1+d−r) (end) and m·(1+d)/(1+d−r) (start)', () => {
    fc.assert(
      fc.property(amount, retentionBelowOne, discountRate, (m, r, d) => {
        const end = currentValue({ margin: m, retention: r, discountRate: d }).value;
        const start = currentValue({ margin: m, retention: r, discountRate: d, timing: 'start' }).value;
        // the same formula in the library's own 40-digit context: equal to the last digit
        const one = new ExactDecimal(1);
        expect(end.eq(new ExactDecimal(m).times(r).div(one.plus(d).minus(r)))).toBe(true);
        // start timing is computed as m/(1 − r/(1+d)) so that it stays monotone: equal up to rounding
        expect(
          start
            .minus(new ExactDecimal(m).times(one.plus(d)).div(one.plus(d).minus(r)))
            .abs()
            .lte(start.abs().times('1e-38')),
        ).toBe(true);
      }),
    );
  });

  it('the series form converges to the closed form: the gap after H periods is the closed form × (r/(1+d))^H', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999 }).map((c) => (c / 100).toFixed(2)),
        fc.integer({ min: 1, max: 950 }).map((p) => (p / 1000).toString()),
        fc.integer({ min: 1, max: 300 }).map((p) => (p / 1000).toString()),
        fc.integer({ min: 1, max: 120 }),
        (m, r, d, h) => {
          const closed = currentValue({ margin: m, retention: r, discountRate: d }).value;
          const explicit = currentValue({
            margin: Array.from({ length: h }, () => m),
            retention: Array.from({ length: h }, () => r),
            discountRate: d,
            horizon: h,
          }).value;
          const q = new ExactDecimal(r).div(new ExactDecimal(d).plus(1));
          const gap = closed.minus(explicit);
          expect(gap.gte(0) || gap.abs().lt('1e-30')).toBe(true);
          expect(
            gap
              .minus(closed.times(q.pow(h)))
              .abs()
              .lte(closed.abs().times('1e-34').plus('1e-34')),
          ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('start timing is end timing plus this period’s margin (constant perpetuity)', () => {
    fc.assert(
      fc.property(
        amount,
        probability.filter((r) => r !== '1'),
        discountRate,
        (m, r, d) => {
          const end = currentValue({ margin: m, retention: r, discountRate: d }).value;
          const start = currentValue({ margin: m, retention: r, discountRate: d, timing: 'start' }).value;
          expect(start.minus(end).minus(m).abs().lt('1e-30')).toBe(true);
        },
      ),
    );
  });
});
