/**
 * A result of the integer path is a record like any other score result: the same own keys in the
 * same order as the exact path's, its lines built once on first read, readable when frozen,
 * spread, rounded and displayed.
 */
import { describe, expect, it } from 'vitest';
import { defineGradeBands, defineScorecard, potentialValueModel, roundForDisplay, score } from '../../src/index.js';
import { fastPlanOf } from '../../src/scoring/scorecard/core.js';
import { resolveModel } from '../../src/scoring/scorecard/resolve.js';

const ratings = Object.fromEntries(potentialValueModel.factors.map((factor, index) => [factor.id, index % 2 ? 2 : 1]));
// the same ratings as strings take the exact rational path
const exactRatings = Object.fromEntries(Object.entries(ratings).map(([id, value]) => [id, String(value)]));
const JUPYTER = Symbol.for('Jupyter.display');

describe('fast score results', () => {
  it('have the exact result’s own keys in its order, the lines as enumerable getters', () => {
    const fast = score(potentialValueModel, ratings);
    const exact = score(potentialValueModel, exactRatings);
    expect(Reflect.ownKeys(fast)).toEqual(Reflect.ownKeys(exact));
    const descriptor = Object.getOwnPropertyDescriptor(fast, 'factors');
    expect(descriptor?.enumerable).toBe(true);
    expect(typeof descriptor?.get).toBe('function');
    expect(fast.grade).toBe(exact.grade);
  });

  it('build each line list once and keep it', () => {
    const fast = score(potentialValueModel, ratings);
    expect(fast.factors).toBe(fast.factors);
    expect(fast.categories).toBe(fast.categories);
    expect(fast.factors.map((line) => line.id)).toEqual(potentialValueModel.factorIds);
  });

  it('explain themselves when frozen, spread or rounded, with the exact result’s values', () => {
    const exactJson = JSON.stringify(score(potentialValueModel, exactRatings).factors.map((line) => line.contribution));
    const frozen = Object.freeze(score(potentialValueModel, ratings));
    expect(JSON.stringify(frozen.factors.map((line) => line.contribution))).toBe(exactJson);
    const spread = { ...score(potentialValueModel, ratings) };
    expect(Object.getOwnPropertyDescriptor(spread, 'factors')?.value).toHaveLength(potentialValueModel.factors.length);
    const shown = roundForDisplay(score(potentialValueModel, ratings), { decimals: 1 });
    expect(Object.keys(shown)).toEqual(Object.keys(score(potentialValueModel, exactRatings)));
    expect(typeof (shown as unknown as Record<symbol, unknown>)[JUPYTER]).toBe('function');
  });

  it('carry the notebook display of every score result', () => {
    const fast = score(potentialValueModel, ratings) as unknown as Record<symbol, () => { 'text/plain': string }>;
    const exact = score(potentialValueModel, exactRatings) as unknown as Record<symbol, () => { 'text/plain': string }>;
    expect(fast[JUPYTER]!()['text/plain']).toBe(exact[JUPYTER]!()['text/plain']);
  });
});

const labels = (text: string) => ({ en: text });

/** A two-factor model: `x` in [low, low + span], `y` in [0, 10], one category each, equal weights. */
function twoFactors(low: number, span: number, normalisation: 'ratio' | 'minmax') {
  return defineScorecard({
    id: `two-${low}-${span}`,
    normalisation,
    categories: [
      {
        id: 'a',
        labels: labels('a'),
        weight: '0.5',
        factors: [{ id: 'x', labels: labels('x'), min: low, max: low + span }],
      },
      { id: 'b', labels: labels('b'), weight: '0.5', factors: [{ id: 'y', labels: labels('y'), min: 0, max: 10 }] },
    ],
  });
}

/** A result's JSON with each factor's `raw` as a string (the one field the input's type shows in). */
function plain(result: unknown): { factors?: { raw: unknown }[] } {
  const copy = JSON.parse(JSON.stringify(result)) as { factors?: { raw: unknown }[] };
  for (const factor of copy.factors ?? []) factor.raw = String(factor.raw);
  return copy;
}

/** The full result and the summary against the exact rational path's (the ratings as strings). */
function expectExact(model: ReturnType<typeof twoFactors>, ratings: { x: number; y: number }, bands?: object) {
  const options = (bands === undefined ? {} : { bands }) as never;
  const exact = plain(score(model, { x: String(ratings.x), y: String(ratings.y) }, options));
  expect(plain(score(model, ratings, options))).toEqual(exact);
  const { categories, factors, ...summary } = exact as Record<string, unknown>;
  expect([categories, factors].every(Array.isArray)).toBe(true);
  expect(plain(score(model, ratings, { ...(options as object), explain: false } as never))).toEqual(summary);
}

describe('the integer path’s running numerator and outcome table', () => {
  it('sums the numerator after reading when a running sum could leave the safe integers', () => {
    // under minmax the numerator stays small (ratings less their minimum), the running sum would not
    const far = twoFactors(1e9, 1, 'minmax');
    expect(fastPlanOf(resolveModel(far).core, 'minmax')?.fused).toBe(false);
    const near = twoFactors(0, 10, 'minmax');
    expect(fastPlanOf(resolveModel(near).core, 'minmax')?.fused).toBe(true);
    for (const [x, y] of [
      [1e9, 0],
      [1e9 + 0.5, 7],
      [1e9 + 1, 10],
      [1e9 + 0.000001, 3.25],
    ] as const)
      expectExact(far, { x, y });
    expectExact(near, { x: 2.5, y: 7 });
  });

  it('gives each of more distinct totals than the table has slots its own outcome', () => {
    const model = twoFactors(0, 100_000, 'ratio');
    const bands = defineGradeBands({
      id: 'thirds',
      bands: [
        { id: 'A', labels: labels('A'), interval: '[75, 100]' },
        { id: 'B', labels: labels('B'), interval: '[50, 75)' },
        { id: 'C', labels: labels('C'), interval: '[0, 50)' },
      ],
    });
    // 10,000 totals twice over, in two orders: a slot shared by two numerators must never answer for the other
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 10_000; i++) {
        const x = round === 0 ? i * 7 : 99_999 - i * 9;
        const ratings = { x, y: i % 11 };
        const result = score(model, ratings, { bands, explain: false });
        const exact = score(model, { x: String(x), y: String(i % 11) }, { bands });
        if (result.total.toString() !== exact.total.toString() || result.grade !== exact.grade)
          expect({ x, total: result.total.toString(), grade: result.grade }).toEqual({
            x,
            total: exact.total.toString(),
            grade: exact.grade,
          });
        if (i % 997 === 0) expectExact(model, ratings, bands);
      }
  });

  it('shares each numerator’s bounds and next grade between results, frozen as the exact path’s are', () => {
    const a = score(potentialValueModel, ratings);
    const b = score(potentialValueModel, { ...ratings });
    expect(a.bounds).toBe(b.bounds);
    const exact = score(potentialValueModel, exactRatings);
    expect(a.nextGrade).not.toBeNull();
    for (const result of [a, exact]) {
      expect(Object.isFrozen(result.bounds)).toBe(true);
      expect(Object.isFrozen(result.nextGrade)).toBe(true);
    }
    const incomplete = score(potentialValueModel, { tenure: 3 }, { missing: 'exclude' });
    expect(Object.isFrozen(incomplete.bounds)).toBe(true);
  });
});
