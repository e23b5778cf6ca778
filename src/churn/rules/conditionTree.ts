/**
 * The one walker over a condition tree. Every pass that reads a validated condition — compiling,
 * normalising, counting, type-checking against a catalogue, collecting signals, writing SQL — is a
 * fold: say what a leaf becomes and how `all`, `any` and `not` combine their parts.
 *
 * @module
 */
import { fail, joinPath } from '../../shared/errors.js';
import { inputLimits, readingInput } from '../../shared/input.js';
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
 * Folds a condition tree bottom-up. Each node is read through the boundary reader: a node that is
 * not an object, an `all` / `any` that is not an array (or has a hole), a tree nested deeper than
 * `inputLimits.maxDepth` (a cycle included), a revoked proxy or a throwing getter is a
 * `ValidationError` naming the node's path; what `fold` itself throws passes through unchanged.
 * @example
 * ```ts
 * import { foldCondition } from 'clientele';
 * const leaves = foldCondition({ any: [{ signal: 'a', op: 'known' }, { not: { signal: 'b', op: 'missing' } }] }, {
 *   leaf: (leaf) => [leaf.signal], all: (parts) => parts.flat(), any: (parts) => parts.flat(), not: (part) => part,
 * });
 * leaves; // ['a', 'b']
 * ```
 * @throws {ValidationError} when `fold` lacks one of its four functions or a node cannot be read as above.
 * @category Churn
 */
export function foldCondition<T>(condition: ChurnCondition, fold: ConditionFold<T>, path: ConditionPath = []): T {
  const ok = readingInput('fold', CONTEXT, () => {
    if (typeof fold !== 'object' || fold === null) return false;
    return (['leaf', 'all', 'any', 'not'] as const).every((key) => typeof fold[key] === 'function');
  });
  if (!ok) fail('fold', 'an object with leaf, all, any and not functions', fold, CONTEXT);
  const start = readingInput('path', CONTEXT, () => (Array.isArray(path) ? [...path] : undefined));
  if (start === undefined) fail('path', 'an array of path segments', path, CONTEXT);
  return foldAt(condition, fold, start, 0);
}

const CONTEXT = 'foldCondition';

/** One node of a condition tree as read: its kind and its children. */
type Node =
  | { readonly kind: 'all' | 'any'; readonly children: readonly unknown[] }
  | { readonly kind: 'not'; readonly child: unknown }
  | { readonly kind: 'leaf' };

function pathText(path: ConditionPath): string {
  return path.reduce<string>((text, segment) => joinPath(text, segment), 'condition');
}

/** Reads one node (never its children's contents): a ValidationError at its path when it cannot be. */
function readNode(condition: unknown, path: ConditionPath, depth: number): Node {
  const at = pathText(path);
  if (depth > inputLimits.maxDepth)
    fail(at, `a condition nested at most ${inputLimits.maxDepth} levels deep`, 'a deeper one', CONTEXT, 'too_big');
  return readingInput(at, CONTEXT, () => {
    if (typeof condition !== 'object' || condition === null) fail(at, 'a condition object', condition, CONTEXT);
    for (const kind of ['all', 'any'] as const) {
      if (!(kind in condition)) continue;
      const children = (condition as Record<string, unknown>)[kind];
      if (!Array.isArray(children)) fail(joinPath(at, kind), 'an array of conditions', children, CONTEXT);
      const copy: unknown[] = [];
      for (let index = 0; index < children.length; index++) {
        if (!(index in children)) fail(joinPath(joinPath(at, kind), index), 'a condition', undefined, CONTEXT);
        copy.push(children[index]);
      }
      return { kind, children: copy };
    }
    if ('not' in condition) return { kind: 'not', child: (condition as { not: unknown }).not };
    return { kind: 'leaf' };
  });
}

function foldAt<T>(condition: ChurnCondition, fold: ConditionFold<T>, path: ConditionPath, depth: number): T {
  const node = readNode(condition, path, depth);
  if (node.kind === 'leaf') return fold.leaf(condition as ChurnLeafCondition, path);
  if (node.kind === 'not')
    return fold.not(foldAt(node.child as ChurnCondition, fold, [...path, 'not'], depth + 1), path);
  const parts = node.children.map((child, index) =>
    foldAt(child as ChurnCondition, fold, [...path, node.kind, index], depth + 1),
  );
  return node.kind === 'all' ? fold.all(parts, path) : fold.any(parts, path);
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
