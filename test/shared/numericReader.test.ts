import { createRequire } from 'node:module';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  defineTierPolicy,
  defineValueGrader,
  isDecimal,
  numericLimits,
  toDecimal,
} from '../../src/index.js';

/** decimal.js loaded a second time through its CommonJS build: a genuine instance of another copy. */
const OtherDecimal = createRequire(import.meta.url)('decimal.js') as typeof Decimal;

function codeOf(task: () => unknown): string | undefined {
  try {
    task();
    return undefined;
  } catch (error) {
    if (error instanceof ValidationError) return error.issues[0]?.code;
    throw error;
  }
}

describe('one numeric reader at the boundary', () => {
  it('reads a Decimal of another decimal.js copy by its fields', () => {
    expect(Object.getPrototypeOf(new OtherDecimal(1))).not.toBe(Decimal.prototype);
    expect(toDecimal(new OtherDecimal('-12345678901.000000015')).toFixed()).toBe('-12345678901.000000015');
    expect(toDecimal(new OtherDecimal(0)).isZero()).toBe(true);
    expect(isDecimal(new OtherDecimal('1e-30'))).toBe(true);
  });

  it('never trusts a look-alike shape, whatever its fields say', () => {
    const lookAlikes: unknown[] = [
      { [Symbol.toStringTag]: 'Decimal', d: [1], e: 1e9, s: 1 },
      { toStringTag: '[object Decimal]', d: [1], e: 0, s: 1 },
      { toStringTag: '[object Decimal]' },
      Object.assign(Object.create({ toStringTag: '[object Decimal]' }), { d: [1], e: 0, s: 1 }),
    ];
    for (const value of lookAlikes) {
      expect(codeOf(() => toDecimal(value, 'x'))).toBe('not_numeric');
      expect(isDecimal(value)).toBe(false);
    }
  });

  it('refuses what does not convert, with a ValidationError naming the path', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const throwing = Object.defineProperty({}, 'd', {
      get: () => {
        throw new Error('boom');
      },
    });
    for (const value of [
      Number.NaN,
      Infinity,
      -Infinity,
      '',
      'abc',
      '0x10',
      'Infinity',
      Object.create(null),
      Symbol('s'),
      2n ** 80n,
      { toString: '1e5000' },
      null,
      undefined,
      [],
      revoked.proxy,
      throwing,
      new Decimal(Number.NaN),
      new OtherDecimal(Infinity),
    ]) {
      expect(codeOf(() => toDecimal(value, 'ratings.tenure'))).toBe('not_numeric');
    }
  });

  it('checks exponent and length limits before any arithmetic (no hang on 1e1000000000)', () => {
    expect(codeOf(() => toDecimal('1e1000000000'))).toBe('not_numeric');
    expect(codeOf(() => toDecimal(`1e${numericLimits.maxExponent + 1}`))).toBe('not_numeric');
    expect(toDecimal(`1e${numericLimits.maxExponent}`).e).toBe(numericLimits.maxExponent);
    expect(codeOf(() => toDecimal(new Decimal('1e5000')))).toBe('not_numeric');
    expect(codeOf(() => toDecimal('9'.repeat(30_000) + 'x'))).toBe('not_numeric');
    expect(codeOf(() => toDecimal('9'.repeat(numericLimits.maxLength + 1)))).toBe('not_numeric');
  });

  it('trims padded numeric strings everywhere, models included', () => {
    expect(toDecimal('  50000  ').toFixed()).toBe('50000');
    const grader = defineValueGrader({
      id: 'g',
      version: '1',
      method: 'thresholds',
      grades: [{ id: 'A', min: '  50000  ' }, { id: 'B' }],
    });
    expect(grader.grades[0]!.min!.toFixed()).toBe('50000');
    const policy = defineTierPolicy({
      id: 'p',
      version: '1',
      tiers: [{ id: 't', labels: { en: 'T', 'zh-CN': 'T' }, minMonthlySpend: ' 3000 ' }],
    });
    expect(policy.tierFor(3000)?.id).toBe('t');
  });

  it('law: every finite double and its shortest decimal string read to the same decimal', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(toDecimal(value).eq(toDecimal(String(value)))).toBe(true);
        expect(toDecimal(new OtherDecimal(value)).eq(toDecimal(value))).toBe(true);
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });

  it('a non-string path is still reported as a string', () => {
    try {
      toDecimal('x', 42 as never);
    } catch (error) {
      expect(typeof (error as ValidationError).issues[0]!.path).toBe('string');
    }
  });
});
