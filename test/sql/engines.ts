/**
 * The two real engines the SQL is verified against: DuckDB in memory (`@duckdb/node-api`) and
 * Postgres compiled to WASM (`@electric-sql/pglite`). One instance of each per test file.
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

export type Cell = number | string | boolean | null | { readonly date: string };
export type Row = Record<string, unknown>;

export interface Engines {
  load(table: string, columns: readonly TestColumn[], rows: readonly (readonly Cell[])[]): Promise<void>;
  run(engine: EngineName, query: SqlQuery): Promise<Row[]>;
  close(): Promise<void>;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function literal(cell: Cell, type: string): string {
  if (cell === null) return `CAST(NULL AS ${type})`;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return `CAST(${String(cell)} AS ${type})`;
  if (typeof cell === 'string') return `'${cell.replaceAll("'", "''")}'`;
  return `DATE '${cell.date}'`;
}

/** Opens DuckDB and PGlite once; `load` replaces a table in both, `run` executes a compiled query with its bound values. */
export async function openEngines(): Promise<Engines> {
  const instance = await DuckDBInstance.create(':memory:');
  const duck: DuckDBConnection = await instance.connect();
  const pg = await PGlite.create();
  return {
    async load(table, columns, rows) {
      for (const engine of engineNames) {
        const ddl = `DROP TABLE IF EXISTS ${quote(table)}; CREATE TABLE ${quote(table)} (${columns.map((column) => `${quote(column.name)} ${column[engine]}`).join(', ')})`;
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
    async close() {
      duck.closeSync();
      instance.closeSync();
      await pg.close();
    },
  };
}
