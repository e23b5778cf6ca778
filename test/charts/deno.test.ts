/**
 * Deno check: a notebook cell whose last value is `display(result)` exposes the rich display Deno's
 * Jupyter kernel calls (`Symbol.for('Jupyter.display')` returning a media bundle), run by the real
 * Deno binary on the TypeScript sources.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { paretoCurve } from '../../src/index.js';

const deno = fileURLToPath(new URL('../../node_modules/.bin/deno', import.meta.url));
const cell = fileURLToPath(new URL('./notebook-cell.ts', import.meta.url));
const present = existsSync(deno);
if (!present) console.warn('Deno check skipped: node_modules/.bin/deno not found');

describe.skipIf(!present)('Deno notebook display', () => {
  it("a cell's last value carries text/plain, text/html and image/svg+xml, and its JSON is the result's", () => {
    const output = execFileSync(deno, ['run', '--sloppy-imports', '--no-prompt', '--allow-read', '--allow-env', cell], {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    });
    const { bundle, json } = JSON.parse(output) as { bundle: Record<string, string> | null; json: string };
    expect(bundle).not.toBeNull();
    expect(Object.keys(bundle!)).toEqual(['text/plain', 'text/html', 'image/svg+xml']);
    expect(bundle!['image/svg+xml']).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(bundle!['image/svg+xml']).toContain('帕累托');
    expect(json).toBe(JSON.stringify(paretoCurve([500, 300, 100, 60, 40])));
  }, 60_000);
});
