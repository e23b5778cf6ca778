import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  defineScorecard,
  keyAccountSelectionModel,
  nextGrade,
  potentialValueModel,
  reasons,
  score,
} from '../../src/index.js';

const top = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max]));
// seed 002's sheet at full marks, less 19 points of asset size and 7 of peer user base: 74, a B
const result = score(potentialValueModel, { ...top, assetSize: 1, peerUserBase: 3 });

// A custom model carrying German labels beside the required English ones.
const german = defineScorecard({
  id: 'german',
  grades: {
    id: 'german-grades',
    domain: '[0, 100]',
    bands: [
      { id: 'gut', labels: { en: 'Good', 'zh-CN': '好', de: 'Gut' }, interval: '(50, 100]' },
      { id: 'schwach', labels: { en: 'Weak', 'zh-CN': '弱', de: 'Schwach' }, interval: '[0, 50]' },
    ],
  },
  categories: [
    {
      id: 'credit',
      labels: { en: 'Credit', 'zh-CN': '信用', de: 'Bonität' },
      weight: 1,
      factors: [{ id: 'payments', labels: { en: 'Payments', 'zh-CN': '付款', de: 'Zahlungen' }, min: 0, max: 4 }],
    },
  ],
});
const germanResult = score(german, { payments: 2 }); // 50: schwach, the next grade needs more than 50

describe('reasons and nextGrade in a locale', () => {
  it('en is the default: labels from the model, one line per reason', () => {
    const [first, second] = reasons(result, { k: 2, model: potentialValueModel });
    expect(first).toMatchObject({ factorId: 'assetSize', label: 'Asset size' });
    expect(first!.message).toBe('Asset size: 19 points below its maximum (1 of 20)');
    expect(second!.message).toBe('Size of the peer user base: 7 points below its maximum (3 of 10)');
    expect(nextGrade(result, { model: potentialValueModel })).toMatchObject({
      grade: 'A',
      label: 'High potential value',
      edgeInclusive: true,
      message: '6 points to reach High potential value (A)',
    });
  });

  it('zh-CN: the seed’s own terms', () => {
    const [first] = reasons(result, { k: 1, model: potentialValueModel, locale: 'zh-CN' });
    expect(first!.message).toBe('资产规模：比满分少 19 分（1/20）');
    expect(nextGrade(result, { model: potentialValueModel, locale: 'zh-CN' })?.message).toBe(
      '距潜在价值高（A）还差 6 分',
    );
    // BCP 47 lookup: zh finds the zh-CN labels
    expect(reasons(result, { k: 1, model: potentialValueModel, locale: 'zh' })[0]!.label).toBe('资产规模');
  });

  it('de: a model carrying German labels, and a grade that must be exceeded', () => {
    const [first] = reasons(germanResult, { model: german, locale: 'de' });
    expect(first!.message).toBe('Zahlungen: 50 Punkte unter dem Höchstwert (2 von 4)');
    expect(nextGrade(germanResult, { model: german, locale: 'de-CH' })).toMatchObject({
      grade: 'gut',
      label: 'Gut',
      edgeInclusive: false,
      message: 'mehr als 0 Punkte bis Gut (gut)',
    });
    // a locale the model does not carry: labels and sentence fall back to en
    expect(reasons(germanResult, { model: german, locale: 'ja' })[0]!.message).toBe(
      'Payments: 50 points below its maximum (2 of 4)',
    );
  });

  it('without a model, labels are ids; the JSON form of a result reads alike', () => {
    expect(reasons(result, { k: 1 })[0]!.message).toBe('assetSize: 19 points below its maximum (1 of 20)');
    const stored = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(reasons(stored, { k: 2, model: potentialValueModel, locale: 'zh-CN' })).toEqual(
      reasons(result, { k: 2, model: potentialValueModel, locale: 'zh-CN' }),
    );
    expect(nextGrade(stored)?.message).toBe('6 points to reach A (A)');
    expect(nextGrade(score(potentialValueModel, top))).toBeNull();
  });

  it('refuses a model the result did not come from, and a locale that is no BCP 47 tag', () => {
    const paths = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as ValidationError).issues.map((issue) => issue.path);
      }
      return [];
    };
    expect(paths(() => reasons(result, { model: keyAccountSelectionModel }))).toEqual(['options.model']);
    expect(paths(() => nextGrade(result, { locale: 'not a locale' }))).toEqual(['options.locale']);
    expect(paths(() => nextGrade(result, { bands: german.grades! }))).toEqual(['options.bands']);
    expect(() => reasons(result, { locale: 'de', k: -1 })).toThrow(ValidationError);
  });
});
