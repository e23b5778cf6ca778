/**
 * Type-checks a validated rule set against a signal catalogue: every signal exists, every operator
 * suits the signal's type, every value has the signal's type (and, for a category, is one of its
 * values).
 *
 * @module
 */
import { formatPath, makeIssue, describeValue, type Issue } from '../../shared/errors.js';
import { tryDecimal } from '../../shared/numeric.js';
import { parseIsoDate } from '../../shared/dates.js';
import type { ChurnSignalType } from '../signals/signalCatalogueSchema.js';
import { foldCondition } from './conditionTree.js';
import type {
  ChurnCondition,
  ChurnConditionOperator,
  ChurnConditionScalar,
  ChurnLeafCondition,
} from './ruleSetSchema.js';

/** What the type check reads of a signal: its type and, for a category, its values. */
export type SignalTypes = Readonly<
  Record<string, { readonly type: ChurnSignalType; readonly values?: readonly string[] | undefined }>
>;

const ORDERED = ['lt', 'lte', 'gt', 'gte', 'eq', 'neq'] as const;
const LISTS = ['in', 'notIn'] as const;
const PRESENCE = ['known', 'missing'] as const;

// Which operators suit which signal type: numbers and durations compare, lists and ranges;
// booleans and categories only match; dates compare, range and look back in time.
const OPERATORS: Record<ChurnSignalType, ReadonlySet<ChurnConditionOperator>> = {
  number: /* @__PURE__ */ new Set([...ORDERED, ...LISTS, 'between', ...PRESENCE]),
  duration: /* @__PURE__ */ new Set([...ORDERED, ...LISTS, 'between', ...PRESENCE]),
  boolean: /* @__PURE__ */ new Set(['eq', 'neq', ...LISTS, ...PRESENCE]),
  category: /* @__PURE__ */ new Set(['eq', 'neq', ...LISTS, ...PRESENCE]),
  date: /* @__PURE__ */ new Set([...ORDERED, 'between', ...PRESENCE, 'within', 'olderThan']),
};

function fits(type: ChurnSignalType, value: ChurnConditionScalar, allowed: readonly string[] | undefined): boolean {
  switch (type) {
    case 'number':
    case 'duration':
      return typeof value !== 'boolean' && tryDecimal(value) !== undefined;
    case 'boolean':
      return typeof value === 'boolean';
    case 'category':
      return typeof value === 'string' && (allowed === undefined || allowed.includes(value));
    case 'date':
      return typeof value === 'string' && parseIsoDate(value.trim()) !== undefined;
  }
}

function checkLeaf(
  leaf: ChurnLeafCondition,
  catalogue: SignalTypes,
  path: (string | number)[],
  issues: Issue[],
  unknown: (signal: string) => string,
): void {
  const definition = Object.prototype.hasOwnProperty.call(catalogue, leaf.signal) ? catalogue[leaf.signal] : undefined;
  if (definition === undefined) {
    issues.push(makeIssue(formatPath([...path, 'signal']), unknown(leaf.signal), describeValue(leaf.signal)));
    return;
  }
  if (!OPERATORS[definition.type].has(leaf.op)) {
    const allowed = [...OPERATORS[definition.type]].join(', ');
    issues.push(
      makeIssue(
        formatPath([...path, 'op']),
        `an operator for a ${definition.type} signal (${allowed})`,
        describeValue(leaf.op),
      ),
    );
    return;
  }
  if (leaf.op === 'known' || leaf.op === 'missing' || leaf.op === 'within' || leaf.op === 'olderThan') return;
  const values = Array.isArray(leaf.value)
    ? (leaf.value as ChurnConditionScalar[])
    : [leaf.value as ChurnConditionScalar];
  values.forEach((value, index) => {
    if (!fits(definition.type, value, definition.values)) {
      const where = Array.isArray(leaf.value) ? [...path, 'value', index] : [...path, 'value'];
      const expected =
        definition.type === 'category' && definition.values
          ? `one of ${definition.values.map((v) => JSON.stringify(v)).join(', ')}`
          : `a ${definition.type} value`;
      issues.push(makeIssue(formatPath(where), `${expected} (signal "${leaf.signal}")`, describeValue(value)));
    }
  });
}

/**
 * Collects the catalogue issues of one condition tree; `path` is where the tree sits in the rule set,
 * `unknown` says what was expected instead of a signal the catalogue lacks.
 */
export function checkAgainstCatalogue(
  condition: ChurnCondition,
  catalogue: SignalTypes,
  path: (string | number)[],
  issues: Issue[],
  unknown: (signal: string) => string = () => 'a signal of the catalogue',
): void {
  const nothing = (): void => undefined;
  foldCondition<void>(condition, {
    leaf: (leaf, at) => checkLeaf(leaf, catalogue, [...path, ...at], issues, unknown),
    all: nothing,
    any: nothing,
    not: nothing,
  });
}
