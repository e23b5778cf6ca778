/**
 * Explanations: which leaf conditions decided a rule, with the signal values seen. Runs only for
 * fired and unknown rules, never on the batch hot path.
 *
 * @module
 */
import { FALSE, TRUE, UNKNOWN, type CompiledNode, type Outcome } from './compileCondition.js';
import type { ChurnConditionOperator, ChurnLeafCondition } from './ruleSetSchema.js';

/**
 * One leaf condition that decided a rule: the signal, the operator and value of the rule, the
 * value seen (`null` when missing) and the leaf's outcome.
 * @category Churn
 */
export interface ChurnConditionEvidence {
  readonly signal: string;
  readonly op: ChurnConditionOperator;
  readonly value: ChurnLeafCondition['value'] | undefined;
  readonly actual: unknown;
  readonly outcome: 'true' | 'false' | 'unknown';
}

const NAMES = ['false', 'true', 'unknown'] as const;

/** The deciding leaves of a tree and their outcomes, in visit order; `size` entries are this walk's. */
interface Walk {
  readonly leaves: CompiledNode[];
  readonly outcomes: Outcome[];
  size: number;
}

/**
 * The lists every walk reuses, so walking a tree allocates nothing. A leaf test can run a caller's
 * code (a getter or proxy trap of a signal value) that explains another rule meanwhile: such a
 * nested walk gets lists of its own (`busy`).
 */
const scratch: Walk = { leaves: [], outcomes: [], size: 0 };
let busy = false;

/**
 * Re-evaluates a compiled tree and collects its deciding leaves under Kleene logic: for `all`,
 * the false parts when false, the unknown parts when unknown, every part when true; `any` is the
 * mirror image; `not` passes its child's evidence through. Each item is frozen.
 */
export function explainCondition(
  node: CompiledNode,
  slots: readonly unknown[],
  asOf: number,
  into: ChurnConditionEvidence[],
): Outcome {
  return walking(node, slots, asOf, (walk, outcome) => {
    for (let at = 0; at < walk.size; at++)
      into.push(itemOf(walk.leaves[at]!, walk.outcomes[at]!, slots[walk.leaves[at]!.slot]));
    return outcome;
  });
}

/** The evidence of an undecided rule and the signals missing among it. */
export interface UnknownEvidence {
  readonly evidence: readonly ChurnConditionEvidence[];
  readonly missingSignals: readonly string[];
  /** True when these lists were given before, to an earlier entry of the same rule (so are shared). */
  readonly shared: boolean;
}

/**
 * Per tree, the last evidence it gave with every deciding value missing. Such evidence depends on
 * the tree and which leaves decided it alone (the values are all `null`), and an undecided rule
 * usually is undecided for the same missing signals account after account: the frozen lists are
 * then shared, not built again.
 */
const lastMissing = /* @__PURE__ */ new WeakMap<
  CompiledNode,
  { leaves: CompiledNode[]; outcomes: Outcome[] } & UnknownEvidence
>();

/**
 * {@link explainCondition} for a rule whose outcome is unknown, with its missing signals (each once,
 * in evidence order), both frozen.
 */
export function explainUnknown(node: CompiledNode, slots: readonly unknown[], asOf: number): UnknownEvidence {
  return walking(node, slots, asOf, (walk) => {
    const { leaves, outcomes, size } = walk;
    let allMissing = true;
    for (let at = 0; at < size; at++) {
      const actual = slots[leaves[at]!.slot];
      if (actual !== undefined && actual !== null) {
        allMissing = false;
        break;
      }
    }
    const cached = allMissing ? lastMissing.get(node) : undefined;
    if (cached !== undefined && sameWalk(walk, cached.leaves, cached.outcomes)) return cached;
    const found: ChurnConditionEvidence[] = [];
    const missing: string[] = [];
    for (let at = 0; at < size; at++) {
      const item = itemOf(leaves[at]!, outcomes[at]!, slots[leaves[at]!.slot]);
      found.push(item);
      if (item.actual === null && !missing.includes(item.signal)) missing.push(item.signal);
    }
    const evidence = Object.freeze(found);
    const missingSignals = Object.freeze(missing);
    if (allMissing) {
      const [known, knownOutcomes] = [leaves.slice(0, size), outcomes.slice(0, size)];
      lastMissing.set(node, { leaves: known, outcomes: knownOutcomes, evidence, missingSignals, shared: true });
    }
    return { evidence, missingSignals, shared: false };
  });
}

/** True when `walk` visited `known` leaves with `knownOutcomes`, in that order. */
function sameWalk(walk: Walk, known: readonly CompiledNode[], knownOutcomes: readonly Outcome[]): boolean {
  if (known.length !== walk.size) return false;
  for (let at = 0; at < known.length; at++)
    if (known[at] !== walk.leaves[at] || knownOutcomes[at] !== walk.outcomes[at]) return false;
  return true;
}

function itemOf(node: CompiledNode, outcome: Outcome, actual: unknown): ChurnConditionEvidence {
  const leaf = node.leaf!;
  return Object.freeze({
    signal: leaf.signal,
    op: leaf.op,
    value: leaf.value,
    actual: actual === undefined ? null : actual,
    outcome: NAMES[outcome],
  });
}

/** Walks `node` into the shared lists (or fresh ones when a walk is under way) and hands them to `use`. */
function walking<T>(
  node: CompiledNode,
  slots: readonly unknown[],
  asOf: number,
  use: (walk: Walk, outcome: Outcome) => T,
): T {
  const nested = busy;
  const walk: Walk = nested ? { leaves: [], outcomes: [], size: 0 } : scratch;
  busy = true;
  try {
    walk.size = 0;
    const outcome = node.test(slots, asOf);
    collect(walk, node, outcome, slots, asOf);
    return use(walk, outcome);
  } finally {
    busy = nested;
  }
}

function collect(walk: Walk, node: CompiledNode, outcome: Outcome, slots: readonly unknown[], asOf: number): void {
  if (node.kind === 'leaf') {
    walk.leaves[walk.size] = node;
    walk.outcomes[walk.size] = outcome;
    walk.size++;
    return;
  }
  if (node.kind === 'not') {
    const child = node.children[0]!;
    collect(walk, child, child.test(slots, asOf), slots, asOf);
    return;
  }
  const everything = (node.kind === 'all' && outcome === TRUE) || (node.kind === 'any' && outcome === FALSE);
  const wanted: Outcome = outcome === UNKNOWN ? UNKNOWN : outcome;
  for (const child of node.children) {
    const childOutcome = child.test(slots, asOf);
    if (everything || childOutcome === wanted) collect(walk, child, childOutcome, slots, asOf);
  }
}
