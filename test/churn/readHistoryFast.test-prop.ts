import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { accountHistorySchema } from '../../src/churn/signals/accountHistorySchema.js';
import { readHistoryFast } from '../../src/churn/signals/readHistoryFast.js';

// The fast reader must give exactly what the schema's parse gives, or step aside (undefined):
// never accept what the schema refuses, never read a value differently.
const day = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
/** Noise: how often a field is something the schema may refuse (0 for clean histories). */
const histories = (noise: number) => {
  const date = fc.oneof(
    { weight: 60, arbitrary: day },
    { weight: 10, arbitrary: day.map((text) => new Date(`${text}T00:00:00Z`)) },
    { weight: 10, arbitrary: day.map((text) => ` ${text}T08:30:00+08:00 `) },
    { weight: noise, arbitrary: fc.constantFrom('2026-02-30', 'soon', '', 20260101, null, new Date(Number.NaN)) },
  );
  const month = fc.oneof(
    { weight: 60, arbitrary: day.map((text) => text.slice(0, 7)) },
    { weight: noise, arbitrary: fc.constantFrom('2026-13', '2026-1', 202601, '2026-10-05') },
  );
  const amount = fc.oneof(
    { weight: 60, arbitrary: fc.double({ min: 0, max: 1e9, noNaN: true }) },
    { weight: noise, arbitrary: fc.constantFrom(-0, -1, 0.1 + 0.2, Number.POSITIVE_INFINITY, '12.50', '-1', 'x') },
    { weight: noise, arbitrary: fc.constantFrom(new Decimal('3.25'), new Decimal(-2), undefined) },
  );
  const text = fc.oneof(
    { weight: 60, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
    { weight: noise, arbitrary: fc.constantFrom('', 'x'.repeat(201), 'x'.repeat(200), '__proto__', 'constructor', 7) },
  );
  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });
  /** A record whose undefined fields are left out (most of the time) or kept as explicit undefined. */
  const shaped = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
    fc
      .tuple(
        fc.record(fields),
        fc.boolean(),
        noise > 0
          ? fc.oneof(
              { weight: 30, arbitrary: fc.constant(null) },
              { weight: noise, arbitrary: fc.constantFrom('extra', 'Id') },
            )
          : fc.constant(null),
      )
      .map(([record, keepUndefined, extra]) => {
        const out: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(record))
          if (value !== undefined || (keepUndefined && noise > 0)) out[key] = value;
        if (extra !== null) out[extra] = 1;
        return out;
      });
  const list = <T>(item: fc.Arbitrary<T>) => optional(fc.array(item, { maxLength: 4 }));

  return shaped({
    id: text,
    name: optional(
      noise > 0 ? fc.oneof(fc.string({ maxLength: 5 }), fc.constant('n'.repeat(501))) : fc.string({ maxLength: 5 }),
    ),
    industry: optional(text),
    since: optional(date),
    spend: list(shaped({ period: month, amount })),
    orders: list(shaped({ date, amount: optional(amount) })),
    visits: list(shaped({ date, by: optional(text) })),
    calls: list(shaped({ date })),
    complaints: list(
      shaped({
        id: optional(text),
        openedAt: date,
        resolvedAt: optional(fc.oneof(date, fc.constant(null))),
        severity: optional(fc.constantFrom('low', 'medium', 'high', 'critical', ...(noise > 0 ? ['severe'] : []))),
        topic: optional(fc.string({ maxLength: 5 })),
      }),
    ),
    invoices: list(shaped({ id: text, issuedAt: optional(date), dueAt: date, amount })),
    payments: list(shaped({ invoiceId: text, date, amount })),
    competitor: optional(
      shaped({
        purchases: list(shaped({ date, amount: optional(amount), competitor: optional(text) })),
        shareOfWallet: list(
          shaped({
            period: month,
            share:
              noise > 0
                ? fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1.5))
                : fc.double({ min: 0, max: 1, noNaN: true }),
          }),
        ),
      }),
    ),
    relationship: optional(
      shaped({
        accountManager: optional(text),
        managerLeftAt: optional(fc.oneof(date, fc.constant(null))),
        handoverAt: optional(fc.oneof(date, fc.constant(null))),
        internalContacts: optional(
          noise > 0 ? fc.oneof(fc.nat(5), fc.constantFrom(-1, 1.5, 1_000_001, '2')) : fc.nat(5),
        ),
        clientContacts: optional(fc.nat(5)),
      }),
    ),
    quality: list(
      shaped({ period: month, dimension: text, score: fc.oneof(fc.double({ noNaN: true }), fc.constant('80')) }),
    ),
    distress: list(
      shaped({
        date,
        kind: noise > 0 ? fc.constantFrom('losses', 'closure', 'other', 'fire') : fc.constantFrom('losses', 'closure'),
        note: optional(text),
      }),
    ),
  });
};
const history = fc.oneof(histories(0), histories(1), histories(4));

describe('readHistoryFast agrees with accountHistorySchema', () => {
  let fast = 0;
  let valid = 0;
  test.prop([history], { numRuns: 600 })('the same parse, or it steps aside', (input) => {
    const schema = accountHistorySchema.safeParse(input);
    const read = readHistoryFast(input);
    if (schema.success) valid++;
    if (read === undefined) return;
    fast++;
    expect(schema.success).toBe(true);
    expect(read).toStrictEqual(schema.data);
    expect(JSON.stringify(read)).toBe(JSON.stringify(schema.data)); // key order too
  });

  test('the fast reader takes most valid histories (it is not a reader that always steps aside)', () => {
    expect(valid).toBeGreaterThan(20);
    expect(fast).toBeGreaterThan(valid / 4);
  });
});

describe('readHistoryFast on the edge cases the schema decides', () => {
  const base = { id: 'A' };
  class Visit {
    date = '2026-10-01';
  }
  const inherited = Object.create({ date: '2026-10-01' }) as object;
  const withSymbol = { date: '2026-10-01', [Symbol('x')]: 1 };
  const holes = [{ date: '2026-10-01' }, , { date: '2026-10-02' }]; // eslint-disable-line no-sparse-arrays
  const cases: Record<string, unknown> = {
    'negative zero amount': { ...base, spend: [{ period: '2026-10', amount: -0 }] },
    'negative amount': { ...base, orders: [{ date: '2026-10-01', amount: -1 }] },
    'share above 1': { ...base, competitor: { shareOfWallet: [{ period: '2026-10', share: 1.0000001 }] } },
    'decimal string': { ...base, spend: [{ period: '2026-10', amount: '12.50' }] },
    'Decimal amount': { ...base, spend: [{ period: '2026-10', amount: new Decimal('12.5') }] },
    'explicit undefined': { ...base, name: undefined },
    'empty id': { id: '' },
    'forbidden id': { id: '__proto__' },
    'empty text': { ...base, visits: [{ date: '2026-10-01', by: '' }] },
    'a class instance event': { ...base, visits: [new Visit()] },
    'an inherited field': { ...base, visits: [inherited] },
    'a symbol key': { ...base, visits: [withSymbol] },
    'a sparse list': { ...base, visits: holes },
    'a padded date string': { ...base, visits: [{ date: ' 2026-10-01 ' }] },
    'an invalid Date': { ...base, visits: [{ date: new Date(Number.NaN) }] },
    'a fractional contact count': { ...base, relationship: { internalContacts: 1.5 } },
    'a null resolution': { ...base, complaints: [{ openedAt: '2026-10-01', resolvedAt: null }] },
    'a month with a day': { ...base, spend: [{ period: '2026-10-05', amount: 1 }] },
    'an unknown severity': { ...base, complaints: [{ openedAt: '2026-10-01', severity: 'severe' }] },
    'a non-enumerable field': { ...base, visits: [Object.defineProperty({}, 'date', { value: '2026-10-01' })] },
    'an array as the history': [],
    'null as the history': null,
  };
  for (const [name, input] of Object.entries(cases)) {
    test(`${name}: the schema's answer, or it steps aside`, () => {
      const schema = accountHistorySchema.safeParse(input);
      const read = readHistoryFast(input);
      if (read !== undefined) {
        expect(schema.success).toBe(true);
        expect(read).toStrictEqual(schema.data);
      }
    });
  }

  test('with an enumerable key on Object.prototype the schema decides', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype['polluted'] = 1;
    try {
      expect(readHistoryFast({ id: 'A', visits: [{ date: '2026-10-01' }] })).toBeUndefined();
    } finally {
      delete prototype['polluted'];
    }
    expect(readHistoryFast({ id: 'A', visits: [{ date: '2026-10-01' }] })).toBeDefined();
  });
});
