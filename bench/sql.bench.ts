/**
 * SQL benchmark (issues 8 and 12: warehouse scale). One million generated accounts in DuckDB,
 * scored with the default model, by the house method (process CPU time, which counts DuckDB's
 * worker threads, in ≥ 5 interleaved rounds after a warm-up; min and median):
 *
 * - baseline: the query `toSql` compiles, materialised with `CREATE TABLE … AS` (exact DECIMAL
 *   totals, grades, category points, error flags);
 * - the same model under `minmax`, whose totals do not terminate (the rounding step);
 * - in Node: the 13 rating columns streamed out of DuckDB chunk by chunk into preallocated
 *   Float64Arrays (the fast way to read rows back), then `scoreColumns`, the library's exact
 *   columnar path. The read is part of the cost: that is the shape SQL replaces.
 *
 * With CLICKHOUSE_HTTP_PORT set (scripts/clickhouse.sh start), the same rows are scored in
 * ClickHouse too, with both models (exact totals and minmax). Its server is another process, so
 * its figures are wall time per round (min and median of interleaved rounds), printed apart from
 * the CPU table, with the minmax / exact ratio.
 *
 * Both paths must agree on every grade count and on the exact sum of totals.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Decimal } from 'decimal.js';
import { defineScorecard, potentialValueModel, scoreColumns, type ColumnScores, type Scorecard } from '../src/index.js';
import { toSql } from '../src/sql/index.js';
import { compareCpuAsync, printCpu } from './timing.js';

const COUNT = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
const ROUNDS = 5;
const factors = potentialValueModel.factors;

/** Streams the rating columns chunk by chunk into Float64Arrays, then scores them. */
async function readAndScore(connection: DuckDBConnection): Promise<ColumnScores> {
  const columns = factors.map(() => new Float64Array(COUNT));
  const result = await connection.stream(
    `SELECT ${factors.map((factor) => `"${factor.id}"`).join(', ')} FROM accounts ORDER BY account_id`,
  );
  let offset = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    for (let f = 0; f < columns.length; f++) columns[f]!.set(chunk.getColumnValues(f) as number[], offset);
    offset += chunk.rowCount;
  }
  return scoreColumns(potentialValueModel, Object.fromEntries(factors.map((factor, f) => [factor.id, columns[f]!])));
}

/** Min and median of a list of samples. */
function spread(samples: readonly number[]): { min: number; median: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[sorted.length >> 1]! };
}

/**
 * ClickHouse over HTTP, when a server runs: load the same rows, then time each compiled query (the default model and
 * its minmax form) in interleaved rounds.
 */
async function clickhouseRounds(
  port: string,
  models: readonly Scorecard[],
  rounds: number,
): Promise<{ min: number; median: number }[]> {
  const post = async (sql: string): Promise<string> => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: sql });
    const text = await response.text();
    if (!response.ok) throw new Error(`ClickHouse: ${text}`);
    return text;
  };
  const ratings = factors.map((factor, f) => {
    const min = factor.min.toNumber();
    const steps = (factor.max.toNumber() - min) * 2 + 1;
    return `toFloat64(${min}) + toFloat64(cityHash64(number * 16 + ${f}) % ${steps}) * 0.5 AS \`${factor.id}\``;
  });
  await post('DROP TABLE IF EXISTS bench_accounts');
  await post(
    `CREATE TABLE bench_accounts ENGINE = MergeTree ORDER BY account_id AS ` +
      `SELECT number AS account_id, ${ratings.join(', ')} FROM numbers(${COUNT})`,
  );
  const queries = models.map((model) =>
    toSql(model, { dialect: 'clickhouse', table: 'bench_accounts', keep: ['account_id'] }),
  );
  const samples: number[][] = queries.map(() => []);
  for (let round = 0; round <= rounds; round++) {
    for (const [index, query] of queries.entries()) {
      await post('DROP TABLE IF EXISTS bench_scores');
      const start = performance.now();
      await post(`CREATE TABLE bench_scores ENGINE = Memory AS ${query.text}`);
      if (round > 0) samples[index]!.push(performance.now() - start); // round 0 warms up
      const sum = await post(`SELECT toString(sum(total)), count(error) FROM bench_scores FORMAT TSV`);
      if (round === rounds) console.log(`ClickHouse ${model(index)} sum of totals, errors: ${sum.trim()}`);
    }
  }
  await post('DROP TABLE bench_scores');
  await post('DROP TABLE bench_accounts');
  return samples.map(spread);
}

const model = (index: number): string => (index === 0 ? 'potentialValueModel' : 'minmax model');

export default async function run(): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  // Deterministic ratings on each factor's half-point grid, generated inside DuckDB.
  const columns = factors.map((factor, f) => {
    const min = factor.min.toNumber();
    const steps = (factor.max.toNumber() - min) * 2 + 1;
    return `CAST(${min} + (hash(i * 16 + ${f}) % ${steps}) * 0.5 AS DOUBLE) AS "${factor.id}"`;
  });
  await connection.run(
    `CREATE TABLE accounts AS SELECT i AS account_id, ${columns.join(', ')} FROM range(${COUNT}) AS t(i)`,
  );
  const query = toSql(potentialValueModel, { dialect: 'duckdb', table: 'accounts', keep: ['account_id'] });
  const minmax = defineScorecard({ ...potentialValueModel.toJSON(), normalisation: 'minmax' });
  const rounding = toSql(minmax, { dialect: 'duckdb', table: 'accounts', keep: ['account_id'] });
  let scores: ColumnScores | undefined;
  const figures = await compareCpuAsync(
    [
      {
        name: `DuckDB, compiled SQL (exact totals: ${String(query.totals!.exact)})`,
        run: () => connection.run(`CREATE OR REPLACE TABLE scores AS ${query.text}`, [...query.params]),
      },
      {
        name: `DuckDB, minmax model (exact totals: ${String(rounding.totals!.exact)})`,
        run: () => connection.run(`CREATE OR REPLACE TABLE rounded AS ${rounding.text}`, [...rounding.params]),
      },
      {
        name: 'Node: stream 13 columns out of DuckDB in chunks + scoreColumns',
        run: async () => {
          scores = await readAndScore(connection);
        },
      },
    ],
    ROUNDS,
  );
  printCpu(`SQL: ${COUNT.toLocaleString('en-US')} accounts, potentialValueModel, DuckDB in-memory`, figures);

  // Agreement: grade counts and the exact sum of totals.
  const sqlGrades = (
    await connection.runAndReadAll('SELECT grade, count(*) AS n FROM scores GROUP BY grade ORDER BY grade')
  ).getRowObjectsJson();
  const sqlSum = (
    await connection.runAndReadAll('SELECT CAST(sum(total) AS VARCHAR) AS s, count(error) AS errors FROM scores')
  ).getRowObjectsJson()[0]!;
  const counts = new Map<string, number>();
  let numerator = 0n;
  for (let i = 0; i < scores!.count; i++) {
    const grade = scores!.grade(i) ?? 'none';
    counts.set(grade, (counts.get(grade) ?? 0) + 1);
    numerator += BigInt(scores!.numerators[i]!);
  }
  const librarySum = new Decimal(numerator.toString()).div(scores!.denominator!.toString());
  const gradesAgree = sqlGrades.every((row) => counts.get(String(row['grade'])) === Number(row['n']));
  const sumsAgree =
    new Decimal(String(sqlSum['s'])).eq(librarySum) && Number(sqlSum['errors']) === 0 && scores!.errors.length === 0;
  console.log(`grade counts agree: ${gradesAgree}; exact sum of totals agrees: ${sumsAgree} (${librarySum.toFixed()})`);
  if (!gradesAgree || !sumsAgree) throw new Error('the compiled SQL and the library disagree');
  connection.closeSync();
  instance.closeSync();

  const port = process.env['CLICKHOUSE_HTTP_PORT'];
  if (port === undefined) {
    console.log('ClickHouse: skipped (CLICKHOUSE_HTTP_PORT not set; scripts/clickhouse.sh start runs a server)');
    return;
  }
  const clickhouse = await clickhouseRounds(port, [potentialValueModel, minmax], ROUNDS);
  const [exact, rounded] = clickhouse;
  clickhouse.forEach((figure, index) =>
    console.log(
      `ClickHouse, ${model(index)} (CREATE TABLE … AS, wall time; the server is another process): ` +
        `min ${figure.min.toFixed(0)} ms, median ${figure.median.toFixed(0)} ms ` +
        `per ${COUNT.toLocaleString('en-US')} accounts`,
    ),
  );
  console.log(
    `ClickHouse minmax / exact: ${(rounded!.min / exact!.min).toFixed(2)}x min, ` +
      `${(rounded!.median / exact!.median).toFixed(2)}x median`,
  );
}
