/**
 * Compiles a value matrix (seed 002, 客户价值评价标准) to a SQL CASE over the two grade columns.
 * @module
 */
import { ValidationError, type Issue } from '../shared/errors.js';
import { valueGrades, type ValueMatrix } from '../value/index.js';
import type { SqlWriter } from './sqlWriter.js';
import { checkOutputNames, makeQuery, readColumns, readKeep, readRules, readTable } from './sqlWriter.js';
import type { SqlColumn, SqlQuery, ToSqlOptions } from './types.js';

/**
 * Compiles a value matrix to SQL (see `toSql`). A grade outside A–D, or NULL, gives NULL class
 * and segment (the library's `classifyValue` throws on such a grade instead).
 * @throws {ValidationError} on bad options.
 */
export function compileValueMatrixSql(matrix: ValueMatrix, options: ToSqlOptions): SqlQuery {
  const issues: Issue[] = [];
  const rules = readRules(options, issues);
  const table = readTable(options.table, issues);
  const keep = readKeep(options.keep, issues);
  const columnOf = readColumns(options.columns, ['current', 'potential'], issues);
  checkOutputNames(keep, ['customer_class', 'segment'], issues, rules);
  if (issues.length > 0) throw new ValidationError(issues, 'toSql');
  const write = (writer: SqlWriter): { text: string; columns: SqlColumn[]; totals: null } => {
    const current = writer.rules.binaryText(writer.quote(columnOf('current')));
    const potential = writer.rules.binaryText(writer.quote(columnOf('potential')));
    const cases = (field: 'customerClass' | 'segment'): string =>
      `CASE ${valueGrades
        .map(
          (currentGrade) =>
            `WHEN ${current} = ${writer.rules.binaryValue(writer.word(currentGrade))} THEN CASE ${valueGrades
              .map(
                (potentialGrade) =>
                  `WHEN ${potential} = ${writer.rules.binaryValue(writer.word(potentialGrade))} ` +
                  `THEN ${writer.word(matrix.lookup[currentGrade][potentialGrade][field])}`,
              )
              .join(' ')} END`,
        )
        .join(' ')} END`;
    const select = [
      ...keep.map((name) => writer.quote(name)),
      `${cases('customerClass')} AS ${writer.quote('customer_class')}`,
      `${cases('segment')} AS ${writer.quote('segment')}`,
    ];
    const columns: SqlColumn[] = [
      ...keep.map((name) => ({ name, type: 'as in the table', description: 'kept column' })),
      { name: 'customer_class', type: writer.rules.types.text, description: `class id of matrix "${matrix.id}"` },
      { name: 'segment', type: writer.rules.types.text, description: 'segment id of the class' },
    ];
    return { text: `SELECT ${select.join(',\n  ')}\nFROM ${writer.table(table)}`, columns, totals: null };
  };
  return makeQuery('value-matrix', rules, matrix, write);
}
