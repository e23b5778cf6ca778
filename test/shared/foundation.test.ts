import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  ClienteleError,
  ValidationError,
  canonicalJson,
  fingerprint,
  isNumeric,
  toDecimal,
} from '../../src/shared/index.js';
import { sha256 } from '../../src/shared/fingerprint.js';
import { formatPath } from '../../src/shared/errors.js';
import { compare, fromDecimal, rational, terminates, rationalToDecimal } from '../../src/shared/rational.js';
import { deriveSignals } from '../../src/index.js';

describe('toDecimal', () => {
  it('reads numbers as their shortest decimal, so 0.1 + 0.2 is exactly 0.3', () => {
    expect(toDecimal(0.1).plus(toDecimal(0.2)).toString()).toBe('0.3');
    expect(toDecimal('  12.50 ').toString()).toBe('12.5');
    expect(toDecimal('1e3').toString()).toBe('1000');
    expect(toDecimal(-0.000001).toFixed()).toBe('-0.000001');
  });

  it('accepts a Decimal from another decimal.js constructor and keeps its value', () => {
    const Foreign = Decimal.clone({ precision: 5 });
    const value = new Foreign('123.456789');
    expect(toDecimal(value).toString()).toBe('123.456789');
    // a duck-typed Decimal from a second copy of the package is recognised by its tag
    expect(isNumeric(value)).toBe(true);
  });

  it.each([
    [Number.NaN, 'number NaN'],
    [Number.POSITIVE_INFINITY, 'number Infinity'],
    [Number.NEGATIVE_INFINITY, 'number -Infinity'],
    ['', 'string ""'],
    ['   ', 'string "   "'],
    ['abc', 'string "abc"'],
    ['0x10', 'string "0x10"'],
    ['Infinity', 'string "Infinity"'],
    ['1,5', 'string "1,5"'],
    [null, 'null'],
    [undefined, 'undefined'],
    [true, 'boolean true'],
    [{}, 'object'],
  ])('rejects %s with a ValidationError naming the path', (value, received) => {
    try {
      toDecimal(value, 'ratings.tenure');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toBeInstanceOf(ClienteleError);
      const issue = (error as ValidationError).issues[0]!;
      expect(issue.path).toBe('ratings.tenure');
      expect(issue.expected).toMatch(/finite number/);
      expect(issue.received).toBe(received);
    }
  });

  it('rejects a non-finite Decimal', () => {
    expect(() => toDecimal(new Decimal(Number.NaN))).toThrow(ValidationError);
    expect(() => toDecimal(new Decimal(Number.POSITIVE_INFINITY))).toThrow(ValidationError);
  });

  it("never changes the caller's global Decimal settings", () => {
    const before = { precision: Decimal.precision, rounding: Decimal.rounding, toExpNeg: Decimal.toExpNeg };
    toDecimal('1').div(3);
    expect({ precision: Decimal.precision, rounding: Decimal.rounding, toExpNeg: Decimal.toExpNeg }).toEqual(before);
    // and the library's own context is unaffected by the caller's settings
    Decimal.set({ precision: 3 });
    try {
      expect(toDecimal('1').div(3).toString().length).toBeGreaterThan(30);
    } finally {
      Decimal.set({ precision: before.precision });
    }
  });
});

describe('errors', () => {
  it('instanceof works for errors branded by another copy of the classes', () => {
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('clientele.error')]: true,
      [Symbol.for('clientele.validation-error')]: true,
      issues: [],
    });
    expect(foreign).toBeInstanceOf(ValidationError);
    expect(foreign).toBeInstanceOf(ClienteleError);
    expect(new Error('plain')).not.toBeInstanceOf(ClienteleError);
    expect(new ClienteleError('base')).not.toBeInstanceOf(ValidationError);
  });

  it('serialises to JSON with its issues', () => {
    const error = new ValidationError([
      { code: 'invalid_value', path: 'a', expected: 'b', received: 'c', message: 'a: expected b, received c' },
    ]);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ValidationError',
      message: 'a: expected b, received c',
      issues: [
        { code: 'invalid_value', path: 'a', expected: 'b', received: 'c', message: 'a: expected b, received c' },
      ],
    });
  });

  it('names -0 as -0 in what it received (String(-0) is "0", which read as a contradiction of "≥ 0")', () => {
    const error = (() => {
      try {
        deriveSignals({ id: 'A', spend: [{ period: '2026-01', amount: -0 }] }, { asOf: '2026-11-01' });
      } catch (caught) {
        return caught as ValidationError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.issues[0]).toMatchObject({ path: 'spend[0].amount', received: 'number -0' });
  });

  it('formats paths the way code reads them', () => {
    expect(formatPath(['categories', 1, 'factors', 3, 'max'])).toBe('categories[1].factors[3].max');
    expect(formatPath(['zh-CN'], 'labels')).toBe('labels["zh-CN"]');
  });
});

describe('fingerprint', () => {
  it('computes SHA-256 test vectors (FIPS 180-2)', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
    expect(sha256('客户潜在价值')).toBe('6eb7d37418b2f679c9888abfcb8252b27826f30304c2d573953ca4619448ff7b');
  });

  it('ignores key order and how a number is written', () => {
    expect(canonicalJson({ b: 1, a: [0.5, 'x'] })).toBe('{"a":["0.5","x"],"b":"1"}');
    expect(fingerprint({ b: 0.3, a: 1 })).toBe(fingerprint({ a: 1, b: new Decimal('0.30') }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
  });
});

describe('rationals', () => {
  it('compare and convert exactly', () => {
    const third = rational(1n, 3n);
    expect(terminates(third)).toBe(false);
    expect(rationalToDecimal(third).toString()).toBe('0.3333333333333333333333333333333333333333');
    expect(compare(fromDecimal(toDecimal('0.1')), rational(1n, 10n))).toBe(0);
    expect(rationalToDecimal(fromDecimal(toDecimal('-12.345'))).toString()).toBe('-12.345');
  });
});
