/** The notebook display: Symbol.for('Jupyter.display') bundles that leave JSON untouched. */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { paretoCurve, potentialValueModel } from '../../src/index.js';
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
      // the original keeps at most its own built-in table display; the chart comes only through the view
      const own = (result as unknown as Record<symbol, (() => Record<string, string>) | undefined>)[jupyterDisplay];
      if (own !== undefined) expect(Object.keys(own.call(result))).toEqual(['text/plain', 'text/html']);
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
