/**
 * `npm run test:exact-optional` (after `npm run build`): compiles test/types-exact/consumer.ts.template
 * against the built declarations (dist/*.d.ts) as a consumer with `exactOptionalPropertyTypes`,
 * `noUncheckedIndexedAccess`, strict and `skipLibCheck: false` would. Exits 1 on any diagnostic.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'clientele-exact-'));
try {
  const consumer = join(scratch, 'consumer.ts');
  writeFileSync(consumer, readFileSync(join(root, 'test', 'types-exact', 'consumer.ts.template'), 'utf8'));
  const program = ts.createProgram([consumer], {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
    baseUrl: root,
    paths: { clientele: ['dist/index.d.ts'], 'clientele/*': ['dist/*.d.ts'] },
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  for (const diagnostic of diagnostics)
    console.error(
      ts.formatDiagnostic(diagnostic, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => scratch,
        getNewLine: () => '\n',
      }),
    );
  if (diagnostics.length === 0)
    console.log('the consumer compiles with exactOptionalPropertyTypes against dist/*.d.ts');
  process.exitCode = diagnostics.length === 0 ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
