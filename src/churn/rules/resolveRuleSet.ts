/**
 * Accepts a compiled rule set, or a rule set's JSON (compiled on the spot), and returns the model
 * with its compiled form.
 *
 * @module
 */
import { fail } from '../../shared/errors.js';
import { defineRuleSet } from './defineRuleSet.js';
import { compiledOf, type CompiledRuleSet, type RuleSet } from './ruleSetModel.js';

export function resolveRuleSet(ruleSet: unknown, context: string): { model: RuleSet; compiled: CompiledRuleSet } {
  if (typeof ruleSet !== 'object' || ruleSet === null) fail('ruleSet', 'a rule set (from defineRuleSet) or its JSON', ruleSet, context);
  const known = compiledOf(ruleSet);
  if (known !== undefined) return { model: ruleSet as RuleSet, compiled: known };
  // a rule set from another copy of the library, or plain JSON: compile it here
  const json = typeof (ruleSet as { toJSON?: unknown }).toJSON === 'function' ? (ruleSet as { toJSON(): unknown }).toJSON() : ruleSet;
  const model = defineRuleSet(json);
  return { model, compiled: compiledOf(model)! };
}

/**
 * Copies a record's signal values into the slot array: own properties only (a polluted
 * `Object.prototype` is never read), `null` and `undefined` both meaning "unknown".
 */
export function readSlots(names: readonly string[], record: object, slots: unknown[]): void {
  const hasOwn = Object.prototype.hasOwnProperty;
  for (let index = 0; index < names.length; index++) {
    const name = names[index]!;
    slots[index] = hasOwn.call(record, name) ? (record as Record<string, unknown>)[name] : undefined;
  }
}
