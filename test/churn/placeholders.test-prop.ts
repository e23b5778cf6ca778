/**
 * `fillPlaceholders` splits a template once and fills it from the parts: it must give exactly what
 * `String.prototype.replace` with the placeholder grammar gives, for any template (braces that open no
 * placeholder, empty names, bars, adjacent and nested braces), calling `fill` in the same order.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { fillPlaceholders } from '../../src/churn/rules/placeholders.js';

/** The grammar as `placeholders.ts` documents it, applied with `replace`: the reference. */
const GRAMMAR = /\{([^{}|]*)(?:\|([^{}]*))?\}/g;

/** Templates over an alphabet rich in the grammar's own characters. */
const template = fc
  .array(fc.constantFrom('{', '}', '|', 'a', 'b', 'x', ' ', '%', '{a}', '{b|percent}', '{|n}', '{}', '中'), {
    maxLength: 24,
  })
  .map((pieces) => pieces.join(''));

describe('fillPlaceholders', () => {
  test.prop([template, fc.boolean()], { numRuns: 3000 })(
    'fills as replace with the grammar does, in the same order of calls',
    (text, twice) => {
      const calls: string[] = [];
      const expectedCalls: string[] = [];
      const fill = (log: string[]) => (name: string, format: string | undefined) => {
        log.push(`${name}|${format}`);
        return `<${name}:${format ?? '-'}>`;
      };
      const expected = text.replace(GRAMMAR, (_match, name: string, format: string | undefined) =>
        fill(expectedCalls)(name, format),
      );
      expect(fillPlaceholders(text, fill(calls))).toBe(expected);
      // a second fill reads the split kept from the first
      if (twice) expect(fillPlaceholders(text, fill([]))).toBe(expected);
      expect(calls).toEqual(expectedCalls);
    },
  );
});
