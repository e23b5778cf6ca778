/** Bad input to the lifetime functions (issue 19): ValidationErrors with paths, never TypeErrors, RangeErrors or
 * hangs. */
import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  probabilityAlive,
  purchaseCountProbability,
  summarizeTransactions,
} from '../../../src/index.js';

const revoked = (() => {
  const handle = Proxy.revocable({}, {});
  handle.revoke();
  return handle.proxy;
})();

function pathOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues[0]?.path;
  }
  throw new Error('expected a ValidationError');
}

const histories = [
  { frequency: 0, recency: 0, T: 38, count: 100 },
  { frequency: 2, recency: 20, T: 38, count: 50 },
];
const model = { kind: 'bg-nbd', r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 };

describe('lifetime value refuses bad input with a path', () => {
  it('an unreadable customer or options object is a ValidationError, not a TypeError', () => {
    expect(pathOf(() => fitBgNbd([histories[0]!, revoked as never]))).toBe('customers');
    expect(pathOf(() => fitGammaGamma([revoked as never]))).toBe('customers');
    expect(pathOf(() => fitBgNbd(histories, revoked as never))).toBe('options');
    expect(pathOf(() => probabilityAlive(model as never, revoked as never))).toBe('customer');
  });

  it(
    'a frequency too large to sum over is refused before fitting (it threw RangeError: invalid typed array ' +
      'length)',
    () => {
      expect(pathOf(() => fitBgNbd([{ frequency: Number.MAX_VALUE, recency: 1, T: 2 }]))).toBe('customers');
      expect(pathOf(() => fitBgNbd([{ frequency: 10_001, recency: 1, T: 2 }]))).toBe('customers');
      expect(pathOf(() => fitBgBb([{ frequency: 1, recency: 1, T: 1e9 }]))).toBe('customers');
    },
  );

  it('purchaseCountProbability bounds n (a loop to n never returned for n = 2^53 - 1)', () => {
    expect(pathOf(() => purchaseCountProbability(model as never, Number.MAX_SAFE_INTEGER, 10))).toBe('n');
    expect(purchaseCountProbability(model as never, 10_000, 10)).toBeGreaterThanOrEqual(0);
  });

  it('summarizeTransactions refuses a unit that is not a string (it threw converting it to a key)', () => {
    expect(pathOf(() => summarizeTransactions([], { asOf: '2026-06-30', unit: { toString: '1' } } as never))).toBe(
      'options.unit',
    );
    expect(pathOf(() => summarizeTransactions([], revoked as never))).toBe('options');
  });
});
