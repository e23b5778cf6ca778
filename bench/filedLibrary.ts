/**
 * The library as it was when issue 13 (portfolio scale) was filed, for the benchmarks that measure
 * a speed-up against "today's rate": commit c161879, the last commit before the first change made
 * for the issue. Built from the repository's history into a temporary folder (git archive, then
 * one esbuild bundle, with its own copies of decimal.js and zod from this checkout's node_modules)
 * and imported
 * into the benchmark's process, so the old and the new code are timed in the same run, on the same
 * data, interleaved. Ratios to a baseline measured at filing time cannot do that: the baselines
 * themselves were re-measured with other methods since (see docs/performance.md, churn rules).
 * Without the history (a shallow clone), the benchmarks print that it is missing and skip it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** The last commit before the first change made for issue 13. */
export const FILED_COMMIT = 'c161879';

/** What the benchmarks call on the filing-time library (its API then, as far as they use it). */
export interface FiledLibrary {
  readonly defaultChurnRuleSet: unknown;
  evaluateRules(ruleSet: unknown, record: unknown, options?: unknown): unknown;
  evaluateChurnRisk(history: unknown, options?: unknown): unknown;
  deriveSignals(history: unknown, options?: unknown): { readonly values: unknown };
}

let loaded: Promise<FiledLibrary | undefined> | undefined;

/** The filing-time library, built once per process; `undefined` (with a printed reason) without the history. */
export function filedLibrary(): Promise<FiledLibrary | undefined> {
  return (loaded ??= load());
}

async function load(): Promise<FiledLibrary | undefined> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    execFileSync('git', ['cat-file', '-e', `${FILED_COMMIT}^{commit}`], { cwd: root, stdio: 'ignore' });
  } catch {
    console.log(`the library at ${FILED_COMMIT} (issue 13 filed) is not in this clone's history: skipped`);
    return undefined;
  }
  const folder = mkdtempSync(join(tmpdir(), 'clientele-filed-'));
  try {
    return await buildFiled(root, folder);
  } catch (error) {
    console.log(`the library at ${FILED_COMMIT} could not be built (${String(error)}): skipped`);
    return undefined;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Extracts the commit's sources into `folder`, bundles them there and imports the bundle. */
async function buildFiled(root: string, folder: string): Promise<FiledLibrary> {
  const archive = execFileSync('git', ['archive', '--format=tar', FILED_COMMIT, 'src'], {
    cwd: root,
    maxBuffer: 1 << 28,
  });
  execFileSync('tar', ['-x', '-C', folder], { input: archive });
  const outfile = join(folder, 'filed.mjs');
  // decimal.js and zod resolved from this checkout (the same major versions the filing-time code used)
  await build({
    entryPoints: [join(folder, 'src', 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'warning',
  });
  return (await import(pathToFileURL(outfile).href)) as FiledLibrary;
}
