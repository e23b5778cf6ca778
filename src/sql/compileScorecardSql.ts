/**
 * Compiles a scorecard with its grade bands to one SQL query.
 *
 * The arithmetic mirrors the library's fast path (src/scoring, `fastPlan`): every category's
 * points per rating unit, 100·w/(Σmax − Σbase), becomes an integer M_c over one common
 * denominator D, so a row's total is N / D with N = Σ_c M_c·(Σ ratings − base) an exact decimal.
 * Grade edges are compared on N (edge × D is an exact literal), so a total of exactly 80 is
 * grade A in the warehouse as in the library.
 *
 * @module
 */
import { ValidationError, describeValue, makeIssue, type Issue } from '../shared/errors.js';
import { toDecimal } from '../shared/numeric.js';
import { add, compare, divide, fromDecimal, multiply, rational, subtract, tenTo, type Rational } from '../shared/rational.js';
import { isGradeBands, type GradeBands, type Scorecard, type ScaleDefinition } from '../scoring/index.js';
import type { SqlWriter } from './sqlWriter.js';
import { INTERNAL, checkOutputNames, decimalText, makeQuery, placesOf, readColumns, readDialect, readKeep, readTable } from './sqlWriter.js';
import type { SqlColumn, SqlQuery, SqlTotals, ToSqlOptions } from './types.js';

const HUNDRED = rational(100n);
const ZERO = rational(0n);
/** Largest magnitude any intermediate integer may reach: 10^37, one digit below DECIMAL(38). */
const LIMIT = tenTo(37);

interface Edge {
  readonly value: Rational;
  readonly inclusive: boolean;
}
interface Interval {
  readonly lower: Edge | null;
  readonly upper: Edge | null;
}

const INTERVAL_TEXT = /^([[(])\s*(-inf|[+-]?\d+(?:\.\d+)?)\s*,\s*(\+?inf|[+-]?\d+(?:\.\d+)?)\s*([\])])$/;

/** Reads the normalised interval notation (`[0, 365)`, `(-inf, 10]`) the scoring module writes. */
function parseInterval(text: string): Interval {
  const match = INTERVAL_TEXT.exec(text.trim());
  if (!match) throw new RangeError(`compileScorecardSql: unreadable interval ${text}`);
  const [, open = '[', low = '', high = '', close = ']'] = match;
  return {
    lower: low === '-inf' ? null : { value: fromDecimal(toDecimal(low)), inclusive: open === '[' },
    upper: high.endsWith('inf') ? null : { value: fromDecimal(toDecimal(high)), inclusive: close === ']' },
  };
}

function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

const abs = (value: Rational): Rational => (value.numerator < 0n ? rational(-value.numerator, value.denominator) : value);
const max = (a: Rational, b: Rational): Rational => (compare(a, b) >= 0 ? a : b);
const isInteger = (value: Rational): boolean => value.denominator === 1n;
const readRational = (value: unknown): Rational => fromDecimal(toDecimal(value));

/** One factor, planned: its column, the SQL of its points numerator M_c·rating, and its messages. */
interface FactorPlan {
  readonly id: string;
  readonly category: number;
  readonly column: string;
  /** M_c·min, the points numerator imputed under `missing: 'min'`. */
  readonly imputed: Rational;
  points(writer: SqlWriter): string;
  /** A boolean SQL expression: the rating is missing (NULL, or a special value meaning missing). */
  missing(writer: SqlWriter): string;
  readonly invalidMessage: string;
}

/**
 * Compiles a scorecard to SQL (see `toSql`).
 * @throws {ValidationError} on bad options, and for model parts SQL cannot express
 *   (special values on a numeric scale, `missing: 'exclude'`, numbers beyond 38 digits).
 */
export function compileScorecardSql(model: Scorecard, options: ToSqlOptions): SqlQuery {
  const issues: Issue[] = [];
  const rules = readDialect(options.dialect);
  const table = readTable(options.table, issues);
  const keep = readKeep(options.keep, issues);
  const columnOf = readColumns(options.columns, model.factorIds, issues);
  const missingPolicy = options.missing ?? 'error';
  if (missingPolicy === 'exclude') {
    issues.push(makeIssue('options.missing', '"error" or "min" ("exclude" renormalises each row over the factors it has, which has no exact fixed-denominator form in SQL)', 'string "exclude"'));
  } else if (missingPolicy !== 'error' && missingPolicy !== 'min') {
    issues.push(makeIssue('options.missing', '"error" or "min"', describeValue(missingPolicy)));
  }
  const clamp = options.clamp ?? false;
  if (typeof clamp !== 'boolean') issues.push(makeIssue('options.clamp', 'a boolean', describeValue(clamp), 'invalid_type'));
  const normalisation = options.normalisation ?? model.normalisation;
  if (normalisation !== 'ratio' && normalisation !== 'minmax') issues.push(makeIssue('options.normalisation', '"ratio" or "minmax"', describeValue(normalisation)));
  const bands: GradeBands | null = options.bands === undefined ? model.grades : options.bands;
  if (bands !== null && !isGradeBands(bands)) issues.push(makeIssue('options.bands', 'grade bands from defineGradeBands, or null', describeValue(bands)));
  const ratingScale = readPlaces(options.ratingScale, 6, 18, 'options.ratingScale', issues);
  const totalScale = readPlaces(options.totalScale, 12, 20, 'options.totalScale', issues);

  const definition = model.toJSON();
  const minmax = normalisation === 'minmax';

  // Points per rating unit, k_c = 100·w / span, and the common denominator D.
  const k = model.categories.map((category) => {
    const span = minmax ? subtract(fromDecimal(category.maxSum), fromDecimal(category.minSum)) : fromDecimal(category.maxSum);
    return divide(multiply(HUNDRED, fromDecimal(category.weight)), span);
  });
  let denominator = k.reduce((d, value) => lcm(d, value.denominator), 1n);
  definition.categories.forEach((category, c) => {
    category.factors.forEach((factor, f) => {
      const scale = factor.scale;
      const path = `categories[${c}].factors[${f}].scale`;
      if (!scale) return;
      if (scale.type !== 'categorical' && scale.special !== undefined && scale.special.length > 0) {
        issues.push(
          makeIssue(
            `${path}.special`,
            `no special values on a ${scale.type} scale (factor "${factor.id}": a SQL column has one type, so a text code cannot share a ${scale.type === 'boolean' ? 'boolean' : 'numeric'} column; map it to NULL or a rating upstream)`,
            `${scale.special.length} special value(s)`,
          ),
        );
      }
      if (scale.type === 'linear') {
        const slope = divide(subtract(readRational(scale.to.rating), readRational(scale.from.rating)), subtract(readRational(scale.to.raw), readRational(scale.from.raw)));
        denominator = lcm(denominator, multiply(k[c]!, slope).denominator);
      }
    });
  });
  if (issues.length > 0) throw new ValidationError(issues, 'toSql');

  const D = rational(denominator);
  const M = k.map((value) => multiply(value, D));
  const plans: FactorPlan[] = [];
  const literals: Rational[] = [];
  let readsRatings = false;
  definition.categories.forEach((category, c) => {
    category.factors.forEach((factor) => {
      const factorMin = readRational(factor.min);
      const factorMax = readRational(factor.max);
      const m = M[c]!;
      const points = (rating: Rational): Rational => {
        const value = multiply(m, rating);
        literals.push(value);
        return value;
      };
      const column = columnOf(factor.id);
      const imputed = points(factorMin);
      const base = { id: factor.id, category: c, column, imputed };
      const times = (writer: SqlWriter, expression: string): string => (isInteger(m) && m.numerator === 1n ? expression : `${writer.decimal(m)} * ${expression}`);
      const scale = factor.scale as ScaleDefinition | undefined;
      if (!scale) {
        readsRatings = true;
        const low = points(factorMin);
        const high = points(factorMax);
        const width = widthFor(multiply(abs(m), max(abs(factorMin), abs(factorMax))), ratingScale);
        plans.push({
          ...base,
          invalidMessage: `${factor.id}: not a rating within [${decimalText(factorMin)}, ${decimalText(factorMax)}] with at most ${ratingScale} decimals`,
          missing: (writer) => `${writer.quote(column)} IS NULL`,
          points: (writer) => {
            const ref = writer.quote(column);
            // range first: the cast below only ever sees in-range values, so it cannot overflow
            const exact = `CAST(${ref} AS ${writer.rules.decimalType(width, ratingScale)})`;
            return (
              `CASE WHEN ${ref} IS NULL THEN NULL ` +
              `WHEN ${ref} < ${writer.decimal(factorMin)} THEN ${clamp ? writer.decimal(low) : 'NULL'} ` +
              `WHEN ${ref} > ${writer.decimal(factorMax)} THEN ${clamp ? writer.decimal(high) : 'NULL'} ` +
              `WHEN ${exact} <> ${ref} THEN NULL ELSE ${times(writer, exact)} END`
            );
          },
        });
        return;
      }
      switch (scale.type) {
        case 'bands': {
          const rows = scale.bands.map((band) => ({ interval: parseInterval(String(band.interval)), value: points(readRational(band.rating)) }));
          const sorted = [...rows].sort((a, b) => (a.interval.lower === null ? -1 : b.interval.lower === null ? 1 : compare(a.interval.lower.value, b.interval.lower.value)));
          const lowest = sorted[0]!;
          const highest = sorted[sorted.length - 1]!;
          plans.push({
            ...base,
            invalidMessage: `${factor.id}: a raw value outside the scale's bands`,
            missing: (writer) => `${writer.quote(column)} IS NULL`,
            points: (writer) => {
              const ref = writer.quote(column);
              const whens = rows.map((row) => `WHEN ${intervalCondition(writer, ref, row.interval)} THEN ${writer.decimal(row.value)}`);
              let tail = '';
              if (clamp) {
                tail = lowest.interval.lower === null ? ` ELSE ${writer.decimal(highest.value)}` : ` WHEN ${ref} <= ${writer.decimal(lowest.interval.lower.value)} THEN ${writer.decimal(lowest.value)} ELSE ${writer.decimal(highest.value)}`;
              }
              return `CASE WHEN ${ref} IS NULL THEN NULL ${whens.join(' ')}${tail} END`;
            },
          });
          return;
        }
        case 'linear': {
          const x0 = readRational(scale.from.raw);
          const r0 = readRational(scale.from.rating);
          const x1 = readRational(scale.to.raw);
          const r1 = readRational(scale.to.rating);
          const slope = divide(subtract(r1, r0), subtract(x1, x0));
          const [lowRaw, lowRating, highRaw, highRating] = compare(x0, x1) < 0 ? [x0, r0, x1, r1] : [x1, r1, x0, r0];
          const perUnit = multiply(m, slope); // an integer, by the choice of D
          const offset = subtract(multiply(m, r0), multiply(perUnit, x0));
          literals.push(offset);
          const lowPoints = points(lowRating);
          const highPoints = points(highRating);
          readsRatings = true;
          const width = widthFor(multiply(abs(perUnit), max(abs(lowRaw), abs(highRaw))), ratingScale);
          plans.push({
            ...base,
            invalidMessage: `${factor.id}: a raw value with more than ${ratingScale} decimals`,
            missing: (writer) => `${writer.quote(column)} IS NULL`,
            points: (writer) => {
              const ref = writer.quote(column);
              const exact = `CAST(${ref} AS ${writer.rules.decimalType(width, ratingScale)})`;
              return (
                `CASE WHEN ${ref} IS NULL THEN NULL ` +
                `WHEN ${ref} <= ${writer.decimal(lowRaw)} THEN ${writer.decimal(lowPoints)} ` +
                `WHEN ${ref} >= ${writer.decimal(highRaw)} THEN ${writer.decimal(highPoints)} ` +
                `WHEN ${exact} <> ${ref} THEN NULL ELSE ${writer.decimal(offset)} + ${writer.decimal(perUnit)} * ${exact} END`
              );
            },
          });
          return;
        }
        case 'categorical': {
          const specials = (scale.special ?? []).map((special) => ({ value: special.value, points: 'rating' in special ? points(readRational(special.rating)) : null }));
          const codes = scale.categories.map((entry) => ({ value: entry.value, points: points(readRational(entry.rating)) }));
          const fallback = scale.default === undefined ? null : points(readRational(scale.default));
          plans.push({
            ...base,
            invalidMessage: `${factor.id}: a code the scale does not list`,
            missing: (writer) => {
              const ref = writer.quote(column);
              const absent = specials.filter((special) => special.points === null).map((special) => ` OR ${ref} = ${writer.param(special.value)}`);
              return absent.length === 0 ? `${ref} IS NULL` : `(${ref} IS NULL${absent.join('')})`;
            },
            points: (writer) => {
              const ref = writer.quote(column);
              const whens = [...specials, ...codes].map((entry) => `WHEN ${ref} = ${writer.param(entry.value)} THEN ${entry.points === null ? 'NULL' : writer.decimal(entry.points)}`);
              return `CASE WHEN ${ref} IS NULL THEN NULL ${whens.join(' ')} ELSE ${fallback === null ? 'NULL' : writer.decimal(fallback)} END`;
            },
          });
          return;
        }
        case 'boolean': {
          const yes = points(readRational(scale.true));
          const no = points(readRational(scale.false));
          plans.push({
            ...base,
            invalidMessage: `${factor.id}: not a boolean`,
            missing: (writer) => `${writer.quote(column)} IS NULL`,
            points: (writer) => {
              const ref = writer.quote(column);
              return `CASE WHEN ${ref} THEN ${writer.decimal(yes)} WHEN NOT ${ref} THEN ${writer.decimal(no)} END`;
            },
          });
          return;
        }
      }
    });
  });

  // Category bases (Σmin under minmax), and the decimal places N can carry.
  const bases = model.categories.map((category, c) => (minmax ? multiply(M[c]!, fromDecimal(category.minSum)) : ZERO));
  literals.push(...bases);
  const placesN = Math.max(readsRatings ? ratingScale : 0, ...literals.map(placesOf));
  const E = denominator * tenTo(placesN); // total = N / D, N with placesN decimals: total = (N·10^placesN) / E
  let exactPlaces = 0;
  while (exactPlaces <= 30 && tenTo(exactPlaces) % E !== 0n) exactPlaces++;
  const exact = exactPlaces <= 30;
  const scale = exact ? exactPlaces : totalScale;

  // The largest |total| any in-range row can reach, to keep every integer within DECIMAL(38).
  let maxTotal = ZERO;
  model.categories.forEach((category, c) => {
    const base = minmax ? fromDecimal(category.minSum) : ZERO;
    const reach = max(abs(subtract(fromDecimal(category.maxSum), base)), abs(subtract(fromDecimal(category.minSum), base)));
    maxTotal = add(maxTotal, multiply(abs(k[c]!), reach));
  });
  const reachN = multiply(add(maxTotal, rational(1n)), rational(E * 2n * (exact ? 1n : tenTo(scale))));
  if (compare(reachN, rational(LIMIT)) > 0) {
    throw new ValidationError(
      [makeIssue('', `a model whose exact totals fit 38-digit SQL decimals (common denominator ${denominator}, ${placesN} decimal places${exact ? '' : `, total scale ${scale}`})`, 'a model needing more digits (lower ratingScale or totalScale, or simplify weights)')],
      'toSql',
    );
  }

  // 18 digits where they suffice: engines keep DECIMAL(18) in 64-bit integers (DuckDB is ~4× faster than with DECIMAL(38)).
  const boundN = multiply(add(maxTotal, rational(1n)), rational(E * 2n));
  const widthN = compare(boundN, rational(tenTo(17))) < 0 ? 18 : 38;
  const widthTotal = widthN === 18 && 3 + scale < 17 ? 18 : 38;
  const categoryIds = model.categories.map((category) => category.id);
  const outputs = ['total', 'total_numerator', ...(bands ? ['grade'] : []), ...categoryIds.map((id) => `points_${id}`), 'complete', 'error'];
  const problems: Issue[] = [];
  checkOutputNames(keep, outputs, problems);
  if (problems.length > 0) throw new ValidationError(problems, 'toSql');

  const totals: SqlTotals = { scale, exact, denominator: denominator.toString(), ratingScale };
  const write = (writer: SqlWriter): { text: string; columns: SqlColumn[]; totals: SqlTotals } => {
    const d = writer.rules;
    const q = (name: string): string => writer.quote(name);
    const kept = keep.map(q);
    const p = (index: number): string => q(`${INTERNAL}p${index}`);
    const n = (index: number): string => q(`${INTERNAL}n${index}`);
    const s = (index: number): string => q(`${INTERNAL}s${index}`);
    const decimal = (places: number): string => d.decimalType(widthTotal, places);

    // Level 1: every factor's points numerator (NULL when missing or invalid) and its missingness.
    const level1 = [...kept, ...plans.flatMap((plan, index) => [`${plan.points(writer)} AS ${p(index)}`, `${plan.missing(writer)} AS ${n(index)}`])];
    // Level 2: category sums (imputing under 'min'), the first problem, completeness.
    const sums = model.categories.map((_, c) => {
      const terms = plans
        .map((plan, index) => ({ plan, index }))
        .filter(({ plan }) => plan.category === c)
        .map(({ plan, index }) => (missingPolicy === 'min' ? `COALESCE(${p(index)}, CASE WHEN ${n(index)} THEN ${writer.decimal(plan.imputed)} END)` : p(index)));
      return `${terms.join(' + ')} AS ${s(c)}`;
    });
    const problemsSql = plans.map(
      (plan, index) =>
        `CASE WHEN ${n(index)} THEN ${missingPolicy === 'min' ? 'NULL' : writer.word(`${plan.id}: missing`)} WHEN ${p(index)} IS NULL THEN ${writer.word(plan.invalidMessage)} END`,
    );
    const level2 = [
      ...kept,
      ...sums,
      `COALESCE(${problemsSql.join(', ')}) AS ${q(`${INTERNAL}error`)}`,
      `NOT (${plans.map((_, index) => n(index)).join(' OR ')}) AS ${q(`${INTERNAL}complete`)}`,
    ];
    // Level 3: numerators N = total × D (exact decimals with placesN places), per category and in all.
    const categoryNumerators = model.categories.map((_, c) => (bases[c]!.numerator === 0n ? s(c) : `${s(c)} - ${writer.decimal(bases[c]!)}`));
    const level3 = [
      ...kept,
      `(${categoryNumerators.map((text) => `(${text})`).join(' + ')}) AS ${q(`${INTERNAL}N`)}`,
      ...categoryNumerators.map((text, c) => `(${text}) AS ${q(`${INTERNAL}q${c}`)}`),
      q(`${INTERNAL}error`),
      q(`${INTERNAL}complete`),
    ];
    // Level 4: decimals, grade, explanation. Widening casts are costly (DuckDB), so they appear only where a product could outgrow 18 digits.
    const wide = (numerator: string): string => `CAST(${numerator} AS ${d.decimalType(38, placesN)})`;
    const asDecimal = (numerator: string): string => {
      if (exact) {
        if (denominator === 1n) return `CAST(${numerator} AS ${decimal(scale)})`;
        const factor = writer.decimal(rational(1n, denominator));
        return `CAST(${scale + 3 < 17 ? numerator : wide(numerator)} * ${factor} AS ${decimal(scale)})`;
      }
      const integer = `CAST(${wide(numerator)} * ${writer.decimal(rational(tenTo(placesN)))} AS ${d.decimalType(38, 0)})`;
      const e = writer.decimal(rational(E));
      const twoE = writer.decimal(rational(2n * E));
      const scaled = `${integer} * ${writer.decimal(rational(tenTo(scale)))}`;
      const rounded = `CASE WHEN ${numerator} < 0 THEN -${d.integerDivide(`${e} - 2 * ${scaled}`, twoE)} ELSE ${d.integerDivide(`2 * ${scaled} + ${e}`, twoE)} END`;
      return `CAST(${rounded} * ${writer.decimal(rational(1n, tenTo(scale)))} AS ${decimal(scale)})`;
    };
    const N = q(`${INTERNAL}N`);
    const level4 = [
      ...kept,
      `${asDecimal(N)} AS ${q('total')}`,
      `CAST(${N} AS ${d.decimalType(widthN, placesN)}) AS ${q('total_numerator')}`,
      ...(bands
        ? [
            `CASE ${bands.bands
              .map((band) => {
                const interval: Interval = {
                  lower: band.interval.lower ? { value: multiply(band.interval.lower.exact, D), inclusive: band.interval.lower.inclusive } : null,
                  upper: band.interval.upper ? { value: multiply(band.interval.upper.exact, D), inclusive: band.interval.upper.inclusive } : null,
                };
                return `WHEN ${intervalCondition(writer, N, interval)} THEN ${writer.word(band.id)}`;
              })
              .join(' ')} END AS ${q('grade')}`,
          ]
        : []),
      ...categoryIds.map((id, c) => `${asDecimal(q(`${INTERNAL}q${c}`))} AS ${q(`points_${id}`)}`),
      `${q(`${INTERNAL}complete`)} AS ${q('complete')}`,
      `${q(`${INTERNAL}error`)} AS ${q('error')}`,
    ];
    const text = [
      `SELECT ${level4.join(',\n  ')}`,
      `FROM (SELECT ${level3.join(',\n  ')}`,
      `FROM (SELECT ${level2.join(',\n  ')}`,
      `FROM (SELECT ${level1.join(',\n  ')}`,
      `FROM ${writer.table(table)}) AS ${q(`${INTERNAL}factors`)}) AS ${q(`${INTERNAL}categories`)}) AS ${q(`${INTERNAL}totals`)}`,
    ].join('\n');
    const columns: SqlColumn[] = [
      ...keep.map((name) => ({ name, type: 'as in the table', description: 'kept column' })),
      { name: 'total', type: decimal(scale), description: exact ? 'the exact total, 0–100' : `the total rounded half away from zero to ${scale} decimals` },
      { name: 'total_numerator', type: d.decimalType(widthN, placesN), description: `the exact total × ${denominator.toString()} (total = total_numerator / denominator)` },
      ...(bands ? [{ name: 'grade', type: d.types.text, description: `grade id from bands "${bands.id}"` }] : []),
      ...categoryIds.map((id) => ({ name: `points_${id}`, type: decimal(scale), description: `points of category "${id}"` })),
      { name: 'complete', type: d.types.boolean, description: 'true when no rating was imputed' },
      { name: 'error', type: d.types.text, description: 'the first problem of the row (NULL when scored)' },
    ];
    return { text, columns, totals };
  };
  return makeQuery('scorecard', rules.name, model, write);
}

/** DECIMAL(18, s) when every value up to `bound` fits with room to spare, else DECIMAL(38, s). */
function widthFor(bound: Rational, scale: number): number {
  return compare(multiply(bound, rational(tenTo(scale))), rational(tenTo(16))) < 0 ? 18 : 38;
}

function intervalCondition(writer: SqlWriter, ref: string, interval: Interval): string {
  const parts: string[] = [];
  if (interval.lower) parts.push(`${ref} ${interval.lower.inclusive ? '>=' : '>'} ${writer.decimal(interval.lower.value)}`);
  if (interval.upper) parts.push(`${ref} ${interval.upper.inclusive ? '<=' : '<'} ${writer.decimal(interval.upper.value)}`);
  return parts.length === 0 ? `${ref} IS NOT NULL` : parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
}

function readPlaces(value: unknown, fallback: number, limit: number, path: string, issues: Issue[]): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > limit) {
    issues.push(makeIssue(path, `a whole number from 0 to ${limit}`, describeValue(value)));
    return fallback;
  }
  return value;
}
