/**
 * Shared plumbing of the survey measures: accepting raw responses or prepared data, the
 * missing-answer policy, respondent filters, and exact rational helpers.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { tryDecimal } from '../../shared/numeric.js';
import { fromDecimal, rational, rationalToDecimal, type Rational } from '../../shared/rational.js';
import { compiledInstrumentOf } from '../instrument/defineInstrument.js';
import type { Instrument } from '../instrument/defineInstrument.js';
import { prepareSurvey, surveyColumns, type SurveyColumns, type SurveyData } from '../responses/prepareSurvey.js';
import { readingInput } from '../../shared/input.js';

/**
 * How missing answers are handled when a dimension score is formed:
 * - `'listwise'`: only respondents who answered every perception item of the instrument count;
 * - `'pairwise'` (default): each dimension uses the respondents who answered all of its items;
 * - `{ minimumShare }`: a respondent counts for a dimension when they answered at least that share
 *   of its items, and their score is the mean of the items they answered (prorated mean).
 * @category Quality
 */
export type SurveyMissingPolicy = 'listwise' | 'pairwise' | { readonly minimumShare: number | string | Decimal };

/** Which respondents a measure looks at. @category Quality */
export interface RespondentFilter {
  readonly group?: string | undefined;
  readonly period?: string | undefined;
}

export interface CompiledPolicy {
  readonly kind: 'listwise' | 'pairwise' | 'prorated';
  /** Minimum answered share (prorated only). */
  readonly share: Rational;
  /** The policy as reported in results. */
  readonly description: 'listwise' | 'pairwise' | { readonly minimumShare: string };
}

/** Accepts prepared survey data (checked against the instrument) or raw responses (prepared here). */
export function resolveSurvey(
  instrument: Instrument,
  responses: unknown,
  context: string,
): { data: SurveyData; columns: SurveyColumns } {
  compiledInstrumentOf(instrument, context);
  const prepared = surveyColumns(responses);
  if (prepared) {
    if (prepared.fingerprint !== instrument.fingerprint) {
      fail(
        'responses',
        `survey data prepared with instrument ${instrument.id} (${instrument.fingerprint})`,
        'data prepared with another instrument',
        context,
      );
    }
    return { data: responses as SurveyData, columns: prepared };
  }
  if (!readingInput('responses', context, () => Array.isArray(responses)))
    fail('responses', 'an array of responses or the result of prepareSurvey', responses, context, 'invalid_type');
  const data = prepareSurvey(instrument, responses as readonly unknown[]);
  return { data, columns: surveyColumns(data)! };
}

/** A measure's opening: the survey resolved, its compiled instrument, and the rows `where` selects. */
export function openSurvey(
  instrument: Instrument,
  responses: unknown,
  where: RespondentFilter | undefined,
  context: string,
): { data: SurveyData; columns: SurveyColumns; compiled: SurveyColumns['compiled']; rows: Int32Array } {
  const { data, columns } = resolveSurvey(instrument, responses, context);
  return { data, columns, compiled: columns.compiled, rows: selectRows(columns, where, context) };
}

export function readPolicy(value: unknown, context: string): CompiledPolicy {
  if (value === undefined || value === 'pairwise')
    return { kind: 'pairwise', share: rational(1n), description: 'pairwise' };
  if (value === 'listwise') return { kind: 'listwise', share: rational(1n), description: 'listwise' };
  if (typeof value === 'object' && value !== null && 'minimumShare' in value) {
    const share = tryDecimal((value as { minimumShare: unknown }).minimumShare);
    if (share === undefined || share.lte(0) || share.gt(1)) {
      fail(
        'options.missing.minimumShare',
        'a share greater than 0 and at most 1',
        (value as { minimumShare: unknown }).minimumShare,
        context,
      );
    }
    return { kind: 'prorated', share: fromDecimal(share), description: { minimumShare: share.toFixed() } };
  }
  fail('options.missing', '"listwise", "pairwise" or { minimumShare }', value, context);
}

/** True when `answered` of `total` items satisfies the policy's per-dimension rule. */
export function meetsShare(policy: CompiledPolicy, answered: number, total: number): boolean {
  if (answered === 0) return false;
  if (policy.kind !== 'prorated') return answered === total;
  // answered / total ≥ share, exactly
  return BigInt(answered) * policy.share.denominator >= policy.share.numerator * BigInt(total);
}

/** The rows a filter selects. */
export function selectRows(columns: SurveyColumns, where: RespondentFilter | undefined, context: string): Int32Array {
  if (where === undefined) return Int32Array.from({ length: columns.rows }, (_, i) => i);
  if (typeof where !== 'object' || where === null)
    fail('options.where', 'an object { group?, period? }', where, context, 'invalid_type');
  const rows: number[] = [];
  for (let row = 0; row < columns.rows; row++) {
    if (where.group !== undefined && columns.groups[row] !== where.group) continue;
    if (where.period !== undefined && columns.periods[row] !== where.period) continue;
    rows.push(row);
  }
  return Int32Array.from(rows);
}

/** Rows complete on every perception item (for the listwise policy). */
export function completeRows(columns: SurveyColumns, rows: Int32Array): Uint8Array {
  const items = columns.compiled.itemIds.length;
  const complete = new Uint8Array(columns.rows);
  for (const row of rows) {
    let ok = 1;
    const base = row * items;
    for (let i = 0; i < items; i++) {
      if (Number.isNaN(columns.perception[base + i]!)) {
        ok = 0;
        break;
      }
    }
    complete[row] = ok;
  }
  return complete;
}

export const asDecimal = (value: Rational): Decimal => rationalToDecimal(value);

/** A rational from a safe integer numerator and a positive integer denominator. */
export function ratio(numerator: number, denominator: number): Rational {
  return rational(BigInt(numerator), BigInt(denominator));
}
