/**
 * The compiled core of a scorecard: everything the hot path needs, precomputed once by
 * `defineScorecard` and kept out of the public object.
 * @module
 */
import { divide, fromDecimal, rational, subtract, type Rational } from '../../shared/rational.js';
import type { CompiledScale } from '../scales/compileScale.js';
import type { Normalisation } from './scorecardSchema.js';
import { buildFastPlan, type FastPlan } from './fastPlan.js';
import type { Scorecard } from './types.js';

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
  /** 100 × weight / (Σ max − Σ base): points per rating unit, per normalisation. */
  readonly coefficient: Readonly<Record<Normalisation, Rational>>;
}

export interface Core {
  readonly factors: readonly CoreFactor[];
  readonly categories: readonly CoreCategory[];
  readonly factorIndex: ReadonlyMap<string, number>;
  /** Fast integer plans per normalisation, built on first use (`null`: the model does not fit). */
  readonly fast: { ratio?: FastPlan | null; minmax?: FastPlan | null };
}

/** The fast plan of a model for a normalisation, built once. */
export function fastPlanOf(core: Core, normalisation: Normalisation): FastPlan | null {
  let plan = core.fast[normalisation];
  if (plan === undefined) {
    plan = buildFastPlan(core, normalisation);
    core.fast[normalisation] = plan;
  }
  return plan;
}

const cores = new WeakMap<Scorecard, Core>();

export function registerCore(model: Scorecard, core: Core): void {
  cores.set(model, core);
}

export function coreOf(model: Scorecard): Core | undefined {
  return cores.get(model);
}

export const HUNDRED_RATIONAL = rational(100n);

/** 100 × weight / span, exactly. */
export function coefficient(weight: Rational, span: Rational): Rational {
  return divide({ numerator: weight.numerator * 100n, denominator: weight.denominator }, span);
}

export { fromDecimal, subtract };
