/**
 * Every chart and report page rendered in real headless Chromium (Debian's `chromium`, installed
 * by .ci/run): loads without console errors, no text leaves its box, Chinese glyphs render (not
 * tofu), and screenshots match the committed PNGs within a small pixel tolerance
 * (UPDATE_SCREENSHOTS=1 rewrites them). Skipped, with a message, only where chromium is absent.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_STACK } from '../../src/charts/internal/frame.js';
import { chartCases, htmlCases } from './cases.js';
import { decodePng, differingShare } from './png.js';

const executablePath = '/usr/bin/chromium';
const present = existsSync(executablePath);
if (!present)
  console.warn(
    `browser tests skipped: ${executablePath} not found (install with apt-get install -y chromium ` +
      `fonts-noto-cjk; CI does)`,
  );
const screenshots = new URL('./screenshots/', import.meta.url);
const update = process.env['UPDATE_SCREENSHOTS'] === '1';
const charts = chartCases();
const pages = htmlCases();

describe.skipIf(!present)('charts in headless Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const errors: string[] = [];
  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'clientele-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 800, height: 600 },
      deviceScaleFactor: 1,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**/*', (route) =>
      route.request().url().startsWith('data:') || route.request().url() === 'about:blank'
        ? route.continue()
        : route.abort(),
    );
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function compareScreenshot(name: string, png: Buffer): Promise<void> {
    const path = new URL(`${name}.png`, screenshots);
    if (update || !existsSync(path)) {
      mkdirSync(screenshots, { recursive: true });
      writeFileSync(path, png);
      if (!update) throw new Error(`screenshot ${name}.png was missing and has been written; review and commit it`);
    }
    const share = differingShare(decodePng(png), decodePng(readFileSync(path)));
    expect(share, `${name}: ${(share * 100).toFixed(2)}% of pixels differ`).toBeLessThan(0.005);
  }

  it('Chinese glyphs render from the font stack, not as tofu boxes', async () => {
    await page.setContent('<!doctype html><meta charset="utf-8"><body></body>');
    const result = await page.evaluate((font) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const context = canvas.getContext('2d')!;
      const draw = (glyph: string) => {
        context.fillStyle = '#fff';
        context.fillRect(0, 0, 64, 64);
        context.fillStyle = '#000';
        context.font = `40px ${font}`;
        context.fillText(glyph, 8, 48);
        return {
          bitmap: Array.from(context.getImageData(0, 0, 64, 64).data).join(','),
          width: context.measureText(glyph).width,
        };
      };
      // U+E000 is a private-use code point no font covers: it draws the fallback (tofu) box.
      const [ke, hu, tofu, tofu2] = [draw('客'), draw('户'), draw('\uE000'), draw('\uE001')];
      return {
        distinct: ke.bitmap !== hu.bitmap,
        notTofu: ke.bitmap !== tofu.bitmap && hu.bitmap !== tofu.bitmap,
        tofuAlike: tofu.bitmap === tofu2.bitmap,
        width: ke.width,
      };
    }, FONT_STACK);
    expect(result.tofuAlike).toBe(true); // the check can fail: missing glyphs all look alike
    expect(result.notTofu).toBe(true);
    expect(result.distinct).toBe(true);
    expect(result.width).toBeGreaterThan(30); // a full-width glyph at 40 px
  });

  for (const [name, svg] of Object.entries(charts)) {
    it(
      `${name}: loads without console errors, keeps every text inside the drawing, matches its ` + `screenshot`,
      async () => {
        errors.length = 0;
        await page.setContent(
          `<!doctype html><html><head><meta ` +
            `charset="utf-8"><style>body{margin:0}</style></head><body>${svg}</body></html>`,
        );
        const overflow = await page.evaluate(() => {
          const root = document.querySelector('svg')!;
          const width = root.width.baseVal.value;
          const height = root.height.baseVal.value;
          return Array.from(root.querySelectorAll('text'))
            .map((element) => {
              const box = element.getBoundingClientRect();
              return {
                text: element.textContent ?? '',
                left: box.left,
                right: box.right,
                top: box.top,
                bottom: box.bottom,
              };
            })
            .filter(
              (box) =>
                box.text !== '' && (box.left < -1 || box.top < -1 || box.right > width + 1 || box.bottom > height + 1),
            );
        });
        expect(overflow).toEqual([]);
        expect(errors).toEqual([]);
        const size = await page.evaluate(() => {
          const root = document.querySelector('svg')!;
          return { width: root.width.baseVal.value, height: root.height.baseVal.value };
        });
        await compareScreenshot(name, await page.screenshot({ clip: { x: 0, y: 0, ...size } }));
      },
      30_000,
    );
  }

  for (const [name, html] of Object.entries(pages)) {
    it(
      `${name}: loads without console errors or network, nothing overflows the page, matches its ` + `screenshot`,
      async () => {
        errors.length = 0;
        await page.setContent(html);
        const layout = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          svgs: document.querySelectorAll('svg').length,
          clipped: Array.from(document.querySelectorAll('td, th')).filter(
            (cell) => cell.scrollWidth > cell.clientWidth + 1,
          ).length,
        }));
        expect(errors).toEqual([]);
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
        expect(layout.clipped).toBe(0);
        if (name.startsWith('report')) expect(layout.svgs).toBeGreaterThanOrEqual(6);
        await compareScreenshot(name, await page.screenshot({ fullPage: true }));
      },
      30_000,
    );
  }
});
