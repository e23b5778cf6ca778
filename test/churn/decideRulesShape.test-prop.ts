/**
 * decideRules' shape reader: records listing the same own enumerable keys in the same order are
 * checked by one `for…in` and read by name at a load site per key. Laws, over batches where most
 * records share one key order (so the shape path carries them) and some differ (extra, missing or
 * reordered keys, other dressings): decisions, levels and errors equal the reference's (each record
 * read by `readSlots`, every rule decided by its closure); every getter is called exactly as often,
 * for the same records and keys in the same order, as the one-record-at-a-time reader calls it.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { decideRules, defineRuleSet, safeDefineRuleSet, type RuleSet } from '../../src/index.js';
import { reference } from './decideRulesReference.js';
import { ruleSetArbitrary } from '../arbitraries/churn.js';

const KEYS = ['a', 'b', 'c', 'd', 'x', 'y'] as const;
const value = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -10, max: 10 }).map((n) => n / 2) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.constantFrom('1.5', 'abc', Number.NaN, Number.POSITIVE_INFINITY, -0, new Date(0), {}) },
);
/**
 * Values of a wide record by position: mostly what the kernels read at that position (a number, or
 * a boolean at every fifth), so that most records reach the keys past the load sites.
 */
const wideValues = fc.tuple(
  ...Array.from({ length: 30 }, (_, at) =>
    fc.oneof(
      { weight: 40, arbitrary: at % 5 === 4 ? fc.boolean() : fc.integer({ min: -10, max: 10 }).map((n) => n / 2) },
      { weight: 4, arbitrary: fc.constantFrom(null, undefined) },
      { weight: 1, arbitrary: fc.constantFrom('1.5', Number.NaN, {}, 1, true) },
    ),
  ),
);
const VARIATIONS = [
  'same',
  'same',
  'same',
  'same',
  'getter',
  'throwing getter',
  'extra key',
  'missing key',
  'reordered',
  'non-enumerable',
] as const;

/** Kernel-only rule sets over a–d (no rule the closures decide, so the shape reader runs). */
const ruleSets = ruleSetArbitrary
  .map((json) => safeDefineRuleSet({ ...json, checkSignals: false } as never))
  .filter((result) => result.success)
  .map((result) => (result as { success: true; output: RuleSet }).output);

/** One record of the batch: values in the shape's key order, then varied. Getters log their reads. */
function build(
  order: readonly string[],
  values: readonly unknown[],
  variation: (typeof VARIATIONS)[number],
  index: number,
  log: string[],
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const keys = variation === 'reordered' ? [...order].reverse() : variation === 'missing key' ? order.slice(1) : order;
  keys.forEach((key, at) => {
    const item = values[order.indexOf(key)];
    if ((variation === 'getter' || variation === 'throwing getter') && at === keys.length - 1) {
      Object.defineProperty(record, key, {
        get: () => {
          log.push(`${index}:${key}`);
          if (variation === 'throwing getter') throw new Error('no');
          return item;
        },
        enumerable: true,
        configurable: true,
      });
    } else if (variation === 'non-enumerable' && at === 0)
      Object.defineProperty(record, key, { value: item, enumerable: false });
    else record[key] = item;
  });
  if (variation === 'extra key') record['extra'] = 1;
  return record;
}

/**
 * Builds the batch twice from its description (the described records, then `padding` of them again,
 * so batches span blocks and the shape is learnt anew) and holds decideRules to the reference on one
 * copy and the other: decisions, levels, errors, and every getter read in the same order.
 */
function checkBatch(
  ruleSet: RuleSet,
  order: readonly string[],
  described: readonly (readonly [readonly unknown[], (typeof VARIATIONS)[number]])[],
  padding: number,
): void {
  const all = [...described, ...Array.from({ length: padding }, (_, at) => described[at % described.length]!)];
  const ours: string[] = [];
  const theirs: string[] = [];
  const records = all.map(([values, variation], index) => build(order, values, variation, index, ours));
  const copies = all.map(([values, variation], index) => build(order, values, variation, index, theirs));
  const batch = decideRules(ruleSet, records as never);
  const expected = reference(ruleSet, copies);
  expect(Array.from(batch.decisions)).toEqual(expected.decisions);
  expect(Array.from(batch.levels)).toEqual(expected.levels);
  expect(batch.errors.map((error) => error.index)).toEqual(expected.errors);
  expect(ours).toEqual(theirs);
}

describe('decideRules shape reader: laws', () => {
  test.prop([
    ruleSets,
    fc.shuffledSubarray([...KEYS], { minLength: 1 }),
    fc.array(fc.tuple(fc.array(value, { minLength: 6, maxLength: 6 }), fc.constantFrom(...VARIATIONS)), {
      minLength: 1,
      maxLength: 80,
    }),
    fc.nat({ max: 1100 }),
  ])(
    'records of one shape decide as the reference, getters read once each in the same order',
    (ruleSet, order, described, padding) => {
      checkBatch(ruleSet, order, described, padding);
    },
  );

  test.prop([
    fc.integer({ min: 20, max: 30 }),
    fc.array(fc.tuple(wideValues, fc.constantFrom(...VARIATIONS)), {
      minLength: 1,
      maxLength: 40,
    }),
    fc.nat({ max: 700 }),
  ])(
    'records with more keys the kernels read than the shape reader has load sites decide as the reference',
    (width, described, padding) => {
      // numbers and booleans, every rule one leaf on one key; keys past the 24th share one site
      const order = Array.from({ length: width }, (_, at) => `w${at}`);
      const ruleSet = defineRuleSet({
        id: 'wide',
        checkSignals: false,
        rules: order.map((signal, at) => ({
          id: `r${at}`,
          when: at % 5 === 4 ? { signal, op: 'eq', value: true } : { signal, op: 'gt', value: 0 },
          severity: at % 3 === 0 ? 'critical' : 'watch',
          points: 1,
          cause: 'custom',
        })),
      } as never);
      checkBatch(ruleSet, order, described, padding);
    },
  );
});
