/**
 * What the two batch deciders share: the result's typed arrays, the evaluation date, and the
 * closure path that decides a record's rules one by one.
 *
 * @module
 */
import { fail } from '../../shared/errors.js';
import type { RecordError } from '../../shared/batch.js';
import { readInstant } from '../../shared/dates.js';
import { JsonInt8Array, JsonUint8Array } from '../../shared/jsonTypedArrays.js';
import { LEVELS, type CompiledRuleSet, type RuleSet } from './ruleSetModel.js';
import type { ChurnLevel } from './ruleSetSchema.js';

/**
 * What {@link decideRules} returns: one row of decisions per record, packed in typed arrays.
 * @category Churn
 */
export interface RuleDecisions {
  /** Rule ids: column order of `decisions`. */
  readonly ruleIds: readonly string[];
  readonly recordCount: number;
  /** Row-major `recordCount × ruleIds.length`: `1` fired, `0` clear, `-1` unknown (also for a record in `errors`). */
  readonly decisions: Int8Array;
  /** Per record: 0 none, 1 watch, 2 warning, 3 critical (the highest fired severity). */
  readonly levels: Uint8Array;
  /** Records that could not be evaluated (not an object, or a value of the wrong type), by index and id. */
  readonly errors: RecordError[];
  /** The level name of record `index`. */
  levelOf(index: number): ChurnLevel;
}

/** The result under construction, with what the kernels need beside it. */
export interface DecisionBatch {
  readonly decisions: Int8Array;
  readonly levels: Uint8Array;
  readonly ranks: Uint8Array;
  readonly ruleCount: number;
  readonly errors: RecordError[];
}

export function startBatch(compiled: CompiledRuleSet, recordCount: number): DecisionBatch {
  const ruleCount = compiled.tests.length;
  return {
    // plain typed arrays while deciding (the kernels' element accesses stay on the engine's fast
    // path); the result wraps the same buffers in the JSON-serialising views, with no copy
    decisions: new Int8Array(recordCount * ruleCount),
    levels: new Uint8Array(recordCount),
    ranks: compiled.ranks,
    ruleCount,
    errors: [],
  };
}

export function finishBatch(batch: DecisionBatch, model: RuleSet, recordCount: number): RuleDecisions {
  const decisions = new JsonInt8Array(batch.decisions.buffer as ArrayBuffer);
  const levels = new JsonUint8Array(batch.levels.buffer as ArrayBuffer);
  const errors = batch.errors;
  return {
    ruleIds: Object.freeze(model.rules.map((rule) => rule.id)),
    recordCount,
    decisions,
    levels,
    errors,
    levelOf: (index: number) => LEVELS[levels[index] ?? 0]!,
  };
}

/** The `asOf` option as UTC ms, `NaN` when absent; required when the rule set uses time windows. */
export function readAsOf(model: RuleSet, asOf: string | Date | undefined, context: string): number {
  if (model.usesTimeWindows && asOf === undefined)
    fail('asOf', 'an asOf date (the rule set uses time windows)', undefined, context);
  return asOf === undefined ? Number.NaN : readInstant(asOf, 'asOf', context);
}

const CODE = /* @__PURE__ */ Int8Array.of(0, 1, -1);

/**
 * Decides the rules of one record from its filled slots with their closures — every rule, or with
 * `only` the rules it marks 0 — writing decisions from `base`; returns the record's level. Throws
 * what a closure throws (a value of the wrong type).
 */
export function decideByClosures(
  compiled: CompiledRuleSet,
  slots: readonly unknown[],
  asOf: number,
  decisions: Int8Array,
  base: number,
  only: Uint8Array | undefined,
): number {
  const { tests, ranks } = compiled;
  let level = 0;
  for (let rule = 0; rule < tests.length; rule++) {
    if (only !== undefined && only[rule] === 1) continue;
    const outcome = tests[rule]!(slots, asOf);
    decisions[base + rule] = CODE[outcome]!;
    if (outcome === 1 && ranks[rule]! > level) level = ranks[rule]!;
  }
  return level;
}
