/**
 * The one walker over a condition tree. Every pass that reads a validated condition — compiling,
 * normalising, counting, type-checking against a catalogue, collecting signals, writing SQL — is a
 * fold: say what a leaf becomes and how `all`, `any` and `not` combine their parts.
 *
 * @module
 */
import type { ChurnCondition, ChurnLeafCondition } from './ruleSetSchema.js';

/** A path into a condition, as segments (`['any', 1, 'not']`), relative to where the fold started. */
export type ConditionPath = readonly (string | number)[];

/**
 * What a fold does at each kind of node. `all` / `any` receive their parts already folded, in
 * order; `not` receives its one part.
 * @category Churn
 */
export interface ConditionFold<T> {
  /** What a leaf `{ signal, op, value }` becomes. */
  readonly leaf: (leaf: ChurnLeafCondition, path: ConditionPath) => T;
  /** How the folded parts of an `all` combine. */
  readonly all: (parts: T[], path: ConditionPath) => T;
  /** How the folded parts of an `any` combine. */
  readonly any: (parts: T[], path: ConditionPath) => T;
  /** What a `not` makes of its folded part. */
  readonly not: (part: T, path: ConditionPath) => T;
}

/**
 * Folds a validated condition tree bottom-up. Depth is bounded by validation
 * (`ruleSetLimits.maxDepth`), so the recursion is too.
 * @example
 * ```ts
 * import { foldCondition } from 'clientele';
 * const leaves = foldCondition({ any: [{ signal: 'a', op: 'known' }, { not: { signal: 'b', op: 'missing' } }] }, {
 *   leaf: (leaf) => [leaf.signal], all: (parts) => parts.flat(), any: (parts) => parts.flat(), not: (part) => part,
 * });
 * leaves; // ['a', 'b']
 * ```
 * @category Churn
 */
export function foldCondition<T>(condition: ChurnCondition, fold: ConditionFold<T>, path: ConditionPath = []): T {
  if ('all' in condition)
    return fold.all(
      condition.all.map((child, index) => foldCondition(child, fold, [...path, 'all', index])),
      path,
    );
  if ('any' in condition)
    return fold.any(
      condition.any.map((child, index) => foldCondition(child, fold, [...path, 'any', index])),
      path,
    );
  if ('not' in condition) return fold.not(foldCondition(condition.not, fold, [...path, 'not']), path);
  return fold.leaf(condition, path);
}

/** Every leaf of a condition, in reading order. */
export function leavesOf(condition: ChurnCondition): ChurnLeafCondition[] {
  return foldCondition<ChurnLeafCondition[]>(condition, {
    leaf: (leaf) => [leaf],
    all: (parts) => parts.flat(),
    any: (parts) => parts.flat(),
    not: (part) => part,
  });
}
