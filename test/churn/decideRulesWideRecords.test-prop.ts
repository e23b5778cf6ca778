/**
 * decideRules reads each number a kernel needs at a load site of its own per key position (the
 * first 32 positions; later positions share one site). Law: on records whose signals sit at any
 * position, among up to 40 other keys, before and past the 32nd position, plain, with a null
 * prototype, with getters that return a new value on every call, or behind a proxy that logs
 * every read, decideRules gives exactly what the reference gives (each record read by `readSlots`,
 * own enumerable properties only, every rule decided by its closure), reads every property a rule
 * reads as often and in the same order as the reference does, and lists the same records as errors.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decideRules, safeDefineRuleSet, type RuleSet } from '../../src/index.js';
import { reference } from './decideRulesReference.js';
import { ruleSetArbitrary } from '../arbitraries/churn.js';

const SIGNALS = ['a', 'b', 'c', 'd', 'e'] as const;
const value = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -10, max: 10 }).map((n) => n / 2) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.constantFrom('1.5', 'abc', Number.NaN, Number.POSITIVE_INFINITY, -0) },
);
const DRESSINGS = ['plain', 'plain', 'null prototype', 'changing getter', 'logging proxy'] as const;
type Dressing = (typeof DRESSINGS)[number];

/** A record's description: its signal entries, how many filler keys go before them, after them, and its dressing. */
const recordArbitrary = fc.record({
  signals: fc.uniqueArray(fc.tuple(fc.constantFrom(...SIGNALS), value), { selector: ([key]) => key, maxLength: 5 }),
  before: fc.nat({ max: 40 }),
  after: fc.nat({ max: 6 }),
  dressing: fc.constantFrom(...DRESSINGS),
});
type Description = typeof recordArbitrary extends fc.Arbitrary<infer T> ? T : never;

/**
 * Builds a record from its description, logging every property read (`log`): getters count their
 * calls and return the next of a fixed sequence, so a second read would be seen in the decisions.
 */
function build(description: Description, log: string[]): unknown {
  const entries: [string, unknown][] = [
    ...Array.from({ length: description.before }, (_, index): [string, unknown] => [`x${index}`, index]),
    ...description.signals,
    ...Array.from({ length: description.after }, (_, index): [string, unknown] => [`y${index}`, -index]),
  ];
  const dressing: Dressing = description.dressing;
  const record: Record<string, unknown> = dressing === 'null prototype' ? Object.create(null) : {};
  for (const [key, item] of entries) {
    if (dressing !== 'changing getter' || typeof item !== 'number') {
      record[key] = item;
      continue;
    }
    let calls = 0;
    Object.defineProperty(record, key, {
      enumerable: true,
      get: () => {
        log.push(key);
        return item + 3 * calls++;
      },
    });
  }
  if (dressing !== 'logging proxy') return record;
  return new Proxy(record, {
    get(target, key, receiver) {
      log.push(String(key));
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

const ruleSets = ruleSetArbitrary
  .map((json) => safeDefineRuleSet({ ...json, checkSignals: false } as never))
  .filter((result) => result.success)
  .map((result) => (result as { success: true; output: RuleSet }).output);

describe('decideRules on wide records: laws', () => {
  test.prop([ruleSets, fc.array(recordArbitrary, { maxLength: 30 }), fc.nat({ max: 700 })])(
    'decideRules decides as readSlots and the closures do, reading each signal a rule reads as often, in one order',
    (ruleSet, described, repeat) => {
      const describedAll = Array.from(
        { length: described.length + (described.length > 0 ? repeat : 0) },
        (_, i) => described[i % described.length]!,
      );
      const ours: string[] = [];
      const theirs: string[] = [];
      const batch = decideRules(ruleSet, describedAll.map((item) => build(item, ours)) as never);
      const expected = reference(
        ruleSet,
        describedAll.map((item) => build(item, theirs)),
      );
      expect(Array.from(batch.decisions)).toEqual(expected.decisions);
      expect(Array.from(batch.levels)).toEqual(expected.levels);
      expect(batch.errors.map((error) => error.index)).toEqual(expected.errors);
      // the batch reader never reads a signal only a message names (readSlots reads every slot)
      const read = new Set(ruleSet.rules.flatMap((rule) => rule.signals));
      expect(ours).toEqual(theirs.filter((key) => read.has(key)));
    },
  );
});
