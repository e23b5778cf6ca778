/**
 * The two real engines the SQL is verified against: DuckDB in memory (`@duckdb/node-api`) and
 * Postgres compiled to WASM (`@electric-sql/pglite`). One instance of each per test worker: the
 * first file that asks starts them, every later file in the same worker reuses them (they live on
 * `globalThis`, which vitest keeps across the files a worker runs), and they end with the worker.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import type { SqlQuery } from '../../src/sql/index.js';

export type EngineName = 'duckdb' | 'postgres';
export const engineNames: readonly EngineName[] = ['duckdb', 'postgres'];

/** A column of a test table: its name and its type in each engine. */
export interface TestColumn {
  readonly name: string;
  readonly duckdb: string;
  readonly postgres: string;
}

/** A cell: `{ date }` is a DATE, `{ instant }` an ISO instant for a TIMESTAMPTZ column. */
export type Cell = number | string | boolean | null | { readonly date: string } | { readonly instant: string };
export type Row = Record<string, unknown>;

export interface Engines {
  load(table: string, columns: readonly TestColumn[], rows: readonly (readonly Cell[])[]): Promise<void>;
  run(engine: EngineName, query: SqlQuery): Promise<Row[]>;
  /** Runs a statement without results (a session setting). */
  exec(engine: EngineName, sql: string): Promise<void>;
  /** Shared engines stay open for the worker's later files: `close` only resets session settings. */
  close(): Promise<void>;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function literal(cell: Cell, type: string): string {
  if (cell === null) return `CAST(NULL AS ${type})`;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return `CAST(${String(cell)} AS ${type})`;
  if (typeof cell === 'string') return `'${cell.replaceAll("'", "''")}'`;
  if ('instant' in cell) return `CAST('${cell.instant}' AS ${type})`;
  return `DATE '${cell.date}'`;
}

const SHARED = Symbol.for('clientele.test.sqlEngines');
type Holder = { [SHARED]?: Promise<Engines> };

/** The worker's DuckDB and PGlite, started on first use. */
export function openEngines(): Promise<Engines> {
  const holder = globalThis as Holder;
  holder[SHARED] ??= startEngines();
  return holder[SHARED];
}

/** Opens DuckDB and PGlite; `load` replaces a table in both, `run` executes a compiled query with its bound values. */
async function startEngines(): Promise<Engines> {
  const instance = await DuckDBInstance.create(':memory:');
  const duck: DuckDBConnection = await instance.connect();
  const pg = await PGlite.create();
  await duck.run("SET TimeZone = 'UTC'");
  await pg.exec("SET TimeZone = 'UTC'");
  return {
    async load(table, columns, rows) {
      for (const engine of engineNames) {
        const definition = columns.map((column) => `${quote(column.name)} ${column[engine]}`).join(', ');
        const ddl = `DROP TABLE IF EXISTS ${quote(table)}; CREATE TABLE ${quote(table)} (${definition})`;
        const values = rows.map(
          (row) => `(${row.map((cell, index) => literal(cell, columns[index]![engine])).join(', ')})`,
        );
        const insert = values.length === 0 ? '' : `INSERT INTO ${quote(table)} VALUES ${values.join(', ')}`;
        if (engine === 'duckdb') {
          await duck.run(ddl);
          if (insert) await duck.run(insert);
        } else {
          await pg.exec(ddl);
          if (insert) await pg.exec(insert);
        }
      }
    },
    async run(engine, query) {
      if (engine === 'duckdb') {
        const reader = await duck.runAndReadAll(query.text, [...query.params]);
        return reader.getRowObjectsJson() as Row[];
      }
      const result = await pg.query<Row>(query.text, [...query.params]);
      return result.rows;
    },
    async exec(engine, sql) {
      if (engine === 'duckdb') await duck.run(sql);
      else await pg.exec(sql);
    },
    async close() {
      await duck.run("SET TimeZone = 'UTC'");
      await pg.exec("SET TimeZone = 'UTC'");
    },
  };
}
