/**
 * What differs between the SQL dialects `toSql` writes: identifier quoting, string and decimal
 * literals, parameter placeholders, decimal types, integer division, date arithmetic and list
 * columns. Everything else in the generated SQL is the common core (CASE, AND/OR/NOT, IS NULL,
 * IN, BETWEEN, CAST) that all five engines read the same way.
 *
 * @module
 */

/**
 * The SQL dialects `toSql` writes. `duckdb`, `postgres` and `clickhouse` (on a two-shard
 * distributed table) are verified against the real engines by the test suite; `bigquery`,
 * `snowflake` and `spark` are generated from the same plan and checked as text (see docs/sql.md
 * for their differences and limits).
 * @example
 * ```ts
 * import { potentialValueModel, sqlDialects, toSql } from 'clientele';
 * const queries = sqlDialects.map((dialect) => toSql(potentialValueModel, { dialect, table: 'accounts' }));
 * queries.map((query) => query.params.length); // [0, 0, 0, 0, 0, 0]
 * ```
 * @category SQL
 */
export const sqlDialects = Object.freeze([
  'duckdb',
  'postgres',
  'bigquery',
  'snowflake',
  'spark',
  'clickhouse',
] as const);

/** One of {@link sqlDialects}. @category SQL */
export type SqlDialect = (typeof sqlDialects)[number];

/** A list item: the element is kept when `when` is true (SQL `NULL` and false drop it). */
export interface ListItem {
  /** A boolean SQL expression. */
  readonly when: string;
  /** Fields of the element, in order: name (a plain lower-case word) and a SQL expression. */
  readonly fields: readonly (readonly [string, string])[];
}

/** The dialect-specific pieces of SQL text. */
export interface DialectRules {
  readonly name: SqlDialect;
  /** The type names of the result columns: text, boolean, list of strings, list of records. */
  readonly types: {
    readonly text: string;
    readonly boolean: string;
    readonly stringList: string;
    readonly recordList: string;
  };
  /**
   * A numeric column read as the exact decimal the library reads: Postgres goes through the value's
   * shortest text (a DOUBLE converted directly keeps only 15 digits); elsewhere the column as is.
   */
  readNumber(ref: string): string;
  /** `true` when {@link readNumber} is exact for DOUBLE columns too (no float limits apply). */
  readonly exactNumbers: boolean;
  /**
   * A date or timestamp column as a zone-free TIMESTAMP holding its UTC wall time, whatever the
   * session's time zone (a TIMESTAMPTZ compared with a DATE would otherwise use the session zone).
   */
  utcTime(ref: string): string;
  /**
   * A text column compared byte for byte (case-sensitively) whatever its collation or the session's default: a
   * case-insensitive collation must not match the code `GOLD` to `gold`. DuckDB and Postgres collate the column
   * (`COLLATE "binary"`, `COLLATE "C"`), BigQuery and Spark compare its bytes (`CAST(… AS BYTES / BINARY)`),
   * Snowflake gives it the `utf8` collation by the COLLATE function (which outranks a column's collation);
   * ClickHouse has no collations and compares bytes already. The other side goes through {@link binaryValue}.
   */
  binaryText(ref: string): string;
  /**
   * The value (a bound parameter or a literal) a {@link binaryText} column is compared with, in the same form:
   * BYTES in BigQuery, BINARY in Spark, `utf8`-collated in Snowflake; the value itself elsewhere.
   */
  binaryValue(value: string): string;
  /** A DATE expression as the TIMESTAMP of its UTC midnight, comparable with {@link utcTime}. */
  dayTime(date: string): string;
  /** Longest identifier the engine keeps, in UTF-8 bytes (Postgres truncates at 63), or `null`. */
  readonly identifierBytes: number | null;
  /** `false` when the engine has no bound parameters (ClickHouse 18): values are written as escaped literals. */
  readonly placeholders: boolean;
  /** A model number compared with a column read by {@link readNumber}. */
  compareLiteral(text: string): string;
  /**
   * The exact decimal reading of a number column at `scale` places (`value`, of SQL type `type`)
   * and the condition that it has more places (`invalid`); `read` is the column through
   * {@link readNumber}, `outside` the row's out-of-range test.
   */
  exactReading(
    column: string,
    read: string,
    type: string,
    scale: number,
    outside: string,
  ): { value: string; invalid: string };
  /** `TRUE` / `FALSE`. */
  booleanLiteral(value: boolean): string;
  /** Kleene's AND / OR over boolean expressions (NULL is unknown). */
  and(items: readonly string[]): string;
  or(items: readonly string[]): string;
  /** `ref IN (…)` / `NOT IN`, NULL when `ref` is NULL. */
  inList(ref: string, items: readonly string[], negate: boolean): string;
  /** Quotes one identifier (the caller has already rejected empty names and NUL characters). */
  quote(name: string): string;
  /** The case mapping `identifierCase` applies to every name before {@link quote}; absent: names kept as given. */
  readonly foldName?: (name: string) => string;
  /** The placeholder of the `index`-th bound parameter (1-based). */
  placeholder(index: number): string;
  /** The exact decimal type with `precision` digits, `scale` of them after the point. */
  decimalType(precision: number, scale: number): string;
  /** An exact decimal literal from validated plain decimal text (`-12.5`). */
  decimalLiteral(text: string): string;
  /** A string literal (used for validated ids only in parameterised text, and by `inline()`). */
  stringLiteral(text: string): string;
  /** A date literal from validated `YYYY-MM-DD` text. */
  dateLiteral(day: string): string;
  /** Integer division truncating toward zero, of two integral decimal expressions. */
  integerDivide(dividend: string, divisor: string): string;
  /**
   * The engine's 64-bit integer type, with its division and remainder (truncating) on two values of that type: the
   * rounding step of a non-terminating total runs on it whenever every intermediate fits 10^18.
   */
  readonly integer: {
    readonly type: string;
    divide(dividend: string, divisor: string): string;
    remainder(dividend: string, divisor: string): string;
  };
  /** `date − days` as a DATE. */
  minusDays(date: string, days: number): string;
  /** `date − months` as a DATE, the day clamped to the target month's length. */
  minusMonths(date: string, months: number): string;
  /** A list of strings: the `value` of every item whose `when` holds, in order. */
  stringList(items: readonly { when: string; value: string }[]): string;
  /** A list of records (struct / object / jsonb) of every item whose `when` holds, in order. */
  recordList(items: readonly ListItem[]): string;
}

const doubleQuoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const standardString = (text: string): string => `'${text.replaceAll("'", "''")}'`;
/** Dialects whose string literals read backslash escapes (BigQuery, Spark, Snowflake). */
const backslashString = (text: string, quote: "\\'" | "''"): string =>
  `'${text.replaceAll('\\', '\\\\').replaceAll("'", quote).replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`;
const plainDecimal = (text: string): string => (text.startsWith('-') ? `(${text})` : text);
/** The elements of a list, each NULL unless its condition holds. */
const whenThen = (items: readonly { when: string; value: string }[]): string =>
  items.map((item) => `CASE WHEN ${item.when} THEN ${item.value} END`).join(', ');
/** A record's fields as `'name'<separator>value` pairs. */
const namedFields = (item: ListItem, separator: string): string =>
  item.fields.map(([name, value]) => `'${name}'${separator}${value}`).join(', ');

/** What every dialect but ClickHouse shares: bound parameters, SQL's own Kleene logic, CAST readings. */
const standard = {
  placeholders: true,
  binaryText: (ref: string): string => ref,
  binaryValue: (value: string): string => value,
  booleanLiteral: (value: boolean): string => (value ? 'TRUE' : 'FALSE'),
  and: (items: readonly string[]): string => `(${items.join(' AND ')})`,
  or: (items: readonly string[]): string => `(${items.join(' OR ')})`,
  inList: (ref: string, items: readonly string[], negate: boolean): string =>
    `(${ref} ${negate ? 'NOT IN' : 'IN'} (${items.join(', ')}))`,
  exactReading(_column: string, read: string, type: string): { value: string; invalid: string } {
    const value = `CAST(${read} AS ${type})`;
    return { value, invalid: `${value} <> ${read}` };
  },
} as const;

const duckdb: DialectRules = {
  name: 'duckdb',
  ...standard,
  compareLiteral: plainDecimal,
  types: {
    text: 'VARCHAR',
    boolean: 'BOOLEAN',
    stringList: 'VARCHAR[]',
    recordList: 'STRUCT(id VARCHAR, severity VARCHAR)[]',
  },
  readNumber: (ref) => ref,
  exactNumbers: false,
  identifierBytes: null,
  utcTime: (ref) =>
    `CASE WHEN typeof(${ref}) = 'TIMESTAMP WITH TIME ZONE' THEN timezone('UTC', CAST(${ref} AS TIMESTAMPTZ)) ` +
    `ELSE CAST(${ref} AS TIMESTAMP) END`,
  dayTime: (date) => `CAST(${date} AS TIMESTAMP)`,
  binaryText: (ref) => `(${ref} COLLATE "binary")`,
  quote: doubleQuoted,
  placeholder: (index) => `$${index}`,
  decimalType: (precision, scale) => `DECIMAL(${precision}, ${scale})`,
  decimalLiteral: plainDecimal,
  stringLiteral: standardString,
  dateLiteral: (day) => `DATE '${day}'`,
  integerDivide: (dividend, divisor) => `(CAST(${dividend} AS HUGEINT) // CAST(${divisor} AS HUGEINT))`,
  integer: { type: 'BIGINT', divide: (a, b) => `(${a} // ${b})`, remainder: (a, b) => `(${a} % ${b})` },
  minusDays: (date, days) => `(${date} - ${days})`,
  minusMonths: (date, months) => `CAST(${date} - INTERVAL ${months} MONTH AS DATE)`,
  stringList: (items) =>
    items.length === 0 ? 'CAST([] AS VARCHAR[])' : `list_filter([${whenThen(items)}], element -> element IS NOT NULL)`,
  recordList: (items) =>
    items.length === 0
      ? 'CAST([] AS STRUCT(id VARCHAR, severity VARCHAR)[])'
      : `list_filter([${items
          .map((item) => `CASE WHEN ${item.when} THEN {${namedFields(item, ': ')}} END`)
          .join(', ')}], element -> element IS NOT NULL)`,
};

const postgres: DialectRules = {
  name: 'postgres',
  ...standard,
  compareLiteral: plainDecimal,
  types: { text: 'TEXT', boolean: 'BOOLEAN', stringList: 'TEXT[]', recordList: 'JSONB' },
  // float8 → text is the shortest round-trip form (Postgres 12+); text → numeric is exact.
  readNumber: (ref) => `CAST(CAST(${ref} AS TEXT) AS NUMERIC)`,
  exactNumbers: true,
  identifierBytes: 63,
  utcTime: (ref) =>
    `CASE WHEN pg_typeof(${ref}) = CAST('timestamptz' AS REGTYPE) ` +
    `THEN CAST(${ref} AS TIMESTAMPTZ) AT TIME ZONE 'UTC' ` +
    `ELSE CAST(${ref} AS TIMESTAMP) END`,
  dayTime: (date) => `CAST(${date} AS TIMESTAMP)`,
  binaryText: (ref) => `(${ref} COLLATE "C")`,
  quote: doubleQuoted,
  placeholder: (index) => `$${index}`,
  decimalType: (precision, scale) => `NUMERIC(${precision}, ${scale})`,
  decimalLiteral: plainDecimal,
  stringLiteral: standardString,
  dateLiteral: (day) => `DATE '${day}'`,
  integerDivide: (dividend, divisor) => `div(${dividend}, ${divisor})`,
  integer: { type: 'BIGINT', divide: (a, b) => `(${a} / ${b})`, remainder: (a, b) => `(${a} % ${b})` },
  minusDays: (date, days) => `(${date} - ${days})`,
  minusMonths: (date, months) => `CAST(${date} - INTERVAL '${months} months' AS DATE)`,
  stringList: (items) =>
    items.length === 0 ? 'CAST(ARRAY[] AS TEXT[])' : `array_remove(CAST(ARRAY[${whenThen(items)}] AS TEXT[]), NULL)`,
  recordList: (items) =>
    items.length === 0
      ? `CAST('[]' AS JSONB)`
      : `jsonb_path_query_array(jsonb_build_array(${items
          .map((item) => `CASE WHEN ${item.when} THEN jsonb_build_object(${namedFields(item, ', ')}) END`)
          .join(', ')}), '$[*] ? (@ != null)')`,
};

/** BigQuery arrays cannot hold NULL: select the kept elements from an UNNEST, in order. */
function bigqueryArray(
  items: readonly { when: string; fields: readonly (readonly [string, string])[] }[],
  asStruct: boolean,
): string {
  const structs = items.map(
    (item) => `STRUCT(${item.when} AS keep, ${item.fields.map(([name, value]) => `${value} AS ${name}`).join(', ')})`,
  );
  const selected = asStruct
    ? `AS STRUCT ${items[0]!.fields.map(([name]) => `item.${name}`).join(', ')}`
    : `item.${items[0]!.fields[0]![0]}`;
  return (
    `ARRAY(SELECT ${selected} FROM UNNEST([${structs.join(', ')}]) AS item WITH OFFSET AS position ` +
    'WHERE item.keep ORDER BY position)'
  );
}

const bigquery: DialectRules = {
  name: 'bigquery',
  ...standard,
  compareLiteral: (text: string) => `BIGNUMERIC '${text}'`,
  types: {
    text: 'STRING',
    boolean: 'BOOL',
    stringList: 'ARRAY<STRING>',
    recordList: 'ARRAY<STRUCT<id STRING, severity STRING>>',
  },
  readNumber: (ref) => ref,
  exactNumbers: false,
  identifierBytes: null,
  // TIMESTAMP(date) is the date's UTC midnight; a TIMESTAMP is an instant already (BigQuery cannot compare it with a
  // DATE).
  utcTime: (ref) => `TIMESTAMP(${ref})`,
  dayTime: (date) => `TIMESTAMP(${date})`,
  // BYTES carry no collation ('und:ci' applies to STRING only) and compare byte for byte.
  binaryText: (ref) => `CAST(${ref} AS BYTES)`,
  binaryValue: (value) => `CAST(${value} AS BYTES)`,
  quote: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  placeholder: () => '?',
  decimalType: (precision, scale) => `BIGNUMERIC(${precision}, ${scale})`,
  decimalLiteral: (text) => `BIGNUMERIC '${text}'`,
  stringLiteral: (text) => backslashString(text, "\\'"),
  dateLiteral: (day) => `DATE '${day}'`,
  integerDivide: (dividend, divisor) => `DIV(${dividend}, ${divisor})`,
  integer: { type: 'INT64', divide: (a, b) => `DIV(${a}, ${b})`, remainder: (a, b) => `MOD(${a}, ${b})` },
  minusDays: (date, days) => `DATE_SUB(${date}, INTERVAL ${days} DAY)`,
  minusMonths: (date, months) => `DATE_SUB(${date}, INTERVAL ${months} MONTH)`,
  stringList: (items) =>
    items.length === 0
      ? 'ARRAY<STRING>[]'
      : bigqueryArray(
          items.map((item) => ({ when: item.when, fields: [['id', item.value] as const] })),
          false,
        ),
  recordList: (items) =>
    items.length === 0 ? 'ARRAY<STRUCT<id STRING, severity STRING>>[]' : bigqueryArray(items, true),
};

const snowflake: DialectRules = {
  name: 'snowflake',
  ...standard,
  compareLiteral: plainDecimal,
  types: { text: 'VARCHAR', boolean: 'BOOLEAN', stringList: 'ARRAY', recordList: 'ARRAY' },
  readNumber: (ref) => ref,
  exactNumbers: false,
  identifierBytes: 255,
  // Compared as stored: run with TIMEZONE = 'UTC' for TIMESTAMP_LTZ columns (see docs/sql.md).
  utcTime: (ref) => ref,
  dayTime: (date) => date,
  // The COLLATE function's collation outranks the column's; 'utf8' compares the UTF-8 bytes.
  binaryText: (ref) => `COLLATE(${ref}, 'utf8')`,
  binaryValue: (value) => `COLLATE(${value}, 'utf8')`,
  quote: doubleQuoted,
  placeholder: () => '?',
  decimalType: (precision, scale) => `NUMBER(${precision}, ${scale})`,
  decimalLiteral: plainDecimal,
  stringLiteral: (text) => backslashString(text, "''"),
  dateLiteral: (day) => `DATE '${day}'`,
  integerDivide: (dividend, divisor) =>
    `CAST(((${dividend}) - MOD(${dividend}, ${divisor})) / (${divisor}) AS NUMBER(38, 0))`,
  integer: {
    type: 'NUMBER(18, 0)',
    // An exact quotient: the dividend less its remainder divides evenly.
    divide: (a, b) => `CAST((${a} - MOD(${a}, ${b})) / ${b} AS NUMBER(18, 0))`,
    remainder: (a, b) => `MOD(${a}, ${b})`,
  },
  minusDays: (date, days) => `DATEADD(day, -${days}, ${date})`,
  minusMonths: (date, months) => `DATEADD(month, -${months}, ${date})`,
  stringList: (items) =>
    `ARRAY_CONSTRUCT_COMPACT(${items.map((item) => `CASE WHEN ${item.when} THEN ${item.value} END`).join(', ')})`,
  recordList: (items) =>
    `ARRAY_CONSTRUCT_COMPACT(${items
      .map((item) => `CASE WHEN ${item.when} THEN OBJECT_CONSTRUCT(${namedFields(item, ', ')}) END`)
      .join(', ')})`,
};

const spark: DialectRules = {
  name: 'spark',
  ...standard,
  compareLiteral: (text: string) => (text.startsWith('-') ? `(${text}BD)` : `${text}BD`),
  types: {
    text: 'STRING',
    boolean: 'BOOLEAN',
    stringList: 'ARRAY<STRING>',
    recordList: 'ARRAY<STRUCT<id: STRING, severity: STRING>>',
  },
  readNumber: (ref) => ref,
  exactNumbers: false,
  identifierBytes: null,
  // Compared as stored: run with spark.sql.session.timeZone = UTC for TIMESTAMP columns (see docs/sql.md).
  utcTime: (ref) => ref,
  dayTime: (date) => date,
  // BINARY has no collation (Spark 4's UTF8_LCASE columns included) and compares bytes, in Spark 3.5 and 4 alike.
  binaryText: (ref) => `CAST(${ref} AS BINARY)`,
  binaryValue: (value) => `CAST(${value} AS BINARY)`,
  quote: (name) => `\`${name.replaceAll('`', '``')}\``,
  placeholder: () => '?',
  decimalType: (precision, scale) => `DECIMAL(${precision}, ${scale})`,
  decimalLiteral: (text) => (text.startsWith('-') ? `(${text}BD)` : `${text}BD`),
  stringLiteral: (text) => backslashString(text, "\\'"),
  dateLiteral: (day) => `DATE '${day}'`,
  integerDivide: (dividend, divisor) =>
    `CAST(((${dividend}) - ((${dividend}) % (${divisor}))) / (${divisor}) AS DECIMAL(38, 0))`,
  // `div` on two BIGINTs is a BIGINT (`/` would be a DOUBLE).
  integer: { type: 'BIGINT', divide: (a, b) => `(${a} div ${b})`, remainder: (a, b) => `(${a} % ${b})` },
  minusDays: (date, days) => `date_sub(${date}, ${days})`,
  minusMonths: (date, months) => `add_months(${date}, -${months})`,
  stringList: (items) =>
    items.length === 0
      ? 'CAST(array() AS ARRAY<STRING>)'
      : `filter(array(${whenThen(items)}), element -> element IS NOT NULL)`,
  recordList: (items) =>
    items.length === 0
      ? 'CAST(array() AS ARRAY<STRUCT<id: STRING, severity: STRING>>)'
      : `filter(array(${items
          .map((item) => `CASE WHEN ${item.when} THEN named_struct(${namedFields(item, ', ')}) END`)
          .join(', ')}), element -> element IS NOT NULL)`,
};

/** ClickHouse's string literals read backslash escapes; NUL is written as \\0. */
const clickhouseString = (text: string): string => backslashString(text, "\\'").replaceAll('\u0000', '\\0');

/** A ClickHouse exact decimal: `1.5` alone would be a Float64. */
function clickhouseDecimal(text: string): string {
  const point = text.indexOf('.');
  return `toDecimal128('${text}', ${point < 0 ? 0 : text.length - point - 1})`;
}

/** Kleene's logic by hand: ClickHouse 18's AND / OR give NULL where one side decides (NULL AND 0 is NULL). */
function clickhouseKleene(items: readonly string[], decisive: 0 | 1): string {
  const decided = items.map((item) => `coalesce(${item}, ${1 - decisive}) = ${decisive}`).join(' OR ');
  const unknown = items.map((item) => `${item} IS NULL`).join(' OR ');
  return `CASE WHEN ${decided} THEN ${decisive} WHEN ${unknown} THEN NULL ELSE ${1 - decisive} END`;
}

/** Keeps the elements whose condition holds (a NULL condition drops it) without Nullable elements. */
function clickhouseFilter(values: readonly string[], conditions: readonly string[]): string {
  return `arrayFilter((element, keep) -> keep = 1, [${values.join(', ')}], [${conditions
    .map((condition) => `toUInt8(coalesce(${condition}, 0))`)
    .join(', ')}])`;
}

const clickhouse: DialectRules = {
  name: 'clickhouse',
  types: {
    text: 'String',
    boolean: 'UInt8',
    stringList: 'Array(String)',
    recordList: 'Array(Tuple(String, String))',
  },
  placeholders: false,
  // ClickHouse cannot compare Float64 with Decimal: thresholds meet the column as Float64 (15 digits).
  readNumber: (ref) => `toFloat64(${ref})`,
  // A numeric literal (parsed by the SQL parser, correctly rounded); toFloat64('…') parses text less exactly.
  compareLiteral: (text) => `toFloat64(${plainDecimal(text)})`,
  exactReading(ref, _read, type, scale, outside) {
    // The column's shortest text, parsed only when it is in range and has at most `scale` places:
    // ClickHouse evaluates every CASE branch on every row, so a parse that could fail never runs.
    const text = `toString(${ref})`;
    const invalid =
      `(position(${text}, 'e') > 0 OR position(${text}, 'n') > 0 OR ` +
      `(position(${text}, '.') > 0 AND length(${text}) - position(${text}, '.') > ${scale}))`;
    const safe = `if(${ref} IS NULL OR ${invalid} OR ${outside}, '0', ${text})`;
    return { value: `CAST(toDecimal128(${safe}, ${scale}) AS ${type})`, invalid };
  },
  exactNumbers: false,
  identifierBytes: null,
  utcTime: (ref) => `toDateTime(${ref}, 'UTC')`,
  dayTime: (date) => `toDateTime(${date}, 'UTC')`,
  binaryText: (ref) => ref,
  binaryValue: (value) => value,
  booleanLiteral: (value) => (value ? '1' : '0'),
  and: (items) => clickhouseKleene(items, 0),
  or: (items) => clickhouseKleene(items, 1),
  inList: (ref, items, negate) =>
    `CASE WHEN ${ref} IS NULL THEN NULL ELSE ${ref} ${negate ? 'NOT IN' : 'IN'} (${items.join(', ')}) END`,
  quote: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  placeholder: () => '?',
  // Nullable: a CAST of NULL to a plain Decimal fails in ClickHouse.
  decimalType: (precision, scale) => `Nullable(Decimal(${precision}, ${scale}))`,
  decimalLiteral: clickhouseDecimal,
  stringLiteral: clickhouseString,
  dateLiteral: (day) => `toDate('${day}')`,
  integerDivide: (dividend, divisor) => `intDiv(${dividend}, ${divisor})`,
  integer: {
    type: 'Nullable(Int64)',
    divide: (a, b) => `intDiv(${a}, ${b})`,
    remainder: (a, b) => `modulo(${a}, ${b})`,
  },
  minusDays: (date, days) => `subtractDays(${date}, ${days})`,
  minusMonths: (date, months) => `subtractMonths(${date}, ${months})`,
  stringList: (items) =>
    items.length === 0
      ? 'CAST(emptyArrayString() AS Array(String))'
      : clickhouseFilter(
          items.map((item) => item.value),
          items.map((item) => item.when),
        ),
  recordList: (items) =>
    items.length === 0
      ? 'CAST(emptyArrayString() AS Array(Tuple(String, String)))'
      : clickhouseFilter(
          items.map((item) => `tuple(${item.fields.map(([, value]) => value).join(', ')})`),
          items.map((item) => item.when),
        ),
};

const RULES: Readonly<Record<SqlDialect, DialectRules>> = { duckdb, postgres, bigquery, snowflake, spark, clickhouse };

/** The rules of one dialect. */
export function dialectRules(dialect: SqlDialect): DialectRules {
  return RULES[dialect];
}
