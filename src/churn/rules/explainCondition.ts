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
 * Re-evaluates a compiled tree and collects its deciding leaves under Kleene logic: for `all`,
 * the false parts when false, the unknown parts when unknown, every part when true; `any` is the
 * mirror image; `not` passes its child's evidence through.
 */
export function explainCondition(
  node: CompiledNode,
  slots: readonly unknown[],
  asOf: number,
  into: ChurnConditionEvidence[],
): Outcome {
  const outcome = node.test(slots, asOf);
  collect(node, outcome, slots, asOf, into);
  return outcome;
}

function collect(
  node: CompiledNode,
  outcome: Outcome,
  slots: readonly unknown[],
  asOf: number,
  into: ChurnConditionEvidence[],
): void {
  if (node.kind === 'leaf') {
    const leaf = node.leaf!;
    const actual = slots[node.slot];
    into.push({
      signal: leaf.signal,
      op: leaf.op,
      value: leaf.value,
      actual: actual === undefined ? null : actual,
      outcome: NAMES[outcome],
    });
    return;
  }
  if (node.kind === 'not') {
    const child = node.children[0]!;
    collect(child, child.test(slots, asOf), slots, asOf, into);
    return;
  }
  const everything = (node.kind === 'all' && outcome === TRUE) || (node.kind === 'any' && outcome === FALSE);
  const wanted: Outcome = outcome === UNKNOWN ? UNKNOWN : outcome;
  for (const child of node.children) {
    const childOutcome = child.test(slots, asOf);
    if (everything || childOutcome === wanted) collect(child, childOutcome, slots, asOf, into);
  }
}
