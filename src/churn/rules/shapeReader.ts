/**
 * The shape reader of `decideRules`' row records: records of one shape (the same own enumerable
 * keys in the same order, the common case of rows made by one piece of code) are checked by one
 * `for…in` that lists their keys and reads nothing, then read by name in straight-line code, each
 * key the kernels need at a load site of its own: a direct field load of a known name, where the
 * row reader dispatches per key inside its `for…in`. A record is read this way only when `for…in`
 * lists exactly the shape's keys, so it reads the same properties, each once, in the record's key
 * order, as the row reader does; a record of any other shape is left to the row reader.
 *
 * @module
 */
import { MODE_BOOLEAN, MODE_NONE, MODE_NUMBER } from './ruleProgram.js';

/** How many of a shape's keys the kernels read get a load site of their own (the rest share one). */
export const SHAPE_SITES = 24;

/** What the shape reader keeps for one call. An object literal, for the reason `createReader` gives. */
export interface ShapeReader {
  /** The shape's keys by position; `learnt` false until a record has given them. */
  keys: string[];
  learnt: boolean;
  /** The keys the kernels read, in key order, with their slots, modes and columns. */
  readonly names: string[];
  readonly slots: number[];
  readonly modes: number[];
  readonly columns: Float64Array[];
  /** The kernels' slots the shape has no key for (their columns start unknown in each block). */
  readonly absent: number[];
  /** The value {@link readShaped} stopped at. */
  pending: unknown;
}

/** A shape reader with no shape learnt. */
export function createShapeReader(): ShapeReader {
  return {
    keys: [],
    learnt: false,
    names: [],
    slots: [],
    modes: [],
    columns: [],
    absent: [],
    pending: undefined,
  };
}

/**
 * Learns the shape from a plain record's keys (listed, not read): the slot, mode and column of each
 * key the kernels read (`index`: name → slot, null-prototype).
 */
export function learnShape(
  shape: ShapeReader,
  record: object,
  index: Readonly<Record<string, number>>,
  modes: Uint8Array,
  columns: readonly Float64Array[],
  readSlots: Int32Array,
): void {
  const keys: string[] = [];
  for (const key in record) keys.push(key);
  shape.keys = keys;
  shape.names.length = shape.slots.length = shape.modes.length = shape.columns.length = 0;
  for (const key of keys) {
    const slot = index[key];
    if (slot === undefined || modes[slot] === MODE_NONE) continue;
    shape.names.push(key);
    shape.slots.push(slot);
    shape.modes.push(modes[slot]!);
    shape.columns.push(columns[slot]!);
  }
  shape.absent.length = 0;
  for (const slot of readSlots) if (!shape.slots.includes(slot)) shape.absent.push(slot);
  shape.learnt = true;
}

/** True when `for…in` lists exactly the shape's keys, in order (no value is read). */
export function hasShape(shape: ShapeReader, record: object): boolean {
  const keys = shape.keys;
  let position = 0;
  for (const key in record) {
    // the length test first, as in the row reader: the comparison stays one pointer comparison
    if (position >= keys.length || keys[position] !== key) return false;
    position++;
  }
  return position === keys.length;
}

/**
 * Reads a record of the shape into its columns at `row`: each key the kernels read, in key order, at
 * its own load site (the first {@link SHAPE_SITES}) (a finite number for a number slot stored there, anything else by
 * {@link storeOther}). Returns -1, or the position among `names` of the first value the kernels
 * cannot read (kept in `pending`; the keys after it are not read).
 */
// Long because it is one load site per key the kernels read, written out: the sites are the point.
export function readShaped(shape: ShapeReader, record: Record<string, unknown>, row: number): number {
  const { names, modes, columns } = shape;
  const count = names.length;
  let value: unknown;
  if (count === 0) return -1;
  value = record[names[0]!];
  if (typeof value === 'number' && modes[0] === MODE_NUMBER && value - value === 0) columns[0]![row] = value;
  else if (!storeOther(shape, 0, value, row)) return kept(shape, 0, value);
  if (count === 1) return -1;
  value = record[names[1]!];
  if (typeof value === 'number' && modes[1] === MODE_NUMBER && value - value === 0) columns[1]![row] = value;
  else if (!storeOther(shape, 1, value, row)) return kept(shape, 1, value);
  if (count === 2) return -1;
  value = record[names[2]!];
  if (typeof value === 'number' && modes[2] === MODE_NUMBER && value - value === 0) columns[2]![row] = value;
  else if (!storeOther(shape, 2, value, row)) return kept(shape, 2, value);
  if (count === 3) return -1;
  value = record[names[3]!];
  if (typeof value === 'number' && modes[3] === MODE_NUMBER && value - value === 0) columns[3]![row] = value;
  else if (!storeOther(shape, 3, value, row)) return kept(shape, 3, value);
  if (count === 4) return -1;
  value = record[names[4]!];
  if (typeof value === 'number' && modes[4] === MODE_NUMBER && value - value === 0) columns[4]![row] = value;
  else if (!storeOther(shape, 4, value, row)) return kept(shape, 4, value);
  if (count === 5) return -1;
  value = record[names[5]!];
  if (typeof value === 'number' && modes[5] === MODE_NUMBER && value - value === 0) columns[5]![row] = value;
  else if (!storeOther(shape, 5, value, row)) return kept(shape, 5, value);
  if (count === 6) return -1;
  value = record[names[6]!];
  if (typeof value === 'number' && modes[6] === MODE_NUMBER && value - value === 0) columns[6]![row] = value;
  else if (!storeOther(shape, 6, value, row)) return kept(shape, 6, value);
  if (count === 7) return -1;
  value = record[names[7]!];
  if (typeof value === 'number' && modes[7] === MODE_NUMBER && value - value === 0) columns[7]![row] = value;
  else if (!storeOther(shape, 7, value, row)) return kept(shape, 7, value);
  if (count === 8) return -1;
  value = record[names[8]!];
  if (typeof value === 'number' && modes[8] === MODE_NUMBER && value - value === 0) columns[8]![row] = value;
  else if (!storeOther(shape, 8, value, row)) return kept(shape, 8, value);
  if (count === 9) return -1;
  value = record[names[9]!];
  if (typeof value === 'number' && modes[9] === MODE_NUMBER && value - value === 0) columns[9]![row] = value;
  else if (!storeOther(shape, 9, value, row)) return kept(shape, 9, value);
  if (count === 10) return -1;
  value = record[names[10]!];
  if (typeof value === 'number' && modes[10] === MODE_NUMBER && value - value === 0) columns[10]![row] = value;
  else if (!storeOther(shape, 10, value, row)) return kept(shape, 10, value);
  if (count === 11) return -1;
  value = record[names[11]!];
  if (typeof value === 'number' && modes[11] === MODE_NUMBER && value - value === 0) columns[11]![row] = value;
  else if (!storeOther(shape, 11, value, row)) return kept(shape, 11, value);
  if (count === 12) return -1;
  value = record[names[12]!];
  if (typeof value === 'number' && modes[12] === MODE_NUMBER && value - value === 0) columns[12]![row] = value;
  else if (!storeOther(shape, 12, value, row)) return kept(shape, 12, value);
  if (count === 13) return -1;
  value = record[names[13]!];
  if (typeof value === 'number' && modes[13] === MODE_NUMBER && value - value === 0) columns[13]![row] = value;
  else if (!storeOther(shape, 13, value, row)) return kept(shape, 13, value);
  if (count === 14) return -1;
  value = record[names[14]!];
  if (typeof value === 'number' && modes[14] === MODE_NUMBER && value - value === 0) columns[14]![row] = value;
  else if (!storeOther(shape, 14, value, row)) return kept(shape, 14, value);
  if (count === 15) return -1;
  value = record[names[15]!];
  if (typeof value === 'number' && modes[15] === MODE_NUMBER && value - value === 0) columns[15]![row] = value;
  else if (!storeOther(shape, 15, value, row)) return kept(shape, 15, value);
  if (count === 16) return -1;
  value = record[names[16]!];
  if (typeof value === 'number' && modes[16] === MODE_NUMBER && value - value === 0) columns[16]![row] = value;
  else if (!storeOther(shape, 16, value, row)) return kept(shape, 16, value);
  if (count === 17) return -1;
  value = record[names[17]!];
  if (typeof value === 'number' && modes[17] === MODE_NUMBER && value - value === 0) columns[17]![row] = value;
  else if (!storeOther(shape, 17, value, row)) return kept(shape, 17, value);
  if (count === 18) return -1;
  value = record[names[18]!];
  if (typeof value === 'number' && modes[18] === MODE_NUMBER && value - value === 0) columns[18]![row] = value;
  else if (!storeOther(shape, 18, value, row)) return kept(shape, 18, value);
  if (count === 19) return -1;
  value = record[names[19]!];
  if (typeof value === 'number' && modes[19] === MODE_NUMBER && value - value === 0) columns[19]![row] = value;
  else if (!storeOther(shape, 19, value, row)) return kept(shape, 19, value);
  if (count === 20) return -1;
  value = record[names[20]!];
  if (typeof value === 'number' && modes[20] === MODE_NUMBER && value - value === 0) columns[20]![row] = value;
  else if (!storeOther(shape, 20, value, row)) return kept(shape, 20, value);
  if (count === 21) return -1;
  value = record[names[21]!];
  if (typeof value === 'number' && modes[21] === MODE_NUMBER && value - value === 0) columns[21]![row] = value;
  else if (!storeOther(shape, 21, value, row)) return kept(shape, 21, value);
  if (count === 22) return -1;
  value = record[names[22]!];
  if (typeof value === 'number' && modes[22] === MODE_NUMBER && value - value === 0) columns[22]![row] = value;
  else if (!storeOther(shape, 22, value, row)) return kept(shape, 22, value);
  if (count === 23) return -1;
  value = record[names[23]!];
  if (typeof value === 'number' && modes[23] === MODE_NUMBER && value - value === 0) columns[23]![row] = value;
  else if (!storeOther(shape, 23, value, row)) return kept(shape, 23, value);
  // keys past the sites: one shared site (correct, and slower on the engine's generic path)
  for (let at = SHAPE_SITES; at < count; at++) {
    value = record[names[at]!];
    if (typeof value === 'number' && modes[at] === MODE_NUMBER && value - value === 0) columns[at]![row] = value;
    else if (!storeOther(shape, at, value, row)) return kept(shape, at, value);
  }
  return -1;
}

function kept(shape: ShapeReader, at: number, value: unknown): number {
  shape.pending = value;
  return at;
}

/**
 * Stores a value {@link readShaped} did not: a boolean for a boolean slot as 1 / 0, any known value
 * for a presence slot as 0, an unknown one as NaN. Returns false for a value the kernels
 * cannot read.
 */
export function storeOther(shape: ShapeReader, at: number, value: unknown, row: number): boolean {
  if (value === undefined || value === null) {
    shape.columns[at]![row] = Number.NaN;
    return true;
  }
  const mode = shape.modes[at]!;
  if (mode === MODE_BOOLEAN) {
    if (typeof value !== 'boolean') return false;
    shape.columns[at]![row] = value ? 1 : 0;
    return true;
  }
  if (mode === MODE_NUMBER) return false;
  shape.columns[at]![row] = 0;
  return true;
}
