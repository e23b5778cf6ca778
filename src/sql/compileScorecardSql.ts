/**
 * Compiles a scorecard with its grade bands to one SQL query, from the scorecard's exact plan
 * (`scorecardPlan` in clientele/scoring).
 *
 * The plan gives every category's points per rating unit k_c and their common denominator; here
 * D is widened (if needed) so that each linear scale's points per raw unit is an integer too.
 * Each k_c becomes an integer M_c = k_c·D, so a row's total is N / D with
 * N = Σ_c M_c·(Σ ratings − base) an exact decimal. Grade edges are compared on N (edge × D is an
 * exact literal), so a total of exactly 80 is grade A in the warehouse as in the library.
 *
 * @module
 */
import { ValidationError, describeValue, makeIssue, type Issue } from '../shared/errors.js';
import { absolute, add, compare, lcm, multiply, rational, subtract, tenTo, type Rational } from '../shared/rational.js';
import { isGradeBands, scorecardPlan, type GradeBands, type Scorecard, type ScorecardPlan } from '../scoring/index.js';
import { factorSql, intervalCondition, linearSlope, type FactorSql } from './scorecardFactorSql.js';
import type { DialectRules } from './dialects.js';
import type { SqlWriter } from './sqlWriter.js';
import {
  INTERNAL,
  checkOutputNames,
  makeQuery,
  placesOf,
  readColumns,
  readRules,
  readKeep,
  readTable,
} from './sqlWriter.js';
import type { SqlColumn, SqlQuery, SqlTotals, ToSqlOptions } from './types.js';

const ZERO = rational(0n);
/** Largest magnitude any intermediate integer may reach: 10^37, one digit below DECIMAL(38). */
const LIMIT = tenTo(37);

/** The options, read and checked. */
interface Settings {
  readonly rules: DialectRules;
  readonly table: string | readonly string[];
  readonly keep: string[];
  readonly columnOf: (factorId: string) => string;
  readonly missing: 'error' | 'min';
  readonly clamp: boolean;
  readonly plan: ScorecardPlan;
  readonly bands: GradeBands | null;
  readonly ratingScale: number;
  readonly totalScale: number;
}

/** Everything the text needs: the factors' SQL, the numerator's decimal places and the widths. */
interface Layout extends Settings {
  readonly denominator: bigint;
  readonly factors: readonly FactorSql[];
  /** Σmin·M_c under minmax, else 0: the numerator of a category at zero points. */
  readonly bases: readonly Rational[];
  readonly placesN: number;
  readonly exact: boolean;
  readonly scale: number;
  readonly widthN: number;
  readonly widthTotal: number;
  /**
   * When the total does not terminate and every step fits a 64-bit integer: the decimal places each step of the
   * integer rounding produces (the last one rounds); `null` for the DECIMAL(38) division.
   */
  readonly chunks: readonly number[] | null;
}

/**
 * Compiles a scorecard to SQL (see `toSql`).
 * @throws {ValidationError} on bad options, and for model parts SQL cannot express
 *   (special values on a numeric scale, `missing: 'exclude'`, numbers beyond 38 digits).
 */
export function compileScorecardSql(model: Scorecard, options: ToSqlOptions): SqlQuery {
  const issues: Issue[] = [];
  const settings = readSettings(model, options, issues);
  const denominator = sqlDenominator(settings.plan, issues);
  if (issues.length > 0) throw new ValidationError(issues, 'toSql');
  const problems: Issue[] = [];
  const layout = lay(settings, denominator, problems);
  checkOutputNames(settings.keep, outputNames(layout), problems, settings.rules);
  checkIdentifierBytes(settings, problems);
  if (problems.length > 0) throw new ValidationError(problems, 'toSql');
  const totals: SqlTotals = {
    scale: layout.scale,
    exact: layout.exact,
    denominator: denominator.toString(),
    ratingScale: layout.ratingScale,
  };
  return makeQuery('scorecard', settings.rules, model, (writer) => ({
    text: writeText(writer, layout),
    columns: describeColumns(writer, layout),
    totals,
  }));
}

function readSettings(model: Scorecard, options: ToSqlOptions, issues: Issue[]): Settings {
  const rules = readRules(options, issues);
  const table = readTable(options.table, issues);
  const keep = readKeep(options.keep, issues);
  const columnOf = readColumns(options.columns, model.factorIds, issues);
  const missing = options.missing ?? 'error';
  if (missing === 'exclude') {
    issues.push(
      makeIssue(
        'options.missing',
        '"error" or "min" ("exclude" renormalises each row over the factors it has, ' +
          'which has no exact fixed-denominator form in SQL)',
        'string "exclude"',
      ),
    );
  } else if (missing !== 'error' && missing !== 'min') {
    issues.push(makeIssue('options.missing', '"error" or "min"', describeValue(missing)));
  }
  const clamp = options.clamp ?? false;
  if (typeof clamp !== 'boolean')
    issues.push(makeIssue('options.clamp', 'a boolean', describeValue(clamp), 'invalid_type'));
  const normalisation = options.normalisation ?? model.normalisation;
  if (normalisation !== 'ratio' && normalisation !== 'minmax')
    issues.push(makeIssue('options.normalisation', '"ratio" or "minmax"', describeValue(normalisation)));
  if (normalisation === 'ratio') {
    // The library's range law: ratio is a share of the maximum only when no rating can be negative.
    const negative = model.factors.find((factor) => factor.min.isNegative() && !factor.min.isZero());
    if (negative)
      issues.push(
        makeIssue(
          'options.normalisation',
          `normalisation "minmax" for a model with negative ratings (factor "${negative.id}" has min ` +
            `${negative.min.toFixed()}): "ratio" keeps totals in [0, 100] only when every minimum is ≥ 0`,
          'normalisation "ratio"',
          'inconsistent',
        ),
      );
  }
  const bands: GradeBands | null = options.bands === undefined ? model.grades : options.bands;
  if (bands !== null && !isGradeBands(bands))
    issues.push(makeIssue('options.bands', 'grade bands from defineGradeBands, or null', describeValue(bands)));
  return {
    rules,
    table,
    keep,
    columnOf,
    missing: missing === 'min' ? 'min' : 'error',
    clamp,
    plan: scorecardPlan(model, normalisation === 'ratio' && issues.length === 0 ? 'ratio' : 'minmax'),
    bands,
    ratingScale: readPlaces(options.ratingScale, 6, 18, 'options.ratingScale', issues),
    totalScale: readPlaces(options.totalScale, 12, 20, 'options.totalScale', issues),
  };
}

/**
 * The plan's denominator, widened so every linear scale's points per raw unit is an integer; checks what SQL cannot
 * express.
 */
function sqlDenominator(plan: ScorecardPlan, issues: Issue[]): bigint {
  let denominator = plan.denominator;
  plan.categories.forEach((category, c) => {
    category.factors.forEach((index, f) => {
      const factor = plan.factors[index]!;
      const rule = factor.scale;
      if (!rule) return;
      if (rule.type !== 'categorical' && rule.special.length > 0) {
        issues.push(
          makeIssue(
            `categories[${c}].factors[${f}].scale.special`,
            `no special values on a ${rule.type} scale (factor "${factor.id}": a SQL column has one type, ` +
              `so a text code cannot share a ${rule.type === 'boolean' ? 'boolean' : 'numeric'} column; ` +
              'map it to NULL or a rating upstream)',
            `${rule.special.length} special value(s)`,
          ),
        );
      }
      if (rule.type === 'linear')
        denominator = lcm(denominator, multiply(category.coefficient, linearSlope(rule)).denominator);
    });
  });
  return denominator;
}

/** Plans every factor's SQL and the numerator's scale, and checks the 38-digit limit. */
function lay(settings: Settings, denominator: bigint, issues: Issue[]): Layout {
  const { plan, ratingScale } = settings;
  const paths = factorPaths(plan);
  const D = rational(denominator);
  const multipliers = plan.categories.map((category) => multiply(category.coefficient, D));
  const literals: Rational[] = [];
  let readsRatings = false;
  const factors = plan.factors.map((factor) => {
    const multiplier = multipliers[factor.category]!;
    return factorSql({
      factor,
      column: settings.columnOf(factor.id),
      multiplier,
      clamp: settings.clamp,
      ratingScale,
      points: (rating) => {
        const value = multiply(multiplier, rating);
        literals.push(value);
        return value;
      },
      literal: (value) => literals.push(value),
      readsNumbers: () => {
        readsRatings = true;
      },
      exactNumbers: settings.rules.exactNumbers,
      precision38: settings.rules.name === 'spark',
      problem: (expected, received) => issues.push(makeIssue(paths.get(factor.id)!, expected, received)),
    });
  });
  const bases = plan.categories.map((category, c) =>
    plan.normalisation === 'minmax' ? multiply(multipliers[c]!, category.minSum) : ZERO,
  );
  literals.push(...bases);
  const placesN = Math.max(readsRatings ? ratingScale : 0, ...literals.map(placesOf));
  const E = denominator * tenTo(placesN); // total = N / D, N with placesN decimals: total = (N·10^placesN) / E
  let exactPlaces = 0;
  while (exactPlaces <= 30 && tenTo(exactPlaces) % E !== 0n) exactPlaces++;
  const exact = exactPlaces <= 30;
  const scale = exact ? exactPlaces : settings.totalScale;
  const maxTotal = largestTotal(plan);
  const top = add(maxTotal, rational(1n));
  // The largest scaled integer any product reaches (a DECIMAL product's scale is the sum of its factors'):
  // the numerator at its rounding, N × 10^placesN, and the total as N times 1/D.
  const inverse = exact ? placesOf(rational(1n, denominator)) : 0;
  const reaches = exact
    ? [multiply(top, rational(E * 2n)), multiply(top, rational(tenTo(placesN + inverse)))]
    : [multiply(top, rational(E * 2n * tenTo(scale))), multiply(top, rational(denominator * tenTo(2 * placesN)))];
  if (reaches.some((reach) => compare(reach, rational(LIMIT)) > 0) || placesN + inverse > 37) {
    throw new ValidationError(
      [
        makeIssue(
          '',
          `a model whose exact totals fit 38-digit SQL decimals (common denominator ${denominator}, ` +
            `${placesN} decimal places${exact ? '' : `, total scale ${scale}`})`,
          'a model needing more digits (lower ratingScale or totalScale, or simplify weights)',
        ),
      ],
      'toSql',
    );
  }
  // 18 digits where they suffice: engines keep DECIMAL(18) in 64-bit integers (DuckDB is ~4× faster than with
  // DECIMAL(38)).
  const boundN = multiply(add(maxTotal, rational(1n)), rational(E * 2n));
  const widthN = compare(boundN, rational(tenTo(17))) < 0 ? 18 : 38;
  const widthTotal = widthN === 18 && 3 + scale < 17 ? 18 : 38;
  const chunks = exact || widthN !== 18 ? null : roundingChunks(E, scale, maxTotal);
  const layout = { ...settings, denominator, factors, bases, placesN, exact, scale, widthN, widthTotal, chunks };
  if (settings.rules.name === 'spark') sparkLimits(layout, inverse, issues);
  return layout;
}

/**
 * Spark types every decimal sum and product by its operands' declared precision; past 38 digits the result depends
 * on spark.sql.decimalOperations.allowPrecisionLoss, which cuts the scale (never below 6) or, when off, keeps it.
 * So the answer cannot depend on it when every scale in the numerator is at most 6 (ratings and literals at most 6
 * places), or when every sum stays within 38 declared digits; the total is then the numerator cast back to its own
 * width times 1/D (within 38 digits, or of scale at most 6), or rounded on 64-bit integers. Otherwise refused.
 */
function sparkLimits(layout: Layout, inverse: number, issues: Issue[]): void {
  const longest = Math.max(...layout.plan.categories.map((category) => category.factors.length));
  // A sum of k DECIMAL(18, s) terms is declared with 18 + k - 1 digits; then the base, then the categories.
  const sumDigits = 18 + longest + layout.plan.categories.length + 1;
  const sums = layout.placesN <= 6 || (layout.widthN === 18 && sumDigits <= 38);
  const total = layout.exact
    ? layout.placesN + inverse <= 6 || layout.widthN + inverse + 1 <= 38
    : layout.chunks !== null ||
      (2 * layout.scale < 37 &&
        compare(add(largestTotal(layout.plan), rational(1n)), rational(tenTo(37 - 2 * layout.scale))) < 0);
  if (!sums || !total)
    issues.push(
      makeIssue(
        '',
        'a model whose Spark decimal arithmetic cannot depend on spark.sql.decimalOperations.allowPrecisionLoss: ' +
          `numerators of at most 6 decimals (or 18 digits and at most ${19 - layout.plan.categories.length} factors ` +
          'per category), totals within 38 digits (lower ratingScale or totalScale)',
        `common denominator ${layout.denominator}, ${layout.placesN} decimal places, ` +
          `${longest} factors in the longest category`,
      ),
    );
}

/** Below 2^63: every intermediate of the 64-bit rounding step stays under it. */
const INT64_SAFE = tenTo(18);

/**
 * The digits each step of the 64-bit rounding produces: a step multiplies the remainder r < E by 10^k and divides by
 * E, so 2·E·10^k + E must stay below 10^18; the rounded total times 10^scale must fit too. `null` when it cannot.
 */
function roundingChunks(E: bigint, scale: number, maxTotal: Rational): number[] | null {
  const top = multiply(add(maxTotal, rational(1n)), rational(2n * tenTo(scale)));
  if (compare(top, rational(INT64_SAFE)) >= 0 || 2n * E + E >= INT64_SAFE) return null;
  let step = 0;
  while (step < scale && 2n * E * tenTo(step + 1) + E < INT64_SAFE) step++;
  if (step === 0 && scale > 0) return null;
  const chunks: number[] = [];
  let remaining = scale;
  for (; remaining > step; remaining -= step) chunks.push(step);
  chunks.push(remaining);
  return chunks;
}

/** Each factor's path in the definition (`categories[1].factors[0]`). */
function factorPaths(plan: ScorecardPlan): Map<string, string> {
  const paths = new Map<string, string>();
  plan.categories.forEach((category, c) =>
    category.factors.forEach((index, f) => paths.set(plan.factors[index]!.id, `categories[${c}].factors[${f}]`)),
  );
  return paths;
}

/** Length of a string in UTF-8 bytes. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Refuses output names the engine would truncate (Postgres keeps 63 bytes: two long ids would collide). */
function checkIdentifierBytes(settings: Settings, issues: Issue[]): void {
  // Engines that match names case-insensitively (DuckDB, BigQuery, Spark), or a case-folding identifierCase, would
  // merge points_A and points_a.
  const folds = settings.rules.foldName !== undefined;
  if (folds || ['duckdb', 'bigquery', 'spark'].includes(settings.rules.name)) {
    const seen = new Map<string, number>();
    settings.plan.categories.forEach((category, c) => {
      const first = seen.get(category.id.toLowerCase());
      if (first !== undefined)
        issues.push(
          makeIssue(
            `categories[${c}].id`,
            `a category id differing from categories[${first}].id by more than case ` +
              (folds
                ? '(identifierCase maps both to one name)'
                : `(${settings.rules.name} matches column names case-insensitively)`),
            JSON.stringify(category.id),
            'duplicate',
          ),
        );
      else seen.set(category.id.toLowerCase(), c);
    });
  }
  const limit = settings.rules.identifierBytes;
  if (limit === null) return;
  settings.plan.categories.forEach((category, c) => {
    const bytes = utf8Bytes(`points_${category.id}`);
    if (bytes > limit)
      issues.push(
        makeIssue(
          `categories[${c}].id`,
          `a category id whose column "points_<id>" fits ${settings.rules.name}'s ${limit}-byte identifiers ` +
            `(at most ${limit - 7} bytes of UTF-8; longer names are truncated and can collide)`,
          `${bytes - 7} bytes`,
        ),
      );
  });
}

/** The largest |total| any in-range row can reach, to keep every integer within DECIMAL(38). */
function largestTotal(plan: ScorecardPlan): Rational {
  let maxTotal = ZERO;
  for (const category of plan.categories) {
    const high = absolute(subtract(category.maxSum, category.base));
    const low = absolute(subtract(category.minSum, category.base));
    maxTotal = add(maxTotal, multiply(absolute(category.coefficient), compare(high, low) >= 0 ? high : low));
  }
  return maxTotal;
}

function outputNames(layout: Layout): string[] {
  const categoryIds = layout.plan.categories.map((category) => `points_${category.id}`);
  return ['total', 'total_numerator', ...(layout.bands ? ['grade'] : []), ...categoryIds, 'complete', 'error'];
}

/** Names of the internal columns. */
function internals(writer: SqlWriter) {
  const q = (name: string): string => writer.quote(name);
  return {
    q,
    p: (index: number): string => q(`${INTERNAL}p${index}`),
    n: (index: number): string => q(`${INTERNAL}n${index}`),
    s: (index: number): string => q(`${INTERNAL}s${index}`),
  };
}

/** Level 1: every factor's points numerator (NULL when missing or invalid) and its missingness. */
function factorLevel(writer: SqlWriter, layout: Layout, kept: readonly string[]): string[] {
  const { p, n } = internals(writer);
  return [
    ...kept,
    // Every points numerator typed DECIMAL(w, placesN): an integer literal would be a 32-bit INTEGER
    // in DuckDB and Postgres, and two of them above 2^30 overflow when summed.
    ...layout.factors.flatMap((factor, index) => [
      `CAST(${factor.points(writer)} AS ${writer.rules.decimalType(layout.widthN, layout.placesN)}) AS ${p(index)}`,
      `${factor.missing(writer)} AS ${n(index)}`,
    ]),
  ];
}

/** Level 2: category sums (imputing under 'min'), the first problem, completeness. */
function categoryLevel(writer: SqlWriter, layout: Layout, kept: readonly string[]): string[] {
  const { q, p, n, s } = internals(writer);
  const { factors, missing } = layout;
  const sums = layout.plan.categories.map((_, c) => {
    const terms = factors
      .map((factor, index) => ({ factor, index }))
      .filter(({ factor }) => factor.category === c)
      .map(({ factor, index }) =>
        missing === 'min'
          ? `COALESCE(${p(index)}, CASE WHEN ${n(index)} THEN ${writer.decimal(factor.imputed)} END)`
          : p(index),
      );
    return `${terms.join(' + ')} AS ${s(c)}`;
  });
  const problems = factors.map(
    (factor, index) =>
      `CASE WHEN ${n(index)} THEN ${missing === 'min' ? 'NULL' : writer.word(`${factor.id}: missing`)} ` +
      `WHEN ${p(index)} IS NULL THEN ${writer.word(factor.invalidMessage)} END`,
  );
  return [
    ...kept,
    ...sums,
    `COALESCE(${problems.join(', ')}) AS ${q(`${INTERNAL}error`)}`,
    `NOT (${factors.map((_, index) => n(index)).join(' OR ')}) AS ${q(`${INTERNAL}complete`)}`,
  ];
}

/** The numerator of each category: its sum less its base. */
function categoryNumerators(writer: SqlWriter, layout: Layout): string[] {
  const { s } = internals(writer);
  return layout.plan.categories.map((_, c) =>
    layout.bases[c]!.numerator === 0n ? s(c) : `${s(c)} - ${writer.decimal(layout.bases[c]!)}`,
  );
}

/** Level 3: numerators N = total × D (exact decimals with placesN places), per category and in all. */
function numeratorLevel(writer: SqlWriter, layout: Layout, kept: readonly string[]): string[] {
  const { q } = internals(writer);
  const numerators = categoryNumerators(writer, layout);
  return [
    ...kept,
    `(${numerators.map((text) => `(${text})`).join(' + ')}) AS ${q(`${INTERNAL}N`)}`,
    ...numerators.map((text, c) => `(${text}) AS ${q(`${INTERNAL}q${c}`)}`),
    q(`${INTERNAL}error`),
    q(`${INTERNAL}complete`),
  ];
}

/** A numerator as the decimal it stands for: exact, or rounded half away from zero to the total scale. */
function numeratorToDecimal(writer: SqlWriter, layout: Layout, numerator: string): string {
  const d = writer.rules;
  const { denominator, placesN, exact, scale } = layout;
  const decimal = (places: number): string => d.decimalType(layout.widthTotal, places);
  // Widening casts are costly (DuckDB), so they appear only where a product could outgrow 18 digits.
  const wide = (value: string): string => `CAST(${value} AS ${d.decimalType(38, placesN)})`;
  // Spark declares a sum's precision from its terms: cast it back to its 18 digits before a product.
  const narrow = (value: string): string => `CAST(${value} AS ${d.decimalType(layout.widthN, placesN)})`;
  if (exact) {
    if (denominator === 1n) return `CAST(${numerator} AS ${decimal(scale)})`;
    const factor = writer.decimal(rational(1n, denominator));
    const typed = d.name === 'spark' ? narrow(numerator) : scale + 3 < 17 ? numerator : wide(numerator);
    return `CAST(${typed} * ${factor} AS ${decimal(scale)})`;
  }
  const E = denominator * tenTo(placesN);
  if (layout.chunks)
    return integerRounding(writer, layout, d.name === 'spark' ? narrow(numerator) : numerator, E, layout.chunks);
  const integer = `CAST(${wide(numerator)} * ${writer.decimal(rational(tenTo(placesN)))} AS ${d.decimalType(38, 0)})`;
  const e = writer.decimal(rational(E));
  const twoE = writer.decimal(rational(2n * E));
  const scaled = `${integer} * ${writer.decimal(rational(tenTo(scale)))}`;
  const rounded =
    `CASE WHEN ${numerator} < 0 THEN -${d.integerDivide(`${e} - 2 * ${scaled}`, twoE)} ` +
    `ELSE ${d.integerDivide(`2 * ${scaled} + ${e}`, twoE)} END`;
  // Spark: the rounded integer declared with 37 - scale digits, so its product with 10^-scale stays within 38.
  const integral = d.name === 'spark' ? `CAST(${rounded} AS ${d.decimalType(37 - scale, 0)})` : rounded;
  return `CAST(${integral} * ${writer.decimal(rational(1n, tenTo(scale)))} AS ${decimal(scale)})`;
}

/**
 * |N| / D rounded half away from zero to `scale` places, on 64-bit integers only: a = |N|·10^placesN is an integer,
 * a = q·E + r, and each step turns the remainder into the next digits (r·10^k = d·E + r'); the last step rounds
 * (⌊(2·r·10^k + E) / 2E⌋). No 128-bit division anywhere (the DECIMAL(38) form made DuckDB ~14× slower).
 */
function integerRounding(
  writer: SqlWriter,
  layout: Layout,
  numerator: string,
  E: bigint,
  chunks: readonly number[],
): string {
  const { integer, decimalType } = writer.rules;
  const shift = (value: string, places: number): string => (places === 0 ? value : `(${value} * ${tenTo(places)})`);
  // |N|·10^placesN in N's own type has the unscaled value a·10^placesN: widen it when that could pass 18 digits.
  const bound = multiply(add(largestTotal(layout.plan), rational(1n)), rational(E * tenTo(layout.placesN)));
  const absolute = `abs(${numerator})`; // lower case: ClickHouse 18 names are case-sensitive
  const read =
    compare(bound, rational(INT64_SAFE)) < 0 ? absolute : `CAST(${absolute} AS ${decimalType(38, layout.placesN)})`;
  const magnitude = `CAST(${shift(read, layout.placesN)} AS ${integer.type})`;
  const e = E.toString();
  const terms = [shift(integer.divide(magnitude, e), layout.scale)];
  let remainder = integer.remainder(magnitude, e);
  let places = layout.scale;
  chunks.forEach((step, index) => {
    places -= step;
    const shifted = shift(remainder, step);
    if (index === chunks.length - 1) {
      terms.push(shift(integer.divide(`(2 * ${shifted} + ${e})`, (2n * E).toString()), places));
    } else {
      terms.push(shift(integer.divide(shifted, e), places));
      remainder = integer.remainder(shifted, e);
    }
  });
  const unit = rational(1n, tenTo(layout.scale));
  const negative = writer.decimal(multiply(unit, rational(-1n)));
  const signed = `CASE WHEN ${numerator} < 0 THEN ${negative} ELSE ${writer.decimal(unit)} END`;
  return (
    // The integer times the decimal unit (no DECIMAL(18, 0) cast: ClickHouse 18 cannot multiply Decimal64 by
    // Decimal128).
    `CAST((${terms.join(' + ')}) * ${signed} ` + `AS ${decimalType(layout.widthTotal, layout.scale)})`
  );
}

/** The grade of N: each band's edges times D, compared exactly. */
function gradeCase(writer: SqlWriter, bands: GradeBands, D: Rational, N: string): string {
  const scaled = (edge: { exact: Rational; inclusive: boolean } | null) =>
    edge ? { value: multiply(edge.exact, D), inclusive: edge.inclusive } : null;
  const whens = bands.bands.map(
    (band) =>
      `WHEN ${intervalCondition(writer, N, scaled(band.interval.lower), scaled(band.interval.upper))} ` +
      `THEN ${writer.word(band.id)}`,
  );
  return `CASE ${whens.join(' ')} END`;
}

/** Level 4: decimals, grade, explanation. */
function decimalLevel(writer: SqlWriter, layout: Layout, kept: readonly string[]): string[] {
  const { q } = internals(writer);
  const N = q(`${INTERNAL}N`);
  return [
    ...kept,
    `${numeratorToDecimal(writer, layout, N)} AS ${q('total')}`,
    `CAST(${N} AS ${writer.rules.decimalType(layout.widthN, layout.placesN)}) AS ${q('total_numerator')}`,
    ...(layout.bands ? [`${gradeCase(writer, layout.bands, rational(layout.denominator), N)} AS ${q('grade')}`] : []),
    ...layout.plan.categories.map(
      (category, c) => `${numeratorToDecimal(writer, layout, q(`${INTERNAL}q${c}`))} AS ${q(`points_${category.id}`)}`,
    ),
    `${q(`${INTERNAL}complete`)} AS ${q('complete')}`,
    `${q(`${INTERNAL}error`)} AS ${q('error')}`,
  ];
}

function writeText(writer: SqlWriter, layout: Layout): string {
  const { q } = internals(writer);
  const kept = layout.keep.map(q);
  return [
    `SELECT ${decimalLevel(writer, layout, kept).join(',\n  ')}`,
    `FROM (SELECT ${numeratorLevel(writer, layout, kept).join(',\n  ')}`,
    `FROM (SELECT ${categoryLevel(writer, layout, kept).join(',\n  ')}`,
    `FROM (SELECT ${factorLevel(writer, layout, kept).join(',\n  ')}`,
    `FROM ${writer.table(layout.table)}) AS ${q(`${INTERNAL}factors`)}) AS ${q(`${INTERNAL}categories`)}) ` +
      `AS ${q(`${INTERNAL}totals`)}`,
  ].join('\n');
}

function describeColumns(writer: SqlWriter, layout: Layout): SqlColumn[] {
  const d = writer.rules;
  const { bands, exact, scale } = layout;
  const decimal = d.decimalType(layout.widthTotal, scale);
  return [
    ...layout.keep.map((name) => ({ name, type: 'as in the table', description: 'kept column' })),
    {
      name: 'total',
      type: decimal,
      description: exact ? 'the exact total, 0–100' : `the total rounded half away from zero to ${scale} decimals`,
    },
    {
      name: 'total_numerator',
      type: d.decimalType(layout.widthN, layout.placesN),
      description: `the exact total × ${layout.denominator.toString()} (total = total_numerator / denominator)`,
    },
    ...(bands ? [{ name: 'grade', type: d.types.text, description: `grade id from bands "${bands.id}"` }] : []),
    ...layout.plan.categories.map((category) => ({
      name: `points_${category.id}`,
      type: decimal,
      description: `points of category "${category.id}"`,
    })),
    { name: 'complete', type: d.types.boolean, description: 'true when no rating was imputed' },
    { name: 'error', type: d.types.text, description: 'the first problem of the row (NULL when scored)' },
  ];
}

function readPlaces(value: unknown, fallback: number, limit: number, path: string, issues: Issue[]): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > limit) {
    issues.push(makeIssue(path, `a whole number from 0 to ${limit}`, describeValue(value)));
    return fallback;
  }
  return value;
}
