/**
 * scripts/api-report.ts runs the report only when it is the script node started: imported by
 * another script or a test, it writes nothing (api/clientele.api.md keeps its bytes).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = join(root, 'scripts', 'api-report.ts');
const report = join(root, 'api', 'clientele.api.md');

describe('api-report: the guard that runs the report', () => {
  it('importing the script runs nothing: no report written or checked, no output, the exit code alone', async () => {
    const before = readFileSync(report, 'utf8');
    const exitCode = process.exitCode;
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await import('../../scripts/api-report.js');
      await new Promise((done) => setTimeout(done, 3000)); // a report run takes about a second
      expect([...log.mock.calls, ...error.mock.calls]).toEqual([]);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
    expect(readFileSync(report, 'utf8')).toBe(before);
    expect(process.exitCode).toBe(exitCode);
  });
  it('is true for the script itself, by absolute or relative path, and false for any other entry', async () => {
    const { isEntryScript } = await import('../../scripts/api-report.js');
    const url = pathToFileURL(script).href;
    expect(isEntryScript(script, url)).toBe(true);
    expect(isEntryScript(relative(process.cwd(), script), url)).toBe(true);
    expect(isEntryScript(join(root, 'scripts', 'json-schemas.ts'), url)).toBe(false);
    expect(isEntryScript(process.argv[1], url)).toBe(false);
    expect(isEntryScript(undefined, url)).toBe(false);
  });
});
