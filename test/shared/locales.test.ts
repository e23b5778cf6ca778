/**
 * Labels in any BCP 47 locale a model provides, `en` required as the fallback (issue 17): the
 * schema, the lookup `labelIn`, and models that carry a third language through define, toJSON and
 * the JSON Schema.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  defaultValueMatrix,
  defineGradeBands,
  defineRuleSet,
  defineScorecard,
  defineValueMatrix,
  labelIn,
  labelsSchema,
  potentialValueModel,
} from '../../src/index.js';
import { buildJsonSchemas } from '../../scripts/json-schemas.js';
import { parseWith } from '../../src/shared/zodIssues.js';

describe('labelsSchema: en required, any BCP 47 locale', () => {
  it('accepts de, ja, zh-Hant-TW and es-419 beside en; fills zh-CN from en; orders en, zh-CN, then by tag', () => {
    const parsed = labelsSchema.parse({
      ja: '信用',
      en: 'Credit',
      'zh-Hant-TW': '信用度',
      de: 'Bonität',
      'es-419': 'Crédito',
    });
    expect(Object.keys(parsed)).toEqual(['en', 'zh-CN', 'de', 'es-419', 'ja', 'zh-Hant-TW']);
    expect(parsed['zh-CN']).toBe('Credit');
    expect(parsed.de).toBe('Bonität');
  });
  it('keeps a given zh-CN', () => {
    expect(labelsSchema.parse({ en: 'Credit', 'zh-CN': '客户信用度' })).toEqual({
      en: 'Credit',
      'zh-CN': '客户信用度',
    });
  });
  it.each([
    ['no en', { 'zh-CN': '客户信用度', de: 'Bonität' }],
    ['an empty label', { en: 'Credit', de: '' }],
    ['a key that is no locale tag (underscore)', { en: 'Credit', zh_CN: '客户信用度' }],
    ['a key that is no locale tag (space)', { en: 'Credit', 'en GB': 'Credit' }],
    ['a key __proto__', JSON.parse('{"en":"Credit","__proto__":"x"}') as unknown],
    ['a label that is not a string', { en: 'Credit', de: 3 }],
  ])('refuses %s', (_what, labels) => {
    expect(labelsSchema.safeParse(labels).success).toBe(false);
  });
});

describe('labelIn: BCP 47 lookup with en as the fallback', () => {
  const labels = { en: 'Credit', 'zh-CN': '客户信用度', 'zh-Hant': '客戶信用度', de: 'Bonität' };
  it.each([
    ['en', 'Credit'],
    ['de', 'Bonität'],
    ['de-CH', 'Bonität'],
    ['DE-at', 'Bonität'],
    ['zh-CN', '客户信用度'],
    ['zh-Hant-TW', '客戶信用度'],
    ['zh', '客户信用度'],
    ['ja', 'Credit'],
    ['de-x-agency', 'Bonität'],
    ['', 'Credit'],
  ])('%s → %s', (locale, expected) => {
    expect(labelIn(labels, locale)).toBe(expected);
  });
  it('a locale set to undefined counts as absent', () => {
    expect(labelIn({ en: 'Credit', de: undefined, 'de-CH': 'Bonität' }, 'de')).toBe('Bonität');
    expect(labelIn({ en: 'Credit', 'zh-CN': undefined }, 'zh-CN')).toBe('Credit');
  });
});

describe('models carry a third language', () => {
  const withGerman = (labels: { en: string }) => ({ ...labels, de: `${labels.en} (de)` });
  it('a value matrix with de labels and strategies: accepted, kept, equal after a JSON round trip', () => {
    const json = JSON.parse(JSON.stringify(defaultValueMatrix)) as {
      classes: { labels: { en: string }; strategy: { en: string } }[];
    };
    for (const item of json.classes) {
      item.labels = withGerman(item.labels);
      item.strategy = withGerman(item.strategy);
    }
    const matrix = defineValueMatrix(json as never);
    const first = matrix.toJSON().classes[0]!;
    expect(labelIn(first.labels, 'de')).toBe(`${json.classes[0]!.labels.en} (de)`);
    expect(labelIn(first.strategy, 'zh-CN')).toBe(defaultValueMatrix.toJSON().classes[0]!.strategy['zh-CN']);
    expect(defineValueMatrix(JSON.parse(JSON.stringify(matrix)) as never)).toEqual(matrix);
  });
  it('a scorecard whose labels are en and ja only is accepted (zh-CN falls back to en)', () => {
    const json = JSON.parse(JSON.stringify(potentialValueModel)) as { labels: unknown };
    json.labels = { en: 'Potential value', ja: '潜在価値' };
    const model = defineScorecard(json as never);
    expect(model.labels).toEqual({ en: 'Potential value', 'zh-CN': 'Potential value', ja: '潜在価値' });
  });
  it('a scorecard with a label keyed by something that is no locale is refused, naming the key', () => {
    const json = JSON.parse(JSON.stringify(potentialValueModel)) as { labels: unknown };
    json.labels = { en: 'Potential value', Japanese: '潜在価値', 'ja JP': '潜在価値' };
    expect(() => defineScorecard(json as never)).toThrow(ValidationError);
    expect(() => defineScorecard(json as never)).toThrow(/labels\.ja JP|labels\["ja JP"\]/);
  });
  it('the JSON Schema agrees: a de label passes, a zh_CN key fails', () => {
    const validate = new Ajv2020({ allowUnionTypes: true }).compile(buildJsonSchemas()['scorecard']!);
    const json = JSON.parse(JSON.stringify(potentialValueModel)) as { labels: unknown };
    json.labels = { en: 'Potential value', de: 'Potenzialwert' };
    expect(validate(json)).toBe(true);
    json.labels = { en: 'Potential value', zh_CN: '客户潜在价值' };
    expect(validate(json)).toBe(false);
  });
});

describe('a labels key that is no locale tag says what a key must be (issue 17)', () => {
  const BCP47 = 'a BCP 47 locale tag as the key (en, zh-CN, de, ja, zh-Hant-TW, …)';
  const labels = { en: 'Bands', 'ja JP': 'バンド', ['x'.repeat(70)]: 'long' };
  const bands = { id: 'bands', labels, bands: [{ id: 'all', interval: '[0, 100]' }] };
  /** `path: expected` of every labels issue a define call throws. */
  const expectedOf = (define: () => unknown): string[] => {
    let thrown: unknown = undefined;
    try {
      define();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    return (thrown as ValidationError).issues.map((issue) => `${issue.path}: ${issue.expected}`);
  };
  const wanted = (base: string) => [`${base}["ja JP"]: ${BCP47}`, `${base}.${'x'.repeat(70)}: ${BCP47}`];

  it('the hand-written readers of the scoring path (grade bands, a scorecard)', () => {
    expect(expectedOf(() => defineGradeBands(bands as never))).toEqual(wanted('labels'));
    const json = JSON.parse(JSON.stringify(potentialValueModel)) as { labels: unknown };
    json.labels = labels;
    expect(expectedOf(() => defineScorecard(json as never))).toEqual(wanted('labels'));
  });

  it('the zod schemas (a rule set, a value matrix, labelsSchema itself)', () => {
    const long = `en-x-${Array.from({ length: 8 }, () => 'abcdefgh').join('-')}`;
    expect(expectedOf(() => parseWith(labelsSchema, { en: 'x', [long]: 'y' }, 'labels'))).toEqual([
      `["${long}"]: a key of at most 64 character(s)`,
    ]);
    expect(expectedOf(() => defineRuleSet({ id: 'rules', labels, rules: [] } as never))).toEqual(wanted('labels'));
    const matrix = { ...defaultValueMatrix.toJSON(), labels };
    expect(expectedOf(() => defineValueMatrix(matrix as never))).toEqual(wanted('labels'));
    expect(expectedOf(() => parseWith(labelsSchema, labels, 'labels'))).toEqual(
      wanted('').map((line) => line.replace(/^\./, '')),
    );
  });
});
