/**
 * The compiled form of an instrument that the scoring hot path reads: flat typed arrays and index
 * maps. Kept beside the public model in a WeakMap, so the model itself stays plain data.
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { Rational } from '../../shared/rational.js';

export interface CompiledScale {
  readonly min: number;
  readonly max: number;
  readonly decimals: number;
  /** 10^decimals: answers are stored multiplied by it, as integers. */
  readonly factor: number;
}

export interface CompiledInstrument {
  readonly itemIds: readonly string[];
  /** answer key → perception column (≥ 0) or expectation column encoded as −(column + 1). */
  readonly columnOf: ReadonlyMap<string, number>;
  readonly itemDimension: Int32Array;
  readonly itemReverse: Uint8Array;
  readonly itemScale: readonly CompiledScale[];
  /** Expectation column of each perception item, −1 when it has none. */
  readonly expectationOf: Int32Array;
  readonly expectationIds: readonly string[];
  /** Perception item of each expectation column. */
  readonly expectationItem: Int32Array;
  readonly dimensionIds: readonly string[];
  readonly dimensionItems: readonly (readonly number[])[];
  readonly dimensionScale: readonly CompiledScale[];
  /** Normalised importance weights per dimension, exact; `null` when the instrument has none. */
  readonly importance: readonly Rational[] | null;
  readonly importanceDecimals: readonly Decimal[] | null;
  readonly groupIds: ReadonlySet<string>;
  readonly standard: Decimal;
}
