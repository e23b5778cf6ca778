/**
 * The pieces every compiler shares: a writer that collects bound values (or inlines them as
 * escaped literals), identifier checks, and exact decimal text.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ValidationError, describeValue, makeIssue, type Issue } from '../shared/errors.js';
import { fromDecimal, rational, type Rational } from '../shared/rational.js';
import { dialectRules, sqlDialects, type DialectRules, type SqlDialect } from './dialects.js';
import type { SqlColumn, SqlQuery, SqlTotals, ToSqlOptions } from './types.js';

/** Prefix of the query's internal column names; kept columns may not start with it. */
export const INTERNAL = '__clientele_';

/** Collects bound values while a compiler writes its text. */
export class SqlWriter {
  readonly params: string[] = [];
  private readonly reuse = new Map<string, number>();
  private readonly numbered: boolean;
  constructor(
    readonly rules: DialectRules,
    /** When true, values are written as escaped literals instead of placeholders. */
    readonly inline: boolean,
  ) {
    this.numbered = rules.placeholder(1) !== rules.placeholder(2);
  }

  /** A bound string value: a placeholder, or an escaped literal when inlining. */
  param(value: string): string {
    if (this.inline || !this.rules.placeholders) return this.rules.stringLiteral(value);
    // Numbered placeholders ($1) can be repeated; positional ones (?) need one value per use.
    const known = this.numbered ? this.reuse.get(value) : undefined;
    if (known !== undefined) return this.rules.placeholder(known);
    this.params.push(value);
    this.reuse.set(value, this.params.length);
    return this.rules.placeholder(this.params.length);
  }

  quote(name: string): string {
    return this.rules.quote(name);
  }

  /** An exact decimal literal. */
  decimal(value: Rational | Decimal): string {
    return this.rules.decimalLiteral(decimalText('numerator' in value ? value : fromDecimal(value)));
  }

  /** A model number compared with a number column read by `rules.readNumber`. */
  threshold(value: Rational): string {
    return this.rules.compareLiteral(decimalText(value));
  }

  /** A string literal for a value the model validated (ids, severities, fixed words). */
  word(text: string): string {
    return this.rules.stringLiteral(text);
  }

  /** A (possibly qualified) table name. */
  table(name: string | readonly string[]): string {
    return (typeof name === 'string' ? [name] : name).map((part) => this.quote(part)).join('.');
  }
}

/** Reads the dialect option. */
export function readDialect(value: unknown): DialectRules {
  if (typeof value !== 'string' || !(sqlDialects as readonly string[]).includes(value)) {
    throw new ValidationError(
      [
        makeIssue(
          'options.dialect',
          `one of ${sqlDialects.map((name) => `"${name}"`).join(', ')}`,
          describeValue(value),
        ),
      ],
      'toSql',
    );
  }
  return dialectRules(value as SqlDialect);
}

/** A name an engine accepts unquoted (and so stores in its own case). */
const UNQUOTED = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/**
 * Reads `dialect` and `identifierCase`: the dialect's rules, folding every name that could be unquoted to the case
 * the caller asked for before quoting it.
 */
export function readRules(options: ToSqlOptions, issues: Issue[]): DialectRules {
  const rules = readDialect(options.dialect);
  const mode: unknown = options.identifierCase ?? 'preserve';
  if (mode === 'preserve') return rules;
  if (mode !== 'upper' && mode !== 'lower') {
    issues.push(makeIssue('options.identifierCase', '"preserve", "upper" or "lower"', describeValue(mode)));
    return rules;
  }
  const foldName = (name: string): string =>
    !UNQUOTED.test(name) ? name : mode === 'upper' ? name.toUpperCase() : name.toLowerCase();
  return { ...rules, foldName, quote: (name) => rules.quote(foldName(name)) };
}

/** Checks an identifier the caller supplies: a non-empty string of at most 255 characters without NUL. */
export function identifierIssue(name: unknown, path: string): Issue | null {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255 || name.includes('\u0000')) {
    return makeIssue(path, 'a column or table name: 1–255 characters, no NUL', describeValue(name));
  }
  return null;
}

/** Reads `table`: one name or a non-empty list of name parts. */
export function readTable(value: unknown, issues: Issue[]): string | readonly string[] {
  if (typeof value === 'string') {
    const issue = identifierIssue(value, 'options.table');
    if (issue) issues.push(issue);
    return value;
  }
  if (Array.isArray(value) && value.length > 0 && value.length <= 4) {
    value.forEach((part, index) => {
      const issue = identifierIssue(part, `options.table[${index}]`);
      if (issue) issues.push(issue);
    });
    return value as string[];
  }
  issues.push(makeIssue('options.table', 'a table name, or 1–4 name parts', describeValue(value)));
  return '';
}

/** Reads `keep`: distinct column names, none starting with the internal prefix. */
export function readKeep(value: unknown, issues: Issue[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    issues.push(makeIssue('options.keep', 'an array of column names', describeValue(value), 'invalid_type'));
    return [];
  }
  const seen = new Set<string>();
  value.forEach((name, index) => {
    const issue = identifierIssue(name, `options.keep[${index}]`);
    if (issue) issues.push(issue);
    else if (seen.has(name as string))
      issues.push(makeIssue(`options.keep[${index}]`, 'a column not kept twice', describeValue(name), 'duplicate'));
    else if ((name as string).toLowerCase().startsWith(INTERNAL))
      issues.push(
        makeIssue(`options.keep[${index}]`, `a column name not starting with "${INTERNAL}"`, describeValue(name)),
      );
    seen.add(name as string);
  });
  return value as string[];
}

/**
 * Reads `columns` and returns a lookup (input id → column name), checking every name and that only known inputs are
 * mapped.
 */
export function readColumns(value: unknown, known: readonly string[], issues: Issue[]): (input: string) => string {
  if (value === undefined) return (input) => input;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push(
      makeIssue(
        'options.columns',
        'an object mapping model inputs to column names',
        describeValue(value),
        'invalid_type',
      ),
    );
    return (input) => input;
  }
  const map = new Map<string, string>();
  const allowed = new Set(known);
  for (const key of Object.keys(value)) {
    const column = (value as Record<string, unknown>)[key];
    const path = `options.columns[${JSON.stringify(key)}]`;
    if (!allowed.has(key)) {
      issues.push(
        makeIssue(
          path,
          `an input of the model (${known.slice(0, 8).join(', ')}${known.length > 8 ? ', …' : ''})`,
          'an unknown key',
        ),
      );
      continue;
    }
    const issue = identifierIssue(column, path);
    if (issue) issues.push(issue);
    else map.set(key, column as string);
  }
  return (input) => map.get(input) ?? input;
}

/** Rejects output names that clash with kept columns (after the `identifierCase` mapping, if any). */
export function checkOutputNames(
  keep: readonly string[],
  outputs: readonly string[],
  issues: Issue[],
  rules?: DialectRules,
): void {
  const fold = rules?.foldName ?? ((name: string): string => name);
  const taken = new Set(outputs.map(fold));
  keep.forEach((name, index) => {
    if (taken.has(fold(name)))
      issues.push(
        makeIssue(
          `options.keep[${index}]`,
          `a name other than the output columns (${outputs.join(', ')})`,
          describeValue(name),
        ),
      );
  });
}

const TEN = 10n;

/** Exact plain decimal text of a terminating rational; throws a RangeError otherwise (a compiler bug). */
export function decimalText(value: Rational): string {
  const { numerator, denominator } = rational(value.numerator, value.denominator);
  let places = 0;
  let scale = 1n;
  while (scale % denominator !== 0n) {
    scale *= TEN;
    places++;
    if (places > 60) throw new RangeError('decimalText: the value does not terminate');
  }
  const digits = ((numerator < 0n ? -numerator : numerator) * (scale / denominator))
    .toString()
    .padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  const text = places === 0 ? whole : `${whole}.${fraction}`;
  return numerator < 0n ? `-${text}` : text;
}

/** Significant digits of a terminating rational (0 for zero): `0.00120` has 2, `1200` has 2. */
export function significantDigits(value: Rational): number {
  const digits = decimalText(value).replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length;
}

/** Decimal places of a terminating rational (0 for integers). */
export function placesOf(value: Rational): number {
  const text = decimalText(value);
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

/** Builds the public query object from a compiler run twice (placeholders, then inline). */
export function makeQuery(
  kind: SqlQuery['modelKind'],
  rules: DialectRules,
  model: { id: string; version: string; fingerprint: string },
  write: (writer: SqlWriter) => { text: string; columns: SqlColumn[]; totals: SqlTotals | null },
): SqlQuery {
  const dialect = rules.name;
  const fold = rules.foldName ?? ((name: string): string => name);
  const writer = new SqlWriter(rules, false);
  const { text, columns, totals } = write(writer);
  const params = Object.freeze([...writer.params]);
  let inlined: string | undefined;
  const inline = (): string => (inlined ??= write(new SqlWriter(rules, true)).text);
  return Object.freeze({
    dialect,
    modelKind: kind,
    model: Object.freeze({ id: model.id, version: model.version, fingerprint: model.fingerprint }),
    text,
    params,
    columns: Object.freeze(columns.map((column) => Object.freeze({ ...column, name: fold(column.name) }))),
    totals: totals ? Object.freeze(totals) : null,
    inline,
    createView(name: string | readonly string[]): string {
      const issues: Issue[] = [];
      readTable(name, issues);
      if (issues.length > 0)
        throw new ValidationError(
          issues.map((issue) =>
            makeIssue(issue.path.replace('options.table', 'name'), issue.expected, issue.received, issue.code),
          ),
          'createView',
        );
      return `CREATE OR REPLACE VIEW ${writer.table(name)} AS\n${inline()}`;
    },
  });
}
