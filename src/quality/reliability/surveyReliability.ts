import type { RecordError } from '../../shared/batch.js';
import { fail } from '../../shared/errors.js';
import type { Labels } from '../../shared/labels.js';
import { readLevel } from '../internal/checks.js';
import { openSurvey, type RespondentFilter } from '../internal/survey.js';
import type { Instrument } from '../instrument/defineInstrument.js';
import type { SurveyData } from '../responses/prepareSurvey.js';
import { alphaOfTable, type AlphaMissingPolicy, type CronbachAlphaResult } from './cronbachAlpha.js';
import { withDisplay } from '../../shared/display.js';

/** Options of {@link surveyReliability}. @category Reliability */
export interface SurveyReliabilityOptions {
  /** `'pairwise'` (default) or `'listwise'`, as in {@link cronbachAlpha}. */
  readonly missing?: AlphaMissingPolicy | undefined;
  /** Level of the Feldt intervals; default 0.95. */
  readonly level?: number | undefined;
  readonly where?: RespondentFilter | undefined;
}

/** Reliability of one dimension. @category Reliability */
export interface DimensionReliability extends CronbachAlphaResult {
  readonly dimension: string;
  readonly labels: Labels;
  /** Item ids in the order of `alphaIfDeleted`. */
  readonly itemIds: readonly string[];
  /** Ids of the items whose removal would raise alpha (candidates to reword or drop). */
  readonly flaggedItems: readonly string[];
}

/** What {@link surveyReliability} returns. @category Reliability */
export interface SurveyReliability {
  readonly dimensions: readonly DimensionReliability[];
  readonly errors: readonly RecordError[];
}

/**
 * Cronbach's alpha for every dimension of an instrument, on reverse-coded answers, with
 * alpha-if-item-deleted, corrected item–total correlations, the Feldt interval and the items that
 * raise alpha when dropped. A dimension with fewer than two items (or respondents) gets
 * `alpha: null` with a reason.
 *
 * References: Cronbach (1951); Feldt, Woodruff & Salih (1987). The issue's requirement that each of
 * seed 000's six dimensions have at least three items exists so this can be computed.
 *
 * @param instrument - A model from {@link defineInstrument}.
 * @param responses - Raw responses or {@link prepareSurvey} data.
 * @param options - `{ missing, level, where }`.
 * @throws {ValidationError} on an invalid instrument or options.
 * @example
 * ```ts
 * import { surveyReliability, serviceQualityInstrument } from 'clientele';
 * const r = surveyReliability(serviceQualityInstrument, [
 *   { id: 'a', answers: { 'facilities.tools': 4, 'facilities.materials': 4, 'facilities.data': 5 } },
 *   { id: 'b', answers: { 'facilities.tools': 2, 'facilities.materials': 3, 'facilities.data': 2 } },
 *   { id: 'c', answers: { 'facilities.tools': 3, 'facilities.materials': 3, 'facilities.data': 3 } },
 * ]);
 * r.dimensions.find((d) => d.dimension === 'facilities')?.alpha;
 * ```
 * @category Reliability
 */
export function surveyReliability(
  instrument: Instrument,
  responses: SurveyData | readonly unknown[],
  options?: SurveyReliabilityOptions,
): SurveyReliability {
  const context = 'surveyReliability';
  const level = readLevel(options, context);
  const missing = options?.missing ?? 'pairwise';
  if (missing !== 'pairwise' && missing !== 'listwise')
    fail('options.missing', 'one of "pairwise", "listwise"', missing, context);
  const { data, columns, compiled, rows } = openSurvey(instrument, responses, options?.where, context);
  const items = compiled.itemIds.length;
  const dimensions = compiled.dimensionItems.map((list, d): DimensionReliability => {
    const k = list.length;
    const table = new Float64Array(rows.length * k);
    const scale = compiled.dimensionScale[d]!;
    rows.forEach((row, r) => {
      for (let i = 0; i < k; i++) table[r * k + i] = columns.perception[row * items + list[i]!]! / scale.factor;
    });
    // respondents who skipped the whole dimension carry no information about it
    let kept = 0;
    const compact = new Float64Array(rows.length * k);
    for (let r = 0; r < rows.length; r++) {
      let any = false;
      for (let i = 0; i < k; i++) if (!Number.isNaN(table[r * k + i]!)) any = true;
      if (!any) continue;
      compact.set(table.subarray(r * k, r * k + k), kept * k);
      kept++;
    }
    const result = alphaOfTable(compact.subarray(0, kept * k), kept, k, missing, level);
    const itemIds = list.map((item) => compiled.itemIds[item]!);
    return {
      ...result,
      dimension: compiled.dimensionIds[d]!,
      labels: instrument.dimensions[d]!.labels,
      itemIds,
      flaggedItems: result.raisesAlphaWhenDeleted.map((index) => itemIds[index]!),
    };
  });
  return withDisplay({ dimensions, errors: data.errors }, 'Survey reliability');
}
