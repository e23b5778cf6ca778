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

/**
 * The deciding leaves of the tree being explained and their outcomes, in visit order: reused by
 * every call (explaining is synchronous and never re-entered), so walking a tree allocates nothing.
 */
const leaves: CompiledNode[] = [];
const outcomes: Outcome[] = [];
/** How many entries of `leaves` / `outcomes` the current walk filled (the rest are stale). */
let size = 0;

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
  const outcome = walk(node, slots, asOf);
  for (let at = 0; at < size; at++) into.push(itemOf(leaves[at]!, outcomes[at]!, slots[leaves[at]!.slot]));
  return outcome;
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
  walk(node, slots, asOf);
  let allMissing = true;
  for (let at = 0; at < size; at++) {
    const actual = slots[leaves[at]!.slot];
    if (actual !== undefined && actual !== null) {
      allMissing = false;
      break;
    }
  }
  const cached = allMissing ? lastMissing.get(node) : undefined;
  if (cached !== undefined && sameWalk(cached.leaves, cached.outcomes)) return cached;
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
}

/** True when the scratch walk visited `known` leaves with `knownOutcomes`, in that order. */
function sameWalk(known: readonly CompiledNode[], knownOutcomes: readonly Outcome[]): boolean {
  if (known.length !== size) return false;
  for (let at = 0; at < known.length; at++)
    if (known[at] !== leaves[at] || knownOutcomes[at] !== outcomes[at]) return false;
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

/** Walks `node` into the scratch lists; returns its outcome. */
function walk(node: CompiledNode, slots: readonly unknown[], asOf: number): Outcome {
  size = 0;
  const outcome = node.test(slots, asOf);
  collect(node, outcome, slots, asOf);
  return outcome;
}

function collect(node: CompiledNode, outcome: Outcome, slots: readonly unknown[], asOf: number): void {
  if (node.kind === 'leaf') {
    leaves[size] = node;
    outcomes[size] = outcome;
    size++;
    return;
  }
  if (node.kind === 'not') {
    const child = node.children[0]!;
    collect(child, child.test(slots, asOf), slots, asOf);
    return;
  }
  const everything = (node.kind === 'all' && outcome === TRUE) || (node.kind === 'any' && outcome === FALSE);
  const wanted: Outcome = outcome === UNKNOWN ? UNKNOWN : outcome;
  for (const child of node.children) {
    const childOutcome = child.test(slots, asOf);
    if (everything || childOutcome === wanted) collect(child, childOutcome, slots, asOf);
  }
}
