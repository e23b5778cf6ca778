/**
 * Reading untrusted input at the boundary. `readInput` takes a snapshot of what a caller passed:
 * plain objects and arrays are copied (own enumerable string keys only), so a throwing getter, a
 * revoked proxy, a cycle, a hole or a structure nested too deep is found here, once, and reported
 * as a `ValidationError` naming its path — never as a `TypeError` or a stack overflow deep inside
 * the library. The caller's object is never touched beyond reading it.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { ClienteleError, ValidationError, describeValue, joinPath, makeIssue } from './errors.js';

/**
 * Bounds on any structured input, checked iteratively (no recursion, so no stack overflow):
 * nesting depth and the number of values in one input.
 * @example
 * ```ts
 * import { inputLimits } from 'clientele';
 * inputLimits.maxDepth; // 64
 * ```
 * @category Errors
 */
export const inputLimits = /* @__PURE__ */ Object.freeze({ maxDepth: 64, maxNodes: 5_000_000 });

function unreadable(
  path: string,
  context: string,
  why: string,
  code: 'invalid_value' | 'too_big' = 'invalid_value',
  expected = 'a readable plain value',
): ValidationError {
  return new ValidationError([makeIssue(path, expected, why, code)], context);
}

/** Values kept as they are: primitives, Dates, Decimals and typed arrays (their contents are numbers). */
function isLeaf(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return value instanceof Date || value instanceof Decimal || ArrayBuffer.isView(value);
}

/**
 * A snapshot of `value` as plain data, or a `ValidationError` whose path says where reading failed.
 * Frozen objects and objects with a prototype other than `Object.prototype` or `null` (class
 * instances, Maps) are kept by reference after their own enumerable keys have been read, so a
 * library model or a `Decimal` from another copy passes through unchanged.
 *
 * @param value - What the caller passed.
 * @param path - Where it was passed (`'ratings'`, `'records[3]'`).
 * @param context - The public function, for the error message.
 * @throws {ValidationError} for a throwing getter or proxy trap, a cycle, a hole in an array,
 *   nesting deeper than {@link inputLimits}, or more values than it allows.
 */
export function readInput<T = unknown>(value: T, path: string, context: string): T {
  try {
    if (isLeaf(value)) return value;
    return copyIteratively(value, path, context) as T;
  } catch (error) {
    if (error instanceof ClienteleError) throw error;
    throw unreadable(
      path,
      context,
      `an object that cannot be read (${error instanceof Error ? error.message : describeValue(error)})`,
    );
  }
}

interface Frame {
  readonly source: object;
  readonly target: Record<string, unknown> | unknown[] | null;
  readonly path: string;
  readonly depth: number;
  readonly ancestors: ReadonlySet<object>;
  readonly assign: (copy: unknown) => void;
}

function copyIteratively(root: unknown, rootPath: string, context: string): unknown {
  let result: unknown;
  let nodes = 0;
  const stack: Frame[] = [];
  const visit = (
    value: unknown,
    path: string,
    depth: number,
    ancestors: ReadonlySet<object>,
    assign: (copy: unknown) => void,
  ): void => {
    if (++nodes > inputLimits.maxNodes)
      throw unreadable(path, context, `more than ${inputLimits.maxNodes} values`, 'too_big');
    if (isLeaf(value)) {
      assign(value);
      return;
    }
    const object = value as object;
    if (depth > inputLimits.maxDepth)
      throw unreadable(
        path,
        context,
        'a deeper structure',
        'too_big',
        `a value nested at most ${inputLimits.maxDepth} levels deep`,
      );
    if (ancestors.has(object)) throw unreadable(path, context, 'a cycle (the value contains itself)');
    const array = Array.isArray(object);
    const proto = Object.getPrototypeOf(object) as unknown;
    // frozen objects (the library's own models and results) keep their identity, like class instances
    const plain = !Object.isFrozen(object) && (array || proto === Object.prototype || proto === null);
    const target = array
      ? ([] as unknown[])
      : plain
        ? (Object.create(proto as object | null) as Record<string, unknown>)
        : null;
    assign(target ?? object);
    stack.push({ source: object, target, path, depth, ancestors: new Set(ancestors).add(object), assign });
  };
  visit(root, rootPath, 0, new Set(), (copy) => (result = copy));
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { source, target, path, depth, ancestors } = frame;
    if (Array.isArray(source) && target !== null) {
      const out = target as unknown[];
      for (let index = 0; index < source.length; index++) {
        if (!(index in source))
          throw unreadable(joinPath(path, index), context, 'a hole in an array (JSON would turn it into null)');
        const at = index;
        visit(source[index], joinPath(path, index), depth + 1, ancestors, (copy) => (out[at] = copy));
      }
      continue;
    }
    for (const key of Object.keys(source)) {
      const child = (source as Record<string, unknown>)[key];
      if (target === null) {
        // a class instance: read (so a throwing getter is found here) but keep the original
        visit(child, joinPath(path, key), depth + 1, ancestors, () => undefined);
        continue;
      }
      const out = target as Record<string, unknown>;
      // defineProperty keeps "__proto__" an ordinary, inert own key
      visit(child, joinPath(path, key), depth + 1, ancestors, (copy) =>
        Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true }),
      );
    }
  }
  return result;
}

/**
 * Runs `task`, which reads caller input in place (the hot paths, where a snapshot would cost too
 * much), and turns any failure that is not the library's own — a throwing getter, a revoked proxy,
 * a stack overflow on absurd nesting — into a `ValidationError` at `path`.
 */
export function readingInput<T>(path: string, context: string, task: () => T): T {
  try {
    return task();
  } catch (error) {
    return readingFailed(path, context, error);
  }
}

/**
 * What {@link readingInput} throws for `error`: the library's own error as it is, anything else as
 * a `ValidationError` at `path`. For a hot path that reads in its own `try` (no closure per call).
 */
export function readingFailed(path: string, context: string, error: unknown): never {
  if (error instanceof ClienteleError) throw error;
  throw unreadable(
    path,
    context,
    `a value that cannot be read (${error instanceof Error ? error.message : describeValue(error)})`,
  );
}
