/**
 * assessPortfolio's fast paths against the exact reference. A common record (ratings that are
 * plain numbers in range with at most six decimals, a single numeric margin under the default
 * perpetuity) is scored on integers from the scorecard's plan and valued with the closed form's
 * divisor computed once; every other record goes through the full scorer and `expectedNpv`. The
 * same record written with decimal strings always takes the full path, so the two must agree to
 * the byte, whatever the values: many decimals, huge and tiny amounts, ties, bad records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defineScorecard,
  potentialValueBands,
  potentialValueModel,
  score,
  type Scorecard,
} from '../../src/scoring/index.js';
import { assessPortfolio, quantileValueGrader, type AssessPortfolioOptions } from '../../src/value/index.js';
import { fastPotentialScorer } from '../../src/value/internal/fastPotential.js';
import { perpetuityValuer } from '../../src/value/internal/perpetuity.js';
import { ExactDecimal } from '../../src/shared/numeric.js';

/** A rating of one factor: on its half-point grid mostly, and every awkward number besides. */
function ratingOf(min: number, max: number): fc.Arbitrary<unknown> {
  const steps = (max - min) * 2;
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: steps }).map((step) => min + step / 2) },
    { weight: 1, arbitrary: fc.double({ min, max, noNaN: true }) },
    { weight: 1, arbitrary: fc.integer({ min: min * 1e6, max: max * 1e6 }).map((micro) => micro / 1e6) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        -0,
        min - 0.5,
        min - 1e-6,
        max + 0.5,
        max + 1e-6,
        max + 1e-7,
        1e300,
        5e-324,
        Number.NaN,
        Infinity,
        '3',
        null,
        true,
      ),
    },
  );
}

const factors = potentialValueModel.factors.map((factor) => ({
  id: factor.id,
  rating: ratingOf(factor.min.toNumber(), factor.max.toNumber()),
}));

/** Ratings of the potential-value model, sometimes with a key missing or an unknown key. */
const ratings = fc
  .tuple(fc.tuple(...factors.map((factor) => factor.rating)), fc.nat({ max: 40 }))
  .map(([values, twist]) => {
    const out: Record<string, unknown> = {};
    factors.forEach((factor, index) => (out[factor.id] = values[index]));
    if (twist === 1) delete out[factors[0]!.id];
    if (twist === 2) out.unknownFactor = 1;
    return out;
  });

/** A margin: cents mostly, then many decimals, huge, tiny, negative, zero, or no number at all. */
const margin = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -200_000, max: 40_000_000 }).map((cents) => cents / 100) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e9, noNaN: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -0, 1e21, 9.999999999999999e307, 1e-300, 5e-324, 1234.567890123456, 'n/a'),
  },
);

/** The same value as a decimal string, which only the full paths read. */
const asString = (value: unknown): unknown =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : value;

const slowly = (record: { ratings: Record<string, unknown>; margin: unknown }) => ({
  ...record,
  ratings: Object.fromEntries(Object.entries(record.ratings).map(([key, value]) => [key, asString(value)])),
  margin: asString(record.margin),
});

/** Results and summary as JSON, and each error's index and issue paths and codes. */
function comparable(assessment: ReturnType<typeof assessPortfolio>) {
  return {
    results: JSON.stringify(assessment.results),
    summary: JSON.stringify(assessment.summary),
    errors: assessment.errors.map((error) => ({
      index: error.index,
      id: error.id,
      issues: error.issues.map((issue) => `${issue.path}:${issue.code}`),
    })),
  };
}

const optionSets: AssessPortfolioOptions[] = [
  { valuation: { retention: 0.85, discountRate: 0.08 } },
  { valuation: { retention: '0.999999', discountRate: '0.000001' }, currentGrader: quantileValueGrader },
  { valuation: { retention: 0, discountRate: 0.1 } },
  { valuation: { retention: 1, discountRate: 0 } },
  { valuation: { retention: 0.7, discountRate: 0.1, timing: 'start' } },
  { valuation: { retention: 0.7, discountRate: 0.1, horizon: 3 }, scoreOptions: { clamp: true } },
  { valuation: { retention: 0.9, discountRate: 0.05 }, scoreOptions: { normalisation: 'minmax', missing: 'min' } },
];

describe('assessPortfolio fast paths', () => {
  it('give the same results, summary and errors as the full scorer and NPV on the same records as strings', () => {
    const record = fc.record({ id: fc.string({ maxLength: 4 }), ratings, margin });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 40 }),
        fc.nat({ max: optionSets.length - 1 }),
        fc.nat({ max: 3 }),
        (records, which, copies) => {
          // repeated records make ties in every sort, grade and Pareto walk
          const portfolio = [...records, ...records.slice(0, copies * 3)];
          const options = optionSets[which]!;
          expect(comparable(assessPortfolio(portfolio, options))).toEqual(
            comparable(assessPortfolio(portfolio.map(slowly), options)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the fast scorer gives score's total and grade, or defers to it", () => {
    fc.assert(
      fc.property(ratings, (given) => {
        const fast = fastPotentialScorer(potentialValueModel, {})!;
        const quick = fast(given);
        let exact: { total: string; grade: string | null } | null = null;
        try {
          const result = score(potentialValueModel, given as never);
          exact = { total: result.total.toJSON(), grade: result.grade };
        } catch {
          exact = null;
        }
        if (quick !== null) expect({ total: quick.total.toJSON(), grade: quick.grade }).toEqual(exact);
      }),
      { numRuns: 500 },
    );
  });

  it('takes every common record (plain numbers in range, at most six decimals) and no other', () => {
    const fast = fastPotentialScorer(potentialValueModel, {})!;
    const top = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max.toNumber()]));
    const first = potentialValueModel.factors[0]!.id;
    expect(fast(top)?.total.toJSON()).toBe('100');
    expect(fast({ ...top, [first]: 1.0000001 })).toBeNull();
    expect(fast({ ...top, [first]: String(top[first]) })).toBeNull();
    expect(fast({ ...top, extra: 1 })).toBeNull();
    expect(fast(Object.create(top) as object)).toBeNull();
  });

  it('reads the ratings in any key order, with inherited keys ignored, as the full scorer does', () => {
    const fast = fastPotentialScorer(potentialValueModel, {})!;
    fc.assert(
      fc.property(ratings, fc.infiniteStream(fc.nat()), fc.boolean(), (given, randoms, inherit) => {
        const entries = Object.entries(given);
        const order = entries.map((entry) => ({ entry, key: randoms.next().value as number }));
        order.sort((a, b) => a.key - b.key);
        const prototype = inherit ? { [entries[0]?.[0] ?? 'x']: 1, unknownFactor: 2 } : Object.prototype;
        const shuffled = Object.assign(
          Object.create(prototype) as object,
          Object.fromEntries(order.map((o) => o.entry)),
        );
        const inOrder = fast(given);
        const reordered = fast(shuffled);
        expect(reordered === null ? null : [reordered.total.toJSON(), reordered.grade]).toEqual(
          inOrder === null ? null : [inOrder.total.toJSON(), inOrder.grade],
        );
      }),
      { numRuns: 500 },
    );
  });

  /** A one-factor model with potentialValueBands. */
  const oneFactor = (id: string, normalisation: 'ratio' | 'minmax', min: number, max: number) =>
    defineScorecard({
      id,
      version: '1',
      normalisation,
      grades: potentialValueBands,
      categories: [{ id: 'all', weight: '1', factors: [{ id: 'rating', min, max }] }],
    }) as Scorecard;

  it('is not used for models whose totals do not terminate or have no bands; minmax models use it', () => {
    expect(fastPotentialScorer(oneFactor('thirds', 'ratio', 0, 3), {})).toBeNull();
    expect(fastPotentialScorer(potentialValueModel, { bands: null })).toBeNull();
    const halves = oneFactor('halves', 'minmax', -3, 5);
    const fast = fastPotentialScorer(halves, {})!;
    for (const rating of [-3, -2.5, 0, 1.125, 5]) {
      expect(fast({ rating })?.total.toJSON()).toBe(score(halves, { rating }).total.toJSON());
      expect(fast({ rating })?.grade).toBe(score(halves, { rating }).grade);
    }
  });

  it('the integer perpetuity is decimal.js m.times(r).div(1 + d − r), ties to even included', () => {
    // divisors 2^-k·5^-j make long terminating quotients, so many fall exactly half-way at digit 41
    const divisor = fc.oneof(
      fc.constantFrom('0.2', '0.4', '0.5', '0.8', '0.25', '0.125', '0.23', '1', '0.000001'),
      fc.integer({ min: 1, max: 50 }).map((k) => new ExactDecimal(2).pow(-k).toFixed()),
    );
    const retention = fc.oneof(
      fc.constantFrom('0.85', '1', '0.5', '0.999999999999999999999999', '0.000000000000000000000001'),
      fc.bigInt({ min: 1n, max: 10n ** 24n - 1n }).map((n) => `0.${n.toString().padStart(24, '0')}`),
    );
    const margin = fc.oneof(
      fc.integer({ min: -(2 ** 50), max: 2 ** 50 }).map((micro) => micro / 1e6),
      fc.integer({ min: -1e9, max: 1e9 }).map((cents) => cents / 100),
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.constantFrom(0, -0, 1e-6, 999999999.999999, 1125899906.842624, 1e300),
    );
    fc.assert(
      fc.property(retention, divisor, margin, (r, v, m) => {
        const value = perpetuityValuer(new ExactDecimal(r), new ExactDecimal(v))!(m);
        const given = new ExactDecimal(m);
        const exact = given.isZero() ? '0' : given.times(r).div(v).toString();
        if (value !== null) expect(value.toString()).toBe(exact);
        else expect(Math.round(m * 1e6) / 1e6 !== m || Math.abs(m) > 2 ** 50 / 1e6).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
