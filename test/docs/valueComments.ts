/**
 * The docs' convention for what a snippet computes: a comment after a statement, on the same line,
 * is a claim about its value, and the docs test compares every one with what the code does.
 *
 * - After `console.log(…);` it is what the call prints; after any other expression statement
 *   (`formatNumber(x); // '0.33'`) what the expression evaluates to; after a declaration of one
 *   name (`const n = f(); // 3`) the value the name gets.
 * - A statement that runs more than once (in a loop) prints or evaluates each time: the comment
 *   lists every run, in order, separated by `, `. A statement that never runs fails the test: a
 *   claim about a branch the example does not take cannot be checked.
 * - The comment starts with the value written as console.log shows it: strings quoted (`'A'`,
 *   `"A"`) or plain (`A`), numbers and bigints as JavaScript writes them (`0.5`, `1n`), a Decimal as
 *   its `toString()`, `true`, `null`, `undefined`, arrays and objects as `util.inspect` writes them
 *   on one line (`['a', 'b']`, `{ key: 1 }`; spaces inside brackets and braces do not count, nor
 *   single against double quotes). The arguments of one console.log are separated by a space,
 *   all quoted or all plain (`'80' 'A'` or `80 A`).
 * - `…` stands for characters left out: `['a', …]`, `0.8333…`, `{ id: 'x', … }`. The value must
 *   still write something besides `…` and spaces, which is compared: a comment that is only `…`
 *   (or `… (why)`) claims nothing and fails; make it a note.
 * - After the value, an explanation may follow, set off by `:` (`// 2: two points short of A`) or
 *   by a space and `(`, `=`, `—` or `–` (`// 266.67 = 100 × 0.8 / (1.1 − 0.8)`).
 * - A comment that says something other than the value starts with `note:` (`// note: once`), or
 *   stands on its own line. A comment inside a statement that spans lines (after an argument, a
 *   property, an element) annotates that part and is not compared. A comment after any other
 *   statement (an import, a block's `}`) must be a note.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import ts from 'typescript';

/** A claim: the 1-based line of the block its comment is on, the comment, and what it is about. */
export interface ValueClaim {
  readonly line: number;
  readonly comment: string;
  readonly about: 'printed' | 'value';
}

/** The claims of a block, the comments that can be neither compared nor read as notes, and the
 * block with every claimed statement routed through `globalThis.__docRecord(line, …values)`. */
export interface ClaimPlan {
  readonly claims: readonly ValueClaim[];
  readonly problems: readonly string[];
  readonly instrumented: string;
}

const RECORD = '(globalThis as any).__docRecord';
const isNote = (comment: string): boolean => /^note:/i.test(comment);
const NOTE_IT = 'start the comment with note: or give it its own line';

function isConsoleLog(expression: ts.Expression): expression is ts.CallExpression {
  return (
    ts.isCallExpression(expression) &&
    ts.isPropertyAccessExpression(expression.expression) &&
    ts.isIdentifier(expression.expression.expression) &&
    expression.expression.expression.text === 'console' &&
    expression.expression.name.text === 'log'
  );
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The edits that record what the statement claims about (insertions, so the statements inside it
 * keep their own), or a problem when nothing can be recorded. */
function recordingEdits(statement: ts.Statement, source: ts.SourceFile, line: number): Edit[] | string {
  if (ts.isExpressionStatement(statement)) {
    const expression = statement.expression;
    if (isConsoleLog(expression)) {
      const callee = expression.expression;
      return [{ start: callee.getStart(source), end: callee.end, text: `${RECORD}.bind(null, ${line})` }];
    }
    const start = expression.getStart(source);
    return [
      { start, end: start, text: `${RECORD}(${line}, ` },
      { start: expression.end, end: expression.end, text: ')' },
    ];
  }
  if (ts.isVariableStatement(statement)) {
    const [declaration, ...more] = statement.declarationList.declarations;
    if (declaration && more.length === 0 && ts.isIdentifier(declaration.name)) {
      const text = ` ${RECORD}(${line}, ${declaration.name.text});`;
      return [{ start: statement.end, end: statement.end, text }];
    }
    return `line ${line}: a declaration of several names cannot be compared with its comment: ${NOTE_IT}`;
  }
  return `line ${line}: a comment after ${ts.SyntaxKind[statement.kind]} cannot be compared: ${NOTE_IT}`;
}

/** Reads the block's claims and instruments it (see the module comment for the convention). */
export function planClaims(code: string): ClaimPlan {
  const source = ts.createSourceFile('block.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const claims: ValueClaim[] = [];
  const problems: string[] = [];
  const edits: Edit[] = [];
  const owned = new Set<number>();
  const visit = (node: ts.Node): void => {
    ts.forEachChild(node, visit); // inner statements first: `if (x) f(); // v` is a claim about f()
    if (!ts.isStatement(node) || ts.isBlock(node)) return;
    const range = ts.getTrailingCommentRanges(code, node.end)?.[0];
    if (!range || range.kind !== ts.SyntaxKind.SingleLineCommentTrivia || owned.has(range.pos)) return;
    owned.add(range.pos);
    const comment = code.slice(range.pos + 2, range.end).trim();
    if (isNote(comment)) return;
    const line = source.getLineAndCharacterOfPosition(range.pos).line + 1;
    const recording = recordingEdits(node, source, line);
    if (typeof recording === 'string') return void problems.push(recording);
    edits.push(...recording);
    const printed = ts.isExpressionStatement(node) && isConsoleLog(node.expression);
    claims.push({ line, comment, about: printed ? 'printed' : 'value' });
  };
  visit(source);
  let instrumented = code;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    instrumented = instrumented.slice(0, edit.start) + edit.text + instrumented.slice(edit.end);
  }
  claims.sort((a, b) => a.line - b.line);
  return { claims, problems, instrumented };
}

/** Whitespace collapsed, no space just inside brackets and braces, double quotes as single. */
function normalise(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([[{]) /g, '$1')
    .replace(/ ([\]}])/g, '$1')
    .replace(/"/g, "'")
    .trim();
}

const render = (value: unknown): string => inspect(value, { depth: 8, breakLength: Infinity, maxArrayLength: 1000 });

/** The ways the docs write what the runs of one statement produced: all quoted, or strings plain. */
export function renderings(runs: readonly (readonly unknown[])[]): string[] {
  const quoted = runs.map((values) => values.map(render).join(' ')).join(', ');
  const plain = runs
    .map((values) => values.map((value) => (typeof value === 'string' ? value : render(value))).join(' '))
    .join(', ');
  return [...new Set([quoted, plain].map(normalise))];
}

/** `said` (with `…` for characters left out) as a pattern that must match the whole value. */
function valuePattern(said: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${said.split('…').map(escape).join('[\\s\\S]*?')}$`);
}

/** True when the comment is one of the renderings, optionally followed by an explanation. */
export function claimHolds(comment: string, runs: readonly (readonly unknown[])[]): boolean {
  const said = normalise(comment);
  const values = renderings(runs);
  for (let end = said.length; end > 0; end--) {
    const rest = said.slice(end);
    if (rest !== '' && !/^(:|\s[(=—–])/.test(rest)) continue;
    const value = said.slice(0, end).trimEnd();
    // an ellipsis leaves characters out, and the value must still say something that is compared
    if (!/[^…\s]/.test(value)) continue;
    const pattern = valuePattern(value);
    if (values.some((value) => pattern.test(value))) return true;
  }
  return false;
}

/** The one-line reason a claim does not hold, or undefined when it does. */
export function mismatch(claim: ValueClaim, runs: readonly (readonly unknown[])[]): string | undefined {
  if (runs.length === 0)
    return `line ${claim.line}: never ran, so "${claim.comment}" cannot be checked: take the branch, or ${NOTE_IT}`;
  if (claimHolds(claim.comment, runs)) return undefined;
  const verb = claim.about === 'printed' ? 'printed' : 'evaluated to';
  const shown = renderings(runs).map((value) => (value.length > 400 ? `${value.slice(0, 400)}…` : value));
  return `line ${claim.line}: ${verb} ${shown.join(' / ')}, the comment says ${claim.comment}`;
}

/** What running an instrumented block recorded: the values of each claimed line, one list per run. */
export type Recorded = Map<number, unknown[][]>;

/**
 * Writes the block (instrumented, its package imports pointed by `rewrite`) to `file`, imports it and
 * returns the plan and what each claimed line produced. Throws what the block throws.
 */
export async function runBlock(
  code: string,
  file: string,
  rewrite: (code: string) => string,
): Promise<{ plan: ClaimPlan; recorded: Recorded }> {
  const plan = planClaims(code);
  const recorded: Recorded = new Map();
  writeFileSync(file, `${rewrite(plan.instrumented)}\nexport {};\n`);
  const global = globalThis as { __docRecord?: unknown };
  global.__docRecord = (line: number, ...values: unknown[]) => {
    recorded.set(line, [...(recorded.get(line) ?? []), values]);
    return values[0];
  };
  try {
    await import(/* @vite-ignore */ pathToFileURL(file).href);
  } finally {
    delete global.__docRecord;
  }
  return { plan, recorded };
}

/** Every way the block's comments and its run disagree (empty when every claim holds). */
export function claimFailures({ plan, recorded }: { plan: ClaimPlan; recorded: Recorded }): string[] {
  return [...plan.problems, ...plan.claims.flatMap((claim) => mismatch(claim, recorded.get(claim.line) ?? []) ?? [])];
}
