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
  kernelOutput,
  runProgram,
  type KernelOutput,
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
import { createShapeReader, hasShape, learnShape, readShaped, type ShapeReader } from './shapeReader.js';
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
 * rules' closures, as {@link evaluateRules} decides them. Records of one shape (the same own
 * enumerable keys in the same order) are checked by one `for…in` that reads no value and then read
 * by name, each key once, in key order. Nothing is allocated per record. Already columnar data:
 * {@link decideRulesColumns}.
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
  const reader = createReader(compiled, asOf, options.idField ?? 'id', batch);
  for (let first = 0; first < records.length; first += BLOCK) {
    const count = Math.min(BLOCK, records.length - first);
    readBlock(reader, records, first, count);
    runProgram(compiled.program, reader.columns, 0, first, count, reader.kernels);
    settle(reader);
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
 * What the row reader keeps for one call. An object literal made by {@link createReader}, not a
 * class instance, on purpose: a literal's hidden class is held by its boilerplate for as long as
 * the code that makes it lives, where the hidden class a class instance reaches by adding its
 * fields is held only weakly between calls. A full collection with no reader alive freed it and
 * threw away every optimised function that checked it (`readBlock`, `readKernelSlots`), so the first
 * calls after each collection ran unoptimised.
 */
interface Reader {
  readonly compiled: CompiledRuleSet;
  readonly asOf: number;
  readonly idField: string;
  readonly batch: DecisionBatch;
  readonly columns: Float64Array[];
  readonly kernels: KernelOutput;
  readonly slots: unknown[];
  readonly irregular: Irregular[];
  /** `Object.prototype` has no enumerable property, so `for…in` over a plain record lists its own keys. */
  readonly clean: boolean;
  readonly modes: Uint8Array;
  /** True when some rule is decided by closures, which read every record's slots. */
  readonly closures: boolean;
  /** Name → slot of the slots the kernels read (a null-prototype object). */
  readonly kernelIndex: Readonly<Record<string, number>>;
  /**
   * The keys of the last plain record, by position, and their slots (-1: not read). One reader
   * takes one path for a whole call (`closures` decides it): `readPlain` keeps slots of every
   * signal here, `readKernelSlots` slots of the kernels' signals with their modes and columns.
   */
  readonly keys: string[];
  readonly keySlots: number[];
  /** Per position of the last plain record read by the kernel path: its key's mode and column. */
  readonly keyModes: number[];
  readonly keyColumns: Float64Array[];
  /** The reader of records of one shape (kernel-only rule sets). */
  readonly shape: ShapeReader;
}

/**
 * The reader of one call: blocks of row records read into the program's columns (numbers as they
 * are, booleans as 1 / 0, unknown as `NaN`), the closure-only rules of each regular record decided
 * on the way, the irregular records kept to decide after the kernels.
 */
function createReader(compiled: CompiledRuleSet, asOf: number, idField: string, batch: DecisionBatch): Reader {
  const { program, slotNames } = compiled;
  const columns = Array.from({ length: slotNames.length }, (_, slot) =>
    program.modes[slot] === 0 ? EMPTY : new Float64Array(BLOCK),
  );
  const kernelIndex = Object.create(null) as Record<string, number>;
  for (const slot of program.readSlots) kernelIndex[slotNames[slot]!] = slot;
  return {
    compiled,
    asOf,
    idField,
    batch,
    columns,
    kernels: kernelOutput(batch, program),
    slots: new Array<unknown>(slotNames.length).fill(undefined),
    irregular: [],
    clean: prototypeIsClean(),
    modes: program.modes,
    closures: program.vector.includes(0),
    kernelIndex,
    keys: [],
    keySlots: [],
    keyModes: [],
    keyColumns: [],
    shape: createShapeReader(),
  };
}

function readBlock(reader: Reader, records: readonly ChurnSignalRecord[], first: number, count: number): void {
  if (!reader.closures) {
    readBlockByShape(reader, records, first, count);
    return;
  }
  const { compiled, slots, batch } = reader;
  const { vector } = compiled.program;
  for (const slot of compiled.program.readSlots) reader.columns[slot]!.fill(Number.NaN, 0, count);
  for (let i = 0; i < count; i++) {
    const index = first + i;
    let regular = true;
    let record: unknown;
    try {
      record = records[index];
      checkRecord(record);
      regular = isPlain(reader, record) ? readPlain(reader, record, i) : readOther(reader, record, i);
    } catch (error) {
      // a bad record, a throwing getter or a revoked proxy: this record's error, never the batch's
      reader.irregular.push({ index, record, slots: undefined, error });
      continue;
    }
    if (regular) {
      try {
        batch.levels[index] = decideByClosures(
          compiled,
          slots,
          reader.asOf,
          batch.decisions,
          index * batch.ruleCount,
          vector,
        );
      } catch {
        regular = false;
      }
    }
    if (!regular) reader.irregular.push({ index, record, slots: [...slots], error: undefined });
  }
}

/**
 * The block of a rule set the kernels decide whole: each plain record checked against the shape
 * (one `for…in`, keys only) and, when it has it, read by {@link readShaped}; any other record read
 * by the row reader.
 */
function readBlockByShape(reader: Reader, records: readonly ChurnSignalRecord[], first: number, count: number): void {
  const { shape } = reader;
  // a record of the shape writes the column of each of its keys (unknown as NaN), so with a shape
  // known only the columns of the kernels' other slots start unknown, and a record of another
  // shape is set unknown first; without one, every column starts unknown
  const { readSlots } = reader.compiled.program;
  const filled = !shape.learnt;
  for (const slot of filled ? readSlots : shape.absent) reader.columns[slot]!.fill(Number.NaN, 0, count);
  let shaped = 0;
  for (let i = 0; i < count; i++) {
    const index = first + i;
    let record: unknown;
    let regular = true;
    try {
      record = records[index];
      checkRecord(record);
      if (!isPlain(reader, record)) {
        if (!filled) unknownRow(reader, i);
        regular = readOther(reader, record, i);
      } else {
        if (!shape.learnt) learnShape(shape, record, reader.kernelIndex, reader.modes, reader.columns, readSlots);
        if (hasShape(shape, record)) {
          shaped++;
          const stopped = readShaped(shape, record as Record<string, unknown>, i);
          if (stopped >= 0) regular = readRestIntoSlots(reader, record as Record<string, unknown>, i, stopped);
        } else {
          if (!filled) unknownRow(reader, i);
          regular = readKernelSlots(reader, record as Record<string, unknown>, i);
        }
      }
    } catch (error) {
      // a bad record, a throwing getter or a revoked proxy: this record's error, never the batch's
      reader.irregular.push({ index, record, slots: undefined, error });
      continue;
    }
    if (!regular) reader.irregular.push({ index, record, slots: [...reader.slots], error: undefined });
  }
  // most of the block of another shape: the next block learns its shape from its first plain record
  if (shaped * 2 < count) shape.learnt = false;
}

/** Sets record `row` unknown in every column the kernels read. */
function unknownRow(reader: Reader, row: number): void {
  for (const slot of reader.compiled.program.readSlots) reader.columns[slot]![row] = Number.NaN;
}

/**
 * A record of the shape holding a value the kernels cannot read at `stopped` (among the shape's
 * names): its slots rebuilt from what its columns hold so far, that value, and the rest of its keys
 * the kernels read, read into slots, as the row reader does. Returns false (the closures decide it).
 */
function readRestIntoSlots(reader: Reader, record: Record<string, unknown>, row: number, stopped: number): boolean {
  const { shape, slots } = reader;
  slotsFromColumns(reader, row);
  slots[shape.slots[stopped]!] = shape.pending;
  shape.pending = undefined;
  for (let at = stopped + 1; at < shape.names.length; at++) slots[shape.slots[at]!] = record[shape.names[at]!];
  return false;
}

/** Throws the error of a record that is not an object of signal values (a primitive, `null`, an array). */
function checkRecord(record: unknown): asserts record is object {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new ValidationError(
      [makeIssue('', 'an object of signal values', describeValue(record), 'invalid_type')],
      'decideRules',
    );
  }
}

/** True for a plain object under a clean `Object.prototype`: its own enumerable keys are what `for…in` lists. */
function isPlain(reader: Reader, record: object): boolean {
  const proto = Object.getPrototypeOf(record) as unknown;
  return reader.clean && (proto === Object.prototype || proto === null);
}

/** The slot of the key at `position` of a plain record: the previous record's when the key is the same. */
function slotAt(reader: Reader, position: number, key: string, index: Readonly<Record<string, number>>): number {
  const { keys, keySlots } = reader;
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
function learn(reader: Reader, position: number, key: string): void {
  const slot = reader.kernelIndex[key] ?? -1;
  reader.keys[position] = key;
  reader.keySlots[position] = slot;
  reader.keyModes[position] = slot < 0 ? MODE_NONE : reader.modes[slot]!;
  reader.keyColumns[position] = slot < 0 ? EMPTY : reader.columns[slot]!;
}

/**
 * The row reader when the kernels decide every rule, for a plain record not of the shape (see
 * shapeReader.ts, which reads the rest): one `for…in` over the record, each value the kernels read
 * written straight into its column (no slot array). Records of one shape list their keys in one
 * order, so each key's mode and column are the previous record's at that position. At the first
 * value the kernels cannot read, the record's slots are rebuilt from what its columns hold so far
 * and the rest of it is read into slots, for the closures. Returns false then.
 */
function readKernelSlots(reader: Reader, record: Record<string, unknown>, row: number): boolean {
  const { keys, keyModes, keyColumns } = reader;
  let position = 0;
  let regular = true;
  for (const key in record) {
    // the length test first: comparing a key with `undefined` (a position not learnt yet) even
    // once would leave the comparison a generic call per key instead of one pointer comparison
    if (position >= keys.length || keys[position] !== key) learn(reader, position, key);
    const at = position++;
    const mode = keyModes[at]!;
    if (mode === MODE_NONE) continue;
    const column = keyColumns[at]!;
    if (!regular) {
      reader.slots[reader.keySlots[at]!] = record[key];
      continue;
    }
    const value = record[key];
    if (mode === MODE_NUMBER) {
      if (typeof value === 'number' && value - value === 0) {
        column[row] = value;
        continue;
      }
    } else {
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
    slotsFromColumns(reader, row);
    reader.slots[reader.keySlots[at]!] = value;
    regular = false;
  }
  return regular;
}

/**
 * The slots of record `row` as its columns hold them: a number, a boolean (1 / 0), `true` for a
 * slot only `known` / `missing` read (any value decides those alike), `undefined` when unknown.
 */
function slotsFromColumns(reader: Reader, row: number): void {
  const { slots, modes, columns } = reader;
  slots.fill(undefined);
  for (const slot of reader.compiled.program.readSlots) {
    const value = columns[slot]![row]!;
    if (value !== value) continue;
    slots[slot] = modes[slot] === MODE_NUMBER ? value : modes[slot] === MODE_BOOLEAN ? value === 1 : true;
  }
}

/**
 * Reads a plain record in one `for…in` into slots and columns, for rule sets with rules the
 * closures decide. Returns false when a value needs the closures.
 */
function readPlain(reader: Reader, record: object, row: number): boolean {
  const { slots } = reader;
  const index = reader.compiled.slotIndex;
  slots.fill(undefined);
  let regular = true;
  let position = 0;
  for (const key in record) {
    const slot = slotAt(reader, position++, key, index);
    if (slot >= 0) {
      const value = (slots[slot] = (record as Record<string, unknown>)[key]);
      if (value !== undefined && value !== null && !place(reader, slot, value, row)) regular = false;
    }
  }
  return regular;
}

/** Reads any other record through `readSlots` (own enumerable properties only), then places its values. */
function readOther(reader: Reader, record: object, row: number): boolean {
  const { slots } = reader;
  readSlots(reader.compiled, record, slots, false);
  let regular = true;
  for (const slot of reader.compiled.program.readSlots) {
    const value = slots[slot];
    if (value !== undefined && value !== null && !place(reader, slot, value, row)) regular = false;
  }
  return regular;
}

/** Writes a known value into its column by the slot's mode; false when the kernels cannot read it. */
function place(reader: Reader, slot: number, value: unknown, row: number): boolean {
  const mode = reader.modes[slot]!;
  if (mode === MODE_NUMBER) {
    if (typeof value !== 'number' || value - value !== 0) return false;
    reader.columns[slot]![row] = value;
  } else if (mode === MODE_BOOLEAN) {
    if (typeof value !== 'boolean') return false;
    reader.columns[slot]![row] = value ? 1 : 0;
  } else if (mode === MODE_PRESENCE) reader.columns[slot]![row] = 0;
  return true;
}

/** Decides the irregular records of the block by closures, over whatever the kernels wrote. */
function settle(reader: Reader): void {
  const { compiled, batch } = reader;
  const { decisions, levels, ruleCount, errors } = batch;
  for (const { index, record, slots, error } of reader.irregular) {
    const base = index * ruleCount;
    if (slots === undefined) {
      decisions.fill(-1, base, base + ruleCount);
      levels[index] = 0;
      errors.push(toRecordError(error, index, undefined));
      continue;
    }
    try {
      levels[index] = decideByClosures(compiled, slots, reader.asOf, decisions, base, undefined);
    } catch (failure) {
      decisions.fill(-1, base, base + ruleCount);
      levels[index] = 0;
      errors.push(toRecordError(failure, index, readId(record, reader.idField)));
    }
  }
  reader.irregular.length = 0;
}

const EMPTY = /* @__PURE__ */ new Float64Array(0);
