import type { Decimal } from 'decimal.js';
import { ValidationError } from '../../shared/errors.js';
import { ExactDecimal } from '../../shared/numeric.js';
import type { Instrument } from '../instrument/defineInstrument.js';
import { prepareSurvey, surveyColumns } from './prepareSurvey.js';

/** One response after validation, answers as given (before reverse coding), exact. @category Quality */
export interface ValidatedSurveyResponse {
  readonly id: string;
  readonly group: string | undefined;
  readonly period: string | undefined;
  /** Every perception and expectation item of the instrument, `null` where not answered. */
  readonly answers: Readonly<Record<string, Decimal | null>>;
  /** The respondent's importance allocation as weights adding up to 1, or `null`. */
  readonly importance: Readonly<Record<string, Decimal>> | null;
}

/**
 * Validates one survey response against an instrument and returns it normalised, or throws. The
 * single-record form of {@link prepareSurvey}, with the same checks (known item ids, answers on the
 * item's scale, whole numbers on integral scales, a known group, an importance allocation adding up
 * to exactly 100).
 *
 * @param instrument - A model from {@link defineInstrument}.
 * @param response - One response (see {@link SurveyResponseInput}).
 * @returns The normalised response.
 * @throws {ValidationError} listing every problem, each with its path (`answers["reliability.quotes"]`).
 * @example
 * ```ts
 * import { validateSurveyResponse, serviceQualityInstrument } from 'clientele';
 * const response = validateSurveyResponse(serviceQualityInstrument, {
 *   id: 'acme',
 *   answers: { 'reliability.surprises': 2 },
 * });
 * response.answers['reliability.surprises']?.toString(); // '2' (as answered; reverse coding happens when scoring)
 * ```
 * @category Quality
 */
export function validateSurveyResponse(instrument: Instrument, response: unknown): ValidatedSurveyResponse {
  const data = prepareSurvey(instrument, [response]);
  const error = data.errors[0];
  if (error) throw new ValidationError(error.issues, 'validateSurveyResponse');
  const columns = surveyColumns(data)!;
  const compiled = columns.compiled;
  const answers: Record<string, Decimal | null> = {};
  const decode = (coded: number, item: number): Decimal | null => {
    if (Number.isNaN(coded)) return null;
    const scale = compiled.itemScale[item]!;
    const raw = compiled.itemReverse[item] === 1 ? scale.min + scale.max - coded : coded;
    return new ExactDecimal(raw).div(scale.factor);
  };
  compiled.itemIds.forEach((id, item) => {
    answers[id] = decode(columns.perception[item]!, item);
    const expectation = compiled.expectationOf[item]!;
    if (expectation >= 0)
      answers[compiled.expectationIds[expectation]!] = decode(columns.expectation[expectation]!, item);
  });
  const weights = columns.importance[0];
  const respondent = data.results[0]!;
  return {
    id: respondent.id,
    group: respondent.group,
    period: respondent.period,
    answers,
    importance: weights ? Object.fromEntries(compiled.dimensionIds.map((id, d) => [id, weights[d]!])) : null,
  };
}
