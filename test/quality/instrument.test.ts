import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  defineInstrument,
  instrumentSchema,
  reverseItemScore,
  serviceQualityDimensionIds,
  serviceQualityInstrument,
  type InstrumentDefinition,
} from '../../src/index.js';

const minimal = (): InstrumentDefinition => ({
  id: 'pulse',
  version: '1',
  labels: { en: 'Pulse', 'zh-CN': '脉搏' },
  scale: { min: 1, max: 7 },
  dimensions: [
    {
      id: 'reliability',
      labels: { en: 'Reliability', 'zh-CN': '守信' },
      items: [
        { id: 'r1', text: { en: 'Keeps promises', 'zh-CN': '信守承诺' } },
        { id: 'r2', text: { en: 'Surprise charges', 'zh-CN': '意外收费' }, reverse: true },
      ],
    },
    {
      id: 'attitude',
      labels: { en: 'Attitude', 'zh-CN': '态度' },
      items: [
        {
          id: 'a1',
          text: { en: 'Courteous', 'zh-CN': '有礼貌' },
          expectation: { id: 'a1.e', text: { en: 'Excellent firms are courteous', 'zh-CN': '优秀公司有礼貌' } },
        },
      ],
    },
  ],
});

const issuesOf = (run: () => unknown): { path: string; expected: string }[] => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(({ path, expected }) => ({ path, expected }));
  }
  throw new Error('expected a ValidationError');
};

describe('the default instrument (seed 000, 提高服务质量)', () => {
  it('has the six dimensions with the fixed ids and Chinese labels, in the seed order', () => {
    expect(serviceQualityInstrument.dimensions.map((d) => d.id)).toEqual([...serviceQualityDimensionIds]);
    expect(serviceQualityInstrument.dimensions.map((d) => d.labels['zh-CN'])).toEqual([
      '方便',
      '沟通与理解',
      '能力',
      '态度',
      '守信',
      '服务设施',
    ]);
  });
  it('has at least three items per dimension, worded in both languages', () => {
    for (const dimension of serviceQualityInstrument.dimensions) {
      expect(dimension.items.length).toBeGreaterThanOrEqual(3);
      for (const item of dimension.items) {
        expect(item.text.en.length).toBeGreaterThan(10);
        expect(item.text['zh-CN'].length).toBeGreaterThan(5);
      }
    }
  });
  it('has the respondent groups of seed 000: external clients and internal customers', () => {
    expect(serviceQualityInstrument.groups.map((g) => g.id)).toEqual(['external-client', 'internal-customer']);
    expect(serviceQualityInstrument.groups[1]!.labels['zh-CN']).toBe('内部客户');
  });
  it('has reverse-coded items and expectation items', () => {
    expect(serviceQualityInstrument.items.some((item) => item.reverse)).toBe(true);
    expect(serviceQualityInstrument.hasExpectations).toBe(true);
    for (const dimension of serviceQualityInstrument.dimensions)
      expect(dimension.items.some((item) => item.expectation)).toBe(true);
  });
  it('validates through its own schema and round-trips through JSON', () => {
    const json = JSON.parse(JSON.stringify(serviceQualityInstrument)) as Record<string, unknown>;
    expect(instrumentSchema.safeParse(json).success).toBe(true);
    const again = defineInstrument(json);
    expect(again.fingerprint).toBe(serviceQualityInstrument.fingerprint);
    expect(again.toJSON()).toEqual(serviceQualityInstrument.toJSON());
  });
  it('is frozen', () => {
    expect(Object.isFrozen(serviceQualityInstrument)).toBe(true);
    expect(Object.isFrozen(serviceQualityInstrument.dimensions[0])).toBe(true);
  });
});

describe('defineInstrument', () => {
  it('compiles a minimal instrument with defaults filled in', () => {
    const model = defineInstrument(minimal());
    expect(model.scale).toEqual({ min: 1, max: 7, decimals: 0 });
    expect(model.items.map((item) => [item.id, item.dimension, item.reverse])).toEqual([
      ['r1', 'reliability', false],
      ['r2', 'reliability', true],
      ['a1', 'attitude', false],
    ]);
    expect(model.standard.toString()).toBe('60');
    expect(model.importance).toBeNull();
  });
  it('gives the same fingerprint to definitions that differ only in key order and number spelling', () => {
    const a = defineInstrument({
      ...minimal(),
      importance: { kind: 'points', values: { reliability: 60, attitude: 40 } },
    });
    const b = defineInstrument({
      ...minimal(),
      importance: { values: { attitude: '40.0', reliability: '60' }, kind: 'points' },
    });
    expect(a.fingerprint).toBe(b.fingerprint);
  });
  it('accepts a 100-point allocation and normalises it to weights', () => {
    const model = defineInstrument({
      ...minimal(),
      importance: { kind: 'points', values: { reliability: 70, attitude: 30 } },
    });
    expect(model.importance!.weights['reliability']!.toString()).toBe('0.7');
  });
  it('accepts weights adding up to exactly 1 (0.1 + 0.2 + 0.7 in decimal arithmetic)', () => {
    const definition = minimal();
    definition.dimensions.push({
      id: 'facilities',
      labels: { en: 'Facilities', 'zh-CN': '服务设施' },
      items: [{ id: 'f1', text: { en: 'Tools', 'zh-CN': '工具' } }],
    });
    const model = defineInstrument({
      ...definition,
      importance: { kind: 'weights', values: { reliability: 0.1, attitude: 0.2, facilities: 0.7 } },
    });
    expect(model.importance!.weights['facilities']!.toString()).toBe('0.7');
  });
  it('rejects points that do not add up to 100', () => {
    expect(
      issuesOf(() =>
        defineInstrument({ ...minimal(), importance: { kind: 'points', values: { reliability: 60, attitude: 30 } } }),
      ),
    ).toEqual([{ path: 'importance.values', expected: 'points adding up to exactly 100' }]);
  });
  it('rejects importance that misses a dimension or names an unknown one', () => {
    const paths = issuesOf(() =>
      defineInstrument({ ...minimal(), importance: { kind: 'weights', values: { reliability: 1, speed: 0 } } }),
    ).map((i) => i.path);
    expect(paths).toContain('importance.values.speed');
    expect(paths).toContain('importance.values.attitude');
  });
  it('rejects duplicate item ids, including expectation ids', () => {
    const definition = minimal();
    definition.dimensions[1]!.items.push({ id: 'r1', text: { en: 'x', 'zh-CN': '乙' } });
    definition.dimensions[1]!.items[0]!.expectation = { id: 'r2', text: { en: 'x', 'zh-CN': '乙' } };
    const paths = issuesOf(() => defineInstrument(definition)).map((i) => i.path);
    expect(paths).toEqual(['dimensions[1].items[0].expectation.id', 'dimensions[1].items[1].id']);
  });
  it('rejects a scale whose max is not above its min, and mixed scales in one dimension', () => {
    expect(issuesOf(() => defineInstrument({ ...minimal(), scale: { min: 5, max: 5 } }))[0]!.path).toBe('scale.max');
    const mixed = minimal();
    mixed.dimensions[0]!.items[1]!.scale = { min: 0, max: 10 };
    expect(issuesOf(() => defineInstrument(mixed))[0]!.path).toBe('dimensions[0].items[1].scale');
  });
  it('rejects prototype keys as ids and unknown keys', () => {
    const definition = minimal();
    definition.dimensions[0]!.id = '__proto__';
    expect(issuesOf(() => defineInstrument(definition))[0]!.path).toBe('dimensions[0].id');
    expect(issuesOf(() => defineInstrument({ ...minimal(), colour: 'red' }))[0]!.path).toBe('colour');
  });
  it('rejects a standard outside 0–100', () => {
    expect(issuesOf(() => defineInstrument({ ...minimal(), standard: 120 }))[0]!.path).toBe('standard');
  });
});

describe('reverseItemScore', () => {
  it('flips within the item’s own bounds', () => {
    expect(reverseItemScore(2, { min: 1, max: 5 }).toString()).toBe('4');
    expect(reverseItemScore(10, { min: 0, max: 10 }).toString()).toBe('0');
    expect(reverseItemScore('2.5', { min: 1, max: 7 }).toString()).toBe('5.5');
  });
  it('rejects answers outside the scale', () => {
    expect(() => reverseItemScore(6, { min: 1, max: 5 })).toThrow(ValidationError);
  });
});
