/**
 * The docs' convention for what a snippet prints: a one-line `console.log(…); // <value>` whose
 * comment starts with the printed value, written as JavaScript would (strings quoted or not,
 * `['a', 'b']`, `{ key: 1 }`), optionally followed by an explanation (`// 2: two points short of
 * A`, `// 266.67 = 100 × 0.8 / (1.1 − 0.8)`) or cut short with `…`. A comment that does not start
 * like a value (a quote, a digit, a bracket, true/false/null, or the printed output's own first
 * word) is prose about the line (`// what costs the most points`) and is not compared.
 */
import { inspect } from 'node:util';

/** A one-line console.log with a trailing comment: its 1-based line in the block and the comment. */
export interface LoggedLine {
  readonly line: number;
  readonly comment: string;
}

const LOGGED = /^(\s*)console\.log\((.*)\);\s*\/\/\s?(.*)$/;

/** Every one-line `console.log(…); // comment` of a code block. */
export function loggedLines(code: string): LoggedLine[] {
  return code.split('\n').flatMap((text, index) => {
    const match = LOGGED.exec(text);
    return match ? [{ line: index + 1, comment: (match[3] ?? '').trim() }] : [];
  });
}

/** The block with those console.log calls routed to `globalThis.__docLog(line, …args)`. */
export function instrumentLogs(code: string): string {
  return code
    .split('\n')
    .map((text, index) =>
      LOGGED.test(text) ? text.replace(/console\.log\(/, `(globalThis as any).__docLog(${index + 1}, `) : text,
    )
    .join('\n');
}

/** Whitespace collapsed, no padding inside brackets and braces' edges kept, double quotes as single. */
function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']').replace(/"/g, "'").trim();
}

/** Quotes and brackets dropped, for a comment that lists values loosely (`a, b, …`). */
function loose(text: string): string {
  return normalise(text).replace(/['[\]]/g, '');
}

const render = (value: unknown): string => inspect(value, { depth: 6, breakLength: Infinity, maxArrayLength: 1000 });

/** The ways the docs write what `console.log(...args)` printed. */
function renderings(args: readonly unknown[]): string[] {
  const quoted = args.map(render).join(' ');
  const plain = args.map((value) => (typeof value === 'string' ? value : render(value))).join(' ');
  return [...new Set([quoted, plain].map(normalise))];
}

/** True when `comment` starts with `printed`, followed by its end or an explanation. */
function startsWithValue(comment: string, printed: string): boolean {
  if (!comment.startsWith(printed)) return false;
  const next = comment.charAt(printed.length);
  return next === '' || /[\s:;,(—=·]/.test(next);
}

/** Whether the comment claims a value (and so must match), or is prose about the line. */
export function isValueClaim(comment: string, args: readonly unknown[]): boolean {
  if (/^(['"[{\d]|-\d|true\b|false\b|null\b|undefined\b|NaN\b)/.test(comment)) return true;
  const firstWord = (text: string) => text.split(/[\s:,]/)[0] ?? '';
  return renderings(args).some((printed) => firstWord(printed) !== '' && firstWord(printed) === firstWord(comment));
}

/** True when what `console.log(...args)` printed is what the comment says. */
export function printedMatches(comment: string, args: readonly unknown[]): boolean {
  const said = normalise(comment);
  for (const printed of renderings(args)) {
    if (startsWithValue(said, printed)) return true;
    const cut = said.indexOf('…');
    if (cut > 0 && loose(printed).startsWith(loose(said.slice(0, cut)).trim())) return true;
  }
  return false;
}

/** The one-line reason a logged line does not match, or undefined when it does (or is prose). */
export function mismatch(entry: LoggedLine, calls: readonly (readonly unknown[])[]): string | undefined {
  if (calls.length === 0) return undefined; // a branch the example does not take
  if (!calls.some((args) => isValueClaim(entry.comment, args))) return undefined;
  if (calls.some((args) => printedMatches(entry.comment, args))) return undefined;
  return `line ${entry.line}: printed ${renderings(calls[0]!).join(' / ')}, the comment says ${entry.comment}`;
}
