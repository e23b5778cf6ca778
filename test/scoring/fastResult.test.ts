/**
 * A result of the integer path is a record like any other score result: the same own keys in the
 * same order as the exact path's, its lines built once on first read, readable when frozen,
 * spread, rounded and displayed.
 */
import { describe, expect, it } from 'vitest';
import { potentialValueModel, roundForDisplay, score } from '../../src/index.js';

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
