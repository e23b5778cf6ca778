/**
 * The row fingerprints of `scoreColumns`' default: the column-by-column block loop against a
 * plain per-row fingerprint written here from the definition (each cell's two 32-bit words read
 * with a DataView, `h = mix(imul(h ^ lo, K)); h = mix(imul(h ^ hi, L))` from the seed), the one
 * guarantee the docs state (a change of any single bit of any one cell changes the row's
 * fingerprint), and no blind spot for the changes a caller makes to whole cells: negating, scaling,
 * swapping, stepping by an ulp, rewriting a column.
 */
import { describe, expect, it } from 'vitest';
import {
  FINGERPRINT_FACTOR,
  FINGERPRINT_HIGH_FACTOR,
  FINGERPRINT_SEED,
  fingerprintBlock,
  rowFingerprint,
  wordView,
} from '../../src/scoring/scorecard/columnFingerprints.js';

/** Whether this platform stores the low word of a double first (what an `Int32Array` view reads first). */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The fingerprint of row `row` of `columns`, cell by cell, from the definition. */
function naiveFingerprint(columns: readonly Float64Array[], row: number): number {
  let h = FINGERPRINT_SEED;
  for (const column of columns) {
    const bytes = new DataView(column.buffer, column.byteOffset + row * 8, 8);
    const first = bytes.getInt32(0, littleEndian);
    const second = bytes.getInt32(4, littleEndian);
    const low = Math.imul(h ^ first, FINGERPRINT_FACTOR);
    const high = Math.imul(low ^ (low >>> 16) ^ second, FINGERPRINT_HIGH_FACTOR);
    h = high ^ (high >>> 16);
  }
  return h;
}

/** A deterministic mix of cells: arbitrary doubles, grid values, ±0, NaN with payloads, ±Infinity, subnormals. */
function columnsOf(factorCount: number, rows: number, seed: number): Float64Array[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
  const special = [0, -0, Number.NaN, Infinity, -Infinity, 5e-324, -5e-324, 0.1 + 0.2, 2.5];
  return Array.from({ length: factorCount }, () => {
    const column = new Float64Array(rows);
    const words = wordView(column);
    for (let i = 0; i < rows; i++) {
      const kind = next() % 4;
      if (kind === 0) column[i] = special[next() % special.length]!;
      else if (kind === 1) column[i] = (next() % 2001) / 2 - 500;
      else {
        words[2 * i] = next() | 0; // any bit pattern, NaN payloads included
        words[2 * i + 1] = next() | 0;
      }
    }
    return column;
  });
}

describe('row fingerprints', () => {
  it('the block loop gives every row the fingerprint computed cell by cell from the definition', () => {
    for (const [factorCount, rows, start, end] of [
      [13, 2048, 0, 2048],
      [13, 5000, 2048, 4096],
      [5, 300, 17, 300],
      [1, 64, 3, 4],
      [0, 10, 0, 10],
      [4, 100, 50, 50],
    ] as const) {
      const columns = columnsOf(factorCount, rows, rows + factorCount);
      const views = columns.map(wordView);
      const block = new Int32Array(end - start + 3).fill(7);
      fingerprintBlock(views, start, end, block, 2);
      for (let i = start; i < end; i++) {
        expect(block[2 + i - start]).toBe(naiveFingerprint(columns, i));
        expect(rowFingerprint(views, i)).toBe(naiveFingerprint(columns, i));
      }
      // nothing outside the slice is written
      expect([block[0], block[1], block[block.length - 1]]).toEqual([7, 7, 7]);
    }
  });

  it('reads a column that is a view into a larger buffer at its own offset', () => {
    const buffer = new Float64Array(40).map((_, i) => i + 0.1);
    const column = new Float64Array(buffer.buffer, 8 * 10, 20);
    const into = new Int32Array(20);
    fingerprintBlock([wordView(column)], 0, 20, into, 0);
    for (let i = 0; i < 20; i++) expect(into[i]).toBe(naiveFingerprint([column], i));
  });

  it('a change of any single bit of any one cell of a row changes its fingerprint', () => {
    const columns = columnsOf(13, 6, 99);
    const views = columns.map(wordView);
    for (let row = 0; row < 6; row++) {
      const before = rowFingerprint(views, row);
      for (const words of views)
        for (let bit = 0; bit < 64; bit++) {
          const word = 2 * row + (bit >> 5);
          words[word]! ^= 1 << (bit & 31);
          expect(rowFingerprint(views, row)).not.toBe(before);
          words[word]! ^= 1 << (bit & 31);
        }
      expect(rowFingerprint(views, row)).toBe(before);
    }
  });

  it('a column that no longer holds the row (its buffer transferred) has no fingerprint', () => {
    const column = new Float64Array([1.5, 0.1 + 0.2, 3, 4]);
    const views = [wordView(column)];
    expect(rowFingerprint(views, 3)).toBe(naiveFingerprint([column], 3));
    structuredClone(column.buffer, { transfer: [column.buffer] });
    expect(rowFingerprint(views, 3)).toBeNull();
  });

  it('catches the changes a caller makes to whole cells of a row: none of about 21,000 escapes', () => {
    // two sign flips once cancelled (a flipped top bit passed through every product unchanged)
    const changes: ((cells: Float64Array[], row: number, pick: () => number) => void)[] = [
      (cells, row, pick) => {
        for (const f of [pick(), pick()]) cells[f]![row] = -cells[f]![row]!;
      },
      (cells, row) => {
        for (const column of cells) column[row] = -column[row]!;
      },
      (cells, row, pick) => {
        const f = pick();
        cells[f]![row] = cells[f]![row]! * 2;
      },
      (cells, row, pick) => {
        const [f, g] = [pick(), pick()];
        [cells[f]![row], cells[g]![row]] = [cells[g]![row]!, cells[f]![row]!];
      },
      (cells, row, pick) => {
        const f = pick();
        const value = cells[f]![row]!;
        cells[f]![row] = Number.isFinite(value) ? value + Math.abs(value) * Number.EPSILON + 5e-324 : 1;
      },
      (cells, row, pick) => {
        const f = pick();
        cells[f]![row] = cells[f]![row]! + 1;
      },
    ];
    let escaped = 0;
    let tried = 0;
    let state = 12345;
    const pick = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % 13;
    };
    for (let round = 0; round < 4; round++) {
      const columns = columnsOf(13, 1000, 7 + round);
      const views = columns.map(wordView);
      for (let row = 0; row < 1000; row++)
        for (const change of changes) {
          const before = rowFingerprint(views, row);
          const saved = columns.map((column) => column[row]!);
          change(columns, row, pick);
          const changed = columns.some((column, f) => !Object.is(column[row], saved[f]));
          if (changed) {
            tried++;
            if (rowFingerprint(views, row) === before) escaped++;
          }
          columns.forEach((column, f) => (column[row] = saved[f]!));
        }
    }
    expect(tried).toBeGreaterThan(20_000);
    expect(escaped).toBe(0);
  });
});
