/**
 * A real ClickHouse server for the parity tests, over its HTTP interface with Node's `fetch`.
 * `scripts/clickhouse.sh start` runs one on loopback ports and prints `CLICKHOUSE_HTTP_PORT`; the
 * tests that need it skip (saying why) when the variable is not set. Every test table is loaded
 * into a local `Memory` table and read through a `Distributed` table over the config's
 * two-shard cluster, so the compiled query runs as a distributed plan: each shard answers for
 * its rows and the initiator merges them (both shards are this server, so each row comes back
 * twice, from two shards: the tests check the two copies are identical).
 */
import { expect } from 'vitest';
import type { SqlQuery } from '../../src/sql/index.js';
import type { Cell, Row } from './engines.js';

export const clickhousePort = process.env['CLICKHOUSE_HTTP_PORT'];
export const clickhouseSkipReason =
  'CLICKHOUSE_HTTP_PORT is not set: start a server with scripts/clickhouse.sh start (CI does)';
/** The cluster of two shards in the server's config (scripts/clickhouse.sh points its ports at the server). */
const CLUSTER = 'test_cluster_two_shards_localhost';

async function post(sql: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${clickhousePort}/?database=default`, { method: 'POST', body: sql });
  const text = await response.text();
  if (!response.ok) throw new Error(`ClickHouse: ${text.trim()}\n${sql.slice(0, 2000)}`);
  return text;
}

/** A ClickHouse string literal (the engine reads backslash escapes). */
function stringLiteral(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;
}

function literal(cell: Cell): string {
  if (cell === null) return 'NULL';
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return stringLiteral(cell);
  if ('instant' in cell) return stringLiteral(cell.instant.replace('T', ' ').replace('Z', ''));
  return stringLiteral(cell.date);
}

/** Replaces `table` with a Distributed table over two shards of `<table>_local` holding `rows` plus a `row_id`. */
export async function loadClickhouse(
  table: string,
  columns: readonly { readonly name: string; readonly type: string }[],
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  const local = `${table}_local`;
  const definition = [
    '`row_id` UInt32',
    ...columns.map((column) => `\`${column.name}\` Nullable(${column.type})`),
  ].join(', ');
  await post(`DROP TABLE IF EXISTS \`${table}\``);
  await post(`DROP TABLE IF EXISTS \`${local}\``);
  await post(`CREATE TABLE \`${local}\` (${definition}) ENGINE = Memory`);
  await post(`CREATE TABLE \`${table}\` AS \`${local}\` ENGINE = Distributed(${CLUSTER}, default, \`${local}\`)`);
  // INSERT … SELECT of literals: the SQL parser reads 1.39 as the nearest double, where the VALUES fast
  // path of ClickHouse 18 reads 1.3900000000000001. CASTs give every row the column's type.
  const names = ['row_id', ...columns.map((column) => column.name)];
  const types = ['UInt32', ...columns.map((column) => `Nullable(${column.type})`)];
  const selects = rows.map(
    (row, index) =>
      `SELECT ${[String(index), ...row.map(literal)]
        .map((value, c) => `CAST(${value} AS ${types[c]}) AS \`${names[c]}\``)
        .join(', ')}`,
  );
  if (rows.length > 0) await post(`INSERT INTO \`${local}\` ${selects.join(' UNION ALL ')}`);
}

/** Reads one value of ClickHouse's TSV text form (arrays, tuples and quoted strings included). */
function parseValue(text: string, type: string): unknown {
  if (text === '\\N') return null;
  const inner = /^Nullable\((.*)\)$/.exec(type)?.[1] ?? type;
  if (inner === 'String') return unescapeTsv(text);
  if (inner.startsWith('Array(')) return new LiteralReader(unescapeTsv(text)).value();
  if (/^U?Int/.test(inner)) return Number(text);
  return text;
}

function unescapeTsv(text: string): string {
  return text.replace(/\\(.)/g, (_, char: string) => ({ n: '\n', t: '\t', r: '\r', '0': '\0' })[char] ?? char);
}

/** A tiny reader of ClickHouse's literal syntax: `['a','b']`, `[('id','watch')]`, numbers. */
class LiteralReader {
  private at = 0;
  constructor(private readonly text: string) {}
  value(): unknown {
    const char = this.text[this.at];
    if (char === '[' || char === '(') {
      const close = char === '[' ? ']' : ')';
      this.at++;
      const items: unknown[] = [];
      while (this.text[this.at] !== close) {
        items.push(this.value());
        if (this.text[this.at] === ',') this.at++;
      }
      this.at++;
      return items;
    }
    if (char === "'") {
      let out = '';
      this.at++;
      while (this.text[this.at] !== "'") {
        if (this.text[this.at] === '\\') this.at++;
        out += this.text[this.at++];
      }
      this.at++;
      return out;
    }
    const start = this.at;
    while (this.at < this.text.length && !',)]'.includes(this.text[this.at]!)) this.at++;
    return this.text.slice(start, this.at);
  }
}

/**
 * Runs a compiled query (ClickHouse 18 has no bound parameters, so `params` is empty) and returns
 * one row per `row_id`, after checking that both shards gave the same answer for it.
 */
export async function runClickhouse(query: SqlQuery): Promise<Row[]> {
  expect(query.params).toEqual([]);
  const text = await post(`${query.text}\nFORMAT TSVWithNamesAndTypes`);
  const [names, types, ...lines] = text.replace(/\n$/, '').split('\n');
  const columns = names!.split('\t');
  const typeOf = types!.split('\t');
  const rows = lines.map((line) =>
    Object.fromEntries(line.split('\t').map((cell, index) => [columns[index]!, parseValue(cell, typeOf[index]!)])),
  );
  const byId = new Map<number, Row[]>();
  for (const row of rows) byId.set(row['row_id'] as number, [...(byId.get(row['row_id'] as number) ?? []), row]);
  const ids = [...byId.keys()].sort((a, b) => a - b);
  return ids.map((id) => {
    const copies = byId.get(id)!;
    expect(copies, `row ${id}: one copy from each shard`).toHaveLength(2);
    expect(copies[1], `row ${id}: the two shards agree`).toEqual(copies[0]);
    return copies[0]!;
  });
}
