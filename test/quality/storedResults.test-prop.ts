import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { test as propTest } from '@fast-check/vitest';
import {
  deriveQualitySignals,
  parseSurveyScore,
  scoreSurvey,
  serviceQualityInstrument,
} from '../../src/quality/index.js';
import { errorOf } from '../support/errorOf.js';

/** Issue 21: results stored as JSON and read back work wherever the live result does. */
const stored = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

const responses = fc.array(
  fc.record({
    id: fc.uuid(),
    answers: fc.record(
      Object.fromEntries(serviceQualityInstrument.items.map((item) => [item.id, fc.integer({ min: 1, max: 5 })])),
      { requiredKeys: [] },
    ),
  }),
  { minLength: 0, maxLength: 12 },
);

describe('survey scores read back from JSON', () => {
  propTest.prop([responses])('parseSurveyScore(JSON form) re-serialises byte-identically', (rows) => {
    const score = scoreSurvey(serviceQualityInstrument, rows);
    const text = JSON.stringify(score);
    expect(JSON.stringify(parseSurveyScore(JSON.parse(text)))).toBe(text);
    expect(JSON.stringify(parseSurveyScore(score))).toBe(text);
  });

  propTest.prop([responses, responses, fc.integer({ min: 0, max: 30 })])(
    'deriveQualitySignals(JSON forms) deep-equals deriveQualitySignals(live results)',
    (now, before, fallingBy) => {
      const current = scoreSurvey(serviceQualityInstrument, now);
      const previous = scoreSurvey(serviceQualityInstrument, before);
      expect(deriveQualitySignals(stored(current), { previous: stored(previous) as never, fallingBy })).toEqual(
        deriveQualitySignals(current, { previous, fallingBy }),
      );
    },
  );

  it("the issue's call works: a stored survey as both current and previous", () => {
    const all = Object.fromEntries(serviceQualityInstrument.items.map((item) => [item.id, item.reverse ? 2 : 4]));
    const survey = scoreSurvey(serviceQualityInstrument, [{ id: 'a', answers: all }]);
    const signals = deriveQualitySignals(stored(survey), { previous: stored(survey) as never });
    expect(signals.qualityChange?.toString()).toBe('0');
    expect(signals.qualityScore?.toString()).toBe('75');
  });

  it('malformed scores and unreadable options are ValidationErrors naming the path, never TypeErrors', () => {
    const survey = stored(scoreSurvey(serviceQualityInstrument, [])) as { overall: { index: unknown } };
    survey.overall.index = 'seventy';
    expect(errorOf(() => deriveQualitySignals(survey)).issues[0]).toMatchObject({ path: 'current.overall.index' });
    expect(errorOf(() => parseSurveyScore(survey)).issues[0]!.path).toBe('overall.index');
    expect(errorOf(() => deriveQualitySignals({})).issues[0]!.code).toBeTypeOf('string');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(
      errorOf(() => deriveQualitySignals(stored(scoreSurvey(serviceQualityInstrument, [])), proxy)).issues[0],
    ).toMatchObject({ path: 'options' });
    expect(
      errorOf(() => deriveQualitySignals(scoreSurvey(serviceQualityInstrument, []), { previous: 7 as never }))
        .issues[0]!.path,
    ).toBe('options.previous');
  });
});
