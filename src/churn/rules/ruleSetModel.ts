/**
 * The compiled rule set: the public, frozen model and the private compiled form the evaluators use.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { Labels } from '../../shared/labels.js';
import type { CompiledNode, Test } from './compileCondition.js';
import type { PointSums } from './pointSums.js';
import type { RuleProgram } from './ruleProgram.js';
import type { JsonObject, ModelIdentity } from '../../shared/model.js';
import type { ChurnCondition, ChurnSeverity, RuleSetDefinition, RuleSetInput } from './ruleSetSchema.js';

/**
 * One rule of a compiled rule set, as callers may read it.
 * @category Churn
 */
export interface ChurnRule {
  readonly id: string;
  readonly when: ChurnCondition;
  readonly severity: ChurnSeverity;
  /** Points the rule adds to the risk when it fires (exact). */
  readonly points: Decimal;
  readonly cause: string;
  /** From the cause taxonomy, the rule's explicit `controllable`, or `null` for a custom cause without one. */
  readonly controllable: boolean | null;
  /** The message template in both languages (`{signal}` placeholders). */
  readonly message: Labels;
  readonly title: Labels | undefined;
  readonly source: string | undefined;
  /** Signals the rule reads, in first-use order. */
  readonly signals: readonly string[];
}

/**
 * A validated, compiled, frozen rule set (`defineRuleSet`'s result).
 * @category Churn
 */
export interface RuleSet extends ModelIdentity<'ruleSet', RuleSetDefinition> {
  readonly labels: Labels | undefined;
  readonly rules: readonly ChurnRule[];
  /** Every signal any rule or message reads, in slot order. */
  readonly signals: readonly string[];
  /** True when some rule uses `within` / `olderThan` (evaluation then needs `asOf`). */
  readonly usesTimeWindows: boolean;
}

/**
 * What functions that take a rule set accept: a compiled rule set, or its JSON (compiled on the
 * spot; a `JSON.parse`d file is checked at run time).
 * @category Churn
 */
export type RuleSetLike = RuleSet | RuleSetInput | JsonObject;

/** What the evaluators need, resolved once. */
export interface CompiledRuleSet {
  readonly slotNames: readonly string[];
  /** Signal name → slot, in a null-prototype object (a prototype key can never resolve). */
  readonly slotIndex: Readonly<Record<string, number>>;
  readonly tests: readonly Test[];
  readonly trees: readonly CompiledNode[];
  /** Severity rank per rule: 1 watch, 2 warning, 3 critical. */
  readonly ranks: Uint8Array;
  readonly definition: RuleSetDefinition;
  /** Sum of every rule's points. */
  readonly maxRisk: Decimal;
  /** The points as integer units when they fit (`pointSums.ts`): risk sums without decimal arithmetic. */
  readonly pointSums: PointSums | undefined;
  /** decidedShares[k] = k ÷ rule count (1 for an empty rule set), precomputed exactly. */
  readonly decidedShares: readonly Decimal[];
  /** The batch kernels of the rules they cover (numbers, booleans, presence; `ruleProgram.ts`). */
  readonly program: RuleProgram;
}

export const SEVERITY_RANK: Readonly<Record<ChurnSeverity, number>> = { watch: 1, warning: 2, critical: 3 };
export const LEVELS = ['none', 'watch', 'warning', 'critical'] as const;
