import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/index.js';
import { concentrationRisk, herfindahlIndex, pareto, paretoCurve, topShare } from '../../src/value/index.js';

/**
 * Seed 003 (第1篇, Sinopec Zhengzhou, 2012): 21 A-class accounts of 592 direct-sale buyers,
 * 3.55 % of the accounts, bought 40 % of the volume. A portfolio with exactly those proportions:
 * 21 accounts of 200 (4,200 = 40 % of 10,500), then 19 of 12 and 552 of 11 (6,300).
 */
const zhengzhou = [
  ...Array.from({ length: 21 }, () => 200),
  ...Array.from({ length: 19 }, () => 12),
  ...Array.from({ length: 552 }, () => 11),
];

describe('pareto (seeds 001 and 003)', () => {
  it('seed 003: 21 of 592 accounts (3.55 %) cover 40 % of the volume', () => {
    const result = pareto(zhengzhou, { targetShare: 0.4 });
    expect(result.count).toBe(21);
    expect(result.accounts).toBe(592);
    expect(result.accountShare.toDecimalPlaces(4).toString()).toBe('0.0355');
    expect(result.accountShare.times(592).toString()).toBe('21');
    expect(result.valueShare.toString()).toBe('0.4');
    expect(result.threshold.toString()).toBe('200');
  });

  it('the 20/80 question of seed 001', () => {
    const result = pareto([500, 200, 100, 100, 50, 50], { targetShare: 0.8 });
    expect(result.count).toBe(3);
    expect(result.accountShare.toString()).toBe('0.5');
    expect(result.valueShare.toString()).toBe('0.8');
    expect(result.members.map((member) => member.index)).toEqual([0, 1, 2]);
  });

  it('stops at the first account that reaches the target, and lists ids largest first', () => {
    const result = pareto(
      [
        { id: 'small', value: 1 },
        { id: 'big', value: 9 },
        { id: 'mid', value: 5 },
      ],
      { targetShare: 0.6 },
    );
    expect(result.count).toBe(1);
    expect(result.members.map((member) => member.id)).toEqual(['big']);
    expect(pareto([1, 9, 5], { targetShare: 0.61 }).count).toBe(2);
    expect(pareto([1, 9, 5], { targetShare: 1 }).count).toBe(3);
  });

  it('rejects bad input', () => {
    expect(() => pareto([], { targetShare: 0.8 })).toThrow(ValidationError);
    expect(() => pareto([0, 0], { targetShare: 0.8 })).toThrow(/positive total/);
    expect(() => pareto([1, -2], { targetShare: 0.8 })).toThrow(/values\[1\]/);
    expect(() => pareto([1, 2], { targetShare: 0 })).toThrow(/targetShare/);
    expect(() => pareto([1, 2], { targetShare: 1.01 })).toThrow(/targetShare/);
    expect(() => pareto([1, 'x'], { targetShare: 0.5 })).toThrow(/values\[1\]/);
  });
});

describe('paretoCurve and topShare', () => {
  it('sorted contributions with cumulative shares ending at exactly 1', () => {
    const curve = paretoCurve([
      { id: 'b', value: 1 },
      { id: 'a', value: 3 },
    ]);
    expect(
      curve.points.map(
        (point) => `${point.rank} ${point.id} ${point.share} ${point.cumulativeShare} ${point.accountShare}`,
      ),
    ).toEqual(['1 a 0.75 0.75 0.5', '2 b 0.25 1 1']);
    const seed = paretoCurve(zhengzhou).points;
    expect(seed[20]!.cumulativeShare.toString()).toBe('0.4');
    expect(seed[seed.length - 1]!.cumulativeShare.toString()).toBe('1');
    expect(paretoCurve([]).points).toEqual([]);
  });

  it('"the top x % of accounts give y %" and top-N shares', () => {
    expect(topShare([50, 20, 10, 10, 5, 5], { accountShare: 0.2 })).toMatchObject({ count: 2 });
    expect(topShare([50, 20, 10, 10, 5, 5], { accountShare: 0.2 }).valueShare.toString()).toBe('0.7');
    expect(topShare([50, 20, 10, 10, 5, 5], { count: 1 }).valueShare.toString()).toBe('0.5');
    expect(topShare([50, 20], { count: 10 }).count).toBe(2);
    // seed 003 read the other way: the top 3.55 % of 592 accounts (⌈21.016⌉ = 22) give a bit more than 40 %
    const seed = topShare(zhengzhou, { accountShare: '0.0355' });
    expect(seed.count).toBe(22);
    expect(seed.valueShare.toFixed(4)).toBe('0.4011');
    expect(() => topShare([1], { count: 0 })).toThrow(/options\.count/);
    expect(() => topShare([1], {} as never)).toThrow(/options/);
  });
});

describe('herfindahlIndex and concentrationRisk (seed 002: key-account revenue vs resilience)', () => {
  it('computes HHI in points', () => {
    expect(herfindahlIndex([60, 30, 10]).toString()).toBe('4600');
    expect(herfindahlIndex([1]).toString()).toBe('10000');
    expect(herfindahlIndex([{ id: 'x', value: 7 }]).toString()).toBe('10000');
    // 10,000 / 3 rounded once to 40 significant digits
    expect(herfindahlIndex([1, 1, 1]).toString()).toBe('3333.333333333333333333333333333333333333');
    expect(herfindahlIndex([0, 5, 0]).toString()).toBe('10000');
    expect(herfindahlIndex(zhengzhou).toFixed(2)).toBe('82.50');
  });

  it('bands by the 2010 and 2023 merger guidelines, edges included in the moderate band', () => {
    expect(concentrationRisk([40, 30, 20, 10]).band.id).toBe('high'); // 3000
    expect(concentrationRisk([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]).band.id).toBe('unconcentrated'); // 1000
    // 1000 is the 2023 lower edge
    expect(concentrationRisk([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], { bands: '2023' }).band.id).toBe('moderate');
    expect(concentrationRisk([1, 1, 1, 1]).band.id).toBe('moderate'); // 2500, the 2010 upper edge
    expect(concentrationRisk([1, 1, 1, 1], { bands: '2023' }).band.id).toBe('high');
    expect(concentrationRisk([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]).band.id).toBe('unconcentrated'); // 909.09…
    expect(concentrationRisk([50, 50, 50, 50]).hhi.toString()).toBe('2500');
  });

  it('reports equivalent accounts and top-N shares', () => {
    const risk = concentrationRisk([40, 30, 20, 10], { top: [1, 2, 10] });
    expect(risk.hhi.toString()).toBe('3000');
    expect(risk.equivalentAccounts.toFixed(4)).toBe('3.3333');
    expect(risk.topShares.map((share) => share.valueShare.toString())).toEqual(['0.4', '0.7', '1']);
    expect(risk.band.labels['zh-CN']).toMatch(/高度集中/);
  });

  it('rejects bad input', () => {
    expect(() => herfindahlIndex([])).toThrow(ValidationError);
    expect(() => herfindahlIndex([0])).toThrow(/positive total/);
    expect(() => concentrationRisk([1], { top: [0] })).toThrow(/options\.top\[0\]/);
    expect(() => concentrationRisk([1], { bands: '1992' as never })).toThrow(/options\.bands/);
  });
});
