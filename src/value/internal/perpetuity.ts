/**
 * The constant end-timing perpetuity m·r/(1+d−r) of `expectedNpv` for a margin given as a plain
 * number, computed on integers: the same decimal as `m.times(r).div(1 + d − r)`, without the
 * decimal arithmetic per account.
 *
 * Why it is the same: the margin is read as an integer count of millionths M (the exactness
 * guard below admits only numbers whose decimal value that is), so m has at most 16 significant
 * digits; with r of at most 24, the product m·r has at most 40 and decimal.js computes it exactly.
 * Its division is then one correctly rounded operation (40 significant digits, half to even),
 * which is what this computes: the exact quotient M·A/B (A/B = r / (10^6 · (1+d−r)), reduced)
 * scaled to 40 digits, rounded half to even on the exact remainder.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal, ZERO } from '../../shared/numeric.js';
import { fromDecimal, rational, tenTo } from '../../shared/rational.js';
import { toMillionths } from '../../shared/millionths.js';

const TEN_39 = tenTo(39);
const TEN_40 = tenTo(40);

/** Values a margin (a plain number); `null` when the margin is not exactly a count of millionths. */
export type PerpetuityValuer = (margin: number) => Decimal | null;

/** The valuer for retention r and divisor 1 + d − r (positive), or `null` when r has over 24 digits. */
export function perpetuityValuer(retention: Decimal, divisor: Decimal): PerpetuityValuer | null {
  if (retention.sd() > 24 || retention.isZero()) return null;
  const r = fromDecimal(retention);
  const v = fromDecimal(divisor);
  // r / (10^6 · (1+d−r)) = A / B in lowest terms
  const { numerator: A, denominator: B } = rational(
    r.numerator * v.denominator,
    r.denominator * 1_000_000n * v.numerator,
  );
  const scale = Number(A) / Number(B); // only to guess the quotient's exponent
  return (margin) => {
    const millionths = toMillionths(margin);
    if (Number.isNaN(millionths)) return null;
    if (millionths === 0) return ZERO;
    return quotient(BigInt(Math.abs(millionths)) * A, B, millionths < 0, Math.abs(millionths) * scale);
  };
}

/** n / d (both positive) rounded to 40 significant digits, half to even; `guess` ≈ n / d. */
function quotient(n: bigint, d: bigint, negative: boolean, guess: number): Decimal {
  const estimate = Math.floor(Math.log10(guess));
  let exponent = Number.isFinite(estimate) ? estimate : 0;
  for (;;) {
    const shift = 39 - exponent;
    const numerator = shift >= 0 ? n * tenTo(shift) : n;
    const denominator = shift >= 0 ? d : d * tenTo(-shift);
    let q = numerator / denominator;
    if (q >= TEN_40) {
      exponent++;
      continue;
    }
    if (q < TEN_39) {
      exponent--;
      continue;
    }
    const twice = (numerator - q * denominator) * 2n;
    if (twice > denominator || (twice === denominator && (q & 1n) === 1n)) q += 1n;
    if (q === TEN_40) {
      q = TEN_39;
      exponent++;
    }
    return fortyDigits(q, exponent, negative);
  }
}

const TEN_14 = tenTo(14);
const PADDING: readonly bigint[] = Array.from({ length: 7 }, (_, k) => tenTo(k));

/**
 * The decimal ±q × 10^(e−39) for a 40-digit q, built from its base-10^7 digits as decimal.js'
 * own parser lays them out (the first limb holds the digits down to a multiple of 7 below
 * 10^e, the last is padded with zeros, zero limbs at the end dropped), without writing and
 * parsing a string: the same `d`, `e` and `s` as parsing `q` followed by `e` and e − 39 (a
 * property test compares them).
 */
export function fortyDigits(q: bigint, e: number, negative: boolean): Decimal {
  const first = (((e % 7) + 7) % 7) + 1;
  const padding = (7 - ((40 - first) % 7)) % 7;
  const count = 1 + (40 + padding - first) / 7;
  const limbs = new Array<number>(count);
  let rest = q * PADDING[padding]!;
  for (let k = count - 1; k >= 0;) {
    const part = Number(rest % TEN_14);
    rest /= TEN_14;
    const low = part % 1e7;
    limbs[k--] = low;
    if (k >= 0) limbs[k--] = (part - low) / 1e7;
  }
  let length = count;
  while (limbs[length - 1] === 0) length--;
  limbs.length = length;
  const decimal = new ExactDecimal(0) as unknown as { d: number[]; e: number; s: number };
  decimal.d = limbs;
  decimal.e = e;
  decimal.s = negative ? -1 : 1;
  return decimal as unknown as Decimal;
}
