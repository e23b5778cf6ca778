/**
 * Compiles a churn rule set to SQL: one boolean expression per rule, whose SQL NULL is the rule's
 * `unknown` (SQL's AND / OR / NOT on NULL are Kleene's three-valued logic), then the fired and
 * unknown lists, the risk and the level.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ValidationError, describeValue, makeIssue, type Issue } from '../shared/errors.js';
import { tryDecimal } from '../shared/numeric.js';
import { fromDecimal } from '../shared/rational.js';
import type {
  ChurnCondition,
  ChurnConditionScalar,
  ChurnLeafCondition,
  ChurnTimeWindow,
  RuleSet,
} from '../churn/index.js';
import { looksLikeIsoDate, readIsoDay } from './isoDay.js';
import type { SqlWriter } from './sqlWriter.js';
import {
  INTERNAL,
  checkOutputNames,
  decimalText,
  makeQuery,
  placesOf,
  readColumns,
  readDialect,
  readKeep,
  readTable,
} from './sqlWriter.js';
import type { SqlColumn, SqlQuery, ToSqlOptions } from './types.js';

type Kind = 'number' | 'date' | 'text' | 'boolean';

/** A rule value as SQL will compare it. */
interface Value {
  readonly kind: Kind;
  readonly text: string;
}

const SEVERITY_ORDER = ['critical', 'warning', 'watch'] as const;

/** Classifies a rule value: booleans, calendar days, decimals (numbers and numeric strings), other text. */
function classify(value: ChurnConditionScalar, path: string, issues: Issue[]): Value | null {
  if (typeof value === 'boolean') return { kind: 'boolean', text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'string' && looksLikeIsoDate(value)) {
    const day = readIsoDay(value);
    if (day === undefined) {
      issues.push(
        makeIssue(
          path,
          'a calendar date YYYY-MM-DD (SQL compares DATE columns; a time of day or an offset has no DATE form)',
          describeValue(value),
        ),
      );
      return null;
    }
    return { kind: 'date', text: day };
  }
  const decimal: Decimal | undefined = tryDecimal(value);
  if (decimal !== undefined) {
    const exact = fromDecimal(decimal);
    const text = decimalText(exact);
    if (placesOf(exact) > 30 || text.replace(/[-.]/g, '').replace(/^0+/, '').length > 38) {
      issues.push(
        makeIssue(path, 'a number of at most 38 digits, 30 of them decimals (a SQL DECIMAL)', describeValue(value)),
      );
      return null;
    }
    return { kind: 'number', text };
  }
  return { kind: 'text', text: String(value) };
}

/**
 * Compiles a rule set to SQL (see `toSql`).
 * @throws {ValidationError} on bad options, a missing `asOf` when a rule uses a time window, and
 *   rule values SQL cannot compare exactly (date-times with a time of day, lists mixing kinds).
 */
export function compileRuleSetSql(ruleSet: RuleSet, options: ToSqlOptions): SqlQuery {
  const issues: Issue[] = [];
  const rules = readDialect(options.dialect);
  const table = readTable(options.table, issues);
  const keep = readKeep(options.keep, issues);
  const columnOf = readColumns(options.columns, ruleSet.signals, issues);
  let asOf: string | undefined;
  if (options.asOf !== undefined) {
    asOf = readIsoDay(options.asOf);
    if (asOf === undefined)
      issues.push(
        makeIssue('options.asOf', 'a calendar date YYYY-MM-DD, or a Date at UTC midnight', describeValue(options.asOf)),
      );
  } else if (ruleSet.usesTimeWindows) {
    issues.push(makeIssue('options.asOf', 'an asOf date (the rule set uses within / olderThan)', 'undefined'));
  }
  const outputs = ['fired', 'fired_rules', 'unknown', 'risk', 'possible_risk', 'level'];
  checkOutputNames(keep, outputs, issues);

  // Validate every leaf once, before writing (the writer runs twice: placeholders, then inline).
  ruleSet.rules.forEach((rule, index) => checkCondition(rule.when, `rules[${index}].when`, issues));
  if (issues.length > 0) throw new ValidationError(issues, 'toSql');
  const pointsPlaces = Math.max(0, ...ruleSet.rules.map((rule) => placesOf(fromDecimal(rule.points))));

  const write = (writer: SqlWriter): { text: string; columns: SqlColumn[]; totals: null } => {
    const q = (name: string): string => writer.quote(name);
    const kept = keep.map(q);
    const c = (index: number): string => q(`${INTERNAL}r${index}`);
    const asOfSql = (): string => `CAST(${writer.param(asOf!)} AS DATE)`;
    const literal = (value: Value): string => {
      switch (value.kind) {
        case 'boolean':
          return value.text;
        case 'date':
          return writer.rules.dateLiteral(value.text);
        case 'number':
          return writer.rules.decimalLiteral(value.text);
        case 'text':
          return writer.param(value.text);
      }
    };
    const sink: Issue[] = [];
    const leaf = (node: ChurnLeafCondition): string => {
      const ref = q(columnOf(node.signal));
      const one = (): string => literal(classify(node.value as ChurnConditionScalar, '', sink)!);
      switch (node.op) {
        case 'lt':
          return `(${ref} < ${one()})`;
        case 'lte':
          return `(${ref} <= ${one()})`;
        case 'gt':
          return `(${ref} > ${one()})`;
        case 'gte':
          return `(${ref} >= ${one()})`;
        case 'eq':
          return `(${ref} = ${one()})`;
        case 'neq':
          return `(${ref} <> ${one()})`;
        case 'in':
        case 'notIn': {
          const items = (node.value as readonly ChurnConditionScalar[]).map((item) =>
            literal(classify(item, '', sink)!),
          );
          return `(${ref} ${node.op === 'in' ? 'IN' : 'NOT IN'} (${items.join(', ')}))`;
        }
        case 'between': {
          const [low, high] = (node.value as readonly ChurnConditionScalar[]).map((item) =>
            literal(classify(item, '', sink)!),
          );
          return `(${ref} BETWEEN ${low} AND ${high})`;
        }
        case 'known':
          return `(${ref} IS NOT NULL)`;
        case 'missing':
          return `(${ref} IS NULL)`;
        case 'within':
        case 'olderThan': {
          const window = node.value as ChurnTimeWindow;
          const cutoff =
            'days' in window
              ? writer.rules.minusDays(asOfSql(), window.days)
              : writer.rules.minusMonths(asOfSql(), window.months);
          return node.op === 'within' ? `(${ref} >= ${cutoff} AND ${ref} <= ${asOfSql()})` : `(${ref} < ${cutoff})`;
        }
      }
    };
    const condition = (node: ChurnCondition): string => {
      if ('all' in node)
        return node.all.length === 1 ? condition(node.all[0]!) : `(${node.all.map(condition).join(' AND ')})`;
      if ('any' in node)
        return node.any.length === 1 ? condition(node.any[0]!) : `(${node.any.map(condition).join(' OR ')})`;
      if ('not' in node) return `(NOT ${condition(node.not)})`;
      return leaf(node);
    };
    const level1 = [...kept, ...ruleSet.rules.map((rule, index) => `${condition(rule.when)} AS ${c(index)}`)];
    const decimalType = writer.rules.decimalType(38, pointsPlaces);
    const sumOf = (when: (index: number) => string): string =>
      ruleSet.rules.length === 0
        ? `CAST(0 AS ${decimalType})`
        : `CAST(${ruleSet.rules.map((rule, index) => `CASE WHEN ${when(index)} THEN ${writer.decimal(rule.points)} ELSE 0 END`).join(' + ')} AS ${decimalType})`;
    const ranked = SEVERITY_ORDER.flatMap((severity) =>
      ruleSet.rules.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.severity === severity),
    );
    const level2 = [
      ...kept,
      `${writer.rules.stringList(ruleSet.rules.map((rule, index) => ({ when: c(index), value: writer.word(rule.id) })))} AS ${q('fired')}`,
      `${writer.rules.recordList(
        ruleSet.rules.map((rule, index) => ({
          when: c(index),
          fields: [
            ['id', writer.word(rule.id)],
            ['severity', writer.word(rule.severity)],
          ] as const,
        })),
      )} AS ${q('fired_rules')}`,
      `${writer.rules.stringList(ruleSet.rules.map((rule, index) => ({ when: `${c(index)} IS NULL`, value: writer.word(rule.id) })))} AS ${q('unknown')}`,
      `${sumOf(c)} AS ${q('risk')}`,
      `${sumOf((index) => `(${c(index)} IS NULL OR ${c(index)})`)} AS ${q('possible_risk')}`,
      `${ranked.length === 0 ? writer.word('none') : `CASE ${ranked.map(({ rule, index }) => `WHEN ${c(index)} THEN ${writer.word(rule.severity)} `).join('')}ELSE ${writer.word('none')} END`} AS ${q('level')}`,
    ];
    const from =
      ruleSet.rules.length === 0
        ? writer.table(table)
        : `(SELECT ${level1.join(',\n  ')}\nFROM ${writer.table(table)}) AS ${q(`${INTERNAL}rules`)}`;
    const t = writer.rules.types;
    const columns: SqlColumn[] = [
      ...keep.map((name) => ({ name, type: 'as in the table', description: 'kept column' })),
      { name: 'fired', type: t.stringList, description: 'ids of the rules whose condition is true, in rule-set order' },
      {
        name: 'fired_rules',
        type: t.recordList,
        description: 'the fired rules as { id, severity }, in rule-set order',
      },
      {
        name: 'unknown',
        type: t.stringList,
        description: 'ids of the rules whose condition is unknown (SQL NULL: missing data)',
      },
      { name: 'risk', type: decimalType, description: 'sum of the fired rules\u2019 points' },
      { name: 'possible_risk', type: decimalType, description: 'risk plus the points of the unknown rules' },
      { name: 'level', type: t.text, description: 'highest fired severity, or "none"' },
    ];
    return { text: `SELECT ${level2.join(',\n  ')}\nFROM ${from}`, columns, totals: null };
  };
  return makeQuery('rule-set', rules.name, ruleSet, write);
}

/** Checks that every leaf's values have an exact SQL form, naming the rule path when not. */
function checkCondition(node: ChurnCondition, path: string, issues: Issue[]): void {
  if ('all' in node) return node.all.forEach((child, index) => checkCondition(child, `${path}.all[${index}]`, issues));
  if ('any' in node) return node.any.forEach((child, index) => checkCondition(child, `${path}.any[${index}]`, issues));
  if ('not' in node) return checkCondition(node.not, `${path}.not`, issues);
  const { op, value } = node;
  if (op === 'known' || op === 'missing' || op === 'within' || op === 'olderThan') return;
  if (Array.isArray(value)) {
    const kinds = new Set<Kind>();
    (value as ChurnConditionScalar[]).forEach((item, index) => {
      const classified = classify(item, `${path}.value[${index}]`, issues);
      if (classified) kinds.add(classified.kind);
    });
    if (kinds.size > 1)
      issues.push(
        makeIssue(
          `${path}.value`,
          `values of one kind (a SQL column has one type; found ${[...kinds].join(' and ')})`,
          describeValue(value),
        ),
      );
    return;
  }
  const classified = classify(value as ChurnConditionScalar, `${path}.value`, issues);
  if (classified && classified.kind !== 'number' && classified.kind !== 'date' && op !== 'eq' && op !== 'neq') {
    issues.push(
      makeIssue(`${path}.value`, `a number or a date to order by (${op})`, describeValue(value), 'invalid_date'),
    );
  }
}
