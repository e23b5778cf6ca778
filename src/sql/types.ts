import type { GradeBands, Normalisation } from '../scoring/index.js';
import type { SqlDialect } from './dialects.js';

/**
 * Options of `toSql`. Which ones apply depends on the model: scorecard options (`missing`,
 * `clamp`, `bands`, `normalisation`, `ratingScale`, `totalScale`), rule-set options (`asOf`).
 * @category SQL
 */
export interface ToSqlOptions {
  /** The SQL dialect to write. */
  readonly dialect: SqlDialect;
  /**
   * The table (or view) to read: one name, or its parts (`['analytics', 'accounts']` for
   * `analytics.accounts`). Each part is quoted as one identifier, so a dot inside a string never
   * splits it.
   */
  readonly table: string | readonly string[];
  /**
   * Column of each model input: factor id → column (scorecard), signal name → column (rule set),
   * `current` / `potential` → column (value matrix). Inputs not listed read the column of the same name.
   */
  readonly columns?: Readonly<Record<string, string>> | undefined;
  /** Columns passed through unchanged, first in the output (an account id, a name). */
  readonly keep?: readonly string[] | undefined;
  /**
   * How names are written, for engines that store unquoted names in one case: `'preserve'` (default) quotes every
   * name as given; `'upper'` (Snowflake) and `'lower'` (Postgres) first map each name that could have been written
   * unquoted (letters, digits, `_`, `$`, not starting with a digit) to the case the engine stores it in, the result
   * columns included (`TOTAL`, `POINTS_CREDIT` under `'upper'`), so the query matches tables created with unquoted
   * names and its results read unquoted. Other names are kept as given (the engine stored them quoted).
   */
  readonly identifierCase?: 'preserve' | 'upper' | 'lower' | undefined;
  /**
   * Scorecard: `'error'` (default: a NULL rating makes the row's `error`) or `'min'` (a NULL rating counts as the
   * factor's minimum). `'exclude'` is not compiled.
   */
  readonly missing?: 'error' | 'min' | 'exclude' | undefined;
  /**
   * Scorecard: clamp ratings (and raw values outside a band scale) into range instead of flagging the row. Default
   * `false`.
   */
  readonly clamp?: boolean | undefined;
  /** Scorecard: grade bands to grade with; defaults to the model's own; `null` for no `grade` column. */
  readonly bands?: GradeBands | null | undefined;
  /** Scorecard: overrides the model's normalisation. */
  readonly normalisation?: Normalisation | undefined;
  /**
   * Scorecard: decimal places a rating (or a linear scale's raw value) may carry, 0–18. Default 6, as the library's
   * fast path.
   */
  readonly ratingScale?: number | undefined;
  /**
   * Scorecard: decimal places of `total` and the `points_…` columns when the model's totals do not terminate, 0–20.
   * Default 12.
   */
  readonly totalScale?: number | undefined;
  /**
   * Rule set: the evaluation date (`YYYY-MM-DD`, or a `Date` at UTC midnight), bound as a parameter; required when a
   * rule uses `within` / `olderThan`.
   */
  readonly asOf?: string | Date | undefined;
}

/** One column of the query's result. @category SQL */
export interface SqlColumn {
  readonly name: string;
  /**
   * The SQL type in the query's dialect (`DECIMAL(38, 6)`, `VARCHAR`, …), or `'as in the table'` for kept columns.
   */
  readonly type: string;
  readonly description: string;
}

/** How a compiled scorecard's totals are represented. @category SQL */
export interface SqlTotals {
  /** Decimal places of `total` and the `points_…` columns. */
  readonly scale: number;
  /**
   * `true` when every total terminates within `scale` places (then `total` is exact); otherwise `total` is rounded half
   * away from zero at `scale`.
   */
  readonly exact: boolean;
  /**
   * The exact total of a row is `total_numerator / denominator` (the model's common denominator D, an integer as a
   * string; `total_numerator` is an exact decimal).
   */
  readonly denominator: string;
  /** Decimal places a rating may carry (see `ToSqlOptions.ratingScale`). */
  readonly ratingScale: number;
}

/**
 * A compiled SQL query: parameterised text and its bound values, the result columns, and
 * helpers for a view definition.
 * @category SQL
 */
export interface SqlQuery {
  readonly dialect: SqlDialect;
  readonly modelKind: 'scorecard' | 'value-matrix' | 'rule-set';
  /** The model compiled, so a stored result can name it. */
  readonly model: { readonly id: string; readonly version: string; readonly fingerprint: string };
  /** The query, with a placeholder (`$1` in DuckDB and Postgres, `?` elsewhere) for every bound value. */
  readonly text: string;
  /** Bound values in placeholder order (category codes, `asOf`): pass them to the driver, never splice them. */
  readonly params: readonly string[];
  /** The result columns, in order. */
  readonly columns: readonly SqlColumn[];
  /** Scorecards: the decimal representation of totals; `null` for other models. */
  readonly totals: SqlTotals | null;
  /** The same query with every bound value written as an escaped literal (for a view, or a log line). */
  inline(): string;
  /** `CREATE OR REPLACE VIEW <name> AS <inline()>`. */
  createView(name: string | readonly string[]): string;
}
