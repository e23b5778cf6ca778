import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { test as propTest } from '@fast-check/vitest';
import { ValidationError, fingerprint, toDecimal } from '../../src/shared/index.js';

describe('issue 20: cycles and paths', () => {
  it('fingerprint of a cyclic object is a ValidationError, not a stack overflow', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => fingerprint(cyclic)).toThrow(ValidationError);
    const list: unknown[] = [1];
    list.push({ back: list });
    expect(() => fingerprint(list)).toThrow(ValidationError);
  });

  it('toDecimal reports a string path for a path with no usable toString', () => {
    const bare = Object.create(null) as object;
    try {
      toDecimal('abc', bare as unknown as string);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(typeof (error as ValidationError).issues[0]!.path).toBe('string');
    }
  });

  propTest.prop([
    fc.anything({ withBigInt: true, withObjectString: true, withNullPrototype: true, withMap: true, withSet: true }),
  ])('every issue.path of toDecimal is a string, whatever the path argument', (path) => {
    try {
      toDecimal('not a number', path as string);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(typeof (error as ValidationError).issues[0]!.path).toBe('string');
    }
  });
});
