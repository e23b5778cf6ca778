/**
 * Accepts a compiled rule set, or a rule set's JSON (compiled on the spot), and returns the model
 * with its compiled form.
 *
 * @module
 */
import { fail } from '../../shared/errors.js';
import { readingInput } from '../../shared/input.js';
import { compiledRuleSetOf, defineRuleSet } from './defineRuleSet.js';
import type { CompiledRuleSet, RuleSet, RuleSetLike } from './ruleSetModel.js';

export function resolveRuleSet(ruleSet: unknown, context: string): { model: RuleSet; compiled: CompiledRuleSet } {
  return readingInput('ruleSet', context, () => resolveReadable(ruleSet, context));
}

function resolveReadable(ruleSet: unknown, context: string): { model: RuleSet; compiled: CompiledRuleSet } {
  if (typeof ruleSet !== 'object' || ruleSet === null)
    fail('ruleSet', 'a rule set (from defineRuleSet) or its JSON', ruleSet, context, 'not_a_model');
  const known = compiledRuleSetOf(ruleSet);
  if (known !== undefined) return { model: ruleSet as RuleSet, compiled: known };
  // a rule set from another copy of the library, or plain JSON: compile it here
  const json =
    typeof (ruleSet as { toJSON?: unknown }).toJSON === 'function'
      ? (ruleSet as { toJSON(): unknown }).toJSON()
      : ruleSet;
  const model = defineRuleSet(json as RuleSetLike);
  return { model, compiled: compiledRuleSetOf(model)! };
}

/**
 * True when `Object.prototype` has no enumerable property (nobody polluted it), so a `for…in` over
 * a plain object sees exactly its own enumerable properties. Checked once per call, not per record.
 */
export function prototypeIsClean(): boolean {
  for (const _key in Object.prototype) return false;
  return true;
}

/**
 * Copies a record's signal values into the slot array: own enumerable properties only (a polluted
 * `Object.prototype` is never read), `null` and `undefined` both meaning "unknown".
 *
 * Fast path: for a plain object (prototype `Object.prototype` or `null`) under a clean
 * `Object.prototype`, one `for…in` over the record, each key looked up in a null-prototype
 * name → slot index. That reads every property at a monomorphic site, several times faster than
 * one lookup per signal name at a single megamorphic site.
 */
export function readSlots(
  compiled: { readonly slotNames: readonly string[]; readonly slotIndex: Readonly<Record<string, number>> },
  record: object,
  slots: unknown[],
  clean: boolean,
): void {
  const proto = Object.getPrototypeOf(record) as unknown;
  if (clean && (proto === Object.prototype || proto === null)) {
    slots.fill(undefined);
    const index = compiled.slotIndex;
    for (const key in record) {
      const slot = index[key];
      if (slot !== undefined) slots[slot] = (record as Record<string, unknown>)[key];
    }
    return;
  }
  const names = compiled.slotNames;
  const enumerable = Object.prototype.propertyIsEnumerable;
  for (let slot = 0; slot < names.length; slot++) {
    const name = names[slot]!;
    slots[slot] = enumerable.call(record, name) ? (record as Record<string, unknown>)[name] : undefined;
  }
}
