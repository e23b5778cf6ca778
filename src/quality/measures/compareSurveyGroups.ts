import { readInput } from '../../shared/input.js';
import type { Decimal } from 'decimal.js';
import type { RecordError } from '../../shared/batch.js';
import { fail } from '../../shared/errors.js';
import type { Labels } from '../../shared/labels.js';
import { subtract, type Rational } from '../../shared/rational.js';
import { readLevel } from '../internal/checks.js';
import { accumulateDimensions } from '../internal/dimensionScores.js';
import { asDecimal, readPolicy, resolveSurvey, selectRows, type SurveyMissingPolicy } from '../internal/survey.js';
import type { Instrument } from '../instrument/defineInstrument.js';
import type { SurveyData } from '../responses/prepareSurvey.js';
import { welchFromSamples } from '../statistics/welchMeanDifference.js';
import { toIndex, weakestFirst } from './scoreSurvey.js';

/** Options of {@link compareSurveyGroups}. @category Quality */
export interface CompareSurveyGroupsOptions {
  /** Compare respondent groups (`'group'`) or periods (`'period'`). */
  readonly by: 'group' | 'period';
  /** The reference group or period (e.g. `'2026-Q2'`, `'external-client'`). */
  readonly baseline: string;
  /** The group or period compared with it (e.g. `'2026-Q3'`, `'internal-customer'`). */
  readonly comparison: string;
  readonly missing?: SurveyMissingPolicy | undefined;
  /** Confidence level of the Welch intervals; default 0.95. */
  readonly level?: number | undefined;
}

/** One dimension compared. @category Quality */
export interface DimensionComparison {
  readonly dimension: string;
  readonly labels: Labels;
  readonly baseline: { readonly n: number; readonly mean: Decimal | null; readonly sd: number | null };
  readonly comparison: { readonly n: number; readonly mean: Decimal | null; readonly sd: number | null };
  /** comparison mean − baseline mean, exact; `null` when either side has no score. */
  readonly difference: Decimal | null;
  /** Welch interval of the difference; bounds `null` when undefined (see `reason`). */
  readonly ci: { readonly lower: number | null; readonly upper: number | null; readonly level: number };
  readonly df: number | null;
  readonly pValue: number | null;
  /** `'better'` / `'worse'` when the interval excludes 0, else `'no-clear-change'`; `null` when undefined. */
  readonly direction: 'better' | 'worse' | 'no-clear-change' | null;
  readonly reason?: string | undefined;
}

/** What {@link compareSurveyGroups} returns. @category Quality */
export interface SurveyGroupComparison {
  readonly by: 'group' | 'period';
  readonly baseline: string;
  readonly comparison: string;
  /** In weakest-first order: lowest comparison-side index first, ties in instrument order. */
  readonly dimensions: readonly DimensionComparison[];
  readonly errors: readonly RecordError[];
}

/**
 * Compares two periods or two respondent groups (external clients vs internal customers, seed
 * `000_314cca147d0dd30a.txt`) dimension by dimension: both means, the exact difference and its
 * Welch confidence interval; the weakest dimensions (on the comparison side) first.
 *
 * Reference: Welch (1947), Biometrika 34 — no equal-variance assumption, since groups of clients
 * and of colleagues rarely share one.
 *
 * @param instrument - A model from {@link defineInstrument}.
 * @param responses - Raw responses (with `group` / `period`) or {@link prepareSurvey} data.
 * @param options - `{ by, baseline, comparison, missing, level }`.
 * @throws {ValidationError} on a bad option or instrument.
 * @example
 * ```ts
 * import { compareSurveyGroups, serviceQualityInstrument } from 'clientele';
 * const row = (id: string, period: string, value: number) => ({
 *   id,
 *   period,
 *   answers: {
 *     'reliability.promises': value,
 *     'reliability.quotes': value,
 *     'reliability.accuracy': value,
 *     'reliability.surprises': 6 - value,
 *   },
 * });
 * const change = compareSurveyGroups(
 *   serviceQualityInstrument,
 *   [
 *     row('a', 'Q2', 4),
 *     row('b', 'Q2', 5),
 *     row('c', 'Q2', 4),
 *     row('a', 'Q3', 3),
 *     row('b', 'Q3', 2),
 *     row('c', 'Q3', 3),
 *   ].map((r, i) => ({ ...r, id: `${r.id}${i}` })),
 *   { by: 'period', baseline: 'Q2', comparison: 'Q3' },
 * );
 * [change.dimensions[0]?.dimension, change.dimensions[0]?.difference?.toString()]; // reliability -1.666…
 * ```
 * @category Quality
 */
export function compareSurveyGroups(
  instrument: Instrument,
  responses: SurveyData | readonly unknown[],
  givenOptions: CompareSurveyGroupsOptions,
): SurveyGroupComparison {
  const context = 'compareSurveyGroups';
  const options = readInput(givenOptions, 'options', context);
  if (typeof options !== 'object' || options === null)
    fail('options', 'an object { by, baseline, comparison }', options, context, 'invalid_type');
  if (options.by !== 'group' && options.by !== 'period')
    fail('options.by', 'one of "group", "period"', options.by, context);
  if (typeof options.baseline !== 'string')
    fail('options.baseline', 'a group or period name', options.baseline, context);
  if (typeof options.comparison !== 'string')
    fail('options.comparison', 'a group or period name', options.comparison, context);
  const level = readLevel(options, context);
  const policy = readPolicy(options.missing, context);
  const { data, columns } = resolveSurvey(instrument, responses, context);
  const compiled = columns.compiled;
  const baseline = accumulateDimensions(
    columns,
    selectRows(columns, { [options.by]: options.baseline }, context),
    policy,
    1,
  ).dimensions;
  const comparison = accumulateDimensions(
    columns,
    selectRows(columns, { [options.by]: options.comparison }, context),
    policy,
    1,
  ).dimensions;
  const indices: (Rational | null)[] = [];
  const dimensions = compiled.dimensionIds.map((id, d): DimensionComparison => {
    const a = baseline[d]!;
    const b = comparison[d]!;
    const scale = compiled.dimensionScale[d]!;
    indices.push(b.mean === null ? null : toIndex(b.mean, scale.min / scale.factor, scale.max / scale.factor));
    const welch = welchFromSamples(a.scores, b.scores, level);
    const direction =
      welch.lower === null || welch.upper === null
        ? null
        : welch.lower > 0
          ? 'better'
          : welch.upper < 0
            ? 'worse'
            : 'no-clear-change';
    return {
      dimension: id,
      labels: instrument.dimensions[d]!.labels,
      baseline: { n: a.n, mean: a.mean === null ? null : asDecimal(a.mean), sd: welch.a.sd },
      comparison: { n: b.n, mean: b.mean === null ? null : asDecimal(b.mean), sd: welch.b.sd },
      difference: a.mean === null || b.mean === null ? null : asDecimal(subtract(b.mean, a.mean)),
      ci: { lower: welch.lower, upper: welch.upper, level },
      df: welch.df,
      pValue: welch.pValue,
      direction,
      ...(welch.reason ? { reason: welch.reason } : {}),
    };
  });
  const order = weakestFirst(compiled.dimensionIds, indices);
  return {
    by: options.by,
    baseline: options.baseline,
    comparison: options.comparison,
    dimensions: order.map((id) => dimensions.find((dimension) => dimension.dimension === id)!),
    errors: data.errors,
  };
}
