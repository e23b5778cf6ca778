/**
 * Deno check of the built-in display: run by the real Deno binary on the TypeScript sources, a
 * cell whose last value is a model or a result (no `display(...)` wrapper) exposes the media bundle
 * Deno's Jupyter kernel renders.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { paretoCurve } from '../../src/index.js';

const deno = fileURLToPath(new URL('../../node_modules/.bin/deno', import.meta.url));
const cell = fileURLToPath(new URL('./notebook-cell-builtin.ts', import.meta.url));
const present = existsSync(deno);
if (!present) console.warn('Deno check skipped: node_modules/.bin/deno not found');

describe.skipIf(!present)('Deno notebook display, built in', () => {
  it("a model's and a result's own display give text/plain and an HTML table; the JSON is unchanged", () => {
    const output = execFileSync(deno, ['run', '--sloppy-imports', '--no-prompt', '--allow-read', '--allow-env', cell], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    });
    type Bundle = Record<string, string> | null;
    const { model, curve, json } = JSON.parse(output) as { model: Bundle; curve: Bundle; json: string };
    expect(Object.keys(model ?? {})).toEqual(['text/plain', 'text/html']);
    expect(model!['text/plain']).toMatch(/^scorecard potential-value@1\.0\.0/);
    expect(model!['text/html']).toContain('<caption>scorecard potential-value@1.0.0</caption>');
    expect(curve!['text/plain']).toBe('Pareto curve (total 1000)');
    expect(curve!['text/html']).toMatch(/^<table class="clientele-display">/);
    expect(json).toBe(JSON.stringify(paretoCurve([500, 300, 100, 60, 40])));
  }, 60_000);
});
