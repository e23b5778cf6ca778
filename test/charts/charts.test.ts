/**
 * Golden files (byte-identical output), well-formed XML, accessibility text and determinism of
 * every chart and page. Set UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change
 * (then look at the diff and at docs/images before committing).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paretoCurve } from '../../src/index.js';
import {
  churnCauseChart,
  paretoChart,
  renderReport,
  servqualGapChart,
  valueMatrixChart,
} from '../../src/charts/index.js';
import { chartCases, htmlCases } from './cases.js';
import * as fixtures from './fixtures.js';
import { checkXml } from './xml.js';

const golden = new URL('./golden/', import.meta.url);
const update = process.env['UPDATE_GOLDEN'] === '1';
const charts = chartCases();
const pages = htmlCases();

function compareGolden(file: string, actual: string): void {
  const path = new URL(file, golden);
  if (update || !existsSync(path)) {
    mkdirSync(golden, { recursive: true });
    writeFileSync(path, actual);
    if (!update) throw new Error(`golden file ${file} was missing and has been written; review and commit it`);
  }
  expect(
    actual === readFileSync(path, 'utf8'),
    `${file} differs from its golden file (UPDATE_GOLDEN=1 to rewrite)`,
  ).toBe(true);
}

describe('every chart', () => {
  for (const [name, svg] of Object.entries(charts)) {
    it(`${name}: matches its golden SVG byte for byte`, () => compareGolden(`${name}.svg`, svg));
    it(`${name}: is well-formed XML with a title, a description and role="img"`, () => {
      const { elements } = checkXml(svg);
      expect(elements).toBeGreaterThan(5);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*role="img" /);
      expect(svg).toMatch(/^<svg [^>]*aria-labelledby="[\w-]+-title-[a-z0-9]+ [\w-]+-desc-[a-z0-9]+"/);
      expect(svg).toMatch(
        /<title id="[\w-]+-title-[a-z0-9]+">[^<]+<\/title>\n<desc id="[\w-]+-desc-[a-z0-9]+">[^<]+<\/desc>/,
      );
      expect(svg).toContain('Noto Sans CJK SC');
      expect(svg).not.toMatch(/NaN|Infinity|undefined|\[object /);
    });
  }
  for (const [name, html] of Object.entries(pages)) {
    it(`${name}: matches its golden HTML byte for byte and is well-formed`, () => {
      compareGolden(`${name}.html`, html);
      checkXml(html, { html: true });
      expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)|NaN|undefined/);
    });
  }
});

describe('docs/charts.md images', () => {
  for (const [name, svg] of Object.entries(charts)) {
    it(`docs/images/charts-${name}.svg is what the chart draws today`, () => {
      const path = new URL(`../../docs/images/charts-${name}.svg`, import.meta.url);
      if (update) writeFileSync(path, svg);
      expect(
        readFileSync(path, 'utf8') === svg,
        `docs/images/charts-${name}.svg is stale (UPDATE_GOLDEN=1 to rewrite)`,
      ).toBe(true);
    });
  }
});

describe('determinism and locale', () => {
  it('the same input gives the same bytes (rendered again from fresh results)', () => {
    expect(chartCases()).toEqual(charts);
    expect(htmlCases()).toEqual(pages);
  });
  it('zh-CN charts carry the Chinese labels of the models (seed 000 dimensions, seed 002 classes)', () => {
    expect(charts['dimension-means-zh']).toContain('沟通与理解');
    expect(charts['value-matrix-zh-dark']).toContain('潜在价值等级');
    expect(charts['score-waterfall-zh']).toContain('交往时间');
    expect(pages['report-zh']).toContain('<html lang="zh-CN">');
  });
  it('a locale the labels do not carry falls back to its language, then to English', () => {
    const labels = { en: 'Reliability', 'zh-CN': '守信', 'zh-TW': '守信用' };
    const gaps = { dimensions: [{ dimension: 'reliability', labels, gap: -1 }] };
    expect(servqualGapChart(gaps, { locale: 'zh-TW' })).toContain('守信用');
    expect(servqualGapChart(gaps, { locale: 'zh-HK' })).toContain('守信');
    expect(servqualGapChart(gaps, { locale: 'de' })).toContain('Reliability');
  });
  it('dark mode and greyscale change colours, not content', () => {
    const light = valueMatrixChart(fixtures.assessment);
    const dark = valueMatrixChart(fixtures.assessment, { theme: 'dark' });
    const text = (svg: string) => checkXml(svg).texts.join('|');
    expect(dark).not.toBe(light);
    expect(text(dark)).toBe(text(light));
  });
});

describe('what the charts say', () => {
  it('Pareto marks the smallest group reaching the target: seed 003 style, 21 of 592 accounts give 40 %', () => {
    // 21 accounts of 1,000 each and 571 of 55.04 each: the 21 give 21,000 / (21,000 + 31,427.84) = 40.055 %.
    const values = [...Array.from({ length: 21 }, () => '1000'), ...Array.from({ length: 571 }, () => '55.04')];
    const svg = paretoChart(paretoCurve(values), { targetShare: 0.4 });
    expect(svg).toContain('top 3.5% give 40.1%');
    expect(paretoChart(paretoCurve(values), { targetShare: 0.4, percentDigits: 2 })).toContain('top 3.55% give 40.06%');
  });
  it('the value matrix shows each cell with its class letter, count and summed value', () => {
    const assessment = {
      results: [
        { current: { grade: 'A', value: '1000.4' }, potential: { grade: 'A' }, customerClass: 'A' },
        { current: { grade: 'A', value: '2000.2' }, potential: { grade: 'A' }, customerClass: 'A' },
        { current: { grade: 'D', value: '5' }, potential: { grade: 'C' }, customerClass: 'D' },
      ],
    };
    const texts = checkXml(valueMatrixChart(assessment)).texts;
    expect(texts).toEqual(expect.arrayContaining(['2 accounts', '3,001', '1 accounts', '5']));
    expect(texts.filter((text) => text === '–')).toHaveLength(14);
  });
  it('alerts are counted by cause across accounts, most frequent first', () => {
    const svg = churnCauseChart(fixtures.churnResults);
    const labels = checkXml(svg).texts;
    expect(labels.indexOf('Competitor')).toBeLessThan(labels.indexOf('Complaint'));
    expect(svg).toContain('Competitor: critical 1');
  });
  it('labels from users are escaped, never markup', () => {
    const svg = servqualGapChart({
      dimensions: [{ dimension: 'x', labels: { en: '<script>alert(1)</script> & "q"' }, gap: 1 }],
    });
    checkXml(svg);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
  it('the report has no scripts and forbids the network through its Content-Security-Policy', () => {
    const html = renderReport(fixtures.assessment);
    expect(html).toContain(`default-src 'none'`);
    expect(html).not.toContain('<script');
  });
});
