import { readInput } from '../../shared/input.js';
import type { Decimal } from 'decimal.js';
import type { RecordError } from '../../shared/batch.js';
import { ValidationError, fail, makeIssue } from '../../shared/errors.js';
import type { Labels } from '../../shared/labels.js';
import { tryDecimal } from '../../shared/numeric.js';
import { add, compare, divide, fromDecimal, rational, type Rational } from '../../shared/rational.js';
import { accumulateDimensions } from '../internal/dimensionScores.js';
import {
  asDecimal,
  readPolicy,
  openSurvey,
  type RespondentFilter,
  type SurveyMissingPolicy,
} from '../internal/survey.js';
import type { Instrument } from '../instrument/defineInstrument.js';
import type { SurveyColumns, SurveyData } from '../responses/prepareSurvey.js';
import { toIndex } from '../measures/scoreSurvey.js';
import { withDisplay } from '../../shared/display.js';

/** The four cells of an importance–performance grid. @category Quality */
export type IpaQuadrant = 'concentrate-here' | 'keep-up-the-good-work' | 'low-priority' | 'possible-overkill';

/** Labels of the four quadrants in both languages. @category Quality */
export const ipaQuadrantLabels: Readonly<Record<IpaQuadrant, Labels>> = /* @__PURE__ */ Object.freeze({
  'concentrate-here': Object.freeze({ en: 'Concentrate here', 'zh-CN': '重点改进' }),
  'keep-up-the-good-work': Object.freeze({ en: 'Keep up the good work', 'zh-CN': '继续保持' }),
  'low-priority': Object.freeze({ en: 'Low priority', 'zh-CN': '次要改进' }),
  'possible-overkill': Object.freeze({ en: 'Possible overkill', 'zh-CN': '过度投入' }),
});

/** Options of {@link importancePerformanceAnalysis}. @category Quality */
export interface ImportancePerformanceOptions {
  /**
   * Importance per dimension. Default: the mean of the respondents' own 100-point allocations
   * (as weights) when any respondent gave one, else the instrument's importance. Pass a record of
   * non-negative numbers (e.g. derived importance) to use your own; it is normalised to shares
   * adding up to 1, so every importance source lives on the same axis.
   */
  readonly importance?: Readonly<Record<string, number | string | Decimal>> | undefined;
  /**
   * Where the grid is split: `'means'` (default: the mean importance and the mean performance of the
   * dimensions), `'midpoint'` (performance index 50, the scale midpoint; importance 1/D, an equal
   * share), or a point `{ importance, performance }` (importance as a share, performance as a 0–100
   * index).
   */
  readonly crosshair?:
    | 'means'
    | 'midpoint'
    | { readonly importance: number | string | Decimal; readonly performance: number | string | Decimal }
    | undefined;
  readonly missing?: SurveyMissingPolicy | undefined;
  readonly where?: RespondentFilter | undefined;
}

/** One dimension placed on the grid. @category Quality */
export interface IpaDimension {
  readonly dimension: string;
  readonly labels: Labels;
  readonly importance: Decimal;
  /** Performance as the 0–100 index of the dimension mean, so dimensions on different scales share a grid. */
  readonly performance: Decimal | null;
  /** The dimension mean on its answer scale. */
  readonly mean: Decimal | null;
  readonly n: number;
  /** `null` when the dimension has no performance score. */
  readonly quadrant: IpaQuadrant | null;
}

/** What {@link importancePerformanceAnalysis} returns. @category Quality */
export interface ImportancePerformanceAnalysis {
  readonly crosshair: {
    readonly kind: 'means' | 'midpoint' | 'given';
    readonly importance: Decimal;
    readonly performance: Decimal;
  };
  readonly importanceSource: 'given' | 'respondents' | 'instrument';
  readonly dimensions: readonly IpaDimension[];
  /** Dimension ids per quadrant, each list in instrument order. */
  readonly quadrants: Readonly<Record<IpaQuadrant, readonly string[]>>;
  readonly errors: readonly RecordError[];
}

/**
 * Importance–performance analysis: places each dimension in one of four quadrants — concentrate
 * here (important, under-performing), keep up the good work, low priority, possible overkill.
 *
 * Ties are decided exactly and towards action: a dimension whose importance equals the crosshair
 * counts as important, and one whose performance equals the crosshair counts as not yet performing,
 * so a dimension exactly on both lines lands in "concentrate here". All comparisons are exact
 * rationals.
 *
 * Reference: Martilla & James (1977), "Importance-performance analysis", Journal of Marketing 41(1);
 * dimensions from seed `000_314cca147d0dd30a.txt`.
 *
 * @param instrument - A model from {@link defineInstrument}.
 * @param responses - Raw responses or {@link prepareSurvey} data.
 * @param options - `{ importance, crosshair, missing, where }`.
 * @throws {ValidationError} when no importance is available (no allocations, none in the instrument, none given), or
 * on bad options.
 * @example
 * ```ts
 * import { importancePerformanceAnalysis, serviceQualityInstrument } from 'clientele';
 * const answers = (value: number) =>
 *   Object.fromEntries(serviceQualityInstrument.items.map((item) => [item.id, value]));
 * const ipa = importancePerformanceAnalysis(
 *   serviceQualityInstrument,
 *   [
 *     {
 *       id: 'a',
 *       answers: answers(4),
 *       importance: {
 *         reliability: 40,
 *         capability: 30,
 *         communication: 10,
 *         convenience: 10,
 *         attitude: 5,
 *         facilities: 5,
 *       },
 *     },
 *   ],
 *   { crosshair: 'midpoint' },
 * );
 * ipa.quadrants['keep-up-the-good-work']; // ['capability', 'reliability']
 * ```
 * @category Quality
 */
export function importancePerformanceAnalysis(
  instrument: Instrument,
  responses: SurveyData | readonly unknown[],
  givenOptions?: ImportancePerformanceOptions,
): ImportancePerformanceAnalysis {
  const context = 'importancePerformanceAnalysis';
  const options = readInput(givenOptions, 'options', context);
  const policy = readPolicy(options?.missing, context);
  const { data, columns, compiled, rows } = openSurvey(instrument, responses, options?.where, context);
  const { importance, importanceSource } = resolveImportance(columns, rows, options, context);

  const accumulated = accumulateDimensions(columns, rows, policy, 1).dimensions;
  const performance = accumulated.map((dimension, d) => {
    const scale = compiled.dimensionScale[d]!;
    return dimension.mean === null ? null : toIndex(dimension.mean, scale.min / scale.factor, scale.max / scale.factor);
  });

  const crosshair = placeCrosshair(options?.crosshair ?? 'means', importance, performance, context);

  const quadrants: Record<IpaQuadrant, string[]> = {
    'concentrate-here': [],
    'keep-up-the-good-work': [],
    'low-priority': [],
    'possible-overkill': [],
  };
  const dimensions: IpaDimension[] = compiled.dimensionIds.map((id, d) => {
    const value = performance[d] ?? null;
    let quadrant: IpaQuadrant | null = null;
    if (value !== null) {
      const important = compare(importance[d]!, crosshair.importance) >= 0;
      const performing = compare(value, crosshair.performance) > 0;
      quadrant = important
        ? performing
          ? 'keep-up-the-good-work'
          : 'concentrate-here'
        : performing
          ? 'possible-overkill'
          : 'low-priority';
      quadrants[quadrant].push(id);
    }
    const mean = accumulated[d]!.mean;
    return {
      dimension: id,
      labels: instrument.dimensions[d]!.labels,
      importance: asDecimal(importance[d]!),
      performance: value === null ? null : asDecimal(value),
      mean: mean === null ? null : asDecimal(mean),
      n: accumulated[d]!.n,
      quadrant,
    };
  });
  return withDisplay(
    {
      crosshair: {
        kind: crosshair.kind,
        importance: asDecimal(crosshair.importance),
        performance: asDecimal(crosshair.performance),
      },
      importanceSource,
      dimensions,
      quadrants,
      errors: data.errors,
    },
    'Importance-performance analysis',
  );
}

function readGivenImportance(ids: readonly string[], given: unknown, context: string): Rational[] {
  if (typeof given !== 'object' || given === null)
    fail('options.importance', 'an object of importance by dimension id', given, context, 'invalid_type');
  const issues = [];
  const values: Rational[] = [];
  for (const id of ids) {
    const raw = (given as Record<string, unknown>)[id];
    const value = Object.prototype.hasOwnProperty.call(given, id) ? tryDecimal(raw) : undefined;
    if (value === undefined || value.isNegative()) {
      issues.push(
        makeIssue(
          `options.importance.${id}`,
          'a number ≥ 0 for every dimension',
          raw === undefined ? 'undefined' : String(raw),
        ),
      );
      values.push(rational(0n));
    } else values.push(fromDecimal(value));
  }
  for (const key of Object.keys(given)) {
    if (!ids.includes(key))
      issues.push(
        makeIssue(
          `options.importance[${JSON.stringify(key)}]`,
          'a dimension id of the instrument',
          'an unknown dimension id',
        ),
      );
  }
  if (issues.length > 0) throw new ValidationError(issues, context);
  const total = values.reduce((sum, value) => add(sum, value), rational(0n));
  if (total.numerator === 0n) fail('options.importance', 'importance values that are not all 0', given, context);
  return values.map((value) => divide(value, total));
}

/** Importance per dimension: given in the options, else stated by the respondents, else the instrument's. */
function resolveImportance(
  columns: SurveyColumns,
  rows: Int32Array,
  options: ImportancePerformanceOptions | undefined,
  context: string,
): { importance: Rational[]; importanceSource: ImportancePerformanceAnalysis['importanceSource'] } {
  const compiled = columns.compiled;
  if (options?.importance !== undefined) {
    return {
      importance: readGivenImportance(compiled.dimensionIds, options.importance, context),
      importanceSource: 'given',
    };
  }
  const stated = rows.filter((row) => columns.importance[row] !== null);
  if (stated.length > 0) {
    const importance = compiled.dimensionIds.map((_: string, d: number) => {
      let total = rational(0n);
      for (const row of stated) total = add(total, fromDecimal(columns.importance[row]![d]!));
      return rational(total.numerator, total.denominator * BigInt(stated.length));
    });
    return { importance, importanceSource: 'respondents' };
  }
  if (compiled.importance) return { importance: [...compiled.importance], importanceSource: 'instrument' };
  return fail(
    'options.importance',
    'importance from the respondents, the instrument, or this option',
    undefined,
    context,
  );
}

type Crosshair = { kind: 'means' | 'midpoint' | 'given'; importance: Rational; performance: Rational };

/** Where the quadrants divide: the means of the scored dimensions, the scale midpoints, or given values. */
function placeCrosshair(
  setting: NonNullable<ImportancePerformanceOptions['crosshair']>,
  importance: readonly Rational[],
  performance: readonly (Rational | null)[],
  context: string,
): Crosshair {
  if (setting === 'means') {
    let scored = 0;
    let importanceTotal = rational(0n);
    let performanceTotal = rational(0n);
    performance.forEach((value, d) => {
      if (value === null) return;
      scored++;
      importanceTotal = add(importanceTotal, importance[d]!);
      performanceTotal = add(performanceTotal, value);
    });
    const mean = (total: Rational): Rational => (scored === 0 ? rational(0n) : divide(total, rational(BigInt(scored))));
    return { kind: 'means', importance: mean(importanceTotal), performance: mean(performanceTotal) };
  }
  if (setting === 'midpoint') {
    return { kind: 'midpoint', importance: rational(1n, BigInt(importance.length)), performance: rational(50n) };
  }
  if (typeof setting === 'object' && setting !== null) {
    const i = tryDecimal(setting.importance);
    const p = tryDecimal(setting.performance);
    if (i === undefined) fail('options.crosshair.importance', 'a number', setting.importance, context);
    if (p === undefined)
      fail('options.crosshair.performance', 'a performance index (0–100)', setting.performance, context);
    return { kind: 'given', importance: fromDecimal(i), performance: fromDecimal(p) };
  }
  return fail('options.crosshair', '"means", "midpoint" or { importance, performance }', setting, context);
}
