import { fail } from '../../shared/errors.js';
import { readId, toRecordError, type RecordError } from '../../shared/batch.js';
import { ValidationError, describeValue, makeIssue } from '../../shared/errors.js';
import { readInstant } from '../../shared/dates.js';
import { readingInput } from '../../shared/input.js';
import { JsonInt8Array, JsonUint8Array } from '../../shared/jsonTypedArrays.js';
import * as op from './compileCondition.js';
import { compileProgram, type CompiledNode, type RuleProgram } from './compileCondition.js';
import { prototypeIsClean, readSlots, resolveRuleSet } from './resolveRuleSet.js';
import { LEVELS, type RuleSetLike } from './ruleSetModel.js';
import type { ChurnSignalRecord } from './evaluateRules.js';
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

/**
 * Options of {@link decideRules}.
 * @category Churn
 */
export interface DecideRulesOptions {
  /** The evaluation date; required when the rule set uses time windows. */
  readonly asOf?: string | Date;
  /** Field of each record holding its id, for error reports (default `'id'`). */
  readonly idField?: string;
}

const CODE = /* @__PURE__ */ Int8Array.of(0, 1, -1);

// Opcodes as module constants: an imported binding can be a getter per read under some bundlers.
const OP_CLOSURE = op.OP_CLOSURE;
const OP_LT = op.OP_LT;
const OP_LTE = op.OP_LTE;
const OP_GT = op.OP_GT;
const OP_GTE = op.OP_GTE;
const OP_EQ = op.OP_EQ;
const OP_NEQ = op.OP_NEQ;
const OP_BOOLEAN_EQ = op.OP_BOOLEAN_EQ;
const OP_BOOLEAN_NEQ = op.OP_BOOLEAN_NEQ;
const OP_BETWEEN = op.OP_BETWEEN;
const OP_KNOWN = op.OP_KNOWN;
const OP_MISSING = op.OP_MISSING;
const OP_ALL = op.OP_ALL;
const OP_NOT = op.OP_NOT;

/** Programs by compiled rule set, built on first use. */
const programs = new WeakMap<object, RuleProgram>();

function programOf(compiled: { readonly trees: readonly CompiledNode[] }): RuleProgram {
  let program = programs.get(compiled);
  if (program === undefined) {
    program = compileProgram(compiled.trees);
    programs.set(compiled, program);
  }
  return program;
}

/** One record's values as the program reads them: a tag and a number per slot, the raw values aside. */
interface Values {
  readonly tags: Uint8Array;
  readonly numbers: Float64Array;
  /** Raw values, for the leaves' closures. */
  readonly slots: unknown[];
  /** The last record's key order and slots: records of one shape skip the name lookup. */
  readonly keys: string[];
  readonly keySlots: number[];
}

/** Sorts one slot's value by type into `values`. */
function tag(values: Values, slot: number, value: unknown): void {
  values.slots[slot] = value;
  if (typeof value === 'number') {
    if (value - value === 0) {
      values.tags[slot] = 1; // TAG_NUMBER
      values.numbers[slot] = value;
    } else values.tags[slot] = 4; // NaN, ±Infinity: TAG_OTHER, the closure reports it
  } else if (value === true) values.tags[slot] = 2;
  else if (value === false) values.tags[slot] = 3;
  else values.tags[slot] = value === undefined || value === null ? 0 : 4;
}

/**
 * Reads a record's signal values: own enumerable properties only. For a plain object under a clean
 * `Object.prototype`, one `for…in` whose keys are matched against the previous record's key order
 * (records of one shape never look a name up); otherwise the checked reader of resolveRuleSet.ts.
 */
function readValues(
  compiled: { readonly slotNames: readonly string[]; readonly slotIndex: Readonly<Record<string, number>> },
  record: object,
  values: Values,
  clean: boolean,
): void {
  const { tags, slots, keys, keySlots } = values;
  const width = tags.length;
  for (let slot = 0; slot < width; slot++) {
    tags[slot] = 0;
    slots[slot] = undefined;
  }
  const proto = Object.getPrototypeOf(record) as unknown;
  if (clean && (proto === Object.prototype || proto === null)) {
    let k = 0;
    for (const key in record) {
      let slot: number;
      if (k < keys.length && keys[k] === key) slot = keySlots[k]!;
      else {
        slot = compiled.slotIndex[key] ?? -1;
        keys[k] = key;
        keySlots[k] = slot;
      }
      k++;
      if (slot >= 0) tag(values, slot, (record as Record<string, unknown>)[key]);
    }
    return;
  }
  readSlots(compiled, record, slots, clean);
  for (let slot = 0; slot < width; slot++) tag(values, slot, slots[slot]);
}

/** Decides one node of the program: 0 false, 1 true, 2 unknown. */
function decide(program: RuleProgram, node: number, values: Values, asOf: number): number {
  const kind = program.kinds[node]!;
  if (kind >= OP_ALL) return decideComposite(program, node, kind, values, asOf);
  const slot = program.slots[node]!;
  const tagged = kind === OP_CLOSURE ? -1 : values.tags[slot]!;
  if (tagged === 1 && kind <= OP_NEQ) {
    const value = values.numbers[slot]!;
    const limit = program.low[node]!;
    if (kind === OP_LT) return value < limit ? 1 : 0;
    if (kind === OP_LTE) return value <= limit ? 1 : 0;
    if (kind === OP_GT) return value > limit ? 1 : 0;
    if (kind === OP_GTE) return value >= limit ? 1 : 0;
    if (kind === OP_EQ) return value === limit ? 1 : 0;
    return value !== limit ? 1 : 0;
  }
  if (kind === OP_KNOWN) return tagged === 0 ? 0 : 1;
  if (kind === OP_MISSING) return tagged === 0 ? 1 : 0;
  if (tagged === 0) return 2;
  if ((tagged === 2 || tagged === 3) && (kind === OP_BOOLEAN_EQ || kind === OP_BOOLEAN_NEQ))
    return ((tagged === 2) === (program.low[node] === 1)) === (kind === OP_BOOLEAN_EQ) ? 1 : 0;
  if (tagged === 1 && kind === OP_BETWEEN) {
    const value = values.numbers[slot]!;
    return value >= program.low[node]! && value <= program.high[node]! ? 1 : 0;
  }
  return program.tests[node]!(values.slots, asOf);
}

function decideComposite(program: RuleProgram, node: number, kind: number, values: Values, asOf: number): number {
  const from = program.first[node]!;
  const to = from + program.count[node]!;
  if (kind === OP_NOT) {
    const inner = decide(program, program.children[from]!, values, asOf);
    return inner === 2 ? 2 : 1 - inner;
  }
  const stop = kind === OP_ALL ? 0 : 1; // the outcome that decides an all (false) or an any (true)
  let outcome = 1 - stop;
  for (let child = from; child < to; child++) {
    const result = decide(program, program.children[child]!, values, asOf);
    if (result === stop) return stop;
    if (result === 2) outcome = 2;
  }
  return outcome;
}

/** Decides every rule for one record into `decisions[base …]`; returns its level. */
function decideRecord(
  program: RuleProgram,
  ranks: Uint8Array,
  values: Values,
  asOf: number,
  decisions: Int8Array,
  base: number,
): number {
  const { roots, kinds, slots, low } = program;
  const { tags, numbers } = values;
  const code = CODE;
  let level = 0;
  for (let rule = 0; rule < roots.length; rule++) {
    const node = roots[rule]!;
    const kind = kinds[node]!;
    let outcome: number;
    // the common case inline: one comparison of a number with an exact threshold
    if (kind !== OP_CLOSURE && kind <= OP_NEQ && tags[slots[node]!] === 1) {
      const value = numbers[slots[node]!]!;
      const limit = low[node]!;
      outcome =
        kind === OP_LTE
          ? +(value <= limit)
          : kind === OP_GTE
            ? +(value >= limit)
            : kind === OP_LT
              ? +(value < limit)
              : kind === OP_GT
                ? +(value > limit)
                : kind === OP_EQ
                  ? +(value === limit)
                  : +(value !== limit);
    } else outcome = decide(program, node, values, asOf);
    decisions[base + rule] = code[outcome]!;
    if (outcome === 1 && ranks[rule]! > level) level = ranks[rule]!;
  }
  return level;
}

/**
 * Decides every rule for many signal records at once: the batch hot path, with no per-record
 * allocation (values are read into one reused slot array, outcomes written to a typed array).
 * Use {@link evaluateRules} for one record with evidence and messages; the decisions agree.
 *
 * @param ruleSet - A rule set from {@link defineRuleSet} (or its JSON).
 * @param records - Flat signal records (missing / `null` / `undefined` = unknown).
 * @throws {ValidationError} when `records` is not an array or `asOf` is invalid; a bad record never
 * throws, it is listed in `errors` with its index and id.
 * @example
 * ```ts
 * import { decideRules, defaultChurnRuleSet } from 'clientele';
 * const { decisions, ruleIds, levelOf } = decideRules(defaultChurnRuleSet, [{ spendChange: -0.6 }, {}]);
 * [decisions[ruleIds.indexOf('spend-drop-sharp')], levelOf(0)]; // 1 'critical'
 * ```
 * @category Churn
 */
export function decideRules(
  ruleSet: RuleSetLike,
  records: readonly ChurnSignalRecord[],
  options: DecideRulesOptions = {},
): RuleDecisions {
  const { model, compiled } = resolveRuleSet(ruleSet, 'decideRules');
  if (!readingInput('records', 'decideRules', () => Array.isArray(records)))
    fail('records', 'an array of signal records', records, 'decideRules', 'invalid_type');
  if (model.usesTimeWindows && options.asOf === undefined)
    fail('asOf', 'an asOf date (the rule set uses time windows)', undefined, 'decideRules');
  const asOf = options.asOf === undefined ? Number.NaN : readInstant(options.asOf, 'asOf', 'decideRules');
  const idField = options.idField ?? 'id';
  const program = programOf(compiled);
  const { ranks } = compiled;
  const ruleCount = program.roots.length;
  const decisions = new JsonInt8Array(records.length * ruleCount);
  const levels = new JsonUint8Array(records.length);
  const errors: RecordError[] = [];
  const width = compiled.slotNames.length;
  const values: Values = {
    tags: new Uint8Array(width),
    numbers: new Float64Array(width),
    slots: new Array<unknown>(width).fill(undefined),
    keys: [],
    keySlots: [],
  };
  const clean = prototypeIsClean();
  for (let index = 0; index < records.length; index++) {
    const base = index * ruleCount;
    let record: unknown;
    try {
      record = records[index];
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        throw new ValidationError(
          [makeIssue('', 'an object of signal values', describeValue(record), 'invalid_type')],
          'decideRules',
        );
      }
      readValues(compiled, record, values, clean);
    } catch (error) {
      // a bad record, a throwing getter or a revoked proxy: this record's error, never the batch's
      decisions.fill(-1, base, base + ruleCount);
      errors.push(toRecordError(error, index, undefined));
      continue;
    }
    try {
      levels[index] = decideRecord(program, ranks, values, asOf, decisions, base);
    } catch (error) {
      decisions.fill(-1, base, base + ruleCount);
      levels[index] = 0;
      errors.push(toRecordError(error, index, readId(record, idField)));
    }
  }
  return {
    ruleIds: Object.freeze(model.rules.map((rule) => rule.id)),
    recordCount: records.length,
    decisions,
    levels,
    errors,
    levelOf: (index: number) => LEVELS[levels[index] ?? 0]!,
  };
}
