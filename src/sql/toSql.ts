import { ValidationError, describeValue, makeIssue } from '../shared/errors.js';
import { readInput, readingInput } from '../shared/input.js';
import { isScorecard, type Scorecard } from '../scoring/index.js';
import type { RuleSet } from '../churn/index.js';
import type { ValueMatrix } from '../value/index.js';
import { compileRuleSetSql } from './compileRuleSetSql.js';
import { compileScorecardSql } from './compileScorecardSql.js';
import { compileValueMatrixSql } from './compileValueMatrixSql.js';
import type { SqlQuery, ToSqlOptions } from './types.js';

function isValueMatrix(value: unknown): value is ValueMatrix {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'valueMatrix' &&
    typeof (value as ValueMatrix).lookup === 'object'
  );
}

function isRuleSet(value: unknown): value is RuleSet {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return false;
  const candidate = value as Partial<RuleSet>;
  return (
    Array.isArray(candidate.rules) &&
    Array.isArray(candidate.signals) &&
    typeof candidate.usesTimeWindows === 'boolean' &&
    typeof candidate.fingerprint === 'string'
  );
}

/**
 * Compiles a model (a scorecard with its grade bands, a value matrix, or a churn rule set) into
 * one SQL query over a table the caller names, so the model runs where the data lives and gives
 * the library's answers to the last decimal.
 *
 * - **Scorecard** → `total` (exact `DECIMAL`), `total_numerator`, `grade`, `points_<category>`,
 *   `complete`, `error`. The arithmetic is the library's exact fast path (seed 002's
 *   total = 100·Σ w·Σr/Σmax, multiplied through by one common denominator), so band edges are
 *   compared exactly: a total of exactly 80 is grade A in SQL too.
 * - **Value matrix** → `customer_class`, `segment` (seed 002's 客户价值评价标准).
 * - **Rule set** → `fired`, `fired_rules` (id and severity), `unknown`, `risk`, `possible_risk`,
 *   `level`. A rule's SQL NULL is its `unknown`: SQL's AND / OR / NOT are Kleene's logic.
 *
 * Identifiers are quoted per dialect (a hostile table or column name stays one identifier);
 * caller values (category codes, `asOf`) are bound parameters listed in `params`; model numbers
 * and dates are written as literals regenerated from validated decimals. Parts SQL cannot express
 * exactly are rejected, never dropped.
 *
 * @param model - A compiled scorecard (`defineScorecard`), value matrix (`defineValueMatrix`) or rule set
 * (`defineRuleSet`).
 * @param options - Dialect, table, column mapping and the model's own options.
 * @returns The query text, its bound values, its result columns and, for scorecards, how totals are represented.
 * @throws {ValidationError} on bad options and on model parts SQL cannot express (the issue names the
 *   scale or rule: a special value on a numeric scale, `missing: 'exclude'`, a date-time rule value, …).
 * @example
 * ```ts
 * import { potentialValueModel, toSql } from 'clientele';
 * const query = toSql(potentialValueModel, { dialect: 'duckdb', table: 'accounts', keep: ['account_id'] });
 * query.columns.map((column) => column.name); // ['account_id', 'total', 'total_numerator', 'grade', 'points_credit',
 * …]
 * query.totals?.exact; // true: totals are exact DECIMAL(18, 6)
 * ```
 * @category SQL
 */
export function toSql(model: Scorecard | ValueMatrix | RuleSet, givenOptions: ToSqlOptions): SqlQuery {
  // read through the boundary reader: a revoked proxy or a throwing getter is a ValidationError
  const options = readInput(givenOptions, 'options', 'toSql');
  readingInput('model', 'toSql', () => isScorecard(model) || isValueMatrix(model) || isRuleSet(model));
  if (typeof options !== 'object' || options === null)
    throw new ValidationError(
      [makeIssue('options', 'an options object { dialect, table, … }', describeValue(options))],
      'toSql',
    );
  if (isScorecard(model)) return compileScorecardSql(model, options);
  if (isValueMatrix(model)) return compileValueMatrixSql(model, options);
  if (isRuleSet(model)) return compileRuleSetSql(model, options);
  throw new ValidationError(
    [
      makeIssue(
        'model',
        'a scorecard, value matrix or rule set compiled by defineScorecard / defineValueMatrix / defineRuleSet',
        describeValue(model),
        'not_a_model',
      ),
    ],
    'toSql',
  );
}
