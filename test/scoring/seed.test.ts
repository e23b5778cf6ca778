/**
 * Example tests with the seed's own table: 客户潜在价值计算表 and 客户潜在价值划分标准
 * (seed 002_103b3d2fa11d0440.txt).
 */
import { describe, expect, it } from 'vitest';
import {
  fakeBigAccountModel,
  grade,
  keyAccountSelectionModel,
  potentialValueBands,
  potentialValueModel,
  score,
} from '../../src/scoring/index.js';

const SEED_TABLE = [
  [
    'credit',
    '客户信用度',
    '0.3',
    [
      ['tenure', '交往时间', 1, 5],
      ['creditRecord', '信用记录', 1, 10],
      ['latePayment', '延迟付款', 1, 10],
      ['missedAppointments', '爽约次数', 1, 5],
    ],
  ],
  [
    'loyalty',
    '客户忠诚度',
    '0.2',
    [
      ['productVariety', '总购买品种', 1, 2.5],
      ['purchaseCount', '总购买次数', 1, 2.5],
      ['purchaseFrequency', '总购买频率', 1, 2.5],
      ['competitorPurchase', '是否购买竞争对手产品', 1, 7.5],
      ['competitorFrequency', '购买竞争对手产品频率', 1, 5],
    ],
  ],
  [
    'influence',
    '客户目标市场的影响力',
    '0.5',
    [
      ['assetSize', '资产规模', 1, 20],
      ['industry', '所属行业', 1, 10],
      ['marketPosition', '市场地位', 1, 10],
      ['peerUserBase', '周围同类产品用户群规模', 1, 10],
    ],
  ],
] as const;

const ids = SEED_TABLE.flatMap(([, , , factors]) => factors.map(([id]) => id));
const ratingsOf = (values: readonly number[]) => Object.fromEntries(ids.map((id, index) => [id, values[index]!]));

describe('potentialValueModel reproduces seed 002', () => {
  it('has exactly the seed table: ids, zh-CN labels, weights, minima and maxima', () => {
    expect(potentialValueModel.id).toBe('potential-value');
    expect(potentialValueModel.categories.map((category) => category.id)).toEqual(['credit', 'loyalty', 'influence']);
    SEED_TABLE.forEach(([id, zh, weight, factors], c) => {
      const category = potentialValueModel.categories[c]!;
      expect(category.id).toBe(id);
      expect(category.labels['zh-CN']).toBe(zh);
      expect(category.weight.toString()).toBe(weight);
      expect(category.factorIds).toEqual(factors.map(([factorId]) => factorId));
      for (const [factorId, factorZh, min, max] of factors) {
        const factor = potentialValueModel.factors.find((candidate) => candidate.id === factorId)!;
        expect(factor.labels['zh-CN']).toBe(factorZh);
        expect(factor.labels.en.length).toBeGreaterThan(0);
        expect(factor.min.toNumber()).toBe(min);
        expect(factor.max.toNumber()).toBe(max);
      }
    });
  });

  it('has category maxima 30 / 20 / 50, the weights × 100', () => {
    expect(potentialValueModel.categories.map((category) => category.maxSum.toString())).toEqual(['30', '20', '50']);
  });

  it('totals the plain sum of the 13 ratings (the seed 总分合计 column)', () => {
    const values = [4, 8, 9, 4, 2, 2, 2.5, 6, 4, 15, 8, 7, 8.5];
    const result = score(potentialValueModel, ratingsOf(values));
    expect(result.total.toString()).toBe('80');
    expect(result.categories.map((category) => category.contribution.toString())).toEqual(['25', '16.5', '38.5']);
    expect(result.factors.map((factor) => factor.contribution.toString())).toEqual(values.map(String));
    expect(result.grade).toBe('A');
  });

  it('scores every rating at its maximum as 100 and at its minimum as 13', () => {
    expect(
      score(
        potentialValueModel,
        ratingsOf(SEED_TABLE.flatMap(([, , , f]) => f.map(([, , , max]) => max))),
      ).total.toString(),
    ).toBe('100');
    expect(score(potentialValueModel, ratingsOf(ids.map(() => 1))).total.toString()).toBe('13');
  });

  it('grades with the seed bands: A ≥ 80, B 60–80, C 40–60, D ≤ 40', () => {
    expect(potentialValueBands.bands.map((band) => [band.id, band.labels['zh-CN'], band.interval.text])).toEqual([
      ['A', '潜在价值高', '[80, 100]'],
      ['B', '潜在价值较高', '[60, 80)'],
      ['C', '潜在价值一般', '(40, 60)'],
      ['D', '潜在价值差', '[0, 40]'],
    ]);
    const cases: [string, string][] = [
      ['100', 'A'],
      ['80', 'A'],
      ['79.999999', 'B'],
      ['60', 'B'],
      ['59.9', 'C'],
      ['40.000001', 'C'],
      ['40', 'D'],
      ['0', 'D'],
    ];
    for (const [total, expected] of cases) expect(grade(total, potentialValueBands), total).toBe(expected);
  });

  it.each([
    // ratings (0.1 grid, within range) whose decimal sum is exactly the edge while the float sum is not
    [80, 'A', [3.0, 9.1, 8.9, 4.8, 1.7, 1.4, 2.2, 6.2, 1.3, 18.8, 5.1, 9.9, 7.6]],
    [60, 'B', [4.7, 7.0, 6.6, 4.8, 1.9, 2.0, 2.1, 6.7, 1.5, 2.3, 5.4, 5.4, 9.6]],
    [40, 'D', [1.7, 2.6, 2.3, 2.0, 1.8, 1.4, 2.2, 4.6, 4.5, 1.8, 2.6, 4.9, 7.6]],
  ])('a total of exactly %i in decimal (not in floating point) is grade %s', (edge, expected, values) => {
    const floatSum = values.reduce((sum, value) => sum + value, 0);
    expect(floatSum).not.toBe(edge); // the trap: a float implementation gets the wrong grade
    const result = score(potentialValueModel, ratingsOf(values));
    expect(result.total.toString()).toBe(String(edge));
    expect(result.grade).toBe(expected);
    // the same ratings as strings take the exact rational path: same answer
    const viaStrings = score(
      potentialValueModel,
      Object.fromEntries(Object.entries(ratingsOf(values)).map(([k, v]) => [k, v.toFixed(1)])),
    );
    expect(viaStrings.total.toString()).toBe(String(edge));
    expect(viaStrings.grade).toBe(expected);
  });

  it('says how far a total is from the next grade up, with the edge closure', () => {
    const values = [4, 8, 9, 4, 2, 2, 2.5, 6, 4, 15, 8, 7, 8.4];
    const result = score(potentialValueModel, ratingsOf(values));
    expect(result.total.toString()).toBe('79.9');
    expect(result.grade).toBe('B');
    expect(result.nextGrade).toMatchObject({ grade: 'A', edgeInclusive: true });
    expect(result.pointsToNextGrade?.toString()).toBe('0.1');
    // at exactly 40 (grade D), C starts just above 40: zero points, exclusive edge
    const forty = score(
      potentialValueModel,
      ratingsOf([1.7, 2.6, 2.3, 2.0, 1.8, 1.4, 2.2, 4.6, 4.5, 1.8, 2.6, 4.9, 7.6]),
    );
    expect(forty.nextGrade).toMatchObject({ grade: 'C', edgeInclusive: false });
    expect(forty.pointsToNextGrade?.toString()).toBe('0');
    expect(
      score(potentialValueModel, ratingsOf([5, 10, 10, 5, 2.5, 2.5, 2.5, 7.5, 5, 20, 10, 10, 10])).nextGrade,
    ).toBeNull();
  });

  it('names the model and its fingerprint in every result', () => {
    const result = score(potentialValueModel, ratingsOf(ids.map(() => 2)));
    expect(result.model).toEqual({
      id: 'potential-value',
      version: '1.0.0',
      fingerprint: potentialValueModel.fingerprint,
    });
    expect(result.model.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(result.bands?.id).toBe('potential-value-grades');
  });
});

describe('keyAccountSelectionModel (seed 003, 第5篇 and 第7篇)', () => {
  it('covers the seed criteria with weights summing to 1', () => {
    expect(keyAccountSelectionModel.factorIds).toEqual([
      'purchaseVolume',
      'highMarginVolume',
      'purchaseConcentration',
      'serviceLevelFit',
      'priceInsensitivity',
      'partnershipIntent',
      'shareOfWallet',
      'profitContribution',
    ]);
    expect(keyAccountSelectionModel.categories.map((category) => category.weight.toString())).toEqual([
      '0.4',
      '0.3',
      '0.3',
    ]);
    for (const factor of keyAccountSelectionModel.factors) expect(factor.labels['zh-CN'].length).toBeGreaterThan(0);
  });

  it('weighs categories, not factor counts: all 10s in volume alone give 40 + the rest', () => {
    const ratings = Object.fromEntries(keyAccountSelectionModel.factorIds.map((id) => [id, 1]));
    const result = score(keyAccountSelectionModel, {
      ...ratings,
      purchaseVolume: 10,
      highMarginVolume: 10,
      purchaseConcentration: 10,
    });
    // volume 40 + relationship 0.3×100×3/30 + contribution 0.3×100×2/20
    expect(result.total.toString()).toBe('46');
    expect(result.grade).toBe('C');
  });
});

describe('keyAccountSelectionModel reads the right way round in Chinese (seed 003_898f4cf2b365eafa.txt)', () => {
  it(
    'priceInsensitivity is labelled as INsensitivity, since a higher rating is better ("客户对价格的敏感度" is the seed ' +
      'criterion, rated reversed)',
    () => {
      const factor = keyAccountSelectionModel.factors.find((candidate) => candidate.id === 'priceInsensitivity')!;
      // the seed's own words would make a Chinese user rate a sensitive client high: the label must say 不敏感
      expect(factor.labels['zh-CN']).not.toBe('对价格的敏感度');
      expect(factor.labels['zh-CN']).toContain('不敏感');
      const sensitive = score(keyAccountSelectionModel, {
        ...Object.fromEntries(keyAccountSelectionModel.factors.map((f) => [f.id, 5])),
        priceInsensitivity: 1,
      });
      const insensitive = score(keyAccountSelectionModel, {
        ...Object.fromEntries(keyAccountSelectionModel.factors.map((f) => [f.id, 5])),
        priceInsensitivity: 10,
      });
      expect(insensitive.total.gt(sensitive.total)).toBe(true);
    },
  );
});

describe('fakeBigAccountModel (seed 003_898f4cf2b365eafa.txt, 识别“大户”与“假大户”)', () => {
  const all = (value: number) => Object.fromEntries(fakeBigAccountModel.factorIds.map((id) => [id, value]));
  it('a dealer whose "本埠市场小、终端客户网络小,终端卖场陈列差" and who dumps prices (窜货砸价) grades low, whatever its volume', () => {
    const fake = score(fakeBigAccountModel, {
      ...all(8),
      homeMarket: 2,
      terminalNetwork: 2,
      shelfDisplay: 2,
      priceDiscipline: 1,
      shareOfCategory: 3,
    });
    const genuine = score(fakeBigAccountModel, {
      ...all(8),
      homeMarket: 9,
      terminalNetwork: 9,
      shelfDisplay: 8,
      priceDiscipline: 10,
      shareOfCategory: 8,
    });
    expect(['C', 'D']).toContain(fake.grade);
    expect(['A', 'B']).toContain(genuine.grade);
    expect(genuine.total.gt(fake.total)).toBe(true);
  });

  it('volume is not a factor: size today is not value (seed 001), and every factor rises with genuineness', () => {
    expect(fakeBigAccountModel.factorIds).not.toContain('purchaseVolume');
    for (const id of fakeBigAccountModel.factorIds) {
      expect(
        score(fakeBigAccountModel, { ...all(5), [id]: 10 }).total.gt(
          score(fakeBigAccountModel, { ...all(5), [id]: 1 }).total,
        ),
      ).toBe(true);
    }
    expect(fakeBigAccountModel.factors.find((factor) => factor.id === 'priceDiscipline')!.labels['zh-CN']).toContain(
      '窜货砸价',
    );
  });
});
