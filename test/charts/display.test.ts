/** The notebook display: Symbol.for('Jupyter.display') bundles that leave JSON untouched. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  evaluateChurnRisk,
  evaluateChurnRiskBatch,
  paretoCurve,
  potentialValueBands,
  potentialValueModel,
} from '../../src/index.js';
import { display, jupyterDisplay, mediaBundle, toHtml } from '../../src/charts/index.js';
import * as fixtures from './fixtures.js';

describe('display', () => {
  it('uses the symbol Deno looks up', () => {
    expect(jupyterDisplay).toBe(Symbol.for('Jupyter.display'));
  });
  it('a displayed assessment renders text/plain, text/html (table and chart) and image/svg+xml', () => {
    const shown = display(fixtures.assessment);
    const bundle = shown[Symbol.for('Jupyter.display') as typeof jupyterDisplay]();
    expect(Object.keys(bundle)).toEqual(['text/plain', 'text/html', 'image/svg+xml']);
    expect(bundle['text/plain']).toMatch(/^clientele portfolio assessment: 40 accounts, 0 failed/);
    expect(bundle['text/html']).toContain('<table class="clientele-table">');
    expect(bundle['text/html']).toContain(bundle['image/svg+xml']);
  });
  it('does not change the JSON of the result, nor the result itself (frozen or not)', () => {
    for (const result of [
      fixtures.assessment,
      fixtures.scored,
      paretoCurve([5, 3, 2]),
      fixtures.ipa,
      potentialValueModel,
    ]) {
      const keys = Reflect.ownKeys(result);
      const shown = display(result);
      expect(JSON.stringify(shown)).toBe(JSON.stringify(result));
      expect(Reflect.ownKeys(result)).toEqual(keys);
      expect(Object.keys(shown)).toEqual(Object.keys(result));
      expect(typeof (shown as unknown as Record<symbol, unknown>)[jupyterDisplay]).toBe('function');
    }
  });

  it('reads through to the result (fields, methods, arrays)', () => {
    const curve = display(paretoCurve([5, 3, 2]));
    expect(curve.points[0]?.rank).toBe(1);
    const model = display(potentialValueModel);
    expect(model.toJSON()).toEqual(potentialValueModel.toJSON());
    expect(mediaBundle(model)['text/plain']).toMatch(/^clientele scorecard potential-value@/);
  });
  it('a result without a chart still gets a table; a model says what it is', () => {
    const bundle = mediaBundle(potentialValueModel);
    expect(Object.keys(bundle)).toEqual(['text/plain', 'text/html']);
    expect(toHtml({ total: new Decimal('1.23456789'), note: 'x' })).toContain('<td>1.2346</td>');
  });
  it('charts in the bundle follow the options (locale)', () => {
    expect(mediaBundle(fixtures.ipa, { locale: 'zh-CN' })['image/svg+xml']).toContain('守信');
  });
  it('refuses a non-object with a ValidationError', () => {
    expect(() => display(42 as never)).toThrow(/display: result: expected a result or model/);
  });
});

/** What Deno's kernel does with a cell's last value: call its Symbol.for('Jupyter.display') method. */
const builtIn = (value: object): Record<string, string> =>
  (value as Record<symbol, () => Record<string, string>>)[Symbol.for('Jupyter.display')]!.call(value);

const leftManager = {
  id: 'ACME',
  relationship: { accountManager: 'Li', managerLeftAt: '2026-09-30', handoverAt: null, internalContacts: 1 },
};

describe('the built-in display of results, with the charts loaded', () => {
  const cases: Record<string, [object, string]> = {
    'portfolio assessment': [fixtures.assessment, 'value-matrix'],
    'Pareto curve': [fixtures.curve, 'pareto'],
    score: [fixtures.scored, 'score-waterfall'],
    'importance-performance analysis': [fixtures.ipa, 'importance-performance'],
    'survey score': [fixtures.surveyScore, 'dimension-means'],
    'SERVQUAL gaps': [fixtures.gaps, 'servqual-gaps'],
    discrimination: [fixtures.backtest, 'gains'],
    'grade outcomes': [fixtures.outcomesByGrade, 'grade-outcomes'],
    'churn risk': [evaluateChurnRisk(leftManager, { asOf: '2026-11-01' }), 'churn-causes'],
    'churn risk batch': [evaluateChurnRiskBatch([leftManager], { asOf: '2026-11-01' }), 'churn-causes'],
  };
  it.each(Object.entries(cases))(
    'a %s as returned shows its chart and table (image/svg+xml, and inline before the table)',
    (_, [result, chart]) => {
      const bundle = builtIn(result);
      expect(Object.keys(bundle)).toEqual(['text/plain', 'text/html', 'image/svg+xml']);
      expect(bundle['image/svg+xml']).toContain(`class="clientele-chart clientele-${chart}"`);
      expect(bundle['text/html']).toMatch(/^<svg .*<\/svg>\n<table class="clientele-display">.*<\/table>$/s);
      expect(bundle['text/html']!.startsWith(bundle['image/svg+xml']!)).toBe(true);
    },
  );
  it("the chart is mediaBundle's with default options; the result's JSON and keys are unchanged", () => {
    expect(builtIn(fixtures.assessment)['image/svg+xml']).toBe(mediaBundle(fixtures.assessment)['image/svg+xml']);
    expect(Object.keys(fixtures.curve)).toEqual(['total', 'points']);
    expect(Reflect.ownKeys(fixtures.curve)).toEqual(['total', 'points']);
  });
  it('models and results without a chart keep the table alone', () => {
    for (const value of [
      potentialValueModel,
      potentialValueBands,
      evaluateChurnRisk({ id: 'X' }, { asOf: '2026-11-01' }),
    ])
      expect(Object.keys(builtIn(value))).toEqual(['text/plain', 'text/html']);
  });
  it('a result edited so its chart cannot read it still shows its table, without throwing', () => {
    const curve = paretoCurve([5, 3, 2]) as { points: unknown };
    curve.points = [{ cumulativeShare: 'not a number' }];
    expect(Object.keys(builtIn(curve))).toEqual(['text/plain', 'text/html']);
  });
});
