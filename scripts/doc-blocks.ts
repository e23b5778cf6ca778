/**
 * Runs the ```ts blocks of Markdown files, shows what each prints and checks every value comment, to
 * write and check docs:
 *   npx tsx scripts/doc-blocks.ts docs/cookbook.md [more.md …]
 * Imports of `clientele` (and subpaths, and `npm:clientele@…`) point at the source entry points,
 * exactly as the docs test does (test/docs/codeBlocks.test.ts). A comment after a statement is a
 * claim about its value (test/docs/valueComments.ts): each is listed with what the line produced.
 * Exits non-zero if a block throws or a claim does not hold.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractCodeBlocks, rewritePackageImports } from '../test/docs/extractCodeBlocks.js';
import { claimFailures, renderings, runBlock } from '../test/docs/valueComments.js';

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
      try {
        const run = await runBlock(block.code, file, (code) => rewritePackageImports(code, entry));
        for (const claim of run.plan.claims) {
          const runs = run.recorded.get(claim.line) ?? [];
          console.log(`  line ${block.line + claim.line}: ${renderings(runs).join(' / ')}  // ${claim.comment}`);
        }
        const wrong = claimFailures(run);
        failures += wrong.length;
        for (const reason of wrong) console.log(`WRONG (line of the block) ${reason}`);
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
