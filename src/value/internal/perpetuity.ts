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
import { limbDigits } from './roundedSum.js';

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
  // the quotient on doubles when A is a safe integer and B small enough for its long division
  const a = A <= SAFE ? Number(A) : 0;
  const b = B <= MAX_DIVISOR ? Number(B) : 0;
  return (margin) => {
    const millionths = toMillionths(margin);
    if (Number.isNaN(millionths)) return null;
    if (millionths === 0) return ZERO;
    const m = Math.abs(millionths);
    const n = m * a;
    if (a !== 0 && b !== 0 && n <= Number.MAX_SAFE_INTEGER) return limbQuotient(n, b, millionths < 0);
    return quotient(BigInt(m) * A, B, millionths < 0, m * scale);
  };
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** The largest divisor whose long division in base 10^7 stays on exact doubles: B × 10^7 < 2^53. */
const MAX_DIVISOR = BigInt(Math.floor(Number.MAX_SAFE_INTEGER / 1e7));
const BASE = 1e7;
/** 10^k for k = 0..7. */
const UNITS: readonly number[] = Array.from({ length: 8 }, (_, k) => 10 ** k);
/** The quotient's base-10^7 digits, from 10^14 down (reused: one quotient at a time). */
const DIGITS = new Float64Array(12);

/**
 * n / b (positive safe integers, b × 10^7 a safe integer) rounded to 40 significant digits, half
 * to even, as the same decimal {@link fortyDigits} lays out, by long division in base 10^7 on
 * doubles: every partial dividend r × 10^7 + digit is below b × 10^7, an exact double. The digits
 * are computed at the positions decimal.js' limbs take (10^14, 10^7, 1, 10^-7, …), so they are
 * its limbs as they come; the digits past the 40th and the final remainder decide the rounding.
 * (An exact tie cannot arise here — a terminating n / b of this size has at most 37 significant
 * digits — but the rule is decimal.js' half to even all the same.)
 */
export function limbQuotient(n: number, b: number, negative: boolean): Decimal {
  const low = n % BASE;
  const high = (n - low) / BASE;
  const mid = high % BASE;
  let remainder = 0;
  let lead = -1; // index of the first non-zero digit
  let last = DIGITS.length; // index of the digit holding the 40th significant one
  let keep = 7; // significant digits kept of the last one
  for (let k = 0; k <= last && k < DIGITS.length; k++) {
    const dividend = remainder * BASE + (k === 0 ? (high - mid) / BASE : k === 1 ? mid : k === 2 ? low : 0);
    let digit = Math.floor(dividend / b);
    remainder = dividend - digit * b;
    if (remainder < 0) {
      digit--;
      remainder += b;
    } else if (remainder >= b) {
      digit++;
      remainder -= b;
    }
    DIGITS[k] = digit;
    if (lead < 0 && digit !== 0) {
      lead = k;
      const rest = 40 - limbDigits(digit);
      last = k + Math.ceil(rest / 7);
      keep = rest - 7 * (last - k - 1);
    }
  }
  // round at the kept digits: what is dropped is (digit mod unit) + remainder / b units of the last digit
  const unit = UNITS[7 - keep]!;
  const dropped = DIGITS[last]! % unit;
  DIGITS[last] = DIGITS[last]! - dropped;
  const beyond = dropped * b + remainder; // × 10^(position) / b: compared with half a unit
  const half = (unit / 2) * b; // unit = 1: compare 2 × remainder with b instead
  const kept = (DIGITS[last]! / unit) % 2;
  const up =
    unit === 1
      ? 2 * remainder > b || (2 * remainder === b && kept === 1)
      : beyond > half || (beyond === half && kept === 1);
  let first = lead;
  if (up) {
    let k = last;
    DIGITS[k] = DIGITS[k]! + unit;
    while (DIGITS[k] === BASE) {
      DIGITS[k] = 0;
      k--;
      if (k < lead) {
        first = k; // the carry made a new first digit, 1 (k ≥ 0: a first digit at 10^14 is below 91)
        DIGITS[k] = 1;
        break;
      }
      DIGITS[k] = DIGITS[k]! + 1;
    }
  }
  let end = last;
  while (DIGITS[end] === 0) end--;
  const limbs = new Array<number>(end - first + 1);
  for (let k = first; k <= end; k++) limbs[k - first] = DIGITS[k]!;
  const decimal = new ExactDecimal(0) as unknown as { d: number[]; e: number; s: number };
  decimal.d = limbs;
  decimal.e = 7 * (2 - first) + limbDigits(limbs[0]!) - 1;
  decimal.s = negative ? -1 : 1;
  return decimal as unknown as Decimal;
}

/** n / d (both positive) rounded to 40 significant digits, half to even; `guess` ≈ n / d. */
export function quotient(n: bigint, d: bigint, negative: boolean, guess: number): Decimal {
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
