import { describe, expect, it } from 'vitest';
import { populationStability, characteristicStability, ValidationError } from '../../src/outcomes/index.js';
import { potentialValueModel, score } from '../../src/scoring/index.js';

describe('populationStability', () => {
  it('gives PSI 0.228217 for shares (.25, .25, .25, .25) against (.10, .20, .30, .40) (issue 15 reference)', () => {
    // by hand: (.10−.25)ln(.4) + (.20−.25)ln(.8) + (.30−.25)ln(1.2) + (.40−.25)ln(1.6) = 0.2282166…
    const result = populationStability([25, 25, 25, 25], [10, 20, 30, 40]);
    expect(result.total.toFixed(6)).toBe('0.228217');
    expect(result.bins).toHaveLength(4);
    expect(result.bins[0]!.contribution.toFixed(6)).toBe((-0.15 * Math.log(0.4)).toFixed(6));
    expect(result.reading).toBe('minor change');
    expect(result.readingSource).toMatch(/Siddiqi/);
  });

  it('takes shares as well as counts (only proportions matter)', () => {
    expect(populationStability(['.25', '.25', '.25', '.25'], ['.10', '.20', '.30', '.40']).total.toFixed(6)).toBe(
      '0.228217',
    );
  });

  it('reads < 0.1 as no change, 0.1 to 0.25 as minor and > 0.25 as major', () => {
    expect(populationStability([50, 50], [50, 50]).reading).toBe('no change');
    expect(populationStability([50, 50], [20, 80]).reading).toBe('major change'); // 0.3·ln 4 = 0.416
  });

  it('replaces an empty share by epsilon, flags the bin, and never returns infinity', () => {
    const result = populationStability([10, 10, 0], [10, 5, 5]);
    expect(result.total.isFinite()).toBe(true);
    expect(result.bins[2]!.adjusted).toBe(true);
    expect(result.emptyBins).toMatchObject({ policy: 'epsilon', adjusted: 1 });
    expect(() => populationStability([10, 10, 0], [10, 5, 5], { emptyBins: 'error' })).toThrow(/bins\[2\]/);
  });

  it('bins grades in order of first appearance', () => {
    const result = populationStability(
      ['A', 'B', 'B', 'C'],
      [{ grade: 'B' }, { grade: 'A' }, { grade: 'C' }, { grade: 'C' }],
      { bins: 'grades' },
    );
    expect(result.bins.map((bin) => [bin.bin, bin.expectedCount.toNumber(), bin.actualCount.toNumber()])).toEqual([
      ['A', 1, 1],
      ['B', 2, 1],
      ['C', 1, 2],
    ]);
  });

  it('bins scores at the quantiles of the reference population', () => {
    const reference = Array.from({ length: 100 }, (_, i) => i);
    const result = populationStability(
      reference,
      reference.map((x) => x + 0.5),
      { bins: { quantiles: 4 } },
    );
    expect(result.edges!.map(String)).toEqual(['25', '50', '75']);
    expect(result.bins.map((bin) => bin.expectedCount.toNumber())).toEqual([25, 25, 25, 25]);
    expect(populationStability(reference, reference, { bins: { quantiles: 10 } }).total.toString()).toBe('0');
  });

  it('bins scores at given edges, reading decimal strings exactly', () => {
    const result = populationStability(['0.1', '0.2', '0.3'], ['0.3', '0.3', '0.2'], { bins: { edges: ['0.2'] } });
    expect(result.bins.map((bin) => bin.actualCount.toNumber())).toEqual([0, 3]);
  });

  it('rejects negative counts, mismatched lengths and empty sides with a path', () => {
    expect(() => populationStability([1, -1], [1, 1])).toThrow(/expected\[1\]/);
    expect(() => populationStability([1, 1], [1])).toThrow(ValidationError);
    expect(() => populationStability([0, 0], [1, 1])).toThrow(/at least one account/);
  });
});

describe('characteristicStability', () => {
  const ratings = (tenure: number, assetSize = 10) =>
    Object.fromEntries(
      potentialValueModel.factorIds.map((id) => [id, id === 'tenure' ? tenure : id === 'assetSize' ? assetSize : 1]),
    );
  it('finds the factor whose ratings drifted and the points it moved the mean score', () => {
    const before = [1, 1, 2, 2].map((tenure) => score(potentialValueModel, ratings(tenure)));
    const after = [2, 2, 2, 3].map((tenure) => score(potentialValueModel, ratings(tenure)));
    const result = characteristicStability(before, JSON.parse(JSON.stringify(after)) as unknown[]);
    expect(result.drifted).toEqual(['tenure']);
    const tenure = result.factors.find((factor) => factor.id === 'tenure')!;
    const meanTotal = (list: typeof before) =>
      list.reduce((sum, r) => sum.plus(r.total), before[0]!.total.minus(before[0]!.total)).div(list.length);
    expect(tenure.contributionShift.toString()).toBe(meanTotal(after).minus(meanTotal(before)).toString());
  });
});
