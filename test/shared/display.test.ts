import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import {
  abcValueGrader,
  defaultChurnRuleSet,
  defaultValueMatrix,
  defineScorecard,
  potentialValueBands,
  potentialValueModel,
  serviceQualityInstrument,
  telecomTierPolicy,
} from '../../src/index.js';
import { tableBundle, withDisplay } from '../../src/shared/display.js';

const JUPYTER = Symbol.for('Jupyter.display');
type Bundle = { readonly 'text/plain': string; readonly 'text/html': string };
const bundleOf = (value: object): Bundle => (value as Record<symbol, () => Bundle>)[JUPYTER]!.call(value);

const models = {
  scorecard: potentialValueModel,
  gradeBands: potentialValueBands,
  valueGrader: abcValueGrader,
  valueMatrix: defaultValueMatrix,
  tierPolicy: telecomTierPolicy,
  ruleSet: defaultChurnRuleSet,
  instrument: serviceQualityInstrument,
} as const;

describe('the built-in notebook display of models', () => {
  it.each(Object.entries(models))(
    'a %s renders as text/plain and an HTML table titled kind id@version',
    (kind, model) => {
      const bundle = bundleOf(model);
      expect(Object.keys(bundle)).toEqual(['text/plain', 'text/html']);
      const title = `${kind} ${model.id}@${model.version}`;
      expect(bundle['text/plain'].startsWith(title)).toBe(true);
      expect(bundle['text/plain'].length).toBeLessThanOrEqual(200);
      expect(bundle['text/html']).toContain(`<caption>${title}</caption>`);
      expect(bundle['text/html']).toMatch(/^<table class="clientele-display">.*<\/table>$/s);
    },
  );

  it('the display is not a field: keys and JSON are unchanged', () => {
    expect(Object.keys(potentialValueModel)).not.toContain(JUPYTER);
    expect(Object.getOwnPropertySymbols(potentialValueModel)).toEqual([]);
    expect(JSON.stringify(potentialValueModel)).toBe(JSON.stringify(potentialValueModel.toJSON()));
  });

  it('labels are escaped, so a model file cannot inject markup into a notebook', () => {
    const model = defineScorecard({
      ...potentialValueModel.toJSON(),
      id: 'x',
      labels: { en: '<img src=x onerror=alert(1)>', 'zh-CN': '模型' },
    });
    const html = bundleOf(model)['text/html'];
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});

describe('tableBundle and withDisplay for results', () => {
  it('Decimals and doubles are shown to 6 significant digits; the values underneath stay exact', () => {
    const third = new Decimal(1).div(3);
    const result = { total: third, share: 2 / 3, count: 12, grade: 'B' };
    const bundle = tableBundle(result, 'result');
    expect(bundle['text/plain']).toBe('result (total 0.333333, share 0.666667, count 12, grade B)');
    expect(result.total.toString()).toBe(third.toString());
  });

  it('lists of records become nested tables of at most 20 rows, with the rest counted', () => {
    const rows = Array.from({ length: 25 }, (_, index) => ({ id: `a${index}`, value: index }));
    const html = tableBundle({ rows }, 'list')['text/html'];
    expect(html.match(/<tr><td>a\d+<\/td>/g)).toHaveLength(20);
    expect(html).toContain('… 5 more');
  });

  it('withDisplay adds a non-enumerable method and returns the same object; frozen plain objects are copied', () => {
    const result = { total: new Decimal(5) };
    expect(withDisplay(result, 'score')).toBe(result);
    expect(Reflect.ownKeys(result)).toEqual(['total']);
    expect(JSON.stringify(result)).toBe('{"total":"5"}');
    expect(bundleOf(result)['text/plain']).toBe('score (total 5)');
    const frozen = Object.freeze({ total: 1 });
    const shown = withDisplay(frozen, 'score');
    expect(Object.isFrozen(shown) && shown !== frozen).toBe(true);
    expect(shown).toStrictEqual(frozen);
    expect(JSON.stringify(shown)).toBe(JSON.stringify(frozen));
    expect(bundleOf(shown)['text/plain']).toBe('score (total 1)');
    expect(Object.getOwnPropertySymbols(frozen)).toEqual([]);
    const sealed = Object.preventExtensions(new Date(0));
    expect(withDisplay(sealed, 'date')).toBe(sealed);
  });
});
