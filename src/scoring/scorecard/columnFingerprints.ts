/**
 * Row fingerprints behind `scoreColumns`' default (`copy` left out): instead of a snapshot of the
 * `Float64Array` cells that `total(i)` reads later, a 32-bit fingerprint of each kept row's cells,
 * taken right after pass 2 while the block is in the cache, and checked against the caller's
 * columns when `total(i)` is read.
 *
 * A row's fingerprint runs over its `Float64Array` cells in factor order, each read as its two
 * 32-bit words `lo`, `hi` (through an `Int32Array` view of the column's buffer): from a fixed seed,
 * per cell `h = mix(imul(h ^ lo, K)); h = mix(imul(h ^ hi, L))` with `K`, `L` odd and
 * `mix(x) = x ^ (x >>> 16)`. Each operation is a bijection of 32-bit words, so each step is a
 * bijection in `h` and, the other inputs fixed, in `lo` and in `hi`: a change confined to one word of
 * one cell (any change of a single bit, `-0` for `0`) changes `h` after that cell, and every later
 * step keeps it changed: it is always detected. A change of both words of a cell (a step of one ulp
 * that carries into the high word), or of several cells, can escape: a 64-bit cell cannot map
 * one-to-one onto 32 bits, so no 32-bit fingerprint can catch them all. The shifts fold the high
 * bits of each product down before the next one (without them, a flipped sign bit passes through
 * every product unchanged and two sign flips cancel, so negating two cells of a row went unseen);
 * changes unrelated to the hash escape with a chance of about one in 2^32 (a property test negates,
 * scales and swaps cells, steps them by an ulp and rewrites whole columns). It guards against a
 * caller reusing the arrays, not against an adversary who knows the constants.
 * @module
 */

/** The odd multiplier of a cell's low word: 2^32 / φ rounded to an odd integer (as an int32). */
export const FINGERPRINT_FACTOR = 0x9e3779b1 | 0;
/** The odd multiplier of a cell's high word (MurmurHash3's first 32-bit mixing constant, as an int32). */
export const FINGERPRINT_HIGH_FACTOR = 0x85ebca6b | 0;
/** The fingerprint of a row before its first cell (as an int32). */
export const FINGERPRINT_SEED = 0x811c9dc5 | 0;

/** The `Int32Array` view of a `Float64Array`'s cells: the words of cell `i` are at `2i` and `2i + 1`. */
export function wordView(column: Float64Array): Int32Array {
  return new Int32Array(column.buffer, column.byteOffset, column.length * 2);
}

/**
 * The fingerprints of rows `[start, end)` over the columns `views` (in factor order), written to
 * `into[at … at + end − start)`: column by column, each a loop over the block (the accumulator is
 * `into`'s slice, a block long, so it stays in the cache), four columns a loop (one load and store
 * of a row's accumulator for the four), then one at a time. Equals {@link rowFingerprint} per row.
 */
export function fingerprintBlock(
  views: readonly Int32Array[],
  start: number,
  end: number,
  into: Int32Array,
  at: number,
): void {
  const k = FINGERPRINT_FACTOR;
  const l = FINGERPRINT_HIGH_FACTOR;
  const stop = at + end - start;
  into.fill(FINGERPRINT_SEED, at, stop);
  let v = 0;
  for (; v + 4 <= views.length; v += 4) {
    const [a, b, c, d] = [views[v]!, views[v + 1]!, views[v + 2]!, views[v + 3]!];
    for (let j = at, w = 2 * start; j < stop; j++, w += 2) {
      let h = into[j]!;
      h = Math.imul(h ^ a[w]!, k);
      h = Math.imul(h ^ (h >>> 16) ^ a[w + 1]!, l);
      h = Math.imul(h ^ (h >>> 16) ^ b[w]!, k);
      h = Math.imul(h ^ (h >>> 16) ^ b[w + 1]!, l);
      h = Math.imul(h ^ (h >>> 16) ^ c[w]!, k);
      h = Math.imul(h ^ (h >>> 16) ^ c[w + 1]!, l);
      h = Math.imul(h ^ (h >>> 16) ^ d[w]!, k);
      h = Math.imul(h ^ (h >>> 16) ^ d[w + 1]!, l);
      into[j] = h ^ (h >>> 16);
    }
  }
  for (; v < views.length; v++) {
    const words = views[v]!;
    for (let j = at, w = 2 * start; j < stop; j++, w += 2) {
      let h = Math.imul(into[j]! ^ words[w]!, k);
      h = Math.imul(h ^ (h >>> 16) ^ words[w + 1]!, l);
      into[j] = h ^ (h >>> 16);
    }
  }
}

/**
 * The fingerprint of row `row` over the columns `views` (in factor order), or `null` when a column
 * no longer holds the row (its buffer was transferred or shrunk).
 */
export function rowFingerprint(views: readonly Int32Array[], row: number): number | null {
  let h = FINGERPRINT_SEED;
  for (let v = 0; v < views.length; v++) {
    const words = views[v]!;
    if (2 * row + 1 >= words.length) return null;
    h = Math.imul(h ^ words[2 * row]!, FINGERPRINT_FACTOR);
    h = Math.imul(h ^ (h >>> 16) ^ words[2 * row + 1]!, FINGERPRINT_HIGH_FACTOR);
    h ^= h >>> 16;
  }
  return h;
}
