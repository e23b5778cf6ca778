/**
 * The dialects checked as text (BigQuery, Snowflake, Spark): a tokenizer that knows each
 * dialect's string literals (backslash escapes), quoted identifiers (backticks or double quotes)
 * and numbers reads every generated query to its end, and the tokens obey the dialect: balanced
 * parentheses, identifiers quoted its way only, one `?` per bound value, casts only to the
 * dialect's own types within its precision limits, decimals written as exact decimals (never a
 * bare FLOAT64 literal in BigQuery; `BD` in Spark), no other dialect's syntax (`::`, `$1`, HUGEINT).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineRuleSet } from '../../src/churn/index.js';
import { toSql, type SqlQuery } from '../../src/sql/index.js';
import { ruleSetOfLeaves, scorecardWithCodes } from './sqlModels.js';

type Checked = 'bigquery' | 'snowflake' | 'spark';
type Token = { kind: 'string' | 'identifier' | 'number' | 'word' | 'symbol'; text: string };

/** Reads a query into tokens the way the dialect's lexer does; throws on an unterminated literal. */
function tokenize(text: string, dialect: Checked): Token[] {
  const tokens: Token[] = [];
  const identifierQuote = dialect === 'snowflake' ? '"' : '`';
  let at = 0;
  const quoted = (quote: string, backslash: boolean): string => {
    let out = '';
    at++;
    for (;;) {
      if (at >= text.length) throw new Error(`unterminated ${quote} at ${at}`);
      const char = text[at]!;
      if (backslash && char === '\\') {
        out += text.slice(at, at + 2);
        at += 2;
      } else if (char === quote && text[at + 1] === quote && !(backslash && quote === "'" && dialect !== 'snowflake')) {
        out += quote;
        at += 2;
      } else if (char === quote) {
        at++;
        return out;
      } else {
        out += char;
        at++;
      }
    }
  };
  while (at < text.length) {
    const char = text[at]!;
    if (/\s/.test(char)) at++;
    else if (char === "'") tokens.push({ kind: 'string', text: quoted("'", true) });
    else if (char === identifierQuote) tokens.push({ kind: 'identifier', text: quoted(char, dialect === 'bigquery') });
    else if (/[0-9]/.test(char)) {
      const match = /^[0-9]+(\.[0-9]+)?(BD)?/.exec(text.slice(at))!;
      tokens.push({ kind: 'number', text: match[0] });
      at += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at))!;
      tokens.push({ kind: 'word', text: match[0] });
      at += match[0].length;
    } else {
      const two = text.slice(at, at + 2);
      const symbol = ['<=', '>=', '<>', '->', '::'].includes(two) ? two : char;
      tokens.push({ kind: 'symbol', text: symbol });
      at += symbol.length;
    }
  }
  return tokens;
}

const TYPES: Record<Checked, RegExp> = {
  bigquery: /^(BIGNUMERIC\((\d+), (\d+)\)|INT64|STRING|BOOL|BYTES|DATE|TIMESTAMP|ARRAY<.*>)$/,
  snowflake: /^(NUMBER\((\d+), (\d+)\)|VARCHAR|BOOLEAN|DATE|ARRAY)$/,
  spark: /^(DECIMAL\((\d+), (\d+)\)|BIGINT|STRING|BOOLEAN|BINARY|DATE|ARRAY<.*>)$/,
};
const LIMITS: Record<Checked, { precision: number; scale: number }> = {
  bigquery: { precision: 76, scale: 38 },
  snowflake: { precision: 38, scale: 37 },
  spark: { precision: 38, scale: 38 },
};
const FOREIGN = ['HUGEINT', 'NUMERIC', 'JSONB', 'list_filter', 'jsonb_build_object', 'array_remove', 'toDecimal128'];

/** The checks every query of a dialect passes. */
function checkQuery(query: SqlQuery, dialect: Checked): void {
  const tokens = tokenize(query.text, dialect);
  let depth = 0;
  for (const token of tokens) {
    if (token.kind !== 'symbol') continue;
    if (token.text === '(') depth++;
    if (token.text === ')') depth--;
    if (depth < 0) throw new Error('a closing parenthesis without its opening one');
    // another dialect's cast, placeholder or identifier quote
    if (['::', '$', dialect === 'snowflake' ? '`' : '"'].includes(token.text)) throw new Error(`stray ${token.text}`);
  }
  expect(depth).toBe(0);
  expect(tokens.filter((token) => token.kind === 'symbol' && token.text === '?')).toHaveLength(query.params.length);
  for (const word of FOREIGN)
    expect(tokens.some((token) => token.kind === 'word' && token.text === word && !TYPES[dialect].test(word))).toBe(
      false,
    );
  // casts: CAST(… AS <type>) with the dialect's own type names and limits
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' || token.text !== 'AS' || tokens[index - 1]?.text === 'SELECT') return;
    const next = tokens[index + 1];
    if (!next || next.kind !== 'word' || !/^[A-Z]+$/.test(next.text)) return;
    let end = index + 2;
    let type = next.text;
    if (tokens[end]?.text === '(' || tokens[end]?.text === '<') {
      const close = tokens[end]!.text === '(' ? ')' : '>';
      let nested = 0;
      for (; end < tokens.length; end++) {
        const text = tokens[end]!.text;
        if (text === '(' || text === '<') nested++;
        if (text === ')' || text === '>') nested--;
        type += text === ',' ? ', ' : text;
        if (nested === 0 && text === close) break;
      }
    }
    const match = TYPES[dialect].exec(type);
    expect(match, `a ${dialect} type: ${type}`).not.toBeNull();
    if (match?.[2] !== undefined) {
      expect(Number(match[2])).toBeLessThanOrEqual(LIMITS[dialect].precision);
      expect(Number(match[3])).toBeLessThanOrEqual(LIMITS[dialect].scale);
    }
  });
  // decimals: exact literals only (Spark's BD suffix; BigQuery's BIGNUMERIC '…' strings)
  for (const token of tokens)
    if (dialect === 'spark' && token.kind === 'number' && token.text.includes('.'))
      expect(token.text.endsWith('BD'), token.text).toBe(true);
  if (dialect === 'bigquery')
    expect(tokens.filter((token) => token.kind === 'number' && token.text.includes('.'))).toEqual([]);
}

const dialects: readonly Checked[] = ['bigquery', 'snowflake', 'spark'];

describe('BigQuery, Snowflake and Spark text', () => {
  it.each(dialects)(
    'every generated scorecard reads to its end in %s: quoting, parameters, casts and decimals of the dialect',
    (dialect) => {
      fc.assert(
        fc.property(scorecardWithCodes, fc.boolean(), (model, clamp) => {
          const query = toSql(model, { dialect, table: ['a`b', 'c"d'], clamp, keep: ["o'k"] });
          checkQuery(query, dialect);
          checkQuery({ ...query, text: query.inline(), params: [] }, dialect);
        }),
        { numRuns: 25 },
      );
    },
    60_000,
  );

  it.each(dialects)(
    'every generated rule set reads to its end in %s',
    (dialect) => {
      fc.assert(
        fc.property(ruleSetOfLeaves, (ruleSet) => {
          const query = toSql(ruleSet, { dialect, table: 'signals', asOf: '2026-11-01', keep: ['id'] });
          checkQuery(query, dialect);
          checkQuery({ ...query, text: query.inline(), params: [] }, dialect);
        }),
        { numRuns: 40 },
      );
    },
    60_000,
  );

  it('the checker catches what it is for: an unterminated string, a foreign cast, a bare BigQuery decimal', () => {
    const base = toSql(defineRuleSet({ id: 'x', rules: [] }), { dialect: 'bigquery', table: 't' });
    expect(() => checkQuery({ ...base, text: "SELECT 'open" }, 'bigquery')).toThrow();
    expect(() => checkQuery({ ...base, text: 'SELECT CAST(x AS DECIMAL(18, 6))' }, 'bigquery')).toThrow();
    expect(() => checkQuery({ ...base, text: 'SELECT 0.5' }, 'bigquery')).toThrow();
    expect(() => checkQuery({ ...base, text: 'SELECT 0.5', params: [] }, 'spark')).toThrow();
    expect(() => checkQuery({ ...base, text: 'SELECT CAST(x AS NUMBER(39, 2))', params: [] }, 'snowflake')).toThrow();
    expect(() => checkQuery({ ...base, text: 'SELECT "x"', params: [] }, 'spark')).toThrow();
  });
});
