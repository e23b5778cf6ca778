/**
 * Undecided entries whose deciding values are all missing share their evidence lists (and, in
 * `evaluateRules`, the entry itself) with the rule's previous such entry. Sharing must never show:
 * over runs of records drawn from a small pool, so that patterns of missing signals repeat, change
 * and come back, every result serialises as an evidence walk written here from the rule trees gives,
 * results read late equal what they were when first read, and everything shared is frozen.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { defaultChurnRuleSet, evaluateChurnRisk, evaluateRules, type RuleEvaluation } from '../../src/index.js';
import type { CompiledNode } from '../../src/churn/rules/compileCondition.js';
import { compiledRuleSetOf } from '../../src/churn/rules/defineRuleSet.js';
import { readSlots } from '../../src/churn/rules/resolveRuleSet.js';

const NAMES = ['false', 'true', 'unknown'];

/** The deciding leaves under Kleene logic, walked here (leaf outcomes from the compiled tests). */
function walk(node: CompiledNode, slots: unknown[], into: unknown[]): void {
  const outcome = node.test(slots, Number.NaN);
  if (node.kind === 'leaf') {
    const actual = slots[node.slot];
    const { signal, op, value } = node.leaf!;
    into.push({ signal, op, value, actual: actual ?? null, outcome: NAMES[outcome] });
    return;
  }
  if (node.kind === 'not') return walk(node.children[0]!, slots, into);
  const all = (node.kind === 'all' && outcome === 1) || (node.kind === 'any' && outcome === 0);
  for (const child of node.children) if (all || child.test(slots, Number.NaN) === outcome) walk(child, slots, into);
}

function expectedUndecided(record: Record<string, unknown>): string {
  const compiled = compiledRuleSetOf(defaultChurnRuleSet)!;
  const slots = new Array<unknown>(compiled.slotNames.length);
  readSlots(compiled, record, slots, true);
  const entries = defaultChurnRuleSet.rules.flatMap((rule, index) => {
    const tree = compiled.trees[index]!;
    if (tree.test(slots, Number.NaN) !== 2) return [];
    const evidence: { signal: string; actual: unknown }[] = [];
    walk(tree, slots, evidence);
    const missingSignals = [...new Set(evidence.filter((item) => item.actual === null).map((item) => item.signal))];
    const { id: ruleId, severity, points, cause } = rule;
    return [{ ruleId, severity, points, cause, missingSignals, evidence }];
  });
  return JSON.stringify(entries);
}

/** A few signal values per name, mostly missing, so that records share patterns of missing signals. */
const pool = fc.array(
  fc.record(
    Object.fromEntries(
      defaultChurnRuleSet.signals.map((name) => [name, fc.constantFrom(null, undefined, 0, 1, 50, -0.5, true)]),
    ) as Record<string, fc.Arbitrary<unknown>>,
    { requiredKeys: [] },
  ),
  { minLength: 1, maxLength: 4 },
);

const isDeepFrozen = (value: unknown): boolean =>
  typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(isDeepFrozen));

describe('shared undecided evidence: laws', () => {
  test.prop([pool, fc.array(fc.nat(), { minLength: 2, maxLength: 30 })])(
    'undecided entries equal an independent evidence walk, stay as first read, and are frozen',
    (records, picks) => {
      const runs: [RuleEvaluation, string][] = [];
      for (const pick of picks) {
        const record = records[pick % records.length]!;
        let result: RuleEvaluation;
        try {
          result = evaluateRules(defaultChurnRuleSet, record);
        } catch {
          continue; // a boolean where a number is compared: not this property's concern
        }
        const json = JSON.stringify(result.undecided);
        expect(json).toBe(expectedUndecided(record));
        for (const entry of result.undecided) expect(isDeepFrozen(entry.evidence)).toBe(true);
        runs.push([result, json]);
      }
      for (const [result, json] of runs) expect(JSON.stringify(result.undecided)).toBe(json);
    },
  );

  test.prop([fc.constantFrom('2026-11-01', '2027-03-15'), fc.integer({ min: 2, max: 6 })])(
    'the sharing happens: accounts missing the same signals share one evidence list per rule, in both functions',
    (asOf, accounts) => {
      const history = (index: number) => ({ id: `A${index}` });
      const churn = Array.from({ length: accounts }, (_, index) => evaluateChurnRisk(history(index), { asOf }));
      const rules = Array.from({ length: accounts }, () => evaluateRules(defaultChurnRuleSet, {}, { asOf }));
      for (const results of [churn, rules]) {
        const [first, ...others] = results;
        for (const other of others)
          other!.undecided.forEach((entry, at) => expect(entry.evidence).toBe(first!.undecided[at]!.evidence));
      }
      // the churn entries still carry their own account's key
      churn.forEach((result, index) =>
        result.undecided.forEach((entry) => expect(entry.key).toBe(`A${index}::${entry.ruleId}`)),
      );
    },
  );
});
