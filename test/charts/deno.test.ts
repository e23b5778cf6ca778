/**
 * Deno check: the last value of a notebook cell exposes the rich display Deno's Jupyter kernel
 * calls (`Symbol.for('Jupyter.display')` returning a media bundle), run by the real Deno binary on
 * the TypeScript sources and on the built package (dist/, built by `npm run build`; CI builds
 * before it tests).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { paretoCurve } from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const deno = fileURLToPath(new URL('../../node_modules/.bin/deno', import.meta.url));
const present = existsSync(deno);
if (!present) console.warn('Deno check skipped: node_modules/.bin/deno not found');
const built = existsSync(fileURLToPath(new URL('../../dist/index.js', import.meta.url)));
if (present && !built) console.warn('Deno check of the built package skipped: run npm run build first');

type Bundle = Record<string, string>;

/** Runs one cell file in Deno and parses the JSON line it prints. */
function runCell<T>(file: string): T {
  const output = execFileSync(
    deno,
    [
      'run',
      '--sloppy-imports',
      '--no-prompt',
      '--allow-read',
      '--allow-env',
      fileURLToPath(new URL(file, import.meta.url)),
    ],
    { encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' } },
  );
  return JSON.parse(output) as T;
}

/** A bundle with the table and the chart, the chart also inline in the HTML. */
function expectChart(bundle: Bundle | null, kind: string): void {
  expect(bundle).not.toBeNull();
  expect(Object.keys(bundle!)).toEqual(['text/plain', 'text/html', 'image/svg+xml']);
  expect(bundle!['image/svg+xml']).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(bundle!['image/svg+xml']).toContain(`clientele-chart clientele-${kind}"`);
  expect(bundle!['text/html']).toContain(bundle!['image/svg+xml']);
}

describe.skipIf(!present)('Deno notebook display', () => {
  it("a cell's last value carries text/plain, text/html and image/svg+xml, wrapped in display() or not", () => {
    const { bundle, json, plain } = runCell<{ bundle: Bundle | null; json: string; plain: Bundle | null }>(
      './notebook-cell.ts',
    );
    expectChart(bundle, 'pareto');
    expect(bundle!['image/svg+xml']).toContain('帕累托');
    expect(json).toBe(JSON.stringify(paretoCurve([500, 300, 100, 60, 40])));
    // the plain assessPortfolio result, as returned: its built-in display has the value matrix
    expectChart(plain, 'value-matrix');
    expect(plain!['text/plain']).toMatch(/^Portfolio assessment/);
  }, 60_000);

  it.skipIf(!built)(
    'on the built package: the scoring entry alone shows tables; the root entry adds the charts',
    () => {
      const { scoringOnly, plain, scoredLater } = runCell<Record<string, Bundle | null>>('./notebook-cell-dist.ts');
      expect(Object.keys(scoringOnly!)).toEqual(['text/plain', 'text/html']);
      expectChart(plain!, 'value-matrix');
      expectChart(scoredLater!, 'score-waterfall');
    },
    60_000,
  );
});
