import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/index.js';
import {
  defineGradeBands,
  defineScorecard,
  potentialValueModel,
  type ScorecardDefinition,
} from '../../src/scoring/index.js';

const labels = (text: string) => ({ en: text, 'zh-CN': text });

function base(): ScorecardDefinition {
  return {
    id: 'test',
    categories: [
      { id: 'a', labels: labels('A'), weight: 0.7, factors: [{ id: 'x', labels: labels('x'), min: 1, max: 5 }] },
      {
        id: 'b',
        labels: labels('B'),
        weight: 0.2,
        factors: [
          { id: 'y', labels: labels('y'), min: 0, max: 10 },
          { id: 'z', labels: labels('z'), min: 0, max: 10 },
        ],
      },
      { id: 'c', labels: labels('C'), weight: 0.1, factors: [{ id: 'w', labels: labels('w'), min: 1, max: 3 }] },
    ],
  };
}

function issuesOf(run: () => unknown): { path: string; expected: string; received: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(({ path, expected, received }) => ({ path, expected, received }));
  }
  throw new Error('expected a ValidationError');
}

describe('defineScorecard', () => {
  it('accepts weights 0.7 + 0.2 + 0.1 as numbers: they sum to 1 in decimal (not in floating point)', () => {
    expect(0.7 + 0.2 + 0.1).not.toBe(1);
    const model = defineScorecard(base());
    expect(model.categories.map((category) => category.weight.toString())).toEqual(['0.7', '0.2', '0.1']);
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.factors[0])).toBe(true);
  });

  it('returns a compiled model unchanged', () => {
    expect(defineScorecard(potentialValueModel)).toBe(potentialValueModel);
  });

  it('round-trips through JSON to an equal model with the same fingerprint', () => {
    const again = defineScorecard(JSON.parse(JSON.stringify(potentialValueModel)));
    expect(again.fingerprint).toBe(potentialValueModel.fingerprint);
    expect(again.toJSON()).toEqual(potentialValueModel.toJSON());
    expect(JSON.stringify(again)).toBe(JSON.stringify(potentialValueModel));
  });

  it('gives the same fingerprint whether numbers are written as numbers, strings or padded strings', () => {
    const strings = base();
    strings.categories[0]!.weight = '0.70';
    strings.categories[0]!.factors[0]!.max = '5.0';
    expect(defineScorecard(strings).fingerprint).toBe(defineScorecard(base()).fingerprint);
    const changed = base();
    changed.categories[0]!.factors[0]!.max = 6;
    expect(defineScorecard(changed).fingerprint).not.toBe(defineScorecard(base()).fingerprint);
  });

  it.each<[string, (definition: ScorecardDefinition) => void, string, RegExp]>([
    ['weights not summing to 1', (d) => void (d.categories[2]!.weight = 0.2), 'categories', /summing to exactly 1/],
    ['a zero weight', (d) => void (d.categories[0]!.weight = 0), 'categories[0].weight', /positive/],
    ['a negative weight', (d) => void (d.categories[0]!.weight = -0.1), 'categories[0].weight', /positive/],
    [
      'min equal to max',
      (d) => void (d.categories[1]!.factors[1]!.max = 0),
      'categories[1].factors[1].max',
      /greater than min/,
    ],
    [
      'min above max',
      (d) => void (d.categories[1]!.factors[0]!.min = 11),
      'categories[1].factors[0].max',
      /greater than min/,
    ],
    [
      'a non-numeric max',
      (d) => void ((d.categories[1]!.factors[0] as { max: unknown }).max = 'ten'),
      'categories[1].factors[0].max',
      /finite number/,
    ],
    [
      'NaN as min',
      (d) => void (d.categories[1]!.factors[0]!.min = Number.NaN),
      'categories[1].factors[0].min',
      /finite number/,
    ],
    [
      'a duplicate factor id',
      (d) => void (d.categories[2]!.factors[0]!.id = 'y'),
      'categories[2].factors[0].id',
      /unique/,
    ],
    ['a duplicate category id', (d) => void (d.categories[1]!.id = 'a'), 'categories[1].id', /unique/],
    [
      'a missing English label (en is the fallback; zh-CN and other locales are optional)',
      (d) => void ((d.categories[0]!.factors[0] as { labels: unknown }).labels = { 'zh-CN': 'x' }),
      'categories[0].factors[0].labels.en',
      /label in en/,
    ],
    ['no factors', (d) => void (d.categories[0]!.factors = []), 'categories[0].factors', /at least 1/],
    [
      'an unknown key',
      (d) => void ((d.categories[0] as Record<string, unknown>).colour = 'red'),
      'categories[0].colour',
      /no such key/,
    ],
    [
      '__proto__ as an id',
      (d) => void (d.categories[0]!.factors[0]!.id = '__proto__'),
      'categories[0].factors[0].id',
      /./,
    ],
    ['constructor as an id', (d) => void (d.categories[0]!.id = 'constructor'), 'categories[0].id', /other than/],
    [
      'a bad normalisation',
      (d) => void ((d as { normalisation: unknown }).normalisation = 'zscore'),
      'normalisation',
      /"ratio", "minmax"/,
    ],
  ])('rejects %s, naming the path', (_name, mutate, path, expected) => {
    const definition = base();
    mutate(definition);
    const issues = issuesOf(() => defineScorecard(definition));
    const issue = issues.find((candidate) => candidate.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue!.expected).toMatch(expected);
  });

  it('reports every problem at once, not only the first', () => {
    const definition = base();
    definition.categories[0]!.factors[0]!.max = 0;
    definition.categories[1]!.factors[0]!.max = -1;
    expect(issuesOf(() => defineScorecard(definition)).map((issue) => issue.path)).toEqual([
      'categories[0].factors[0].max',
      'categories[1].factors[0].max',
    ]);
  });

  it('rejects a non-object definition', () => {
    expect(issuesOf(() => defineScorecard(null as never))[0]).toMatchObject({
      path: '',
      expected: 'an object',
      received: 'null',
    });
    expect(issuesOf(() => defineScorecard([] as never))[0]).toMatchObject({ path: '' });
  });

  it('rejects a scale whose ratings leave [min, max], and band scales with a gap or an overlap', () => {
    const gap = base();
    gap.categories[0]!.factors[0]!.scale = {
      type: 'bands',
      bands: [
        { interval: '[0, 10)', rating: 1 },
        { interval: '[20, +inf)', rating: 5 },
      ],
    };
    expect(issuesOf(() => defineScorecard(gap))[0]).toMatchObject({
      path: 'categories[0].factors[0].scale.bands[1].interval',
    });
    const overlap = base();
    overlap.categories[0]!.factors[0]!.scale = {
      type: 'bands',
      bands: [
        { interval: '[0, 10]', rating: 1 },
        { interval: '[10, +inf)', rating: 5 },
      ],
    };
    expect(issuesOf(() => defineScorecard(overlap))[0]!.expected).toMatch(/no overlap/);
    const outside = base();
    outside.categories[0]!.factors[0]!.scale = {
      type: 'linear',
      from: { raw: 0, rating: 0 },
      to: { raw: 10, rating: 5 },
    };
    expect(issuesOf(() => defineScorecard(outside))[0]).toMatchObject({
      path: 'categories[0].factors[0].scale.from.rating',
      received: '0',
    });
    const flat = base();
    flat.categories[0]!.factors[0]!.scale = { type: 'linear', from: { raw: 3, rating: 1 }, to: { raw: 3, rating: 5 } };
    expect(issuesOf(() => defineScorecard(flat))[0]!.path).toBe('categories[0].factors[0].scale.to.raw');
    const badInterval = base();
    badInterval.categories[0]!.factors[0]!.scale = { type: 'bands', bands: [{ interval: '[10, 0)', rating: 1 }] };
    expect(issuesOf(() => defineScorecard(badInterval))[0]!.path).toBe(
      'categories[0].factors[0].scale.bands[0].interval',
    );
  });

  it('rejects grade bands that do not cover every possible total [0, 100]', () => {
    const definition = base();
    definition.grades = {
      id: 'g',
      domain: '[0, 50]',
      bands: [{ id: 'all', labels: labels('all'), interval: '[0, 50]' }],
    };
    expect(issuesOf(() => defineScorecard(definition))[0]).toMatchObject({ path: 'grades.domain' });
    const inner = base();
    inner.grades = {
      id: 'g',
      bands: [
        { id: 'hi', labels: labels('hi'), interval: '[50, 100]' },
        { id: 'lo', labels: labels('lo'), interval: '(10, 50)' },
      ],
    };
    expect(issuesOf(() => defineScorecard(inner))[0]).toMatchObject({ path: 'grades.bands' });
  });

  it('accepts compiled grade bands', () => {
    const bands = defineGradeBands({
      id: 'g',
      bands: [
        { id: 'hi', labels: labels('hi'), interval: '[50, 100]' },
        { id: 'lo', labels: labels('lo'), interval: '[0, 50)' },
      ],
    });
    expect(defineScorecard({ ...base(), grades: bands }).grades?.fingerprint).toBe(bands.fingerprint);
  });
});

describe('defineGradeBands', () => {
  const band = (id: string, interval: string) => ({ id, labels: labels(id), interval });

  it.each<[string, string[], string, RegExp]>([
    ['a gap', ['[60, 100]', '[0, 50]'], 'bands[0].interval', /no gap/],
    ['an overlap', ['[50, 100]', '[0, 50]'], 'bands[0].interval', /no overlap/],
    ['two open edges at one point', ['(50, 100]', '[0, 50)'], 'bands[0].interval', /no gap/],
    ['bands out of order', ['[0, 50)', '[50, 100]'], 'bands[1].interval', /best/],
    ['bands not covering the domain', ['[50, 100]', '[10, 50)'], 'bands', /whole domain/],
    ['a malformed interval', ['[50; 100]', '[0, 50)'], 'bands[0].interval', /interval notation/],
    ['a closed infinite edge', ['[50, +inf]', '[0, 50)'], 'bands[0].interval', /closing/],
  ])('rejects %s', (_name, intervals, path, expected) => {
    const issues = issuesOf(() =>
      defineGradeBands({ id: 'g', bands: intervals.map((interval, index) => band(`g${index}`, interval)) }),
    );
    expect(issues[0]?.path, JSON.stringify(issues)).toBe(path);
    expect(issues[0]!.expected).toMatch(expected);
  });

  it('rejects duplicate grade ids', () => {
    expect(
      issuesOf(() => defineGradeBands({ id: 'g', bands: [band('x', '[50, 100]'), band('x', '[0, 50)')] }))[0]!.path,
    ).toBe('bands[1].id');
  });

  it('accepts the object form of intervals and normalises it to notation', () => {
    const bands = defineGradeBands({
      id: 'g',
      bands: [
        {
          id: 'hi',
          labels: labels('hi'),
          interval: { lower: { value: '50', inclusive: true }, upper: { value: 100, inclusive: true } },
        },
        {
          id: 'lo',
          labels: labels('lo'),
          interval: { lower: { value: 0, inclusive: true }, upper: { value: 50, inclusive: false } },
        },
      ],
    });
    expect(bands.toJSON().bands.map((b) => b.interval)).toEqual(['[50, 100]', '[0, 50)']);
    expect(defineGradeBands(bands.toJSON()).fingerprint).toBe(bands.fingerprint);
  });
});

describe('minimal custom models', () => {
  it('need no labels: a label defaults to the id in both languages', () => {
    const model = defineScorecard({
      id: 'minimal',
      categories: [{ id: 'a', weight: 1, factors: [{ id: 'f', min: 1, max: 5 }] }],
    });
    expect(model.factors[0]!.labels).toEqual({ en: 'f', 'zh-CN': 'f' });
    const bands = defineGradeBands({
      id: 'g',
      bands: [
        { id: 'hi', interval: '[50, 100]' },
        { id: 'lo', interval: '[0, 50)' },
      ],
    });
    expect(bands.bands[1]!.labels.en).toBe('lo');
    expect(defineScorecard(model.toJSON()).fingerprint).toBe(model.fingerprint);
  });

  it("fingerprint(model) is the model's own fingerprint", async () => {
    const { fingerprint } = await import('../../src/shared/index.js');
    expect(fingerprint(potentialValueModel)).toBe(potentialValueModel.fingerprint);
  });
});
