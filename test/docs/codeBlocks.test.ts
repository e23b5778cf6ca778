/**
 * Every ```ts block in README.md and docs/*.md runs, so the docs never rot. Imports of `clientele`
 * (and its subpaths, and Deno's `npm:clientele@…`) are pointed at the source entry points; each
 * block runs as its own module with the console silenced. A block preceded by `<!-- no-run -->`
 * is reported as skipped. A comment after a statement is a claim about its value (what a
 * console.log prints, what an expression evaluates to, what a declared name gets) and must hold;
 * a note starts with `note:` or stands on its own line (the convention, ./valueComments.ts).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { Decimal } from 'decimal.js';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { extractCodeBlocks, rewritePackageImports } from './extractCodeBlocks.js';
import { headingAnchors, relativeLinks } from './markdownLinks.js';
import { claimFailures, mismatch, planClaims, runBlock } from './valueComments.js';
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

describe('a comment after a statement is a claim about its value', () => {
  const check = (comment: string, ...values: unknown[]) => mismatch({ line: 1, comment, about: 'printed' }, [values]);
  it("the docs' notation holds: quoted or plain strings, lists, objects, Decimals, an explanation after", () => {
    expect(check("'80' 'A'", '80', 'A')).toBeUndefined();
    expect(check('78 B', '78', 'B')).toBeUndefined();
    expect(check("['spend-drop']", ['spend-drop'])).toBeUndefined();
    expect(check('[ "a", 1n ]', ['a', 1n])).toBeUndefined();
    expect(check('2: two points short of A', '2')).toBeUndefined();
    expect(check('266.67 = 100 × 0.8 / (1.1 − 0.8)', '266.67')).toBeUndefined();
    expect(check('0.5 (half)', new Decimal('0.5'))).toBeUndefined();
    expect(check('{ lastCall: null, days: 2802 }', { lastCall: null, days: 2802 })).toBeUndefined();
    expect(check("['account_id', 'total', …]", ['account_id', 'total', 'grade'])).toBeUndefined();
    expect(check("0.8333… '0.7'", 0.8333333333333334, '0.7')).toBeUndefined();
    expect(check("{ id: 'x', … } — the rest", { id: 'x', more: 1 })).toBeUndefined();
  });
  it('a wrong value fails, naming the line, what was printed and what the comment says, bare words included', () => {
    expect(check("'79' 'A'", '80', 'A')).toMatch(/line 1: printed .*80.* the comment says '79' 'A'/);
    expect(check('D', 'C')).toMatch(/line 1: printed 'C' \/ C, the comment says D/);
    expect(check('what costs the most points', ['tenure', 'assetSize'])).toBeDefined();
    expect(check('25.0 4 2', '2')).toBeDefined();
    expect(check('1 0', 1)).toBeDefined(); // a value more than printed is not an explanation
    expect(check("['a', 'b']", ['a'])).toBeDefined();
    expect(check("'C'", 'D')).toBeDefined();
    expect(check("['a', …]", ['b', 'a'])).toBeDefined();
    expect(check("0.8333…, '0.7'", 0.8333333333333334, '0.7')).toBeDefined();
  });
  it('a leading ellipsis leaves characters out but hides no wrong value, and an ellipsis alone claims nothing', () => {
    expect(check("…, 'total', 'grade']", ['account_id', 'total', 'grade'])).toBeUndefined();
    expect(check('…333 (thirds)', 0.3333333333333333)).toBeUndefined();
    expect(check("…, 'total', 'tier']", ['account_id', 'total', 'grade'])).toBeDefined();
    expect(check('…444 (thirds)', 0.3333333333333333)).toBeDefined();
    expect(check('…', 'anything')).toBeDefined();
    expect(check('… (the rest)', 'anything')).toBeDefined();
    expect(check('…: whatever it prints', 'anything')).toBeDefined();
    expect(check('… = 5', 'anything')).toBeDefined();
  });
  it('a statement that runs several times lists each run; one that never runs fails', () => {
    const claim = { line: 3, comment: 'a 1, b 2', about: 'printed' } as const;
    expect(
      mismatch(claim, [
        ['a', 1],
        ['b', 2],
      ]),
    ).toBeUndefined();
    expect(mismatch(claim, [['a', 1]])).toBeDefined();
    expect(mismatch(claim, [])).toMatch(/line 3: never ran/);
  });
  it('planClaims: claims after console.log, expressions and declarations; notes and inner comments are none', () => {
    const code = [
      'console.log(a); // 1',
      'console.log(b);',
      "f(x); // 'x'",
      'const n = g(); // 3',
      'const m = g(); // note: once',
      '// a line of prose',
      'if (ok) h(); // true',
      'call({',
      '  key: 1, // an argument',
      '}); // 2',
    ].join('\n');
    const plan = planClaims(code);
    expect(plan.problems).toEqual([]);
    expect(plan.claims).toEqual([
      { line: 1, comment: '1', about: 'printed' },
      { line: 3, comment: "'x'", about: 'value' },
      { line: 4, comment: '3', about: 'value' },
      { line: 7, comment: 'true', about: 'value' },
      { line: 10, comment: '2', about: 'value' },
    ]);
    const record = '(globalThis as any).__docRecord';
    expect(plan.instrumented.split('\n')).toEqual([
      `${record}.bind(null, 1)(a); // 1`,
      'console.log(b);',
      `${record}(3, f(x)); // 'x'`,
      `const n = g(); ${record}(4, n); // 3`,
      'const m = g(); // note: once',
      '// a line of prose',
      `if (ok) ${record}(7, h()); // true`,
      `${record}(10, call({`,
      '  key: 1, // an argument',
      '})); // 2',
    ]);
  });
  const noteIt = 'start the comment with note: or give it its own line';
  it('a comment that can be neither compared nor read as a note is a problem', () => {
    expect(planClaims("import { a } from 'x'; // a\nconst [b] = a; // 1\nif (a) {\n} // done").problems).toEqual([
      'line 1: a comment after ImportDeclaration cannot be compared: ' + noteIt,
      'line 2: a declaration of several names cannot be compared with its comment: ' + noteIt,
      'line 4: a comment after IfStatement cannot be compared: ' + noteIt,
    ]);
  });
  it('running a block records each claimed line, so a wrong value without console.log fails', async () => {
    const code = "const n = 1 + 1; // 2\n[1, 2].map(String); // ['1', '3']\nif (n > 5) console.log(n); // 6";
    const run = await runBlock(code, join(scratch, 'claims.ts'), (text) => text);
    expect(claimFailures(run)).toEqual([
      "line 2: evaluated to ['1', '2'], the comment says ['1', '3']",
      'line 3: never ran, so "6" cannot be checked: take the branch, or ' + noteIt,
    ]);
  }, 30_000);
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
          const silenced = (['log', 'info', 'table', 'dir'] as const).map((method) =>
            vi.spyOn(console, method).mockImplementation(() => undefined),
          );
          let run: Awaited<ReturnType<typeof runBlock>>;
          try {
            run = await runBlock(block.code, file, (code) => rewritePackageImports(code, entry));
          } finally {
            for (const spy of silenced) spy.mockRestore();
          }
          expect(claimFailures(run), `${document} block at line ${block.line}: comments that do not hold`).toEqual([]);
        },
        30_000,
      );
    });
  });
}
