/**
 * Several charts inlined in one HTML page (a notebook, a report) must not share element ids, and every
 * reference inside a chart must resolve to an element of that same chart.
 */
import { describe, expect, it } from 'vitest';
import { potentialValueModel } from '../../src/index.js';
import { scoreWaterfallChart, valueMatrixChart } from '../../src/charts/index.js';
import { chartCases } from './cases.js';
import * as fixtures from './fixtures.js';

function idsOf(svg: string): string[] {
  return [...svg.matchAll(/ id="([^"]+)"/g)].map((match) => match[1] ?? '');
}

function referencesOf(svg: string): string[] {
  const labelled = [...svg.matchAll(/ aria-labelledby="([^"]+)"/g)].flatMap((match) => (match[1] ?? '').split(' '));
  const urls = [...svg.matchAll(/url\(#([^)"]+)\)/g)].map((match) => match[1] ?? '');
  const hrefs = [...svg.matchAll(/ href="#([^"]+)"/g)].map((match) => match[1] ?? '');
  return [...labelled, ...urls, ...hrefs];
}

describe('chart element ids', () => {
  it('two different charts of the same kind inlined in one page have disjoint ids', () => {
    const pairs = [
      [valueMatrixChart(fixtures.assessment), valueMatrixChart(fixtures.assessment, { locale: 'zh-CN' })],
      [
        scoreWaterfallChart(fixtures.scored, { scorecard: potentialValueModel }),
        scoreWaterfallChart(fixtures.scored, { scorecard: potentialValueModel, locale: 'zh-CN' }),
      ],
    ];
    for (const [first = '', second = ''] of pairs) {
      expect(first).not.toBe(second);
      const page = `<html><body>${first}${second}</body></html>`;
      const ids = idsOf(page);
      expect(ids.length).toBeGreaterThanOrEqual(4);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
  it('the waterfall hatch is referenced by url(#…) and resolves inside its own chart', () => {
    const svg = scoreWaterfallChart(fixtures.scored, { scorecard: potentialValueModel });
    expect(referencesOf(svg).some((id) => id.startsWith('score-waterfall-hatch-'))).toBe(true);
  });
  for (const [name, svg] of Object.entries(chartCases())) {
    it(`${name}: every aria-labelledby, url(#…) and href="#…" resolves to an id of the same SVG`, () => {
      const ids = new Set(idsOf(svg));
      const references = referencesOf(svg);
      expect(references.length).toBeGreaterThanOrEqual(2);
      for (const reference of references) expect(ids, reference).toContain(reference);
    });
  }
});
