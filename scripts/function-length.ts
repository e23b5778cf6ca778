/**
 * `npm run check:functions`: lists every function in src/ longer than the house limit (80 lines)
 * that does not state why just above it, in a comment starting `Long because`. Exits 1 when any
 * is found, so CI keeps long functions deliberate.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const LIMIT = 80;
const root = new URL('../src/', import.meta.url).pathname;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

function statedReason(source: ts.SourceFile, node: ts.Node): boolean {
  let anchor: ts.Node = node;
  while (
    anchor.parent &&
    !ts.isSourceFile(anchor.parent) &&
    !ts.isBlock(anchor.parent) &&
    !ts.isObjectLiteralExpression(anchor.parent)
  )
    anchor = anchor.parent;
  const comments = ts.getLeadingCommentRanges(source.text, anchor.getFullStart()) ?? [];
  return comments.some((range) => /Long because/.test(source.text.slice(range.pos, range.end)));
}

const offenders: string[] = [];
for (const file of filesUnder(root)) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node)
    ) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > LIMIT && !statedReason(source, node))
        offenders.push(`${relative(process.cwd(), file)}:${start + 1} ${nameOf(node)} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
for (const offender of offenders) console.log(offender);
console.log(
  offenders.length === 0
    ? `no function over ${LIMIT} lines without a stated reason`
    : `${offenders.length} function(s) over ${LIMIT} lines without a stated reason`,
);
process.exit(offenders.length === 0 ? 0 : 1);
