/** fast-check arbitraries for the churn rule engine. */
import fc from 'fast-check';

export const SIGNALS = ['a', 'b', 'c', 'd'] as const;
export type Tree = { signal: string; op: string; value?: unknown } | { all: Tree[] } | { any: Tree[] } | { not: Tree };

/** The rule sets' declaration of the four signals (all numbers), as a rule-set file gives it. */
export const SIGNAL_DECLARATIONS = Object.fromEntries(SIGNALS.map((name) => [name, { type: 'number' as const }]));

const half = fc.integer({ min: -10, max: 10 }).map((n) => n / 2);
const signal = fc.constantFrom(...SIGNALS);

const leafArbitrary: fc.Arbitrary<Tree> = fc.oneof(
  fc.record({ signal, op: fc.constantFrom('lt', 'lte', 'gt', 'gte', 'eq', 'neq'), value: half }),
  fc.record({
    signal,
    op: fc.constantFrom('in', 'notIn'),
    value: fc.uniqueArray(half, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    signal,
    op: fc.constant('between'),
    value: fc.tuple(half, half).map(([x, y]) => (x <= y ? [x, y] : [y, x])),
  }),
  fc.record({ signal, op: fc.constantFrom('known', 'missing') }),
);

/** Condition trees up to depth 4 over four numeric signals. */
export const treeArbitrary: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArbitrary,
    fc.record({ all: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('tree') }),
  ),
})).tree;

/** A flat record: each signal a half-integer, null, or absent. */
export const recordArbitrary: fc.Arbitrary<Record<string, number | null>> = fc.record(
  { a: fc.option(half), b: fc.option(half), c: fc.option(half), d: fc.option(half) },
  { requiredKeys: [] },
);

export const ruleSetArbitrary = fc
  .array(
    fc.record({
      when: treeArbitrary,
      severity: fc.constantFrom('watch', 'warning', 'critical'),
      points: fc.oneof(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 999 }).map((n) => (n / 10).toString()),
      ),
      cause: fc.constantFrom(
        'needs-unmet',
        'complaint',
        'competitor',
        'relationship',
        'credit',
        'customer-business',
        'custom-cause',
      ),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((rules) => ({
    id: 'generated',
    signals: SIGNAL_DECLARATIONS,
    rules: rules.map((rule, index) => ({
      id: `r${index}`,
      ...rule,
      message: { en: `rule ${index}: a={a}`, 'zh-CN': `规则 ${index}` },
    })),
  }));

/** Reference three-valued evaluation, written independently of the compiler. */
export function reference(tree: Tree, record: Record<string, unknown>): 'true' | 'false' | 'unknown' {
  if ('all' in tree) {
    const parts = tree.all.map((child) => reference(child, record));
    return parts.includes('false') ? 'false' : parts.includes('unknown') ? 'unknown' : 'true';
  }
  if ('any' in tree) {
    const parts = tree.any.map((child) => reference(child, record));
    return parts.includes('true') ? 'true' : parts.includes('unknown') ? 'unknown' : 'false';
  }
  if ('not' in tree) {
    const inner = reference(tree.not, record);
    return inner === 'unknown' ? 'unknown' : inner === 'true' ? 'false' : 'true';
  }
  const present =
    Object.prototype.hasOwnProperty.call(record, tree.signal) &&
    record[tree.signal] !== null &&
    record[tree.signal] !== undefined;
  if (tree.op === 'known') return present ? 'true' : 'false';
  if (tree.op === 'missing') return present ? 'false' : 'true';
  if (!present) return 'unknown';
  const x = record[tree.signal] as number;
  const v = tree.value as number;
  const list = tree.value as number[];
  const holds =
    tree.op === 'lt'
      ? x < v
      : tree.op === 'lte'
        ? x <= v
        : tree.op === 'gt'
          ? x > v
          : tree.op === 'gte'
            ? x >= v
            : tree.op === 'eq'
              ? x === v
              : tree.op === 'neq'
                ? x !== v
                : tree.op === 'in'
                  ? list.includes(x)
                  : tree.op === 'notIn'
                    ? !list.includes(x)
                    : x >= list[0]! && x <= list[1]!;
  return holds ? 'true' : 'false';
}

/** The same object with its keys in another order. */
export function reorder<T extends object>(value: T, permutation: number[]): T {
  const keys = Object.keys(value);
  const order = keys.map((_, index) => keys[permutation[index % permutation.length]! % keys.length]!);
  const seen = new Set<string>();
  const out: Record<string, unknown> = {};
  for (const key of [...order, ...keys]) {
    if (seen.has(key)) continue;
    seen.add(key);
    out[key] = (value as Record<string, unknown>)[key];
  }
  return out as T;
}
