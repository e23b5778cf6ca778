/**
 * `clientele/sql`: the same models compiled to SQL (scorecards with grade bands, the value
 * matrix, churn rule sets), so they run in the warehouse where the data lives, with the library's
 * exact answers. DuckDB and Postgres are verified against the engines; BigQuery, Snowflake and
 * Spark are generated from the same plan.
 * @module
 */
export { toSql } from './toSql.js';
export { quoteSqlIdentifier } from './quoteSqlIdentifier.js';
export { sqlDialects, type SqlDialect } from './dialects.js';
export type { ToSqlOptions, SqlQuery, SqlColumn, SqlTotals } from './types.js';

// The library's errors, so `instanceof` checks work with this subpath alone.
export { ClienteleError, ValidationError, type Issue } from '../shared/errors.js';
