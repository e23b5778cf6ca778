import { fail } from '../../shared/errors.js';
import { readId, toRecordError, type RecordError } from '../../shared/batch.js';
import { ValidationError, describeValue, makeIssue } from '../../shared/errors.js';
import { readInstant } from '../../shared/dates.js';
import { readingInput } from '../../shared/input.js';
import { JsonInt8Array, JsonUint8Array } from '../../shared/jsonTypedArrays.js';
import { OP_BOOLEAN_EQ, OP_CLOSURE, OP_EQ, OP_GT, OP_GTE, OP_LT, OP_LTE, OP_NEQ } from './compileCondition.js';
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
  const { tests, ranks, slotNames } = compiled;
  const { kinds, slots: tableSlots, limits } = compiled.table;
  const ruleCount = tests.length;
  const decisions = new JsonInt8Array(records.length * ruleCount);
  const levels = new JsonUint8Array(records.length);
  const errors: RecordError[] = [];
  const slots = new Array<unknown>(slotNames.length).fill(undefined);
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
      readSlots(compiled, record, slots, clean);
    } catch (error) {
      // a bad record, a throwing getter or a revoked proxy: this record's error, never the batch's
      decisions.fill(-1, base, base + ruleCount);
      errors.push(toRecordError(error, index, undefined));
      continue;
    }
    let level = 0;
    try {
      for (let rule = 0; rule < ruleCount; rule++) {
        const kind = kinds[rule]!;
        let outcome: number;
        if (kind === OP_CLOSURE) outcome = tests[rule]!(slots, asOf);
        else {
          // the table path: same decisions as the closure for plain numbers and booleans
          const value = slots[tableSlots[rule]!];
          if (typeof value === 'number' && kind <= OP_NEQ && value - value === 0) {
            const limit = limits[rule]!;
            outcome =
              kind === OP_LT
                ? value < limit
                  ? 1
                  : 0
                : kind === OP_LTE
                  ? value <= limit
                    ? 1
                    : 0
                  : kind === OP_GT
                    ? value > limit
                      ? 1
                      : 0
                    : kind === OP_GTE
                      ? value >= limit
                        ? 1
                        : 0
                      : kind === OP_EQ
                        ? value === limit
                          ? 1
                          : 0
                        : value !== limit
                          ? 1
                          : 0;
          } else if (typeof value === 'boolean' && kind >= OP_BOOLEAN_EQ) {
            outcome = (value === (limits[rule] === 1)) === (kind === OP_BOOLEAN_EQ) ? 1 : 0;
          } else if (value === undefined || value === null) outcome = 2;
          else outcome = tests[rule]!(slots, asOf);
        }
        decisions[base + rule] = CODE[outcome]!;
        if (outcome === 1 && ranks[rule]! > level) level = ranks[rule]!;
      }
      levels[index] = level;
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
