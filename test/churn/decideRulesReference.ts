/**
 * The reference decideRules is held to by the reader's property tests: every record read by
 * `readSlots` (own enumerable properties only) and decided by the rules' closures, one at a time;
 * a record that is not an object, cannot be read or holds a wrong-typed value has all its
 * decisions -1 and is listed in `errors`.
 */
import type { RuleSet } from '../../src/index.js';
import { compiledRuleSetOf } from '../../src/churn/rules/defineRuleSet.js';
import { prototypeIsClean, readSlots } from '../../src/churn/rules/resolveRuleSet.js';
import { decideByClosures } from '../../src/churn/rules/ruleDecisions.js';

export function reference(
  ruleSet: RuleSet,
  records: readonly unknown[],
): { decisions: number[]; levels: number[]; errors: number[] } {
  const compiled = compiledRuleSetOf(ruleSet)!;
  const width = ruleSet.rules.length;
  const decisions = new Int8Array(records.length * width);
  const levels = new Uint8Array(records.length);
  const errors: number[] = [];
  const slots = new Array<unknown>(compiled.slotNames.length);
  records.forEach((record, index) => {
    try {
      if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new Error('not a record');
      readSlots(compiled, record, slots, prototypeIsClean());
      levels[index] = decideByClosures(compiled, slots, Number.NaN, decisions, index * width, undefined);
    } catch {
      decisions.fill(-1, index * width, (index + 1) * width);
      levels[index] = 0;
      errors.push(index);
    }
  });
  return { decisions: Array.from(decisions), levels: Array.from(levels), errors };
}
