import { describe, expect, it } from 'vitest';
import {
  evaluateChurnRisk,
  evaluateChurnRiskBatch,
  evaluateChurnRiskEach,
  evaluateChurnRiskEachAsync,
  ValidationError,
} from '../../src/index.js';
import { AS_OF, CRYSTAL_STANDARD, healthyHistory } from './fixtures.js';

const options = { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD };

function hostileInputs(): unknown[] {
  const getter = Object.defineProperty({ id: 'G' }, 'spend', {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  const { proxy, revoke } = Proxy.revocable({ id: 'R' }, {});
  revoke();
  // eslint-disable-next-line no-sparse-arrays
  const withHole = [healthyHistory(), , { id: 'B', distress: [{ date: 'soon', kind: 'closure' }] }, getter, proxy];
  return withHole;
}

describe('evaluateChurnRiskEach', () => {
  it("reads options once, each account as evaluateChurnRisk gives it; a bad locale is every account's error", () => {
    const histories = [healthyHistory(), { id: 'B', relationship: { internalContacts: 1 } }];
    const withLocale = { ...options, locale: 'de' };
    const outcomes = [...evaluateChurnRiskEach(histories, withLocale)];
    expect(outcomes.map((outcome) => (outcome.ok ? JSON.stringify(outcome.result) : 'error'))).toEqual(
      histories.map((history) => JSON.stringify(evaluateChurnRisk(history, withLocale))),
    );
    const badLocale = [...evaluateChurnRiskEach(histories, { ...options, locale: 'not a tag' })];
    expect(badLocale.map((outcome) => (outcome.ok ? 'ok' : outcome.error.issues[0]?.path))).toEqual([
      'locale',
      'locale',
    ]);
  });

  it('yields every account in input order, a bad one as its RecordError (hole, getter, revoked proxy)', () => {
    const outcomes = [...evaluateChurnRiskEach(hostileInputs(), options)];
    expect(outcomes.map((outcome) => [outcome.index, outcome.ok, outcome.id])).toEqual([
      [0, true, 'ACC-OK'],
      [1, false, undefined],
      [2, false, 'B'],
      [3, false, 'G'],
      [4, false, undefined],
    ]);
    const bad = outcomes[2]!;
    expect(bad.ok ? undefined : bad.error.issues[0]?.path).toBe('distress[0].date');
  });

  it('gives each account exactly what evaluateChurnRisk and the array form give (JSON)', () => {
    const histories = hostileInputs();
    const outcomes = [...evaluateChurnRiskEach(histories, options)];
    const batch = evaluateChurnRiskBatch(histories, options);
    const good = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.result] : []));
    expect(JSON.stringify(good)).toBe(JSON.stringify(batch.results.map(({ index: _i, id: _d, ...rest }) => rest)));
    expect(JSON.stringify(good[0])).toBe(JSON.stringify(evaluateChurnRisk(histories[0], options)));
    expect(outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]))).toEqual(batch.errors);
  });

  it('checks its options at the call, before the first record', () => {
    expect(() => evaluateChurnRiskEach([], { asOf: 'yesterday' })).toThrow(ValidationError);
    expect(() => evaluateChurnRiskEach(42 as never, options)).toThrow(ValidationError);
    expect(() => evaluateChurnRiskEachAsync(42 as never, options)).toThrow(ValidationError);
  });

  it('pulls lazily from a generator', () => {
    let pulled = 0;
    function* histories() {
      for (let index = 0; index < 1000; index++) {
        pulled++;
        yield { id: `A${index}`, distress: [] };
      }
    }
    const stream = evaluateChurnRiskEach(histories(), options);
    stream.next();
    stream.next();
    expect(pulled).toBe(2);
  });
});

describe('evaluateChurnRiskEachAsync', () => {
  it('gives the same outcomes as the synchronous form, from an async or a sync source', async () => {
    const histories = hostileInputs();
    // a cursor-like source handing records over as they are (an async generator would await them)
    const source: AsyncIterable<unknown> = {
      [Symbol.asyncIterator]() {
        let at = 0;
        return {
          next: () =>
            Promise.resolve(
              at < histories.length ? { done: false, value: histories[at++] } : { done: true, value: undefined },
            ),
        };
      },
    };
    const seen: unknown[] = [];
    for await (const outcome of evaluateChurnRiskEachAsync(source, options)) seen.push(outcome);
    const fromArray: unknown[] = [];
    for await (const outcome of evaluateChurnRiskEachAsync(histories, options)) fromArray.push(outcome);
    const sync = [...evaluateChurnRiskEach(histories, options)];
    expect(JSON.stringify(seen)).toBe(JSON.stringify(sync));
    expect(JSON.stringify(fromArray)).toBe(JSON.stringify(sync));
  });
});
