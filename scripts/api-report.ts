/**
 * The public API report: every export of every entry point of the package, with its declared type
 * signature as the built declarations (`dist/*.d.ts`) give it, read with the TypeScript compiler
 * API. The report is committed as api/clientele.api.md, so a change of the public surface shows
 * up in review as a diff of that file.
 *
 *   tsx scripts/api-report.ts          writes api/clientele.api.md (run `npm run build` first)
 *   tsx scripts/api-report.ts --check  exits 1 when the committed report differs from the build
 *
 * Each declaration is printed once, under the first entry point (in the exports map's order,
 * subpaths before the root) that exports it; later entry points list the name with where it is
 * described. Comments are left out: the report is the surface, the TSDoc is in the reference.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const reportPath = join(root, 'api', 'clientele.api.md');

interface EntryPoint {
  /** `clientele` or `clientele/scoring`. */
  readonly specifier: string;
  /** The ESM declaration file of the entry point. */
  readonly file: string;
}

/** The entry points of the exports map with their ESM `.d.ts` (JSON and package.json entries left out). */
function entryPoints(): EntryPoint[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    exports: Record<string, unknown>;
  };
  const entries: EntryPoint[] = [];
  for (const [key, conditions] of Object.entries(manifest.exports)) {
    const types = conditions as { import?: { types?: string } } | string | null;
    const file = typeof types === 'object' ? types?.import?.types : undefined;
    if (!file) continue;
    entries.push({
      specifier: key === '.' ? manifest.name : `${manifest.name}${key.slice(1)}`,
      file: join(root, file),
    });
  }
  // subpaths first, so each declaration is described under the module it belongs to
  return [
    ...entries.filter((entry) => entry.specifier.includes('/')),
    ...entries.filter((e) => !e.specifier.includes('/')),
  ];
}

/** The kind of a declaration, as the report names it. */
function kindOf(declaration: ts.Declaration): string {
  if (ts.isFunctionDeclaration(declaration)) return 'function';
  if (ts.isClassDeclaration(declaration)) return 'class';
  if (ts.isInterfaceDeclaration(declaration)) return 'interface';
  if (ts.isTypeAliasDeclaration(declaration)) return 'type';
  if (ts.isEnumDeclaration(declaration)) return 'enum';
  if (ts.isVariableDeclaration(declaration)) return 'const';
  if (ts.isModuleDeclaration(declaration)) return 'namespace';
  return ts.SyntaxKind[declaration.kind];
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/** The declaration's text as written in the `.d.ts`, without comments or `export`/`declare` noise. */
function printDeclaration(declaration: ts.Declaration): string {
  const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  return printer
    .printNode(ts.EmitHint.Unspecified, node, declaration.getSourceFile())
    .replace(/^export (default )?/, '')
    .replace(/^declare /, '');
}

interface ExportedName {
  readonly name: string;
  readonly kind: string;
  readonly text: string;
  /** Identity of the declarations, so a re-export elsewhere is recognised. */
  readonly key: ts.Symbol;
  readonly declarations: readonly ts.Declaration[];
}

/** Every export of one entry point, sorted by name. */
function exportsOf(program: ts.Program, checker: ts.TypeChecker, file: string): ExportedName[] {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is not in the program (run npm run build first)`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${file} has no exports`);
  return checker
    .getExportsOfModule(moduleSymbol)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const declarations = target.declarations ?? [];
      return {
        name: symbol.getName(),
        kind: [...new Set(declarations.map(kindOf))].join(' + '),
        text: declarations.map(printDeclaration).join('\n'),
        key: target,
        declarations,
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** True when a type node admits `undefined` (`T | undefined`, `unknown`, `any`, `undefined`). */
function admitsUndefined(type: ts.TypeNode | undefined): boolean {
  if (!type) return true;
  if ([ts.SyntaxKind.UndefinedKeyword, ts.SyntaxKind.UnknownKeyword, ts.SyntaxKind.AnyKeyword].includes(type.kind))
    return true;
  if (ts.isParenthesizedTypeNode(type)) return admitsUndefined(type.type);
  return ts.isUnionTypeNode(type) && type.types.some(admitsUndefined);
}

/**
 * The report's last section: optional properties (`k?: T`) in the declarations that refuse an
 * explicit `undefined` under `exactOptionalPropertyTypes` (their type lacks `| undefined`).
 */
function optionalWithoutUndefined(described: readonly ExportedName[]): string[] {
  const rows: string[] = [];
  for (const exported of described) {
    const names = new Set<string>();
    const visit = (node: ts.Node): void => {
      if (ts.isPropertySignature(node) && node.questionToken && !admitsUndefined(node.type))
        names.add(node.name.getText());
      ts.forEachChild(node, visit);
    };
    for (const declaration of exported.declarations) visit(declaration);
    if (names.size > 0) rows.push(`- \`${exported.name}\`: ${[...names].map((name) => `\`${name}\``).join(', ')}`);
  }
  return [
    '## Optional properties that refuse an explicit `undefined`',
    '',
    'Under `exactOptionalPropertyTypes`, `{ k: undefined }` does not type-check for these (their type has',
    'no `| undefined`); each is a candidate for `k?: T | undefined`.',
    '',
    rows.length === 0 ? 'None.' : `${rows.length} declarations:`,
    '',
    ...rows,
    '',
  ];
}

/** The report's Markdown, formatted as the repository's Prettier config formats it. */
export async function buildApiReport(): Promise<string> {
  const entries = entryPoints();
  for (const entry of entries)
    if (!existsSync(entry.file)) throw new Error(`${entry.file} is missing: run npm run build first`);
  const program = ts.createProgram(
    entries.map((entry) => entry.file),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      noEmit: true,
      types: [],
    },
  );
  const checker = program.getTypeChecker();
  const describedIn = new Map<ts.Symbol, string>();
  const described: ExportedName[] = [];
  const lines: string[] = [
    '# API report: clientele',
    '',
    '<!-- Generated by scripts/api-report.ts from the built declarations (dist/*.d.ts). Do not edit:',
    '     run `npm run build && npm run api:report`, and review the diff of this file as a change of',
    '     the public API (see CONTRIBUTING.md, "Versions and deprecation"). -->',
    '',
  ];
  for (const entry of entries) {
    const names = exportsOf(program, checker, entry.file);
    lines.push(`## ${entry.specifier}`, '', `${names.length} exports.`, '');
    for (const exported of names) {
      const elsewhere = describedIn.get(exported.key);
      if (elsewhere !== undefined) {
        lines.push(`- \`${exported.name}\` (${exported.kind}): see ${elsewhere}`);
        continue;
      }
      describedIn.set(exported.key, entry.specifier);
      described.push(exported);
      lines.push(`### ${exported.name} (${exported.kind})`, '', '```ts', exported.text, '```', '');
    }
    lines.push('');
  }
  lines.push(...optionalWithoutUndefined(described));
  const options = (await prettier.resolveConfig(reportPath)) ?? {};
  return prettier.format(lines.join('\n'), { ...options, filepath: reportPath });
}

async function main(args: string[]): Promise<number> {
  const report = await buildApiReport();
  if (args.includes('--check')) {
    const committed = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : '';
    if (committed === report) {
      console.log('api/clientele.api.md is current');
      return 0;
    }
    const before = committed.split('\n');
    const after = report.split('\n');
    const firstDifference = after.findIndex((line, index) => line !== before[index]);
    console.error(
      'api/clientele.api.md is stale: the public API changed. Run `npm run build && npm run api:report`, ' +
        `review the diff and commit it (first difference at line ${firstDifference + 1}: ` +
        `${JSON.stringify(after[firstDifference] ?? '(end of file)')}).`,
    );
    return 1;
  }
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, report);
  console.log(`wrote api/clientele.api.md (${report.split('\n').length} lines)`);
  return 0;
}

/**
 * True when the module at `moduleUrl` is the script node was started with (`entry`, its
 * `process.argv[1]`, relative or absolute, through links or not), false when another script or a
 * test imports it: only then does the report run, so importing this file never rewrites it.
 */
export function isEntryScript(entry: string | undefined, moduleUrl: string): boolean {
  if (!entry) return false;
  const real = (path: string): string => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  return real(resolve(entry)) === real(fileURLToPath(moduleUrl));
}

if (isEntryScript(process.argv[1], import.meta.url))
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
