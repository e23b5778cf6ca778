/**
 * Compiles validated conditions into plain closures over a slot array (signal names resolved to
 * indices once, at compile time). No `eval`, no `new Function`: every closure is an ordinary
 * function written here; rule data only chooses which one and what constants it closes over.
 *
 * Outcomes are small integers so the hot path allocates nothing: 0 false, 1 true, 2 unknown.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ValidationError, describeValue, makeIssue } from '../../shared/errors.js';
import { ExactDecimal, compareDecimals, decimalAsIs, tryDecimal } from '../../shared/numeric.js';
import { DAY_MS, parseIsoDate, subtractMonths, tryInstant } from '../../shared/dates.js';
import { foldCondition, leavesOf } from './conditionTree.js';
import type { ChurnCondition, ChurnConditionScalar, ChurnLeafCondition, ChurnTimeWindow } from './ruleSetSchema.js';

export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Outcome = 0 | 1 | 2;

/** A compiled test: reads slots, returns an outcome; `asOf` is UTC ms or `NaN` when not given. */
export type Test = (slots: readonly unknown[], asOf: number) => Outcome;

/** A compiled condition node, kept for explanations (the hot path only calls `test`). */
export interface CompiledNode {
  readonly kind: 'leaf' | 'all' | 'any' | 'not';
  readonly test: Test;
  readonly children: readonly CompiledNode[];
  readonly leaf: ChurnLeafCondition | undefined;
  readonly slot: number;
}

/** Thrown from inside a test when a signal holds a value of the wrong type; turned into a `ValidationError` by the
 * caller. */
function mismatch(signal: string, expected: string, value: unknown): never {
  throw new ValidationError([makeIssue(signal, expected, describeValue(value))]);
}

function missingAsOf(signal: string): never {
  throw new ValidationError(
    [makeIssue('asOf', `an asOf date (the rule on "${signal}" uses a time window)`, 'undefined')],
    'evaluateRules',
  );
}

/** A numeric threshold with its fast form: `exact` when the JS number denotes the same decimal. */
interface Threshold {
  readonly decimal: Decimal;
  readonly number: number;
  readonly exact: boolean;
}

function threshold(value: ChurnConditionScalar): Threshold {
  const decimal = tryDecimal(value)!;
  const number = decimal.toNumber();
  return { decimal, number, exact: Number.isFinite(number) && new ExactDecimal(number).eq(decimal) };
}

function numericOf(value: unknown, signal: string): Decimal {
  const decimal = typeof value === 'boolean' ? undefined : tryDecimal(value);
  if (decimal === undefined) mismatch(signal, 'a finite number, decimal string or Decimal', value);
  return decimal;
}

function instantOf(value: unknown, signal: string): number {
  const instant = tryInstant(value);
  if (instant === undefined) mismatch(signal, 'an ISO date or a valid Date', value);
  return instant;
}

function isDateText(value: unknown): value is string {
  return typeof value === 'string' && parseIsoDate(value.trim()) !== undefined;
}

/** Builds `(slots) => outcome` for lt / lte / gt / gte on a numeric threshold; `accept(c)` reads the comparison sign.
 * */
function numericOrder(slot: number, signal: string, limit: Threshold, op: 'lt' | 'lte' | 'gt' | 'gte'): Test {
  const { decimal, number, exact } = limit;
  // a Decimal of the library's own copy (what derived signals hold) is compared as it is, uncopied
  const slow = (value: unknown): number => compareDecimals(decimalAsIs(value) ?? numericOf(value, signal), decimal);
  switch (op) {
    case 'lt':
      return (slots) => {
        const value = slots[slot];
        if (typeof value === 'number' && exact && value - value === 0) return value < number ? TRUE : FALSE;
        if (value === undefined || value === null) return UNKNOWN;
        return slow(value) < 0 ? TRUE : FALSE;
      };
    case 'lte':
      return (slots) => {
        const value = slots[slot];
        if (typeof value === 'number' && exact && value - value === 0) return value <= number ? TRUE : FALSE;
        if (value === undefined || value === null) return UNKNOWN;
        return slow(value) <= 0 ? TRUE : FALSE;
      };
    case 'gt':
      return (slots) => {
        const value = slots[slot];
        if (typeof value === 'number' && exact && value - value === 0) return value > number ? TRUE : FALSE;
        if (value === undefined || value === null) return UNKNOWN;
        return slow(value) > 0 ? TRUE : FALSE;
      };
    case 'gte':
      return (slots) => {
        const value = slots[slot];
        if (typeof value === 'number' && exact && value - value === 0) return value >= number ? TRUE : FALSE;
        if (value === undefined || value === null) return UNKNOWN;
        return slow(value) >= 0 ? TRUE : FALSE;
      };
  }
}

function dateOrder(slot: number, signal: string, limit: number, op: 'lt' | 'lte' | 'gt' | 'gte'): Test {
  return (slots) => {
    const value = slots[slot];
    if (value === undefined || value === null) return UNKNOWN;
    const instant = instantOf(value, signal);
    const holds =
      op === 'lt'
        ? instant < limit
        : op === 'lte'
          ? instant <= limit
          : op === 'gt'
            ? instant > limit
            : instant >= limit;
    return holds ? TRUE : FALSE;
  };
}

/** Equality of a signal value with one rule value, by the signal value's kind (see docs/churn.md). */
function equalityMatcher(expected: ChurnConditionScalar, signal: string): (value: unknown) => boolean {
  if (typeof expected === 'boolean') return (value) => value === expected;
  const numeric = typeof expected === 'string' ? tryDecimal(expected) : tryDecimal(expected);
  const limit = numeric === undefined ? undefined : threshold(numeric);
  const text = typeof expected === 'string' ? expected : undefined;
  const dateLimit = isDateText(expected) ? parseIsoDate(expected.trim()) : undefined;
  return (value) => {
    if (typeof value === 'string') {
      if (value === text) return true;
      if (limit !== undefined) {
        const other = tryDecimal(value);
        if (other !== undefined) return other.eq(limit.decimal);
      }
      if (dateLimit !== undefined) return parseIsoDate(value.trim()) === dateLimit;
      return false;
    }
    if (typeof value === 'number') {
      if (value - value !== 0) mismatch(signal, 'a finite number', value);
      if (limit === undefined) return false;
      return limit.exact ? value === limit.number : new ExactDecimal(value).eq(limit.decimal);
    }
    if (typeof value === 'boolean') return false;
    if (value instanceof Date) return dateLimit !== undefined && value.getTime() === dateLimit;
    const other = tryDecimal(value);
    return other !== undefined && limit !== undefined && other.eq(limit.decimal);
  };
}

function membership(values: readonly ChurnConditionScalar[], signal: string): (value: unknown) => boolean {
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const others: ((value: unknown) => boolean)[] = [];
  for (const item of values) {
    if (typeof item === 'string' && tryDecimal(item) === undefined && !isDateText(item)) strings.add(item);
    else if (typeof item === 'number' && threshold(item).exact) {
      numbers.add(item);
      others.push(equalityMatcher(item, signal));
    } else others.push(equalityMatcher(item, signal));
  }
  const booleans = new Set(values.filter((item): item is boolean => typeof item === 'boolean'));
  return (value) => {
    if (typeof value === 'string' && strings.has(value)) return true;
    if (typeof value === 'number' && numbers.has(value)) return true;
    if (typeof value === 'boolean') return booleans.has(value);
    for (const matcher of others) if (matcher(value)) return true;
    return false;
  };
}

function windowTest(slot: number, signal: string, window: ChurnTimeWindow, op: 'within' | 'olderThan'): Test {
  const days = 'days' in window ? window.days : undefined;
  const months = 'months' in window ? window.months : 0;
  return (slots, asOf) => {
    const value = slots[slot];
    if (asOf !== asOf) missingAsOf(signal);
    if (value === undefined || value === null) return UNKNOWN;
    const instant = instantOf(value, signal);
    const cutoff = days !== undefined ? asOf - days * DAY_MS : subtractMonths(asOf, months);
    if (op === 'within') return instant >= cutoff && instant <= asOf ? TRUE : FALSE;
    return instant < cutoff ? TRUE : FALSE;
  };
}

function compileLeaf(leaf: ChurnLeafCondition, slot: number): Test {
  const { signal, op, value } = leaf;
  switch (op) {
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return isDateText(value)
        ? dateOrder(slot, signal, parseIsoDate(value.trim())!, op)
        : numericOrder(slot, signal, threshold(value as ChurnConditionScalar), op);
    case 'between': {
      const [low, high] = value as readonly ChurnConditionScalar[];
      if (isDateText(low)) {
        const from = parseIsoDate(low.trim())!;
        const to = parseIsoDate(String(high).trim())!;
        return (slots) => {
          const current = slots[slot];
          if (current === undefined || current === null) return UNKNOWN;
          const instant = instantOf(current, signal);
          return instant >= from && instant <= to ? TRUE : FALSE;
        };
      }
      const lowTest = numericOrder(slot, signal, threshold(low!), 'gte');
      const highTest = numericOrder(slot, signal, threshold(high!), 'lte');
      return (slots, asOf) => {
        const first = lowTest(slots, asOf);
        return first === TRUE ? highTest(slots, asOf) : first;
      };
    }
    case 'eq':
    case 'neq': {
      const expected = value as ChurnConditionScalar;
      const positive = op === 'eq' ? TRUE : FALSE;
      const negative = op === 'eq' ? FALSE : TRUE;
      if (typeof expected === 'boolean') {
        return (slots) => {
          const current = slots[slot];
          if (current === undefined || current === null) return UNKNOWN;
          return current === expected ? positive : negative;
        };
      }
      const matches = equalityMatcher(expected, signal);
      return (slots) => {
        const current = slots[slot];
        if (current === undefined || current === null) return UNKNOWN;
        return matches(current) ? positive : negative;
      };
    }
    case 'in':
    case 'notIn': {
      const matches = membership(value as readonly ChurnConditionScalar[], signal);
      const positive = op === 'in' ? TRUE : FALSE;
      const negative = op === 'in' ? FALSE : TRUE;
      return (slots) => {
        const current = slots[slot];
        if (current === undefined || current === null) return UNKNOWN;
        return matches(current) ? positive : negative;
      };
    }
    case 'known':
      return (slots) => {
        const current = slots[slot];
        return current === undefined || current === null ? FALSE : TRUE;
      };
    case 'missing':
      return (slots) => {
        const current = slots[slot];
        return current === undefined || current === null ? TRUE : FALSE;
      };
    case 'within':
    case 'olderThan':
      return windowTest(slot, signal, value as ChurnTimeWindow, op);
  }
}

function allOf(tests: readonly Test[]): Test {
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [first, second] = tests as [Test, Test];
    return (slots, asOf) => {
      const a = first(slots, asOf);
      if (a === FALSE) return FALSE;
      const b = second(slots, asOf);
      if (b === FALSE) return FALSE;
      return a === UNKNOWN || b === UNKNOWN ? UNKNOWN : TRUE;
    };
  }
  return (slots, asOf) => {
    let outcome: Outcome = TRUE;
    for (let index = 0; index < tests.length; index++) {
      const result = tests[index]!(slots, asOf);
      if (result === FALSE) return FALSE;
      if (result === UNKNOWN) outcome = UNKNOWN;
    }
    return outcome;
  };
}

function anyOf(tests: readonly Test[]): Test {
  if (tests.length === 1) return tests[0]!;
  if (tests.length === 2) {
    const [first, second] = tests as [Test, Test];
    return (slots, asOf) => {
      const a = first(slots, asOf);
      if (a === TRUE) return TRUE;
      const b = second(slots, asOf);
      if (b === TRUE) return TRUE;
      return a === UNKNOWN || b === UNKNOWN ? UNKNOWN : FALSE;
    };
  }
  return (slots, asOf) => {
    let outcome: Outcome = FALSE;
    for (let index = 0; index < tests.length; index++) {
      const result = tests[index]!(slots, asOf);
      if (result === TRUE) return TRUE;
      if (result === UNKNOWN) outcome = UNKNOWN;
    }
    return outcome;
  };
}

/**
 * Compiles one validated condition tree; `slotOf` resolves a signal name to its slot (assigning
 * new slots as it meets new names, in reading order).
 */
export function compileCondition(condition: ChurnCondition, slotOf: (signal: string) => number): CompiledNode {
  return foldCondition<CompiledNode>(condition, {
    leaf: (leaf) => {
      const slot = slotOf(leaf.signal);
      return { kind: 'leaf', test: compileLeaf(leaf, slot), children: [], leaf, slot };
    },
    all: (children) => ({
      kind: 'all',
      test: allOf(children.map((child) => child.test)),
      children,
      leaf: undefined,
      slot: -1,
    }),
    any: (children) => ({
      kind: 'any',
      test: anyOf(children.map((child) => child.test)),
      children,
      leaf: undefined,
      slot: -1,
    }),
    not: (child) => ({ kind: 'not', test: negation(child.test), children: [child], leaf: undefined, slot: -1 }),
  });
}

function negation(inner: Test): Test {
  return (slots, asOf) => {
    const outcome = inner(slots, asOf);
    return outcome === UNKNOWN ? UNKNOWN : outcome === TRUE ? FALSE : TRUE;
  };
}

/** True when a condition tree uses a time window (and so needs `asOf`). */
export function usesTimeWindow(condition: ChurnCondition): boolean {
  return leavesOf(condition).some((leaf) => leaf.op === 'within' || leaf.op === 'olderThan');
}
