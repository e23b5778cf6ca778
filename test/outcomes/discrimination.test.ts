import { describe, expect, it } from 'vitest';
import { Decimal } from 'decimal.js';
import { discrimination, ValidationError } from '../../src/outcomes/index.js';

// Reference numbers from issue 15 (a textbook five-account example): scores (0.7, 0.9, 0.5, 0.6,
// 0.3) with outcomes (1, 1, 1, 0, 0). Of the 3 × 2 event/non-event pairs, 5 are ordered right:
// AUC 5/6, Gini 2·5/6 − 1 = 2/3; the cumulative event share at 0.7 is 2/3 against 0 non-events.
const scores = [0.7, 0.9, 0.5, 0.6, 0.3];
const outcomes = [1, 1, 1, 0, 0];

describe('discrimination', () => {
  it('gives AUC 5/6, Gini 2/3 and KS 2/3 (reached at 0.7) on the reference example', () => {
    const result = discrimination(scores, outcomes);
    expect(result.exact).toEqual({ auc: '5/6', gini: '2/3', ks: '2/3' });
    expect(result.auc).toBeCloseTo(5 / 6, 15);
    expect(result.gini).toBeCloseTo(2 / 3, 15);
    expect(result.ks).toBeCloseTo(2 / 3, 15);
    expect(result.ksScore.toString()).toBe('0.7');
    expect([result.n, result.events, result.nonEvents]).toEqual([5, 3, 2]);
  });

  it('reads numeric strings, Decimals, booleans and result objects the same as numbers', () => {
    const mixed = discrimination(
      ['0.7', new Decimal('0.9'), { total: '0.5' }, { risk: 0.6 }, 0.3],
      [true, true, 1, false, 0],
    );
    expect(mixed.exact).toEqual({ auc: '5/6', gini: '2/3', ks: '2/3' });
    expect(mixed.ksScore.toString()).toBe('0.7');
  });

  it('keeps decimals that binary floating point would merge apart', () => {
    // 0.1 + 0.2 and 0.3 are different decimals; as strings they must not tie
    const result = discrimination(['0.30000000000000001', '0.3'], [1, 0]);
    expect(result.exact.auc).toBe('1');
  });

  it('counts ties one half', () => {
    expect(discrimination([1, 1], [1, 0]).exact.auc).toBe('1/2');
    expect(discrimination([1, 1, 2], [1, 0, 1]).exact.auc).toBe('3/4');
  });

  it("reverses with riskier: 'lower'", () => {
    expect(discrimination(scores, outcomes, { riskier: 'lower' }).exact.auc).toBe('1/6');
  });

  it('builds a gains table whose counts and events add up, riskiest group first', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const labels = values.map((v) => (v % 3 === 0 || v > 80 ? 1 : 0));
    const result = discrimination(values, labels);
    expect(result.gains).toHaveLength(10);
    expect(result.gains.reduce((sum, row) => sum + row.count, 0)).toBe(100);
    expect(result.gains.reduce((sum, row) => sum + row.events, 0)).toBe(result.events);
    expect(result.gains[0]!.highest.toString()).toBe('99');
    expect(result.gains.at(-1)!.capture.toString()).toBe('1');
    expect(result.gains.at(-1)!.cumulativeLift.toString()).toBe('1');
  });

  it('uses given cut points for the rows, never splitting an interval', () => {
    const result = discrimination(scores, outcomes, { cuts: [0.5, 0.8] });
    expect(result.gains.map((row) => [row.lowest.toString(), row.highest.toString(), row.count, row.events])).toEqual([
      ['0.9', '0.9', 1, 1],
      ['0.5', '0.7', 3, 2],
      ['0.3', '0.3', 1, 0],
    ]);
  });

  it('never splits tied scores across rank groups', () => {
    // three groups of 6 close after 2 and 4 accounts: 3 and 2 fill the first; the four 1s then
    // start the second and stay together, so the third never opens
    const result = discrimination([1, 1, 1, 1, 2, 3], [1, 0, 1, 0, 1, 0], { groups: 3 });
    expect(result.gains.map((row) => row.count)).toEqual([2, 4]);
  });

  it('rejects mismatched lengths, bad scores and one-class outcomes with a path', () => {
    expect(() => discrimination([1, 2], [1])).toThrow(ValidationError);
    expect(() => discrimination([1, Number.NaN], [1, 0])).toThrow(/scores\[1\]/);
    expect(() => discrimination(['x', 1], [1, 0])).toThrow(/scores\[0\]/);
    expect(() => discrimination([1, 2], [1, 2])).toThrow(/outcomes\[1\]/);
    expect(() => discrimination([1, 2], [1, 1])).toThrow(/at least one event/);
    expect(() => discrimination([1, 2], [1, 0], { cuts: [2, 1] })).toThrow(/options\.cuts\[1\]/);
  });

  it('survives JSON: the result serialises with decimals as strings', () => {
    const json = JSON.parse(JSON.stringify(discrimination(scores, outcomes))) as {
      exact: unknown;
      decimal: { auc: string };
    };
    expect(json.exact).toEqual({ auc: '5/6', gini: '2/3', ks: '2/3' });
    expect(json.decimal.auc.startsWith('0.83333333')).toBe(true);
  });
});
