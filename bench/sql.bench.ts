/**
 * SQL benchmark (issue 8: warehouse scale). One million generated accounts in DuckDB, scored with
 * the default model two ways over the same rows:
 *
 * - in the warehouse: the query `toSql` compiles, materialised with `CREATE TABLE … AS` (exact
 *   DECIMAL totals, grades, category points, error flags);
 * - in Node: the 13 rating columns read out of DuckDB into JavaScript, then `scoreColumns` (the
 *   library's exact columnar path). The read is part of the cost: that is the shape this issue
 *   replaces.
 *
 * Both must agree on every grade count and on the exact sum of totals; the ratio is printed.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { Decimal } from 'decimal.js';
import { potentialValueModel, scoreColumns } from '../src/index.js';
import { toSql } from '../src/sql/index.js';
import { bestOfAsync, printTable } from './timing.js';

const COUNT = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
const RUNS = 2;

export default async function run(): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const factors = potentialValueModel.factors;
  // Deterministic ratings on each factor's half-point grid, generated inside DuckDB.
  const columns = factors.map((factor, f) => {
    const min = factor.min.toNumber();
    const steps = (factor.max.toNumber() - min) * 2 + 1;
    return `CAST(${min} + (hash(i * 16 + ${f}) % ${steps}) * 0.5 AS DOUBLE) AS "${factor.id}"`;
  });
  const start = performance.now();
  await connection.run(
    `CREATE TABLE accounts AS SELECT i AS account_id, ${columns.join(', ')} FROM range(${COUNT}) AS t(i)`,
  );
  const loadMs = performance.now() - start;

  const query = toSql(potentialValueModel, { dialect: 'duckdb', table: 'accounts', keep: ['account_id'] });
  const inWarehouse = await bestOfAsync(RUNS, async () => {
    await connection.run(`CREATE OR REPLACE TABLE scores AS ${query.text}`, [...query.params]);
  });

  const readColumnsMs: number[] = [];
  const inNode = await bestOfAsync(RUNS, async () => {
    const readStart = performance.now();
    const reader = await connection.runAndReadAll(
      `SELECT ${factors.map((factor) => `"${factor.id}"`).join(', ')} FROM accounts ORDER BY account_id`,
    );
    const data = reader.getColumnsJS() as number[][];
    const ratingColumns = Object.fromEntries(factors.map((factor, f) => [factor.id, Float64Array.from(data[f]!)]));
    readColumnsMs.push(performance.now() - readStart);
    return scoreColumns(potentialValueModel, ratingColumns);
  });
  const readMs = Math.min(...readColumnsMs);

  // Agreement: grade counts and the exact sum of totals.
  const sqlGrades = (
    await connection.runAndReadAll('SELECT grade, count(*) AS n FROM scores GROUP BY grade ORDER BY grade')
  ).getRowObjectsJson();
  const sqlSum = (
    await connection.runAndReadAll('SELECT CAST(sum(total) AS VARCHAR) AS s, count(error) AS errors FROM scores')
  ).getRowObjectsJson()[0]!;
  const scores = inNode.result;
  const counts = new Map<string, number>();
  let numerator = 0n;
  for (let i = 0; i < scores.count; i++) {
    const grade = scores.grade(i) ?? 'none';
    counts.set(grade, (counts.get(grade) ?? 0) + 1);
    numerator += BigInt(scores.numerators[i]!);
  }
  const librarySum = new Decimal(numerator.toString()).div(scores.denominator!.toString());
  const gradesAgree = sqlGrades.every((row) => counts.get(String(row['grade'])) === Number(row['n']));
  const sumsAgree =
    new Decimal(String(sqlSum['s'])).eq(librarySum) && Number(sqlSum['errors']) === 0 && scores.errors.length === 0;

  const rate = (ms: number): string => `${Math.round(COUNT / (ms / 1000)).toLocaleString('en-US')} accounts/s`;
  console.log(
    `\nSQL: ${COUNT.toLocaleString('en-US')} accounts, potentialValueModel, DuckDB in-memory (generated in ${(loadMs / 1000).toFixed(1)} s); best of ${RUNS}`,
  );
  printTable([
    {
      path: 'DuckDB, compiled SQL (CREATE TABLE … AS)',
      ms: Math.round(inWarehouse.ms),
      throughput: rate(inWarehouse.ms),
      ratio: '1.00× (baseline)',
    },
    {
      path: 'Node: read 13 columns out of DuckDB',
      ms: Math.round(readMs),
      throughput: rate(readMs),
      ratio: `${(readMs / inWarehouse.ms).toFixed(2)}×`,
    },
    {
      path: 'Node: read + scoreColumns (exact)',
      ms: Math.round(inNode.ms),
      throughput: rate(inNode.ms),
      ratio: `${(inNode.ms / inWarehouse.ms).toFixed(2)}×`,
    },
  ]);
  console.log(`grade counts agree: ${gradesAgree}; exact sum of totals agrees: ${sumsAgree} (${librarySum.toFixed()})`);
  if (!gradesAgree || !sumsAgree) throw new Error('the compiled SQL and the library disagree');
  connection.closeSync();
  instance.closeSync();
}
