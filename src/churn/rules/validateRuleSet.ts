/**
 * The hand-written validator of the rule format: walks raw (untrusted) input so an error names the
 * exact place (`rules[2].when.any[1].op`) instead of "no union branch matched", bounds size and
 * depth before zod sees the input, and refuses prototype keys, holes and cycles.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { z } from 'zod';
import { parseIsoDate } from '../../shared/dates.js';
import { tryDecimal } from '../../shared/numeric.js';
import { FORBIDDEN_KEYS, addIssue } from '../../shared/schema.js';
import { PLACEHOLDER_FORMATS, placeholdersOf } from './placeholders.js';
import { MAX_CONDITIONS, MAX_DEPTH, MAX_LIST, MAX_RULES, conditionOperators } from './ruleSetGrammar.js';
import type { ChurnConditionOperator, ChurnConditionScalar } from './ruleSetSchema.js';

/** Signal names: 1–100 characters, no braces or bars (they delimit message placeholders), no control characters. */
const NAME_PATTERN = /^[^{}|\u0000-\u001f]{1,100}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function isScalar(value: unknown): value is ChurnConditionScalar {
  return typeof value === 'string' || typeof value === 'boolean' || tryDecimal(value) !== undefined;
}

function isOrderable(value: unknown): boolean {
  if (typeof value === 'string' && parseIsoDate(value.trim()) !== undefined) return true;
  return tryDecimal(value) !== undefined;
}

function orderKind(value: unknown): 'date' | 'number' {
  return typeof value === 'string' && parseIsoDate(value.trim()) !== undefined ? 'date' : 'number';
}

/** Checks a signal name: a plain identifier-like name that is never a prototype key. */
function checkSignalName(name: unknown, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (typeof name !== 'string') {
    addIssue(ctx, path, 'a signal name (string)', name);
  } else if (FORBIDDEN_KEYS.has(name)) {
    addIssue(ctx, path, 'a signal name other than __proto__, constructor or prototype', name, 'forbidden_key');
  } else if (!NAME_PATTERN.test(name)) {
    addIssue(ctx, path, 'a signal name of 1–100 characters without "{", "}", "|" or control characters', name);
  }
}

function checkWindow(value: unknown, path: (string | number)[], ctx: z.RefinementCtx): void {
  if (!isPlainObject(value)) {
    addIssue(ctx, path, 'a time window { days } or { months }', value);
    return;
  }
  const keys = Object.keys(value);
  const key = keys[0];
  if (keys.length !== 1 || (key !== 'days' && key !== 'months')) {
    addIssue(ctx, path, 'a time window with exactly one key, "days" or "months"', value);
    return;
  }
  const amount = value[key];
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount > 100_000) {
    addIssue(ctx, [...path, key], 'a whole number of ' + key + ' from 0 to 100000', amount);
  }
}

function checkLeaf(node: Record<string, unknown>, path: (string | number)[], ctx: z.RefinementCtx): void {
  for (const key of Object.keys(node)) {
    if (key !== 'signal' && key !== 'op' && key !== 'value')
      addIssue(ctx, [...path, key], 'no such key (a condition has signal, op, value)', node[key], 'unknown_key');
  }
  checkSignalName(node['signal'], [...path, 'signal'], ctx);
  const op = node['op'];
  if (typeof op !== 'string' || !(conditionOperators as readonly string[]).includes(op)) {
    addIssue(ctx, [...path, 'op'], `an operator, one of ${conditionOperators.join(', ')}`, op);
    return;
  }
  const hasValue = Object.prototype.hasOwnProperty.call(node, 'value');
  const value = node['value'];
  const valuePath = [...path, 'value'];
  switch (op as ChurnConditionOperator) {
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      if (!isOrderable(value))
        addIssue(ctx, valuePath, `a number, decimal string or ISO date to compare with (${op})`, value, 'invalid_date');
      return;
    case 'eq':
    case 'neq':
      if (!isScalar(value)) addIssue(ctx, valuePath, 'a number, string or boolean', value);
      return;
    case 'in':
    case 'notIn':
      if (!Array.isArray(value) || value.length === 0) {
        addIssue(ctx, valuePath, 'a non-empty array of numbers, strings or booleans', value);
      } else if (value.length > MAX_LIST) {
        addIssue(ctx, valuePath, `at most ${MAX_LIST} values`, value, 'too_big');
      } else {
        for (let index = 0; index < value.length; index++) {
          // a hole would become null in the rule set's own JSON: refuse it here
          if (!(index in value))
            addIssue(ctx, [...valuePath, index], 'a number, string or boolean (not a hole in the array)', undefined);
          else if (!isScalar(value[index]))
            addIssue(ctx, [...valuePath, index], 'a number, string or boolean', value[index]);
        }
      }
      return;
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) {
        addIssue(ctx, valuePath, 'a pair [low, high] of numbers or of ISO dates', value, 'invalid_date');
        return;
      }
      const [low, high] = value as unknown[];
      if (!isOrderable(low) || !isOrderable(high) || orderKind(low) !== orderKind(high)) {
        addIssue(ctx, valuePath, 'a pair [low, high] of numbers or of ISO dates', value, 'invalid_date');
        return;
      }
      const lowKey = orderKind(low) === 'date' ? parseIsoDate(String(low).trim())! : tryDecimal(low)!;
      const highKey = orderKind(high) === 'date' ? parseIsoDate(String(high).trim())! : tryDecimal(high)!;
      const inverted =
        typeof lowKey === 'number' ? lowKey > (highKey as number) : (lowKey as Decimal).gt(highKey as Decimal);
      if (inverted) addIssue(ctx, valuePath, 'low ≤ high', value, 'inconsistent');
      return;
    }
    case 'known':
    case 'missing':
      if (hasValue && value !== undefined) addIssue(ctx, valuePath, `no value (${op} tests presence only)`, value);
      return;
    case 'within':
    case 'olderThan':
      checkWindow(value, valuePath, ctx);
      return;
  }
}

/** Validates a raw condition tree (depth already bounded by the rule set guard, but checked again here). */
export function checkCondition(node: unknown, path: (string | number)[], ctx: z.RefinementCtx, depth: number): void {
  if (depth > MAX_DEPTH) {
    addIssue(ctx, path, `conditions nested at most ${MAX_DEPTH} deep`, node, 'too_big');
    return;
  }
  if (!isPlainObject(node)) {
    addIssue(ctx, path, 'a condition object ({ signal, op, value }, { all }, { any } or { not })', node);
    return;
  }
  for (const key of Object.keys(node)) {
    if (FORBIDDEN_KEYS.has(key)) {
      addIssue(ctx, [...path, key], 'a key other than __proto__, constructor or prototype', node[key], 'forbidden_key');
      return;
    }
  }
  const groupKeys = ['all', 'any', 'not'].filter((key) => Object.prototype.hasOwnProperty.call(node, key));
  if (groupKeys.length === 0) {
    checkLeaf(node, path, ctx);
    return;
  }
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    addIssue(ctx, path, 'exactly one of all, any, not, or a leaf { signal, op, value }', `keys ${keys.join(', ')}`);
    return;
  }
  const key = groupKeys[0]!;
  const inner = node[key];
  if (key === 'not') {
    checkCondition(inner, [...path, 'not'], ctx, depth + 1);
    return;
  }
  if (!Array.isArray(inner) || inner.length === 0) {
    addIssue(ctx, [...path, key], 'a non-empty array of conditions', inner);
    return;
  }
  inner.forEach((child, index) => checkCondition(child, [...path, key, index], ctx, depth + 1));
}

/** Checks a message template's placeholders against the one placeholder grammar. */
export function checkTemplate(text: string, ctx: z.RefinementCtx, path: (string | number)[]): void {
  for (const { text: written, name, format } of placeholdersOf(text)) {
    if (FORBIDDEN_KEYS.has(name) || !NAME_PATTERN.test(name)) {
      addIssue(ctx, path, 'placeholders of the form {signalName} or {signalName|format}', written);
    } else if (format !== undefined && !PLACEHOLDER_FORMATS.has(format)) {
      addIssue(ctx, path, `a placeholder format, one of ${[...PLACEHOLDER_FORMATS].join(', ')}`, written);
    }
  }
}

/** Walks the raw input once, iteratively, before zod sees it: bounds size and depth, rejects prototype keys anywhere.
 * */
export function guardRuleSet(input: unknown, ctx: z.RefinementCtx): void {
  if (typeof input === 'object' && input !== null && !Array.isArray(input) && !isPlainObject(input)) {
    addIssue(ctx, [], 'a plain JSON object (no custom prototype)', input, 'invalid_type');
    return;
  }
  if (!isPlainObject(input)) return; // the object schema reports the type
  const rules = input['rules'];
  if (Array.isArray(rules) && rules.length > MAX_RULES) {
    addIssue(ctx, ['rules'], `at most ${MAX_RULES} rules`, rules, 'too_big');
    return;
  }
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [{ value: input, path: [], depth: 0 }];
  let seen = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (++seen > MAX_CONDITIONS * 4) {
      addIssue(
        ctx,
        [],
        `a rule set of at most ${MAX_CONDITIONS} conditions and without cycles`,
        'a larger or cyclic structure',
        'too_big',
      );
      return;
    }
    // rules[i].when is depth 1 of a condition; the object path to it is 3 deep (root, rules, [i])
    if (depth > MAX_DEPTH * 2 + 6) {
      addIssue(ctx, path.slice(0, 12), `conditions nested at most ${MAX_DEPTH} deep`, 'a deeper structure', 'too_big');
      return;
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_CONDITIONS) {
        addIssue(ctx, path, `at most ${MAX_CONDITIONS} items`, value, 'too_big');
        return;
      }
      for (let index = 0; index < value.length; index++) {
        if (!(index in value)) {
          addIssue(ctx, [...path, index], 'a value (not a hole in the array: JSON would turn it into null)', undefined);
          return;
        }
        stack.push({ value: value[index], path: [...path, index], depth: depth + 1 });
      }
    } else if (typeof value === 'object' && value !== null && !isScalar(value)) {
      if (!isPlainObject(value)) {
        // `{ __proto__: {...} }` in an object literal sets the prototype instead of a key: refuse it
        addIssue(ctx, path, 'a plain JSON object (no custom prototype)', value, 'invalid_type');
        return;
      }
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          addIssue(
            ctx,
            [...path, key],
            'a key other than __proto__, constructor or prototype',
            (value as Record<string, unknown>)[key],
            'forbidden_key',
          );
          return;
        }
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1 });
      }
    }
  }
}
