/**
 * Runs the ```ts blocks of Markdown files and shows what each prints, to write and check docs:
 *   npx tsx scripts/doc-blocks.ts docs/cookbook.md [more.md …]
 * Imports of `clientele` (and subpaths, and `npm:clientele@…`) point at the source entry points,
 * exactly as the docs test does (test/docs/codeBlocks.test.ts). Exits non-zero if a block throws.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { extractCodeBlocks, rewritePackageImports } from '../test/docs/extractCodeBlocks.js';

const repo = fileURLToPath(new URL('../', import.meta.url));
const entry = (subpath: string): string =>
  join(repo, 'src', subpath === '' ? 'index.ts' : `${subpath.slice(1)}/index.ts`);
const scratch = mkdtempSync(join(tmpdir(), 'clientele-doc-blocks-'));
let failures = 0;
let counter = 0;
try {
  for (const document of process.argv.slice(2)) {
    for (const block of extractCodeBlocks(readFileSync(document, 'utf8'))) {
      console.log(`\n── ${document}:${block.line}${block.skip ? ' (no-run: skipped)' : ''}`);
      if (block.skip) continue;
      const file = join(scratch, `block-${(counter += 1)}-${block.line}.ts`);
      writeFileSync(file, `${rewritePackageImports(block.code, entry)}\nexport {};\n`);
      try {
        await import(pathToFileURL(file).href);
      } catch (error) {
        failures++;
        console.log(`THREW: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = failures === 0 ? 0 : 1;
