/**
 * Every ```ts block in README.md and docs/*.md runs, so the docs never rot. Imports of `clientele`
 * (and its subpaths, and Deno's `npm:clientele@…`) are pointed at the source entry points; each
 * block runs as its own module with the console silenced. A block preceded by `<!-- no-run -->`
 * is reported as skipped. A one-line `console.log(…); // value` must print that value (the docs'
 * convention, read by ./printedComments.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { extractCodeBlocks, rewritePackageImports } from './extractCodeBlocks.js';
import { headingAnchors, relativeLinks } from './markdownLinks.js';
import { instrumentLogs, loggedLines, mismatch } from './printedComments.js';
import { dirname, normalize } from 'node:path';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const documents = [
  ...(existsSync(join(repo, 'README.md')) ? ['README.md'] : []),
  ...readdirSync(join(repo, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => `docs/${file}`),
];
const entry = (subpath: string): string =>
  join(repo, 'src', subpath === '' ? 'index.ts' : `${subpath.slice(1)}/index.ts`);
const scratch = mkdtempSync(join(tmpdir(), 'clientele-docs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('extractCodeBlocks', () => {
  it('finds ts and typescript fences with their line, honours <!-- no-run -->, ignores other languages', () => {
    const markdown = [
      '# t',
      '```ts',
      'a()',
      '```',
      '',
      '<!-- no-run -->',
      '',
      '```typescript',
      'b()',
      '```',
      '```sh',
      '```ts',
      '```',
      '~~~ts',
      'c()',
      '~~~',
    ].join('\n');
    expect(extractCodeBlocks(markdown)).toEqual([
      { line: 2, code: 'a()', skip: false },
      { line: 8, code: 'b()', skip: true },
      { line: 14, code: 'c()', skip: false },
    ]);
  });
  it('points every form of the package specifier at the entry files', () => {
    const code = [
      "import { a } from 'clientele';",
      'import b from "clientele/value";',
      "import { c } from 'npm:clientele@0.1.0/churn';",
      "await import('npm:clientele');",
      "import { d } from 'clientele/sql';",
      "import 'clientele-other';",
    ].join('\n');
    expect(rewritePackageImports(code, (subpath) => `<${subpath}>`)).toBe(
      [
        "import { a } from '<>';",
        'import b from "</value>";',
        "import { c } from '</churn>';",
        "await import('<>');",
        "import { d } from '</sql>';",
        "import 'clientele-other';",
      ].join('\n'),
    );
  });
});

const runnable = documents.flatMap((document) =>
  extractCodeBlocks(readFileSync(join(repo, document), 'utf8'))
    .filter((block) => !block.skip)
    .map((block) => ({
      document,
      block,
      file: join(scratch, `${document.replace(/[^a-z0-9]+/gi, '-')}-${block.line}.ts`),
    })),
);

describe('what a snippet prints is what its comment says', () => {
  const check = (comment: string, ...args: unknown[]) => mismatch({ line: 1, comment }, [args]);
  it("a value in the docs' notation matches: quoted or plain strings, lists, objects, an explanation after it", () => {
    expect(check("'80' 'A'", '80', 'A')).toBeUndefined();
    expect(check('78 B', '78', 'B')).toBeUndefined();
    expect(check("['spend-drop']", ['spend-drop'])).toBeUndefined();
    expect(check('2: two points short of A', '2')).toBeUndefined();
    expect(check('266.67 = 100 × 0.8 / (1.1 − 0.8)', '266.67')).toBeUndefined();
    expect(check('{ lastCall: null, days: 2802 }', { lastCall: null, days: 2802 })).toBeUndefined();
    expect(check('account_id, total, …', ['account_id', 'total', 'grade'])).toBeUndefined();
  });
  it('a wrong value fails, naming the line, what was printed and what the comment says', () => {
    expect(check("'79' 'A'", '80', 'A')).toMatch(/line 1: printed .*80.* the comment says '79' 'A'/);
    expect(check('25.0 4 2', '2')).toBeDefined();
    expect(check("['a', 'b']", ['a'])).toBeDefined();
    expect(check('D', 'C')).toBeUndefined(); // a bare word that is not the printed one reads as prose
    expect(check("'C'", 'D')).toBeDefined();
  });
  it('prose about the line is not compared', () => {
    expect(check('what costs the most points', ['tenure', 'assetSize'])).toBeUndefined();
  });
  it('instrumentLogs routes only one-line logs with a trailing comment', () => {
    const code = "console.log(a); // 1\nconsole.log(b);\n  console.log(c, d); // 'x'";
    expect(loggedLines(code)).toEqual([
      { line: 1, comment: '1' },
      { line: 3, comment: "'x'" },
    ]);
    expect(instrumentLogs(code).split('\n')).toEqual([
      '(globalThis as any).__docLog(1, a); // 1',
      'console.log(b);',
      "  (globalThis as any).__docLog(3, c, d); // 'x'",
    ]);
  });
});

describe('a block that breaks is caught', () => {
  it('a block that throws fails its test', async () => {
    const file = join(scratch, 'throws.ts');
    writeFileSync(
      file,
      `${rewritePackageImports("import { score } from 'clientele';\nscore({} as never, {});", entry)}\nexport {};\n`,
    );
    await expect(import(/* @vite-ignore */ pathToFileURL(file).href)).rejects.toThrow();
  }, 30_000);
});

/** Type-checks every runnable block at once (one program), then reports per document. */
let diagnosticsByDocument: Map<string, string[]> | undefined;
function typeCheckBlocks(): Map<string, string[]> {
  if (diagnosticsByDocument) return diagnosticsByDocument;
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
    baseUrl: repo,
    paths: {
      clientele: ['src/index.ts'],
      'clientele/*': ['src/*/index.ts'],
      'npm:clientele@*': ['src/index.ts'],
      'npm:clientele': ['src/index.ts'],
    },
  };
  const program = ts.createProgram(
    runnable.map(({ file }) => file),
    options,
  );
  const byFile = new Map(runnable.map((entry) => [entry.file, entry]));
  diagnosticsByDocument = new Map(documents.map((document) => [document, [] as string[]]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const entry = diagnostic.file ? byFile.get(diagnostic.file.fileName) : undefined;
    if (diagnostic.file && !entry) continue; // errors inside src/ are the type check's business
    const line =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : 0;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const document = entry?.document ?? documents[0] ?? 'README.md';
    diagnosticsByDocument
      .get(document)
      ?.push(
        entry ? `block at line ${entry.block.line}, line ${line} of the block: ${message}` : `compiler: ${message}`,
      );
  }
  return diagnosticsByDocument;
}

describe('every runnable block type-checks (strict, against the source entry points)', () => {
  for (const document of documents) {
    const count = runnable.filter((entry) => entry.document === document).length;
    if (count === 0) continue;
    it(`${document}: ${count} blocks compile without errors`, () => {
      expect(typeCheckBlocks().get(document)).toEqual([]);
    }, 180_000);
  }
});

describe('links between the docs land somewhere', () => {
  it('relativeLinks and headingAnchors follow GitHub: code is ignored, slugs keep letters of any script', () => {
    const markdown = [
      '# Score a CSV export',
      '## 客户价值 (matrix)',
      '## Score a CSV export',
      'See [a](./x.md#y) and `[b](c.md)`.',
      '```',
      '[d](e.md)',
      '```',
      '[web](https://example.org)',
    ].join('\n');
    expect(relativeLinks(markdown)).toEqual([{ line: 4, target: './x.md#y' }]);
    expect([...headingAnchors(markdown)]).toEqual(['score-a-csv-export', '客户价值-matrix', 'score-a-csv-export-1']);
  });
  for (const document of documents) {
    it(`${document}: every relative link and anchor exists`, () => {
      const broken: string[] = [];
      for (const { line, target } of relativeLinks(readFileSync(join(repo, document), 'utf8'))) {
        const [path = '', anchor] = target.split('#');
        const file =
          path === '' ? join(repo, document) : normalize(join(repo, dirname(document), decodeURIComponent(path)));
        if (!existsSync(file)) {
          broken.push(`line ${line}: ${target} (no such file)`);
          continue;
        }
        if (
          anchor !== undefined &&
          file.endsWith('.md') &&
          !headingAnchors(readFileSync(file, 'utf8')).has(decodeURIComponent(anchor).toLowerCase())
        ) {
          broken.push(`line ${line}: ${target} (no such heading)`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});

for (const document of documents) {
  const blocks = extractCodeBlocks(readFileSync(join(repo, document), 'utf8'));
  describe(document, () => {
    if (blocks.length === 0) it.skip('has no ts code block', () => undefined);
    blocks.forEach((block, index) => {
      const run = block.skip ? it.skip : it;
      run(
        `code block ${index + 1} (line ${block.line}) runs`,
        async () => {
          const file = join(scratch, `${document.replace(/[^a-z0-9]+/gi, '-')}-${block.line}.ts`);
          writeFileSync(file, `${rewritePackageImports(instrumentLogs(block.code), entry)}\nexport {};\n`);
          const silenced = (['log', 'info', 'table', 'dir'] as const).map((method) =>
            vi.spyOn(console, method).mockImplementation(() => undefined),
          );
          // a one-line console.log with a trailing comment: what it prints must be what the comment says
          const printed = new Map<number, unknown[][]>();
          (globalThis as { __docLog?: unknown }).__docLog = (line: number, ...args: unknown[]) => {
            printed.set(line, [...(printed.get(line) ?? []), args]);
          };
          try {
            await import(/* @vite-ignore */ pathToFileURL(file).href);
          } finally {
            for (const spy of silenced) spy.mockRestore();
            delete (globalThis as { __docLog?: unknown }).__docLog;
          }
          const wrong = loggedLines(block.code).flatMap(
            (logged) => mismatch(logged, printed.get(logged.line) ?? []) ?? [],
          );
          expect(wrong, `${document} block at line ${block.line}: printed values differ from their comments`).toEqual(
            [],
          );
        },
        30_000,
      );
    });
  });
}
