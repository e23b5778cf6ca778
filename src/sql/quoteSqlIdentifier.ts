import { ValidationError } from '../shared/errors.js';
import { dialectRules, type SqlDialect } from './dialects.js';
import { identifierIssue, readDialect } from './sqlWriter.js';

/**
 * Quotes a table or column name for a dialect, the way `toSql` does: `"..."` with `"` doubled
 * (DuckDB, Postgres, Snowflake), `` `...` `` with `` ` `` doubled (Spark) or backslash-escaped
 * (BigQuery). The result is always one identifier, whatever the name holds.
 *
 * @param name - 1–255 characters, no NUL.
 * @param dialect - The SQL dialect.
 * @throws {ValidationError} on an empty name, a NUL character or an unknown dialect.
 * @example
 * ```ts
 * import { quoteSqlIdentifier } from 'clientele';
 * quoteSqlIdentifier('a"; DROP TABLE accounts; --', 'postgres'); // '"a""; DROP TABLE accounts; --"'
 * ```
 * @category SQL
 */
export function quoteSqlIdentifier(name: string, dialect: SqlDialect): string {
  readDialect(dialect);
  const issue = identifierIssue(name, 'name');
  if (issue) throw new ValidationError([issue], 'quoteSqlIdentifier');
  return dialectRules(dialect).quote(name);
}
