/**
 * Under `exactOptionalPropertyTypes` a consumer may pass `{ key: undefined }` for any optional
 * setting or input field of the quality module: each is read as absent, so the result is the one
 * without it.
 */
import { describe, expect, it } from 'vitest';
import {
  compareSurveyGroups,
  cronbachAlpha,
  customerEffortScore,
  customerSatisfactionScore,
  deriveQualitySignals,
  importancePerformanceAnalysis,
  meanConfidenceInterval,
  measureComplaints,
  measureServqualGaps,
  scoreSurvey,
  surveyReliability,
  welchMeanDifference,
} from '../../src/index.js';
import { small } from './fixtures.js';
import { json, unset } from '../support/explicitUndefined.js';

const responses = [
  { id: 'acme', group: 'external-client', period: 'Q2', answers: { r1: 4, r2: 5, r3: 2, a1: 5, a2: 4, a3: 3 } },
  { id: 'bolt', group: 'external-client', period: 'Q2', answers: { r1: 3, r2: 3, r3: 3, a1: 4, a2: 4, a3: 4 } },
  { id: 'cole', group: 'internal-customer', period: 'Q3', answers: { r1: 2, r2: 1, r3: 5, a1: 3, a2: 2, a3: 2 } },
  { id: 'dart', group: 'internal-customer', period: 'Q3', answers: { r1: 5, r2: 4, r3: 1, a1: 4, a2: 5, a3: 4 } },
];
const expectations = responses.map((response) => ({
  ...response,
  answers: { ...response.answers, 'r1.e': 5, 'r2.e': 4, 'a1.e': 5, 'a2.e': 4 },
}));

describe('quality settings given as undefined are absent', () => {
  it('survey measures', () => {
    const survey = unset('missing', 'level', 'boxes', 'where');
    expect(json(scoreSurvey(small, responses, survey))).toEqual(json(scoreSurvey(small, responses)));
    expect(json(scoreSurvey(small, responses, { where: unset('group', 'period') }))).toEqual(
      json(scoreSurvey(small, responses, { where: {} })),
    );
    const groups = { by: 'group', baseline: 'external-client', comparison: 'internal-customer' } as const;
    expect(json(compareSurveyGroups(small, responses, { ...groups, ...unset('missing', 'level') }))).toEqual(
      json(compareSurveyGroups(small, responses, groups)),
    );
    expect(json(surveyReliability(small, responses, unset('missing', 'level', 'where')))).toEqual(
      json(surveyReliability(small, responses)),
    );
    expect(
      json(importancePerformanceAnalysis(small, responses, unset('importance', 'crosshair', 'missing', 'where'))),
    ).toEqual(json(importancePerformanceAnalysis(small, responses)));
    expect(json(measureServqualGaps(small, expectations, unset('missing', 'where')))).toEqual(
      json(measureServqualGaps(small, expectations)),
    );
    const loose = responses.map((response) => ({ ...response, group: undefined, period: undefined }));
    const bare = responses.map(({ id, answers }) => ({ id, answers }));
    expect(json(scoreSurvey(small, loose))).toEqual(json(scoreSurvey(small, bare)));
    const now = scoreSurvey(small, responses);
    expect(json(deriveQualitySignals(now, unset('previous', 'fallingBy')))).toEqual(json(deriveQualitySignals(now)));
  });

  it('single measures and statistics', () => {
    const rows = responses.map((response) => Object.values(response.answers));
    expect(json(cronbachAlpha(rows, unset('missing', 'level')))).toEqual(json(cronbachAlpha(rows)));
    expect(json(customerSatisfactionScore([5, 4, 3], unset('scale', 'satisfiedFrom')))).toEqual(
      json(customerSatisfactionScore([5, 4, 3])),
    );
    expect(json(customerEffortScore([7, 6, 2], unset('scale')))).toEqual(json(customerEffortScore([7, 6, 2])));
    expect(json(meanConfidenceInterval([1, 2, 4], unset('level')))).toEqual(json(meanConfidenceInterval([1, 2, 4])));
    expect(json(welchMeanDifference([1, 2, 4], [2, 3, 7], unset('level')))).toEqual(
      json(welchMeanDifference([1, 2, 4], [2, 3, 7])),
    );
  });

  it('complaints and their settings', () => {
    const fields = ['accountId', 'resolvedAt', 'resolvedWell', 'slaDays', 'topic', 'channel', 'severity'];
    const complaints = [
      { id: 1, openedAt: '2026-10-01', resolvedAt: '2026-10-03', topic: 'billing' },
      { id: 2, openedAt: '2026-10-05' },
    ];
    const loose = complaints.map((complaint) => ({ ...unset(...fields), ...complaint }));
    const settings = { asOf: '2026-11-01' };
    expect(json(measureComplaints(loose, { ...settings, ...unset('slaDays', 'percentile') }))).toEqual(
      json(measureComplaints(complaints, settings)),
    );
  });
});
