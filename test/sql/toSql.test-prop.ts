/**
 * Laws of the compiler itself (no engine needed): models are data, so a model and its JSON
 * round trip compile to the same SQL; quoting is invertible for any name; every placeholder has
 * exactly one bound value; inlining leaves no placeholder behind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineRuleSet, type ChurnCondition } from '../../src/churn/index.js';
import { defineScorecard, potentialValueBands } from '../../src/scoring/index.js';
import { quoteSqlIdentifier, sqlDialects, toSql, type SqlDialect } from '../../src/sql/index.js';
import { scorecardDefinition } from '../arbitraries/scorecard.js';

const dialect = fc.constantFrom<SqlDialect>(...sqlDialects);
const name = fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }).filter((text) => !text.includes('\u0000'));

/** Reads a quoted identifier back, per dialect (the inverse of the quoting rules). */
function unquote(quoted: string, target: SqlDialect): string {
  const body = quoted.slice(1, -1);
  if (target === 'bigquery' || target === 'clickhouse') return body.replace(/\\(.)/gsu, '$1');
  if (target === 'spark') return body.replaceAll('``', '`');
  return body.replaceAll('""', '"');
}

describe('compiler laws', () => {
  it('a scorecard and its JSON round trip compile to the same SQL, in every dialect', () => {
    fc.assert(
      fc.property(scorecardDefinition, dialect, (definition, target) => {
        const model = defineScorecard({ ...definition, grades: potentialValueBands });
        const again = defineScorecard(JSON.parse(JSON.stringify(model)) as Parameters<typeof defineScorecard>[0]);
        const options = { dialect: target, table: 'accounts', keep: ['id'] };
        expect(toSql(again, options).text).toBe(toSql(model, options).text);
        expect(toSql(again, options).model.fingerprint).toBe(model.fingerprint);
      }),
      { numRuns: 50 },
    );
  }, 60_000);

  it('quoting is invertible: any name without NUL reads back as itself and stays one quoted token', () => {
    fc.assert(
      fc.property(name, dialect, (text, target) => {
        const quoted = quoteSqlIdentifier(text, target);
        expect(unquote(quoted, target)).toBe(text);
        const fence = quoted[0]!;
        // inside the quotes, every fence character is escaped (doubled, or backslashed in BigQuery)
        const inner = quoted.slice(1, -1);
        const stripped =
          target === 'bigquery' || target === 'clickhouse'
            ? inner.replace(/\\./gsu, '')
            : inner.replaceAll(fence + fence, '');
        expect(stripped.includes(fence)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('every placeholder has exactly one bound value, and inline() leaves none behind', () => {
    // text codes (not numbers or dates, which compare as such), free of placeholder characters so the text can be
    // searched
    const codes = fc.uniqueArray(
      fc.string({ maxLength: 12 }).map((text) => `c${text.replace(/[$?]/g, '')}`),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(codes, dialect, fc.constantFrom('2026-01-31', '2026-11-01'), (values, target, asOf) => {
        const when: ChurnCondition = {
          all: [
            { signal: 'tier', op: 'in', value: values },
            { signal: 'lastVisit', op: 'within', value: { months: 2 } },
          ],
        };
        const ruleSet = defineRuleSet({
          id: 'r',
          signals: { lastVisit: { type: 'date' } },
          rules: [{ id: 'x', when, severity: 'watch', points: 1, cause: 'competitor' }],
        });
        const query = toSql(ruleSet, { dialect: target, table: 'signals', asOf });
        // placeholders are counted outside quoted names and literals: the table and columns here are plain
        const placeholders = query.text.match(target === 'duckdb' || target === 'postgres' ? /\$\d+/g : /\?/g) ?? [];
        if (target === 'duckdb' || target === 'postgres') {
          const numbers = new Set(placeholders.map((text) => Number(text.slice(1))));
          expect(numbers.size).toBe(query.params.length);
          expect(Math.max(...numbers)).toBe(query.params.length);
        } else {
          expect(placeholders.length).toBe(query.params.length);
        }
        // ClickHouse 18 has no bound parameters: values are escaped literals, text and inline() alike
        if (target === 'clickhouse') expect(query.text).toBe(query.inline());
        else expect(query.params).toContain(asOf);
        const inlined = query.inline();
        expect(inlined).not.toMatch(target === 'duckdb' || target === 'postgres' ? /\$\d/ : /\?/);
        expect(inlined).toContain(`'${asOf}'`);
      }),
      { numRuns: 100 },
    );
  });
});
