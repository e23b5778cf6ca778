import { fail } from '../../shared/errors.js';
import { readId, toRecordError } from '../../shared/batch.js';
import { ValidationError, describeValue, makeIssue } from '../../shared/errors.js';
import { readingInput } from '../../shared/input.js';
import { prototypeIsClean, readSlots, resolveRuleSet } from './resolveRuleSet.js';
import {
  BLOCK,
  MODE_BOOLEAN,
  MODE_NONE,
  MODE_NUMBER,
  MODE_PRESENCE,
  programRegisters,
  runProgram,
} from './ruleProgram.js';
import {
  decideByClosures,
  finishBatch,
  readAsOf,
  startBatch,
  type DecisionBatch,
  type RuleDecisions,
} from './ruleDecisions.js';
import type { CompiledRuleSet } from './ruleSetModel.js';
import type { RuleSetLike } from './ruleSetModel.js';
import type { ChurnSignalRecord } from './evaluateRules.js';

export type { RuleDecisions } from './ruleDecisions.js';

/**
 * Options of {@link decideRules}.
 * @category Churn
 */
export interface DecideRulesOptions {
  /** The evaluation date; required when the rule set uses time windows. */
  readonly asOf?: string | Date | undefined;
  /** Field of each record holding its id, for error reports (default `'id'`). */
  readonly idField?: string | undefined;
}

/**
 * Decides every rule for many signal records at once: the batch hot path. Records are read a block
 * at a time into one column per signal, and the rules the kernels cover (numbers, booleans,
 * presence) are decided a column at a time; a record holding anything else (a decimal string, a
 * `Date`, a category) and the rules on dates, categories and time windows are decided by the
 * rules' closures, as {@link evaluateRules} decides them. Nothing is allocated per record.
 * Already columnar data: {@link decideRulesColumns}.
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
  const asOf = readAsOf(model, options.asOf, 'decideRules');
  const batch = startBatch(compiled, records.length);
  const reader = new BlockReader(compiled, asOf, options.idField ?? 'id', batch);
  for (let first = 0; first < records.length; first += BLOCK) {
    const count = Math.min(BLOCK, records.length - first);
    reader.read(records, first, count);
    runProgram(compiled.program, reader.columns, 0, first, count, reader.kernels);
    reader.settle();
  }
  return finishBatch(batch, model, records.length);
}

/** A record the kernels cannot decide: its slot values (decided by closures), or why it could not be read. */
interface Irregular {
  readonly index: number;
  readonly record: unknown;
  readonly slots: unknown[] | undefined;
  readonly error: unknown;
}

/**
 * Reads blocks of row records into the program's columns: numbers as they are, booleans as 1 / 0,
 * unknown as `NaN`; decides the closure-only rules of each regular record on the way, and keeps
 * the irregular records to decide after the kernels.
 */
class BlockReader {
  readonly columns: Float64Array[];
  readonly kernels: DecisionBatch & { registers: Uint8Array[] };
  private readonly slots: unknown[];
  private readonly irregular: Irregular[] = [];
  private readonly clean = prototypeIsClean();
  private readonly modes: Uint8Array;
  /** True when some rule is decided by closures, which read every record's slots. */
  private readonly closures: boolean;
  /** Name → slot of the slots the kernels read (a null-prototype object). */
  private readonly kernelIndex: Readonly<Record<string, number>>;
  /**
   * The keys of the last plain record, by position, and their slots (-1: not read). One reader
   * takes one path for a whole call (`closures` decides it): `readPlain` keeps slots of every
   * signal here, `readKernelSlots` slots of the kernels' signals with their modes and columns.
   */
  private readonly keys: string[] = [];
  private readonly keySlots: number[] = [];
  /** Per position of the last plain record read by the kernel path: its key's mode and column. */
  private readonly keyModes: number[] = [];
  private readonly keyColumns: Float64Array[] = [];

  constructor(
    private readonly compiled: CompiledRuleSet,
    private readonly asOf: number,
    private readonly idField: string,
    private readonly batch: DecisionBatch,
  ) {
    const { program, slotNames } = compiled;
    this.columns = Array.from({ length: slotNames.length }, (_, slot) =>
      program.modes[slot] === 0 ? EMPTY : new Float64Array(BLOCK),
    );
    this.kernels = { ...batch, registers: programRegisters(program) };
    this.slots = new Array<unknown>(slotNames.length).fill(undefined);
    this.modes = program.modes;
    this.closures = program.vector.includes(0);
    const kernelIndex = Object.create(null) as Record<string, number>;
    for (const slot of program.readSlots) kernelIndex[slotNames[slot]!] = slot;
    this.kernelIndex = kernelIndex;
  }

  read(records: readonly ChurnSignalRecord[], first: number, count: number): void {
    const { compiled, slots, batch, closures } = this;
    const { vector } = compiled.program;
    for (const slot of compiled.program.readSlots) this.columns[slot]!.fill(Number.NaN, 0, count);
    for (let i = 0; i < count; i++) {
      const index = first + i;
      let regular = true;
      let record: unknown;
      try {
        record = records[index];
        if (typeof record !== 'object' || record === null || Array.isArray(record)) {
          throw new ValidationError(
            [makeIssue('', 'an object of signal values', describeValue(record), 'invalid_type')],
            'decideRules',
          );
        }
        if (!this.fast(record)) regular = this.readOther(record, i);
        else
          regular = closures ? this.readPlain(record, i) : this.readKernelSlots(record as Record<string, unknown>, i);
      } catch (error) {
        // a bad record, a throwing getter or a revoked proxy: this record's error, never the batch's
        this.irregular.push({ index, record, slots: undefined, error });
        continue;
      }
      if (regular && closures) {
        try {
          batch.levels[index] = decideByClosures(
            compiled,
            slots,
            this.asOf,
            batch.decisions,
            index * batch.ruleCount,
            vector,
          );
        } catch {
          regular = false;
        }
      }
      if (!regular) this.irregular.push({ index, record, slots: [...slots], error: undefined });
    }
  }

  /** True for a plain object under a clean `Object.prototype`: its own enumerable keys are what `for…in` lists. */
  private fast(record: object): boolean {
    const proto = Object.getPrototypeOf(record) as unknown;
    return this.clean && (proto === Object.prototype || proto === null);
  }

  /** The slot of the key at `position` of a plain record: the previous record's when the key is the same. */
  private slotAt(position: number, key: string, index: Readonly<Record<string, number>>): number {
    const { keys, keySlots } = this;
    if (position < keys.length && keys[position] === key) return keySlots[position]!;
    const slot = index[key] ?? -1;
    keys[position] = key;
    keySlots[position] = slot;
    return slot;
  }

  /**
   * Learns the key at `position` of a plain record: its slot (-1 when no kernel reads it), mode and
   * column. The next records of the same shape find it there by one comparison.
   */
  private learn(position: number, key: string): void {
    const slot = this.kernelIndex[key] ?? -1;
    this.keys[position] = key;
    this.keySlots[position] = slot;
    this.keyModes[position] = slot < 0 ? MODE_NONE : this.modes[slot]!;
    this.keyColumns[position] = slot < 0 ? EMPTY : this.columns[slot]!;
  }

  /**
   * The hot path when the kernels decide every rule: one `for…in` over a plain record, each value
   * the kernels read written straight into its column (no slot array). Records of one shape list
   * their keys in one order, so each key's mode and column are the previous record's at that
   * position, and a number is read at that position's own load site ({@link storeNumber}). At the
   * first value the kernels cannot read, the record's slots are rebuilt from what its columns hold
   * so far and the rest of it is read into slots, for the closures. Returns false then.
   */
  private readKernelSlots(record: Record<string, unknown>, row: number): boolean {
    const { keys, keyModes, keyColumns } = this;
    let position = 0;
    let regular = true;
    for (const key in record) {
      // the length test first: comparing a key with `undefined` (a position not learnt yet) even
      // once would leave the comparison a generic call per key instead of one pointer comparison
      if (position >= keys.length || keys[position] !== key) this.learn(position, key);
      const at = position++;
      const mode = keyModes[at]!;
      if (mode === MODE_NONE) continue;
      const column = keyColumns[at]!;
      if (!regular) {
        this.slots[this.keySlots[at]!] = record[key];
        continue;
      }
      let value: unknown;
      if (mode === MODE_NUMBER) {
        // keys[at] is `key`: the same property, read once, at the position's own site
        value = storeNumber(at, record, keys[at]!, column, row);
        if (value === STORED) continue;
      } else {
        value = record[key];
        if (mode === MODE_BOOLEAN && typeof value === 'boolean') {
          column[row] = value ? 1 : 0;
          continue;
        }
        if (mode === MODE_PRESENCE) {
          if (value !== undefined && value !== null) column[row] = 0;
          continue;
        }
      }
      if (value === undefined || value === null) continue;
      this.slotsFromColumns(row);
      this.slots[this.keySlots[at]!] = value;
      regular = false;
    }
    return regular;
  }

  /**
   * The slots of record `row` as its columns hold them: a number, a boolean (1 / 0), `true` for a
   * slot only `known` / `missing` read (any value decides those alike), `undefined` when unknown.
   */
  private slotsFromColumns(row: number): void {
    const { slots, modes, columns } = this;
    slots.fill(undefined);
    for (const slot of this.compiled.program.readSlots) {
      const value = columns[slot]![row]!;
      if (value !== value) continue;
      slots[slot] = modes[slot] === MODE_NUMBER ? value : modes[slot] === MODE_BOOLEAN ? value === 1 : true;
    }
  }

  /**
   * Reads a plain record in one `for…in` into slots and columns, for rule sets with rules the
   * closures decide. Returns false when a value needs the closures.
   */
  private readPlain(record: object, row: number): boolean {
    const { slots } = this;
    const index = this.compiled.slotIndex;
    slots.fill(undefined);
    let regular = true;
    let position = 0;
    for (const key in record) {
      const slot = this.slotAt(position++, key, index);
      if (slot >= 0) {
        const value = (slots[slot] = (record as Record<string, unknown>)[key]);
        if (value !== undefined && value !== null && !this.place(slot, value, row)) regular = false;
      }
    }
    return regular;
  }

  /** Reads any other record through `readSlots` (own enumerable properties only), then places its values. */
  private readOther(record: object, row: number): boolean {
    const { slots } = this;
    readSlots(this.compiled, record, slots, false);
    let regular = true;
    for (const slot of this.compiled.program.readSlots) {
      const value = slots[slot];
      if (value !== undefined && value !== null && !this.place(slot, value, row)) regular = false;
    }
    return regular;
  }

  /** Writes a known value into its column by the slot's mode; false when the kernels cannot read it. */
  private place(slot: number, value: unknown, row: number): boolean {
    const mode = this.modes[slot]!;
    if (mode === MODE_NUMBER) {
      if (typeof value !== 'number' || value - value !== 0) return false;
      this.columns[slot]![row] = value;
    } else if (mode === MODE_BOOLEAN) {
      if (typeof value !== 'boolean') return false;
      this.columns[slot]![row] = value ? 1 : 0;
    } else if (mode === MODE_PRESENCE) this.columns[slot]![row] = 0;
    return true;
  }

  /** Decides the irregular records of the block by closures, over whatever the kernels wrote. */
  settle(): void {
    const { compiled, batch } = this;
    const { decisions, levels, ruleCount, errors } = batch;
    for (const { index, record, slots, error } of this.irregular) {
      const base = index * ruleCount;
      if (slots === undefined) {
        decisions.fill(-1, base, base + ruleCount);
        levels[index] = 0;
        errors.push(toRecordError(error, index, undefined));
        continue;
      }
      try {
        levels[index] = decideByClosures(compiled, slots, this.asOf, decisions, base, undefined);
      } catch (failure) {
        decisions.fill(-1, base, base + ruleCount);
        levels[index] = 0;
        errors.push(toRecordError(failure, index, readId(record, this.idField)));
      }
    }
    this.irregular.length = 0;
  }
}

const EMPTY = /* @__PURE__ */ new Float64Array(0);

/** What {@link storeNumber} returns when it stored a finite number. */
const STORED = /* @__PURE__ */ Symbol('stored');

/**
 * Reads `record[name]`, the key at `position` of a plain record, and stores it into `column[row]`
 * when it is a finite number (returning {@link STORED}); returns any other value. One load site per
 * position (a switch): a site that only sees one name on records of one shape is a direct field
 * load that reads a double unboxed, where the `for…in` load boxes every double it reads (about a
 * fifth less CPU in the reader on the churn bench's records). Positions from 32 on share one site.
 */
// Long because it is one load site per key position, written out: the sites are the point.
function storeNumber(
  position: number,
  record: Record<string, unknown>,
  name: string,
  column: Float64Array,
  row: number,
): unknown {
  let value: unknown;
  switch (position) {
    case 0:
      value = record[name];
      break;
    case 1:
      value = record[name];
      break;
    case 2:
      value = record[name];
      break;
    case 3:
      value = record[name];
      break;
    case 4:
      value = record[name];
      break;
    case 5:
      value = record[name];
      break;
    case 6:
      value = record[name];
      break;
    case 7:
      value = record[name];
      break;
    case 8:
      value = record[name];
      break;
    case 9:
      value = record[name];
      break;
    case 10:
      value = record[name];
      break;
    case 11:
      value = record[name];
      break;
    case 12:
      value = record[name];
      break;
    case 13:
      value = record[name];
      break;
    case 14:
      value = record[name];
      break;
    case 15:
      value = record[name];
      break;
    case 16:
      value = record[name];
      break;
    case 17:
      value = record[name];
      break;
    case 18:
      value = record[name];
      break;
    case 19:
      value = record[name];
      break;
    case 20:
      value = record[name];
      break;
    case 21:
      value = record[name];
      break;
    case 22:
      value = record[name];
      break;
    case 23:
      value = record[name];
      break;
    case 24:
      value = record[name];
      break;
    case 25:
      value = record[name];
      break;
    case 26:
      value = record[name];
      break;
    case 27:
      value = record[name];
      break;
    case 28:
      value = record[name];
      break;
    case 29:
      value = record[name];
      break;
    case 30:
      value = record[name];
      break;
    case 31:
      value = record[name];
      break;
    default:
      value = record[name];
  }
  if (typeof value !== 'number' || value - value !== 0) return value;
  column[row] = value;
  return STORED;
}
