/**
 * The SQL of one scorecard factor: its points numerator `M_c × rating` as a `CASE` expression,
 * written from the factor's entry in the scorecard plan (bounds, and the scale rule as data).
 * @module
 */
import { absolute, compare, divide, multiply, rational, subtract, tenTo, type Rational } from '../shared/rational.js';
import type { PlanEdge, PlanFactor, ScaleRule } from '../scoring/index.js';
import { decimalText, significantDigits, type SqlWriter } from './sqlWriter.js';

/** One factor, ready to write: its column, the SQL of its points numerator and its messages. */
export interface FactorSql {
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

/** What every factor's SQL shares: the multiplier, the clamp option and the literal register. */
export interface FactorContext {
  readonly factor: PlanFactor;
  readonly column: string;
  /** `M_c`, points numerator per rating unit of the factor's category. */
  readonly multiplier: Rational;
  readonly clamp: boolean;
  readonly ratingScale: number;
  /** `M_c × rating`, recorded among the literals whose decimal places the numerator carries. */
  points(rating: Rational): Rational;
  /** Records a literal that is not a points value (a linear offset). */
  literal(value: Rational): void;
  /** Called when the factor casts a caller's number to a fixed-scale decimal. */
  readsNumbers(): void;
  /**
   * `true` when the dialect reads a number column exactly (Postgres: a DOUBLE through its shortest
   * text); `false` when a DOUBLE is compared and cast as a binary float (see {@link floatLimits}).
   */
  readonly exactNumbers: boolean;
  /** `true` in Spark: every decimal product must stay within 38 digits of nominal precision (see `sparkLimits`). */
  readonly precision38: boolean;
  /** Records what SQL cannot express exactly for this factor (the compiler throws them all). */
  problem(expected: string, received: string): void;
}

/** Doubles tell 15 significant digits apart: a threshold with more can sort a DOUBLE differently. */
export const FLOAT_DIGITS = 15;
/** |x|·10^scale ≤ 2^50: the only decimal of `scale` places that a double x rounds to is its shortest text. */
const FLOAT_EXACT = rational(2n ** 50n);

/**
 * The limits of a dialect that compares a DOUBLE column as a binary float: every model number
 * compared with the raw column has at most 15 significant digits, and every number read at
 * `ratingScale` places stays within 2^50 millionths-like units (see `toMillionths` in the plan).
 */
function floatLimits(context: FactorContext, thresholds: readonly Rational[], reach: Rational | null): void {
  if (context.exactNumbers) return;
  const long = thresholds.find((value) => significantDigits(value) > FLOAT_DIGITS);
  if (long)
    context.problem(
      `model numbers of at most ${FLOAT_DIGITS} significant digits (factor "${context.factor.id}": a DOUBLE column ` +
        `compares as a 64-bit float, which tells ${FLOAT_DIGITS} digits apart)`,
      decimalText(long),
    );
  if (reach && compare(multiply(reach, rational(tenTo(context.ratingScale))), FLOAT_EXACT) > 0)
    context.problem(
      `values within ±2^50 units of 10^-${context.ratingScale} (factor "${context.factor.id}": beyond that a DOUBLE ` +
        `has several ${context.ratingScale}-decimal readings; lower ratingScale)`,
      `a range reaching ${decimalText(reach)}`,
    );
}

/** DECIMAL(18, s) when every value up to `bound` fits with room to spare, else DECIMAL(38, s). */
function widthFor(bound: Rational, scale: number): number {
  return compare(multiply(bound, rational(tenTo(scale))), rational(tenTo(16))) < 0 ? 18 : 38;
}

/** Refuses a raw range whose exact reading at `ratingScale` places outgrows DECIMAL(38). */
function fitsDecimal(context: FactorContext, bound: Rational): void {
  if (compare(multiply(bound, rational(tenTo(context.ratingScale))), rational(tenTo(36))) >= 0)
    context.problem(
      `raw values whose products fit DECIMAL(38, ${context.ratingScale}) ` +
        `(factor "${context.factor.id}"; lower ratingScale)`,
      `a range reaching ${decimalText(bound)}`,
    );
}

const larger = (a: Rational, b: Rational): Rational =>
  compare(absolute(a), absolute(b)) >= 0 ? absolute(a) : absolute(b);

const isNull = (writer: SqlWriter, column: string): string => `${writer.quote(column)} IS NULL`;

/** The rule for a comparison of `ref` with a raw interval. */
export function intervalCondition(
  writer: SqlWriter,
  ref: string,
  lower: PlanEdge | null,
  upper: PlanEdge | null,
  literal: (value: Rational) => string = (value) => writer.decimal(value),
): string {
  const parts: string[] = [];
  if (lower) parts.push(`${ref} ${lower.inclusive ? '>=' : '>'} ${literal(lower.value)}`);
  if (upper) parts.push(`${ref} ${upper.inclusive ? '<=' : '<'} ${literal(upper.value)}`);
  return parts.length === 0 ? `${ref} IS NOT NULL` : parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`;
}

/**
 * The `CASE` over a caller's number: NULL stays NULL, then the below- and above-range branches,
 * then the exact cast to `ratingScale` decimals (NULL when the number has more) and its points.
 * Range first: the cast only ever sees in-range values, so it cannot overflow.
 */
function numberCase(
  writer: SqlWriter,
  column: string,
  width: number,
  ratingScale: number,
  [below, above, points]: Branches,
  range: readonly [Rational, Rational],
): string {
  const quoted = writer.quote(column);
  const ref = writer.rules.readNumber(quoted);
  const outside = `(${ref} < ${writer.threshold(range[0])} OR ${ref} > ${writer.threshold(range[1])})`;
  const reading = writer.rules.exactReading(
    quoted,
    ref,
    writer.rules.decimalType(width, ratingScale),
    ratingScale,
    outside,
  );
  return (
    `CASE WHEN ${ref} IS NULL THEN NULL ${below(ref)} ${above(ref)} WHEN ${reading.invalid} THEN NULL ` +
    `ELSE ${points(reading.value)} END`
  );
}

/** The three branches of {@link numberCase}: below the range, above it, and the points of an exact reading. */
type Branches = readonly [(ref: string) => string, (ref: string) => string, (exact: string) => string];

/**
 * A factor that reads a caller's number within `range` (a rating, or a linear scale's raw value) at `perUnit` points
 * per unit: its reading width, the limits SQL can express, and its `CASE`.
 */
function numberFactor(
  context: FactorContext,
  base: Base,
  perUnit: Rational,
  range: readonly [Rational, Rational],
  invalidMessage: string,
  branches: (writer: SqlWriter) => Branches,
): FactorSql {
  const { column, ratingScale } = context;
  context.readsNumbers();
  const reach = larger(range[0], range[1]);
  const bound = multiply(larger(perUnit, rational(1n)), reach);
  const width = widthFor(bound, ratingScale);
  fitsDecimal(context, bound);
  if (width === 38 && context.precision38 && ratingScale > 6)
    context.problem(
      `values whose points fit DECIMAL(18, ${ratingScale}) in Spark (factor "${context.factor.id}": a product with a ` +
        'DECIMAL(38) reading passes 38 digits, where spark.sql.decimalOperations.allowPrecisionLoss would change it)',
      `a range reaching ${decimalText(bound)}`,
    );
  floatLimits(context, range, reach);
  return {
    ...base,
    invalidMessage,
    missing: (writer) => isNull(writer, column),
    points: (writer) => numberCase(writer, column, width, ratingScale, branches(writer), range),
  };
}

/** A factor rated directly: range checks first, so the exact cast only sees in-range values. */
function ratingSql(context: FactorContext, base: Base): FactorSql {
  const { factor, multiplier: m, clamp, ratingScale } = context;
  const low = context.points(factor.min);
  const high = context.points(factor.max);
  const times = (writer: SqlWriter, expression: string): string =>
    m.denominator === 1n && m.numerator === 1n ? expression : `${writer.decimal(m)} * ${expression}`;
  return numberFactor(
    context,
    base,
    m,
    [factor.min, factor.max],
    `${factor.id}: not a rating within [${decimalText(factor.min)}, ${decimalText(factor.max)}] ` +
      `with at most ${ratingScale} decimals`,
    (writer) => [
      (ref) => `WHEN ${ref} < ${writer.threshold(factor.min)} THEN ${clamp ? writer.decimal(low) : 'NULL'}`,
      (ref) => `WHEN ${ref} > ${writer.threshold(factor.max)} THEN ${clamp ? writer.decimal(high) : 'NULL'}`,
      (exact) => times(writer, exact),
    ],
  );
}

type Rule<T extends ScaleRule['type']> = Extract<ScaleRule, { type: T }>;
type Base = Omit<FactorSql, 'points' | 'missing' | 'invalidMessage'>;

function bandsSql(context: FactorContext, base: Base, rule: Rule<'bands'>): FactorSql {
  const { factor, column, clamp } = context;
  const rows = rule.bands.map((band) => ({ band, value: context.points(band.rating) }));
  // The library's order (compareLower): by lower edge, an inclusive edge before an exclusive one at the
  // same value, so a single-point band [5, 5] sorts before (5, 10] whatever the listing order.
  const sorted = [...rows].sort((a, b) => compareLower(a.band.lower, b.band.lower));
  floatLimits(
    context,
    rule.bands.flatMap((band) => [band.lower, band.upper].flatMap((edge) => (edge ? [edge.value] : []))),
    null,
  );
  const lowest = sorted[0]!;
  const highest = sorted[sorted.length - 1]!;
  return {
    ...base,
    invalidMessage: `${factor.id}: a raw value outside the scale's bands`,
    missing: (writer) => isNull(writer, column),
    points: (writer) => {
      const ref = writer.rules.readNumber(writer.quote(column));
      const whens = rows.map(
        (row) =>
          `WHEN ${intervalCondition(writer, ref, row.band.lower, row.band.upper, (edge) => writer.threshold(edge))} ` +
          `THEN ${writer.decimal(row.value)}`,
      );
      let tail = '';
      if (clamp) {
        tail =
          lowest.band.lower === null
            ? ` ELSE ${writer.decimal(highest.value)}`
            : ` WHEN ${ref} <= ${writer.threshold(lowest.band.lower.value)} THEN ${writer.decimal(lowest.value)}` +
              ` ELSE ${writer.decimal(highest.value)}`;
      }
      return `CASE WHEN ${ref} IS NULL THEN NULL ${whens.join(' ')}${tail} END`;
    },
  };
}

/** The order of lower band edges: none first, then by value, inclusive before exclusive. */
function compareLower(a: PlanEdge | null, b: PlanEdge | null): number {
  if (a === null) return b === null ? 0 : -1;
  if (b === null) return 1;
  const order = compare(a.value, b.value);
  if (order !== 0) return order;
  return a.inclusive === b.inclusive ? 0 : a.inclusive ? -1 : 1;
}

/** The slope of a linear scale in rating units per raw unit. */
export function linearSlope(rule: Rule<'linear'>): Rational {
  return divide(subtract(rule.to.rating, rule.from.rating), subtract(rule.to.raw, rule.from.raw));
}

function linearSql(context: FactorContext, base: Base, rule: Rule<'linear'>): FactorSql {
  const { factor, column, multiplier: m, ratingScale } = context;
  const { raw: x0, rating: r0 } = rule.from;
  const { raw: x1, rating: r1 } = rule.to;
  const [lowRaw, lowRating, highRaw, highRating] = compare(x0, x1) < 0 ? [x0, r0, x1, r1] : [x1, r1, x0, r0];
  const perUnit = multiply(m, linearSlope(rule)); // an integer, by the choice of D
  const offset = subtract(multiply(m, r0), multiply(perUnit, x0));
  context.literal(offset);
  const lowPoints = context.points(lowRating);
  const highPoints = context.points(highRating);
  if (perUnit.numerator === 0n) {
    // A flat scale: every raw value has the same rating, so the value is never read (nor cast).
    return {
      ...base,
      invalidMessage: `${factor.id}: not a number`,
      missing: (writer) => isNull(writer, column),
      points: (writer) => `CASE WHEN ${writer.quote(column)} IS NULL THEN NULL ELSE ${writer.decimal(lowPoints)} END`,
    };
  }
  return numberFactor(
    context,
    base,
    perUnit,
    [lowRaw, highRaw],
    `${factor.id}: a raw value with more than ${ratingScale} decimals`,
    (writer) => [
      (ref) => `WHEN ${ref} <= ${writer.threshold(lowRaw)} THEN ${writer.decimal(lowPoints)}`,
      (ref) => `WHEN ${ref} >= ${writer.threshold(highRaw)} THEN ${writer.decimal(highPoints)}`,
      (exact) => `${writer.decimal(offset)} + ${writer.decimal(perUnit)} * ${exact}`,
    ],
  );
}

function categoricalSql(context: FactorContext, base: Base, rule: Rule<'categorical'>): FactorSql {
  const { factor, column } = context;
  const specials = rule.special.map((special) => ({
    value: special.value,
    points: special.rating === null ? null : context.points(special.rating),
  }));
  const codes = rule.categories.map((entry) => ({ value: entry.value, points: context.points(entry.rating) }));
  const fallback = rule.default === null ? null : context.points(rule.default);
  return {
    ...base,
    invalidMessage: `${factor.id}: a code the scale does not list`,
    missing: (writer) => {
      const ref = writer.quote(column);
      const absent = specials
        .filter((special) => special.points === null)
        .map(
          (special) => ` OR ${writer.rules.binaryText(ref)} = ${writer.rules.binaryValue(writer.param(special.value))}`,
        );
      return absent.length === 0 ? `${ref} IS NULL` : `(${ref} IS NULL${absent.join('')})`;
    },
    points: (writer) => {
      const ref = writer.quote(column);
      const code = writer.rules.binaryText(ref);
      const whens = [...specials, ...codes].map(
        (entry) =>
          `WHEN ${code} = ${writer.rules.binaryValue(writer.param(entry.value))} ` +
          `THEN ${entry.points === null ? 'NULL' : writer.decimal(entry.points)}`,
      );
      const otherwise = fallback === null ? 'NULL' : writer.decimal(fallback);
      return `CASE WHEN ${ref} IS NULL THEN NULL ${whens.join(' ')} ELSE ${otherwise} END`;
    },
  };
}

function booleanSql(context: FactorContext, base: Base, rule: Rule<'boolean'>): FactorSql {
  const { factor, column } = context;
  const yes = context.points(rule.true);
  const no = context.points(rule.false);
  return {
    ...base,
    invalidMessage: `${factor.id}: not a boolean`,
    missing: (writer) => isNull(writer, column),
    points: (writer) => {
      const ref = writer.quote(column);
      return `CASE WHEN ${ref} THEN ${writer.decimal(yes)} WHEN NOT ${ref} THEN ${writer.decimal(no)} END`;
    },
  };
}

/** The SQL of one factor, by the kind of its scale. */
export function factorSql(context: FactorContext): FactorSql {
  const { factor, column } = context;
  const base: Base = { id: factor.id, category: factor.category, column, imputed: context.points(factor.min) };
  const rule = factor.scale;
  if (rule === null) return ratingSql(context, base);
  switch (rule.type) {
    case 'bands':
      return bandsSql(context, base, rule);
    case 'linear':
      return linearSql(context, base, rule);
    case 'categorical':
      return categoricalSql(context, base, rule);
    case 'boolean':
      return booleanSql(context, base, rule);
  }
}
