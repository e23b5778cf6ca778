/**
 * The compiled core of a scorecard: its exact numbers, precomputed once by `defineScorecard` and
 * kept out of the public object, with the plan and the fast integer path built from them on
 * first use per normalisation.
 * @module
 */
import type { Rational } from '../../shared/rational.js';
import type { CompiledScale } from '../scales/compileScale.js';
import { buildFastPlan, type FastPlan } from './fastPlan.js';
import { buildPlan, type ScorecardPlan } from './plan.js';
import type { Normalisation } from './scorecardSchema.js';

export interface CoreFactor {
  readonly id: string;
  readonly category: number;
  readonly min: Rational;
  readonly max: Rational;
  readonly scale: CompiledScale | null;
}

export interface CoreCategory {
  readonly id: string;
  readonly weight: Rational;
  readonly factors: readonly number[];
  readonly minSum: Rational;
  readonly maxSum: Rational;
}

export interface Core {
  readonly factors: readonly CoreFactor[];
  readonly categories: readonly CoreCategory[];
  readonly factorIndex: ReadonlyMap<string, number>;
  /**
   * The keys of the records read last, in enumeration order, and each one's factor index (`-1`: not
   * a factor): records of one shape hit this on every key, so reading one costs a string comparison
   * per key instead of a lookup (readRecord.ts keeps it; any record may overwrite it).
   */
  readonly keyOrder: { readonly names: string[]; readonly indexes: number[] };
  /** The exact plan per normalisation, built on first use. */
  readonly plans: { ratio?: ScorecardPlan; minmax?: ScorecardPlan };
  /** Fast integer paths per normalisation, built on first use (`null`: the model does not fit). */
  readonly fast: { ratio?: FastPlan | null; minmax?: FastPlan | null };
}

/** The exact plan of a model for a normalisation, built once. */
export function planOf(core: Core, normalisation: Normalisation): ScorecardPlan {
  let plan = core.plans[normalisation];
  if (plan === undefined) {
    plan = buildPlan(core, normalisation);
    core.plans[normalisation] = plan;
  }
  return plan;
}

/** The fast integer path of a model for a normalisation, built once from its plan. */
export function fastPlanOf(core: Core, normalisation: Normalisation): FastPlan | null {
  let fast = core.fast[normalisation];
  if (fast === undefined) {
    fast = buildFastPlan(planOf(core, normalisation));
    core.fast[normalisation] = fast;
  }
  return fast;
}
