import { describe, expect, it } from 'vitest';
import { compareScores, overrideScore, ValidationError } from '../../src/outcomes/index.js';
import { defineScorecard, potentialValueModel, score } from '../../src/scoring/index.js';

const ratings = Object.fromEntries(potentialValueModel.factorIds.map((id) => [id, 1]));

describe('compareScores', () => {
  const before = score(potentialValueModel, ratings);
  const after = score(potentialValueModel, { ...ratings, assetSize: 15, tenure: 1.1 });

  it('attributes the change to the factors that moved, exactly', () => {
    const why = compareScores(before, after);
    expect(why.change.toString()).toBe(after.total.minus(before.total).toString());
    expect(why.factors.reduce((sum, factor) => sum.plus(factor.change), why.change.minus(why.change)).toString()).toBe(
      why.change.toString(),
    );
    expect(why.drivers).toEqual(['assetSize']); // tenure moved under the 0.5-point dead band
    expect(why.factors.find((f) => f.id === 'tenure')!.change.isZero()).toBe(false);
  });

  it('accepts results read back from JSON', () => {
    const why = compareScores(JSON.parse(JSON.stringify(before)), JSON.parse(JSON.stringify(after)));
    expect(why.change.toString()).toBe(compareScores(before, after).change.toString());
  });

  it('reports nothing inside the dead band unless the grade changes', () => {
    const tiny = compareScores(before, score(potentialValueModel, { ...ratings, tenure: 1.1 }));
    expect(tiny.changed).toBe(false);
    expect(compareScores(before, after, { deadBand: 0 }).drivers).toEqual(['assetSize', 'tenure']);
  });

  it('lists inputs that went missing and inputs that are stale', () => {
    const { tenure: _dropped, ...partial } = ratings;
    const missing = score(potentialValueModel, partial, { missing: 'min' });
    const why = compareScores(before, missing, {
      observedAt: { assetSize: '2025-01-01', tenure: '2026-10-01' },
      asOf: '2026-11-01',
      maxAgeDays: 365,
    });
    expect(why.missing).toEqual([{ id: 'tenure', newly: true }]);
    expect(why.stale).toEqual([{ id: 'assetSize', observedAt: '2025-01-01', ageDays: 669 }]);
  });

  it('refuses results of different models', () => {
    const other = defineScorecard({ ...potentialValueModel.toJSON(), version: '2' });
    expect(() => compareScores(before, score(other, ratings))).toThrow(/fingerprint/);
    expect(() => compareScores(before, { total: 1 })).toThrow(ValidationError);
  });
});

describe('overrideScore', () => {
  const override = { grade: 'A', reason: 'three-year framework deal', author: 'Li Na', expiresAt: '2027-03-31' };
  it('keeps the computed score beside an active override', () => {
    const result = overrideScore({ total: '62', grade: 'B' }, override, { asOf: '2026-11-01' });
    expect(result.active).toBe(true);
    expect(result.effective).toMatchObject({ grade: 'A', source: 'override' });
    expect(result.computed.grade).toBe('B');
    expect(result.effective.total.toString()).toBe('62');
  });

  it('stops applying on the expiry date', () => {
    const result = overrideScore({ total: '62', grade: 'B' }, { ...override, total: 85 }, { asOf: '2027-03-31' });
    expect(result.active).toBe(false);
    expect(result.effective).toMatchObject({ grade: 'B', source: 'computed' });
    expect(result.difference).toBeNull();
  });

  it('requires a reason, an author, an expiry and something to set', () => {
    expect(() => overrideScore({ total: 1 }, { ...override, reason: ' ' }, { asOf: '2026-11-01' })).toThrow(
      /override\.reason/,
    );
    expect(() =>
      overrideScore({ total: 1 }, { reason: 'r', author: 'a', expiresAt: '2027-01-01' }, { asOf: '2026-11-01' }),
    ).toThrow(/a total or a grade/);
    expect(() => overrideScore({ total: 1 }, { ...override, expiresAt: 'soon' }, { asOf: '2026-11-01' })).toThrow(
      /override\.expiresAt/,
    );
  });
});
