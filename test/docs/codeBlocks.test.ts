/**
 * Every ```ts block in README.md and docs/*.md runs, so the docs never rot. Imports of `clientele`
 * (and its subpaths, and Deno's `npm:clientele@…`) are pointed at the source entry points; each
 * block runs as its own module with the console silenced. A block preceded by `<!-- no-run -->`
 * is reported as skipped.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { extractCodeBlocks, rewritePackageImports } from './extractCodeBlocks.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const documents = [
  ...(existsSync(join(repo, 'README.md')) ? ['README.md'] : []),
  ...readdirSync(join(repo, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => `docs/${file}`),
];
const entry = (subpath: string): string => join(repo, 'src', subpath === '' ? 'index.ts' : `${subpath.slice(1)}/index.ts`);
const scratch = mkdtempSync(join(tmpdir(), 'clientele-docs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('extractCodeBlocks', () => {
  it('finds ts and typescript fences with their line, honours <!-- no-run -->, ignores other languages', () => {
    const markdown = ['# t', '```ts', 'a()', '```', '', '<!-- no-run -->', '', '```typescript', 'b()', '```', '```sh', '```ts', '```', '~~~ts', 'c()', '~~~'].join('\n');
    expect(extractCodeBlocks(markdown)).toEqual([
      { line: 2, code: 'a()', skip: false },
      { line: 8, code: 'b()', skip: true },
      { line: 14, code: 'c()', skip: false },
    ]);
  });
  it('points every form of the package specifier at the entry files', () => {
    const code = `import { a } from 'clientele';\nimport b from "clientele/value";\nimport { c } from 'npm:clientele@0.1.0/churn';\nawait import('npm:clientele');\nimport 'clientele-other';`;
    expect(rewritePackageImports(code, (subpath) => `<${subpath}>`)).toBe(
      `import { a } from '<>';\nimport b from "</value>";\nimport { c } from '</churn>';\nawait import('<>');\nimport 'clientele-other';`,
    );
  });
});

const runnable = documents.flatMap((document) =>
  extractCodeBlocks(readFileSync(join(repo, document), 'utf8'))
    .filter((block) => !block.skip)
    .map((block) => ({ document, block, file: join(scratch, `${document.replace(/[^a-z0-9]+/gi, '-')}-${block.line}.ts`) })),
);

describe('a block that breaks is caught', () => {
  it('a block that throws fails its test', async () => {
    const file = join(scratch, 'throws.ts');
    writeFileSync(file, `${rewritePackageImports("import { score } from 'clientele';\nscore({} as never, {});", entry)}\nexport {};\n`);
    await expect(import(/* @vite-ignore */ pathToFileURL(file).href)).rejects.toThrow();
  }, 30_000);
});

describe('every runnable block type-checks (strict, against the source entry points)', () => {
  it(`${runnable.length} blocks compile without errors`, () => {
    for (const { block, file } of runnable) writeFileSync(file, `${block.code}\nexport {};\n`);
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      typeRoots: [join(repo, 'node_modules', '@types')],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      baseUrl: repo,
      paths: {
        clientele: ['src/index.ts'],
        'clientele/*': ['src/*/index.ts'],
        'npm:clientele@*': ['src/index.ts'],
        'npm:clientele': ['src/index.ts'],
      },
    };
    const program = ts.createProgram(runnable.map(({ file }) => file), options);
    const ours = new Set(runnable.map(({ file }) => file));
    const located = new Map(runnable.map(({ document, block, file }) => [file, `${document} block at line ${block.line}`]));
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file === undefined || ours.has(diagnostic.file.fileName))
      .map((diagnostic) => {
        const where = diagnostic.file ? located.get(diagnostic.file.fileName) : 'config';
        const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
        return `${where}, line ${line} of the block: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      });
    expect(problems).toEqual([]);
  }, 120_000);
});

for (const document of documents) {
  const blocks = extractCodeBlocks(readFileSync(join(repo, document), 'utf8'));
  describe(document, () => {
    if (blocks.length === 0) it.skip('has no ts code block', () => undefined);
    blocks.forEach((block, index) => {
      const run = block.skip ? it.skip : it;
      run(`code block ${index + 1} (line ${block.line}) runs`, async () => {
        const file = join(scratch, `${document.replace(/[^a-z0-9]+/gi, '-')}-${block.line}.ts`);
        writeFileSync(file, `${rewritePackageImports(block.code, entry)}\nexport {};\n`);
        const silenced = (['log', 'info', 'table', 'dir'] as const).map((method) => vi.spyOn(console, method).mockImplementation(() => undefined));
        try {
          await import(/* @vite-ignore */ pathToFileURL(file).href);
        } finally {
          for (const spy of silenced) spy.mockRestore();
        }
      }, 30_000);
    });
  });
}
