import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  scoreSurvey,
  scoreSurveyStream,
  serviceQualityInstrument,
  ValidationError,
  type SurveyMissingPolicy,
} from '../../src/quality/index.js';
import { scoreSurveyInChunks } from '../../src/quality/measures/scoreSurveyStream.js';
import { small } from './fixtures.js';

const itemIds = ['r1', 'r2', 'r3', 'a1', 'a2', 'a3', 'r1.e', 'r2.e', 'a1.e', 'a2.e'];
const answer = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(9, 'x', 2.5) },
);
/** Responses to the small instrument: missing answers, bad answers, groups, periods, repeated ids, non-objects. */
const responses = fc.array(
  fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record(
        {
          id: fc.integer({ min: 0, max: 40 }).map((k) => `r${k}`),
          answers: fc.record(Object.fromEntries(itemIds.map((id) => [id, answer])), { requiredKeys: [] }),
          group: fc.constantFrom('external-client', 'internal-customer', 'nobody'),
          period: fc.constantFrom('2026-Q3', '2026-Q4'),
          importance: fc.integer({ min: 0, max: 100 }).map((r) => ({ reliability: r, attitude: 100 - r })),
        },
        { requiredKeys: ['id', 'answers'] },
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(null, 7, 'text', { answers: {} }) },
  ),
  { maxLength: 40 },
);
const policies: SurveyMissingPolicy[] = ['pairwise', 'listwise', { minimumShare: 0.5 }, { minimumShare: '0.34' }];
const options = fc.record(
  {
    missing: fc.constantFrom(...policies),
    level: fc.constantFrom(0.9, 0.95),
    boxes: fc.constantFrom(1, 2),
    where: fc.record(
      { group: fc.constantFrom('external-client'), period: fc.constantFrom('2026-Q4') },
      {
        requiredKeys: [],
      },
    ),
  },
  { requiredKeys: [] },
);

function* once<T>(items: readonly T[]): Generator<T> {
  yield* items;
}

describe('scoreSurveyStream: the streaming form of scoreSurvey', () => {
  it('gives a result byte-identical (JSON) to scoreSurvey on the same responses, at any chunk size', () => {
    fc.assert(
      fc.property(responses, options, fc.integer({ min: 1, max: 9 }), (given, settings, chunkSize) => {
        const expected = JSON.stringify(scoreSurvey(small, given, settings));
        expect(JSON.stringify(scoreSurveyInChunks(small, once(given), settings, chunkSize))).toBe(expected);
        expect(JSON.stringify(scoreSurveyStream(small, once(given), settings))).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('reports every bad response with its index in the whole stream, across chunks', () => {
    const given = [
      { id: 'a', answers: { r1: 4 } },
      { id: 'b', answers: { r1: 9 } },
      { id: 'a', answers: { r1: 3 } },
      null,
      { id: 'c', answers: { r1: 2 } },
    ];
    const score = scoreSurveyInChunks(small, once(given), undefined, 2);
    expect(score.errors.map((error) => [error.index, error.id, error.issues[0]!.code])).toEqual([
      [1, 'b', expect.any(String)],
      [2, 'a', 'duplicate'],
      [3, undefined, expect.any(String)],
    ]);
    expect(score.respondents).toBe(2);
  });

  it('throws for a bad instrument, bad options or a non-iterable, never for a bad response', () => {
    expect(() => scoreSurveyStream({} as never, [])).toThrow(ValidationError);
    expect(() => scoreSurveyStream(small, [], { boxes: 9 })).toThrow(ValidationError);
    expect(() => scoreSurveyStream(small, 42 as never)).toThrow(ValidationError);
    expect(scoreSurveyStream(serviceQualityInstrument, [null, 1]).errors).toHaveLength(2);
  });
});
