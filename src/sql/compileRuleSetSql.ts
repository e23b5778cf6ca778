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
import { FLOAT_DIGITS } from './scorecardFactorSql.js';
import type { SqlWriter } from './sqlWriter.js';
import {
  INTERNAL,
  checkOutputNames,
  decimalText,
  makeQuery,
  placesOf,
  readColumns,
  significantDigits,
  readRules,
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
/** Decimal places a numeric rule value may carry. */
const NUMBER_PLACES = 18;

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
    if (placesOf(exact) > NUMBER_PLACES || significantDigits(exact) > FLOAT_DIGITS) {
      issues.push(
        makeIssue(
          path,
          `a number of at most ${FLOAT_DIGITS} significant digits and ${NUMBER_PLACES} decimals (a DOUBLE column ` +
            `compares as a 64-bit float, which tells ${FLOAT_DIGITS} digits apart; a DECIMAL column widens to the ` +
            `threshold's decimals)`,
          describeValue(value),
        ),
      );
      return null;
    }
    return { kind: 'number', text };
  }
  return { kind: 'text', text: String(value) };
}

/** Decimal places and total digits a rule's points may take: their sum is a DECIMAL(38, places). */
const POINTS_PLACES = 18;

/** Everything the writer needs, read and checked once. */
interface RuleSetPlan {
  readonly ruleSet: RuleSet;
  readonly table: string | readonly string[];
  readonly keep: readonly string[];
  readonly columnOf: (signal: string) => string;
  readonly asOf: string | undefined;
  readonly pointsPlaces: number;
}

/**
 * Compiles a rule set to SQL (see `toSql`).
 * @throws {ValidationError} on bad options, a missing `asOf` when a rule uses a time window, and
 *   rule values SQL cannot compare exactly (date-times with a time of day, lists mixing kinds,
 *   numbers of more than 15 significant digits or 18 decimals, points beyond DECIMAL(38, 18)).
 */
export function compileRuleSetSql(ruleSet: RuleSet, options: ToSqlOptions): SqlQuery {
  const issues: Issue[] = [];
  const rules = readRules(options, issues);
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
  checkOutputNames(keep, OUTPUTS, issues, rules);
  // Validate every leaf once, before writing (the writer runs twice: placeholders, then inline).
  ruleSet.rules.forEach((rule, index) => checkCondition(rule.when, `rules[${index}].when`, issues));
  const pointsPlaces = checkPoints(ruleSet, issues);
  if (issues.length > 0) throw new ValidationError(issues, 'toSql');
  const plan: RuleSetPlan = { ruleSet, table, keep, columnOf, asOf, pointsPlaces };
  return makeQuery('rule-set', rules, ruleSet, (writer) => writeRuleSet(writer, plan));
}

const OUTPUTS = ['fired', 'fired_rules', 'unknown', 'risk', 'possible_risk', 'level'];

/** The points' decimal places; refuses points whose sums outgrow DECIMAL(38, places). */
function checkPoints(ruleSet: RuleSet, issues: Issue[]): number {
  const places = Math.max(0, ...ruleSet.rules.map((rule) => placesOf(fromDecimal(rule.points))));
  const deepest = ruleSet.rules.findIndex((rule) => placesOf(fromDecimal(rule.points)) === places);
  if (places > POINTS_PLACES) {
    issues.push(
      makeIssue(
        `rules[${deepest}].points`,
        `points of at most ${POINTS_PLACES} decimals (risk is a SQL DECIMAL(38, s))`,
        `${places} decimals`,
      ),
    );
    return places;
  }
  const first = ruleSet.rules[0];
  if (first === undefined) return places;
  const sum = ruleSet.rules.slice(1).reduce((total, rule) => total.plus(rule.points), first.points);
  if (sum.abs().gte(`1e${37 - places}`))
    issues.push(
      makeIssue(
        'rules',
        `points summing below 10^${37 - places} (risk is a SQL DECIMAL(38, ${places}))`,
        `a sum of ${sum.toFixed()}`,
      ),
    );
  return places;
}

/** A rule value as a SQL literal, or a bound parameter for text. */
function valueSql(writer: SqlWriter, value: Value): string {
  switch (value.kind) {
    case 'boolean':
      return writer.rules.booleanLiteral(value.text === 'TRUE');
    case 'date':
      return writer.rules.dayTime(writer.rules.dateLiteral(value.text));
    case 'number':
      return writer.rules.compareLiteral(value.text);
    case 'text':
      return writer.rules.binaryValue(writer.param(value.text));
  }
}

/** The column as the comparison with `kind` reads it: dates as UTC instants, numbers exactly. */
function signalSql(writer: SqlWriter, column: string, kind: Kind): string {
  const ref = writer.quote(column);
  if (kind === 'date') return writer.rules.utcTime(ref);
  if (kind === 'number') return writer.rules.readNumber(ref);
  return kind === 'text' ? writer.rules.binaryText(ref) : ref;
}

const COMPARE = { lt: '<', lte: '<=', gt: '>', gte: '>=', eq: '=', neq: '<>' } as const;

/** One leaf as a boolean SQL expression (NULL when the signal is missing). */
function leafSql(writer: SqlWriter, plan: RuleSetPlan, node: ChurnLeafCondition): string {
  const column = plan.columnOf(node.signal);
  const sink: Issue[] = [];
  const read = (item: ChurnConditionScalar): Value => classify(item, '', sink)!;
  switch (node.op) {
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
    case 'eq':
    case 'neq': {
      const value = read(node.value as ChurnConditionScalar);
      return `(${signalSql(writer, column, value.kind)} ${COMPARE[node.op]} ${valueSql(writer, value)})`;
    }
    case 'in':
    case 'notIn': {
      const items = (node.value as readonly ChurnConditionScalar[]).map(read);
      const list = items.map((item) => valueSql(writer, item));
      return writer.rules.inList(signalSql(writer, column, items[0]!.kind), list, node.op === 'notIn');
    }
    case 'between': {
      const [low, high] = (node.value as readonly ChurnConditionScalar[]).map(read) as [Value, Value];
      const ref = signalSql(writer, column, low.kind);
      return `(${ref} BETWEEN ${valueSql(writer, low)} AND ${valueSql(writer, high)})`;
    }
    case 'known':
      return `(${writer.quote(column)} IS NOT NULL)`;
    case 'missing':
      return `(${writer.quote(column)} IS NULL)`;
    case 'within':
    case 'olderThan':
      return windowSql(writer, plan, column, node.op, node.value as ChurnTimeWindow);
  }
}

/** `within` / `olderThan`: the signal's UTC instant against UTC midnights of asOf and the cutoff. */
function windowSql(
  writer: SqlWriter,
  plan: RuleSetPlan,
  column: string,
  op: 'within' | 'olderThan',
  window: ChurnTimeWindow,
): string {
  const d = writer.rules;
  const asOfSql = (): string => `CAST(${writer.param(plan.asOf!)} AS DATE)`;
  const cutoff = d.dayTime(
    'days' in window ? d.minusDays(asOfSql(), window.days) : d.minusMonths(asOfSql(), window.months),
  );
  const ref = d.utcTime(writer.quote(column));
  return op === 'within' ? `(${ref} >= ${cutoff} AND ${ref} <= ${d.dayTime(asOfSql())})` : `(${ref} < ${cutoff})`;
}

/** A condition tree: SQL's AND / OR / NOT are Kleene's logic on NULL (unknown). */
function conditionSql(writer: SqlWriter, plan: RuleSetPlan, node: ChurnCondition): string {
  const child = (item: ChurnCondition): string => conditionSql(writer, plan, item);
  if ('all' in node) return node.all.length === 1 ? child(node.all[0]!) : writer.rules.and(node.all.map(child));
  if ('any' in node) return node.any.length === 1 ? child(node.any[0]!) : writer.rules.or(node.any.map(child));
  if ('not' in node) return `(NOT ${child(node.not)})`;
  return leafSql(writer, plan, node);
}

/** The outer level: lists of fired and unknown rules, risk, possible risk and level. */
function resultLevel(writer: SqlWriter, plan: RuleSetPlan, c: (index: number) => string): string[] {
  const { ruleSet } = plan;
  const q = (name: string): string => writer.quote(name);
  const d = writer.rules;
  const decimalType = d.decimalType(38, plan.pointsPlaces);
  const sumOf = (when: (index: number) => string): string =>
    ruleSet.rules.length === 0
      ? `CAST(0 AS ${decimalType})`
      : `CAST(${ruleSet.rules
          .map((rule, index) => `CASE WHEN ${when(index)} THEN ${writer.decimal(rule.points)} ELSE 0 END`)
          .join(' + ')} AS ${decimalType})`;
  const ranked = SEVERITY_ORDER.flatMap((severity) =>
    ruleSet.rules.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.severity === severity),
  );
  const level =
    ranked.length === 0
      ? writer.word('none')
      : `CASE ${ranked.map(({ rule, index }) => `WHEN ${c(index)} THEN ${writer.word(rule.severity)} `).join('')}` +
        `ELSE ${writer.word('none')} END`;
  const ids = (when: (index: number) => string): string =>
    d.stringList(ruleSet.rules.map((rule, index) => ({ when: when(index), value: writer.word(rule.id) })));
  const records = d.recordList(
    ruleSet.rules.map((rule, index) => ({
      when: c(index),
      fields: [
        ['id', writer.word(rule.id)],
        ['severity', writer.word(rule.severity)],
      ] as const,
    })),
  );
  return [
    ...plan.keep.map(q),
    `${ids(c)} AS ${q('fired')}`,
    `${records} AS ${q('fired_rules')}`,
    `${ids((index) => `${c(index)} IS NULL`)} AS ${q('unknown')}`,
    `${sumOf(c)} AS ${q('risk')}`,
    `${sumOf((index) => `(${c(index)} IS NULL OR ${c(index)})`)} AS ${q('possible_risk')}`,
    `${level} AS ${q('level')}`,
  ];
}

/** The result columns of a rule set's query. */
function ruleSetColumns(writer: SqlWriter, plan: RuleSetPlan): SqlColumn[] {
  const t = writer.rules.types;
  const decimalType = writer.rules.decimalType(38, plan.pointsPlaces);
  return [
    ...plan.keep.map((name) => ({ name, type: 'as in the table', description: 'kept column' })),
    { name: 'fired', type: t.stringList, description: 'ids of the rules whose condition is true, in rule-set order' },
    { name: 'fired_rules', type: t.recordList, description: 'the fired rules as { id, severity }, in rule-set order' },
    {
      name: 'unknown',
      type: t.stringList,
      description: 'ids of the rules whose condition is unknown (SQL NULL: missing data)',
    },
    { name: 'risk', type: decimalType, description: 'sum of the fired rules\u2019 points' },
    { name: 'possible_risk', type: decimalType, description: 'risk plus the points of the unknown rules' },
    { name: 'level', type: t.text, description: 'highest fired severity, or "none"' },
  ];
}

function writeRuleSet(writer: SqlWriter, plan: RuleSetPlan): { text: string; columns: SqlColumn[]; totals: null } {
  const q = (name: string): string => writer.quote(name);
  const c = (index: number): string => q(`${INTERNAL}r${index}`);
  const { ruleSet } = plan;
  const level1 = [
    ...plan.keep.map(q),
    ...ruleSet.rules.map((rule, index) => `${conditionSql(writer, plan, rule.when)} AS ${c(index)}`),
  ];
  const from =
    ruleSet.rules.length === 0
      ? writer.table(plan.table)
      : `(SELECT ${level1.join(',\n  ')}\nFROM ${writer.table(plan.table)}) AS ${q(`${INTERNAL}rules`)}`;
  const text = `SELECT ${resultLevel(writer, plan, c).join(',\n  ')}\nFROM ${from}`;
  return { text, columns: ruleSetColumns(writer, plan), totals: null };
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
