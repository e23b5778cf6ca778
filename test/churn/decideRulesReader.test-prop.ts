/**
 * decideRules reads a plain record straight into its kernel columns (no slot array) when the
 * kernels decide every rule. Law: on any batch of records, plain or hostile (missing, extra and
 * prototype-named keys; values of every kind; getters, throwing getters, non-enumerable own
 * properties, null prototypes, class instances, proxies, revoked proxies, arrays, primitives),
 * it gives exactly what the reference gives: each record read by `readSlots` (own enumerable
 * properties only) and every rule decided by its closure, a record that cannot be read or holds a
 * wrong-typed value an error with all its decisions -1.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decideRules, safeDefineRuleSet, type RuleSet } from '../../src/index.js';
import { reference } from './decideRulesReference.js';
import { ruleSetArbitrary } from '../arbitraries/churn.js';

const KEYS = ['a', 'b', 'c', 'd', 'e', 'toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'] as const;
const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -10, max: 10 }).map((n) => n / 2) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 10 }).map((n) => String(n / 2)) },
  { weight: 1, arbitrary: fc.constantFrom('abc', Number.NaN, Number.POSITIVE_INFINITY, -0, new Date(0), [], {}) },
);
const DRESSINGS = [
  'plain',
  'plain',
  'plain',
  'null prototype',
  'getter',
  'throwing getter',
  'non-enumerable',
  'class instance',
  'proxy',
  'revoked proxy',
  'frozen',
  'array',
  'primitive',
] as const;

class Signals {}

/** Builds a record from entries: own enumerable properties (even `__proto__`), then dressed. */
function dress(entries: readonly (readonly [string, unknown])[], dressing: (typeof DRESSINGS)[number]): unknown {
  const plain: Record<string, unknown> = {};
  const define = (target: object, key: string, item: unknown) =>
    Object.defineProperty(target, key, { value: item, enumerable: true, writable: true, configurable: true });
  for (const [key, item] of entries) define(plain, key, item);
  const first = entries[0]?.[0] ?? 'a';
  switch (dressing) {
    case 'plain':
      return plain;
    case 'null prototype':
      return Object.assign(Object.create(null) as object, plain);
    case 'getter': {
      const item = plain[first];
      return Object.defineProperty(plain, first, { get: () => item, enumerable: true, configurable: true });
    }
    case 'throwing getter':
      return Object.defineProperty(plain, first, {
        get: () => {
          throw new Error('no');
        },
        enumerable: true,
      });
    case 'non-enumerable':
      return Object.defineProperty(plain, first, { value: plain[first] ?? 1, enumerable: false });
    case 'class instance':
      return Object.assign(new Signals(), plain);
    case 'proxy':
      return new Proxy(plain, {});
    case 'revoked proxy': {
      const { proxy, revoke } = Proxy.revocable(plain, {});
      revoke();
      return proxy;
    }
    case 'frozen':
      return Object.freeze(plain);
    case 'array':
      return [plain];
    case 'primitive':
      return 7;
  }
}

/**
 * A record's description (its entries and dressing): records are built in the test, as a revoked
 * proxy cannot be printed.
 */
const recordArbitrary = fc.tuple(
  fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), value), { selector: ([key]) => key, maxLength: 7 }),
  fc.constantFrom(...DRESSINGS),
);

/** A rule set over a–d, with `d` renamed to a name `Object.prototype` has, and a rule the closures decide. */
const ruleSets = fc
  .tuple(ruleSetArbitrary, fc.constantFrom('d', 'toString', 'constructor', 'valueOf'), fc.boolean())
  .map(([json, name, closure]) => {
    const text = JSON.stringify(json.rules).replaceAll('"signal":"d"', `"signal":${JSON.stringify(name)}`);
    const rules = JSON.parse(text) as typeof json.rules;
    const category = { signal: 'e', op: 'in', value: ['x', 'y'] };
    return safeDefineRuleSet({
      ...json,
      checkSignals: false,
      rules: closure
        ? [...rules, { id: 'category', when: category, severity: 'critical', points: 1, cause: 'custom' }]
        : rules,
    } as never);
  })
  .filter((result) => result.success)
  .map((result) => (result as { success: true; output: RuleSet }).output);

describe('decideRules reader: laws', () => {
  test.prop([ruleSets, fc.array(recordArbitrary, { maxLength: 40 })])(
    'decideRules decides every record as readSlots and the closures do, hostile records included',
    (ruleSet, described) => {
      const records = described.map(([entries, dressing]) => dress(entries, dressing));
      const batch = decideRules(ruleSet, records as never);
      const expected = reference(ruleSet, records);
      expect(Array.from(batch.decisions)).toEqual(expected.decisions);
      expect(Array.from(batch.levels)).toEqual(expected.levels);
      expect(batch.errors.map((error) => error.index)).toEqual(expected.errors);
    },
  );

  test.prop([ruleSets, fc.array(recordArbitrary, { minLength: 1, maxLength: 5 }), fc.nat({ max: 1200 })])(
    'decideRules decides the same over many blocks, records of one shape repeated and then changing',
    (ruleSet, described, repeat) => {
      const shapes = described.map(([entries, dressing]) => dress(entries, dressing));
      const records = Array.from({ length: repeat + shapes.length }, (_, index) => shapes[index % shapes.length]);
      const batch = decideRules(ruleSet, records as never);
      const expected = reference(ruleSet, records);
      expect(Array.from(batch.decisions)).toEqual(expected.decisions);
      expect(Array.from(batch.levels)).toEqual(expected.levels);
      expect(batch.errors.map((error) => error.index)).toEqual(expected.errors);
    },
  );
});
