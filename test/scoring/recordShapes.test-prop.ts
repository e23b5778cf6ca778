/**
 * `score` reads a record's ratings in one pass over its keys and remembers, per model, the order
 * the keys came in last time. Whatever the records look like, and in whatever order they come,
 * the result (or the error) is what the same ratings give as a plain object with the factors in
 * the model's order: keys in any order, unknown keys, inherited keys (ignored), non-enumerable own
 * ratings (read), missing factors, bad values, getters, and a getter that scores another account.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ValidationError, potentialValueModel, score, scoreEach, type ScoreOptions } from '../../src/index.js';
import { coreOf } from '../../src/scoring/scorecard/defineScorecard.js';

const model = potentialValueModel;
const ids = model.factorIds as readonly string[];

/** What a call gives, as text: the result's JSON, or the error's issues. */
function outcome(run: () => unknown): string {
  try {
    return JSON.stringify(run());
  } catch (error) {
    if (error instanceof ValidationError) return `error ${JSON.stringify(error.issues)}`;
    throw error;
  }
}

/** One key of a record: a factor or an unknown key, with how it is written. */
interface Field {
  readonly key: string;
  readonly value: unknown;
  readonly how: 'plain' | 'getter' | 'hidden' | 'inherited';
}

const rating = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map((n) => n / 2),
  fc.constantFrom(1, 2, '3', '2.5', null, undefined, -1, 99, 'x', Number.NaN, 1e-7, 0.1 + 0.2),
);
const field = fc.record({
  key: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constantFrom('tenur', 'id', 'x') },
  ),
  value: rating,
  how: fc.constantFrom<Field['how']>('plain', 'plain', 'plain', 'plain', 'getter', 'hidden', 'inherited'),
});
// every factor rated in range, so most records take the common path, plus a few odd fields
const recordFields = fc
  .tuple(
    fc.shuffledSubarray([...ids], { minLength: ids.length - 1, maxLength: ids.length }),
    fc.array(field, { maxLength: 4 }),
    fc.integer({ min: 0, max: 1000 }),
  )
  .map(([order, extra, seed]) => {
    const fields: Field[] = order.map((key, i) => ({ key, value: 1 + ((seed + i) % 4), how: 'plain' }));
    for (const odd of extra) {
      const at = fields.findIndex((f) => f.key === odd.key);
      if (at >= 0) fields[at] = odd;
      else fields.push(odd);
    }
    return fields;
  });

/** How a record is made: a literal, with no prototype, or with a prototype of its own. */
type Kind = 'literal' | 'null' | 'custom';
const kind = fc.constantFrom<Kind>('literal', 'null', 'custom');

/** The record as the caller might build it (inherited fields need a prototype of its own). */
function build(fields: readonly Field[], made: Kind = 'custom'): Record<string, unknown> {
  const prototype: Record<string, unknown> = {};
  const record = (made === 'literal' ? {} : Object.create(made === 'null' ? null : prototype)) as Record<
    string,
    unknown
  >;
  for (const { key, value, how } of fields) {
    if (how === 'inherited') prototype[key] = value;
    else if (how === 'hidden') Object.defineProperty(record, key, { value, enumerable: false });
    else if (how === 'getter') Object.defineProperty(record, key, { get: () => value, enumerable: true });
    else record[key] = value;
  }
  return record;
}

/** The same ratings as a plain object: own keys only, unknown keys first in their order, then the factors. */
function plain(fields: readonly Field[]): Record<string, unknown> {
  const own = fields.filter((f) => f.how !== 'inherited');
  const record: Record<string, unknown> = {};
  for (const f of own) if (!ids.includes(f.key) && f.how !== 'hidden') record[f.key] = f.value;
  for (const id of ids) {
    const found = own.find((f) => f.key === id);
    if (found) record[id] = found.value;
  }
  return record;
}

const options = fc.constantFrom<ScoreOptions | undefined>(
  undefined,
  { missing: 'min' },
  { missing: 'exclude', ignoreUnknown: true },
  { clamp: true, missing: 'min' },
);

describe('records of any shape', () => {
  test.prop([fc.array(fc.tuple(recordFields, kind), { minLength: 1, maxLength: 6 }), options])(
    'score gives what the plain record in factor order gives, record after record',
    (records, given) => {
      for (const [fields, made] of records)
        expect(outcome(() => score(model, build(fields, made), given))).toBe(
          outcome(() => score(model, plain(fields), given)),
        );
    },
  );

  test.prop([fc.array(recordFields, { minLength: 1, maxLength: 6 })])(
    'scoreEach gives what score gives on each plain record',
    (records) => {
      const outcomes = [
        ...scoreEach(
          model,
          records.map((fields) => ({ ratings: build(fields) })),
        ),
      ];
      records.forEach((fields, index) => {
        const each = outcomes[index]!;
        const expected = outcome(() => score(model, plain(fields)));
        expect(each.ok ? JSON.stringify(each.result) : `error ${JSON.stringify(each.error.issues)}`).toBe(
          expected.startsWith('error') ? `error ${JSON.stringify(JSON.parse(expected.slice(6)))}` : expected,
        );
      });
    },
  );

  it('remembers a bounded key order, whatever the size of a record', () => {
    const wide = Object.fromEntries([
      ...ids.map((id) => [id, 1]),
      ...Array.from({ length: 5000 }, (_, i) => [`extra${i}`, 1]),
    ]);
    const expected = JSON.stringify(score(model, Object.fromEntries(ids.map((id) => [id, 1]))));
    expect(JSON.stringify(score(model, wide, { ignoreUnknown: true }))).toBe(expected);
    expect(coreOf(model)!.keyOrder.names.length).toBeLessThanOrEqual(2 * ids.length + 8);
  });

  it('ignores keys that enumerable properties of Object.prototype add to every record', () => {
    const full = Object.fromEntries(ids.map((id) => [id, 2]));
    const { [ids[0]!]: _dropped, ...lacking } = full;
    const expectedFull = outcome(() => score(model, full));
    const expectedLacking = outcome(() => score(model, lacking, { missing: 'min' }));
    const polluted = Object.prototype as Record<string, unknown>;
    try {
      polluted[ids[0]!] = 5;
      polluted['bogus'] = 1;
      expect(outcome(() => score(model, { ...full }))).toBe(expectedFull);
      expect(outcome(() => score(model, { ...lacking }, { missing: 'min' }))).toBe(expectedLacking);
    } finally {
      delete polluted[ids[0]!];
      delete polluted['bogus'];
    }
  });

  it('reads a rating whose own getters score another record (a foreign Decimal) as its value', () => {
    const base = Object.fromEntries(ids.map((id) => [id, 1]));
    const foreignPrototype = { toStringTag: '[object Decimal]', plus() {} };
    // a Decimal from another copy of decimal.js, worth 2, that scores a clamped record while read
    const two = Object.create(foreignPrototype, {
      d: {
        enumerable: true,
        get: () => {
          score(model, { ...base, [ids[0]!]: 99 }, { clamp: true });
          return [2];
        },
      },
      e: { value: 0, enumerable: true },
      s: { value: 1, enumerable: true },
    }) as object;
    const expected = JSON.stringify(score(model, { ...base, [ids[0]!]: '2' }));
    expect(JSON.stringify(score(model, { ...base, [ids[0]!]: two }))).toBe(expected);
  });

  it('reads a record whose getter scores another account with keys in another order', () => {
    const reversed = Object.fromEntries([...ids].reverse().map((id) => [id, 2]));
    const record: Record<string, unknown> = {};
    ids.forEach((id, index) => {
      if (index === 3)
        Object.defineProperty(record, id, {
          enumerable: true,
          get: () => (score(model, reversed).total.toNumber() > 0 ? 3 : 1),
        });
      else record[id] = 1;
    });
    const expected = score(model, { ...Object.fromEntries(ids.map((id) => [id, 1])), [ids[3]!]: 3 });
    expect(JSON.stringify(score(model, record))).toBe(JSON.stringify(expected));
    expect(JSON.stringify(score(model, record))).toBe(JSON.stringify(expected));
  });
});
