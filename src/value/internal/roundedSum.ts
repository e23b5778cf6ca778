/**
 * decimal.js' rounded running sum, on integers: `total = total.plus(value)` in the library's
 * context (40 significant digits, round half to even) gives after every step the exact sum
 * rounded once, and that is what {@link RoundedSum} computes — the same decimal at every step,
 * without a decimal object per step.
 *
 * How. A sum is M × 10^q with 0 ≤ M < 10^40 held in three base-10^14 limbs (doubles, each an
 * exact integer below 2^53), and each value is its coefficient C (up to 42 digits, also three
 * limbs) and exponent p, read once from decimal.js' own digits ({@link DecimalDigits}). The
 * common step — both non-negative, the value at most 14 places finer than the sum (k = q − p in
 * 0..14) — shifts C right by k digits, keeping whether the dropped digits are zero, below, at or
 * above half a unit: if M + ⌊C / 10^k⌋ has exactly 40 digits, the exact sum M·10^k + C has 40 + k
 * and rounding it to 40 is rounding at 10^k, which those two facts decide (half to even on the
 * sum's last digit); if nothing was dropped, the sum is exact whenever it fits 40 digits. Every
 * other step (a negative, a value coarser than the sum or far finer, a sum that gains a digit,
 * the first value) is done once on BigInt, exactly, and rounded half to even the same way; a
 * value with more than 42 digits is added by decimal.js itself.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal } from '../../shared/numeric.js';
import { tenTo } from '../../shared/rational.js';

const LIMB = 1e14;
/** 10^39 and 10^40 in units of the top limb (10^28). */
const TOP_39 = 1e11;
const TOP_40 = 1e12;
const POW: readonly number[] = Array.from({ length: 15 }, (_, k) => 10 ** k);
const BIG_LIMB = 10n ** 14n;
const BIG_40 = 10n ** 40n;

/** How a value is stored: zero, a non-negative or negative coefficient of ≤ 42 digits, or wider. */
const ZERO_KIND = 0;
const POSITIVE = 1;
const NEGATIVE = 2;
const WIDE = 3;

/** Decimal digits of a base-10^7 limb (1 ≤ limb < 10^7, or 0). */
export function limbDigits(limb: number): number {
  return limb >= 1e6 ? 7 : limb >= 1e5 ? 6 : limb >= 1e4 ? 5 : limb >= 1e3 ? 4 : limb >= 100 ? 3 : limb >= 10 ? 2 : 1;
}

/** Digits of a decimal: sign, coefficient in three base-10^14 limbs (high first), exponent. */
interface Parts {
  kind: number;
  c2: number;
  c1: number;
  c0: number;
  p: number;
}

/**
 * Reads a decimal's coefficient and exponent from its base-10^7 digits (decimal.js' documented
 * `d`, `e`, `s`), without the zeros that end its last limb, so a value's parts are unique.
 */
function partsOf(value: Decimal, into: Parts): void {
  const d = value.d;
  const n = d.length;
  if (n === 0 || d[0] === 0 || n > 8) {
    into.kind = n > 8 ? WIDE : ZERO_KIND;
    into.c2 = into.c1 = into.c0 = into.p = 0;
    return;
  }
  const at = (index: number): number => (index >= 0 ? d[index]! : 0);
  let c0 = at(n - 2) * 1e7 + d[n - 1]!;
  let c1 = at(n - 4) * 1e7 + at(n - 3);
  let c2 = at(n - 6) * 1e7 + at(n - 5);
  let c3 = at(n - 8) * 1e7 + at(n - 7);
  let zeros = 0;
  for (let last = d[n - 1]!; zeros < 6 && last % 10 === 0; last /= 10) zeros++;
  if (zeros > 0) {
    // a shift right by `zeros` digits, all of them zero
    const unit = POW[zeros]!;
    const up = POW[14 - zeros]!;
    c0 = c0 / unit + (c1 % unit) * up;
    c1 = (c1 - (c1 % unit)) / unit + (c2 % unit) * up;
    c2 = (c2 - (c2 % unit)) / unit + (c3 % unit) * up;
    c3 = (c3 - (c3 % unit)) / unit;
  }
  into.kind = c3 !== 0 ? WIDE : value.s < 0 ? NEGATIVE : POSITIVE;
  into.c0 = c0;
  into.c1 = c1;
  into.c2 = c2;
  into.p = value.e - limbDigits(d[0]!) - 7 * (n - 1) + 1 + zeros;
}

/** The coefficient of three limbs, signed, as a BigInt. */
function bigOf(c2: number, c1: number, c0: number, negative: boolean): bigint {
  const magnitude = (BigInt(c2) * BIG_LIMB + BigInt(c1)) * BIG_LIMB + BigInt(c0);
  return negative ? -magnitude : magnitude;
}

/**
 * The digits of a list of decimals, read once, so each running sum over them (in any order)
 * reads numbers instead of decimal objects.
 */
export class DecimalDigits {
  readonly values: readonly Decimal[];
  readonly kind: Uint8Array;
  readonly c2: Float64Array;
  readonly c1: Float64Array;
  readonly c0: Float64Array;
  readonly p: Int32Array;

  constructor(values: readonly Decimal[]) {
    const n = values.length;
    this.values = values;
    this.kind = new Uint8Array(n);
    this.c2 = new Float64Array(n);
    this.c1 = new Float64Array(n);
    this.c0 = new Float64Array(n);
    this.p = new Int32Array(n);
    const parts: Parts = { kind: 0, c2: 0, c1: 0, c0: 0, p: 0 };
    for (let i = 0; i < n; i++) {
      partsOf(values[i]!, parts);
      this.kind[i] = parts.kind;
      this.c2[i] = parts.c2;
      this.c1[i] = parts.c1;
      this.c0[i] = parts.c0;
      this.p[i] = parts.p;
    }
  }

  /** True when the i-th value is below zero. */
  isNegative(i: number): boolean {
    const kind = this.kind[i]!;
    return kind === NEGATIVE || (kind === WIDE && this.values[i]!.s < 0);
  }

  /** The sum of all the values in input order, rounded at every step as `plus` rounds. */
  total(): RoundedSum {
    const sum = new RoundedSum();
    for (let i = 0; i < this.values.length; i++) sum.addAt(this, i);
    return sum;
  }

  /** The sum of the values at the first `count` positions of `order`, rounded at every step as `plus` rounds. */
  sumOf(order: ArrayLike<number>, count: number): RoundedSum {
    const sum = new RoundedSum();
    for (let k = 0; k < count; k++) sum.addAt(this, order[k]!);
    return sum;
  }

  /**
   * A double close to the i-th value (relative error below 1e-14: a few roundings of the
   * coefficient's limbs and of the power of ten), from the digits already read; NaN for a value
   * wider than 42 digits, which the caller reads from its decimal.
   */
  approximate(i: number): number {
    const kind = this.kind[i]!;
    if (kind === ZERO_KIND) return 0;
    if (kind === WIDE) return Number.NaN;
    const magnitude = (this.c2[i]! * LIMB + this.c1[i]!) * LIMB + this.c0[i]!;
    const p = this.p[i]!;
    const scaled = p >= 0 ? magnitude * 10 ** p : magnitude / 10 ** -p;
    return kind === NEGATIVE ? -scaled : scaled;
  }

  /** True when the i-th and j-th values are equal (decimal.js' digits of a value are unique). */
  equal(i: number, j: number): boolean {
    if (this.kind[i] === WIDE || this.kind[j] === WIDE) return this.values[i]!.eq(this.values[j]!);
    return (
      this.kind[i] === this.kind[j] &&
      this.c0[i] === this.c0[j] &&
      this.p[i] === this.p[j] &&
      this.c1[i] === this.c1[j] &&
      this.c2[i] === this.c2[j]
    );
  }
}

/** `10^n` as a double, for comparisons only (|n| ≤ 200). */
function approximatePower(n: number): number {
  return n >= 0 ? 10 ** n : 1 / 10 ** -n;
}

/**
 * A running sum that is, after every `add`, the decimal decimal.js' `plus` would hold after
 * the same additions in the library's context (see the module comment).
 */
export class RoundedSum {
  private m2 = 0;
  private m1 = 0;
  private m0 = 0;
  private negative = false;
  private q = 0;

  /** Adds the i-th value of `digits`. */
  addAt(digits: DecimalDigits, i: number): void {
    const kind = digits.kind[i]!;
    if (kind === ZERO_KIND) return; // x + 0 is x: a sum never holds more than 40 digits
    if (kind === POSITIVE && !this.negative && this.addFast(digits.c2[i]!, digits.c1[i]!, digits.c0[i]!, digits.p[i]!))
      return;
    if (kind === WIDE) this.addDecimal(digits.values[i]!);
    else this.addExact(bigOf(digits.c2[i]!, digits.c1[i]!, digits.c0[i]!, kind === NEGATIVE), digits.p[i]!);
  }

  /** Adds another sum's current value. */
  addSum(other: RoundedSum): void {
    if (other.isZero()) return;
    if (!this.negative && !other.negative && this.addFast(other.m2, other.m1, other.m0, other.q)) return;
    this.addExact(other.big(), other.q);
  }

  /** Adds a decimal. */
  addDecimal(value: Decimal): void {
    const parts: Parts = { kind: 0, c2: 0, c1: 0, c0: 0, p: 0 };
    partsOf(value, parts);
    if (parts.kind === ZERO_KIND) return;
    if (parts.kind === POSITIVE && !this.negative && this.addFast(parts.c2, parts.c1, parts.c0, parts.p)) return;
    if (parts.kind !== WIDE) {
      this.addExact(bigOf(parts.c2, parts.c1, parts.c0, parts.kind === NEGATIVE), parts.p);
      return;
    }
    this.setDecimal(this.toDecimal().plus(value));
  }

  isZero(): boolean {
    return this.m2 === 0 && this.m1 === 0 && this.m0 === 0;
  }

  /** The sum as a decimal of the library's context. */
  toDecimal(): Decimal {
    return new ExactDecimal(`${this.big()}e${this.q}`);
  }

  /**
   * −1, 0 or 1 as the sum is below, equal to or above `target` (read with {@link comparable}):
   * decided on doubles when they are far enough apart, exactly otherwise.
   */
  compare(target: Comparable): -1 | 0 | 1 {
    if (!this.negative && target.sign > 0 && !this.isZero() && target.approximate < Infinity) {
      const gap = this.q - target.p;
      if (gap >= -200 && gap <= 200) {
        const ratio = ((this.m2 * LIMB + this.m1) * LIMB + this.m0) * (approximatePower(gap) / target.approximate);
        if (ratio > 1 + 1e-9) return 1;
        if (ratio < 1 - 1e-9) return -1;
      }
    }
    const gap = this.q - target.p;
    const left = gap >= 0 ? this.big() * tenTo(gap) : this.big();
    const right = gap >= 0 ? target.coefficient : target.coefficient * tenTo(-gap);
    return left < right ? -1 : left > right ? 1 : 0;
  }

  private big(): bigint {
    return bigOf(this.m2, this.m1, this.m0, this.negative);
  }

  /** The common step (see the module comment); false when it does not apply and nothing changed. */
  private addFast(c2: number, c1: number, c0: number, p: number): boolean {
    const k = this.q - p;
    if (k > 14) return false;
    let f0 = c0;
    let f1 = c1;
    let f2 = c2;
    let dropped = 0; // 0: nothing, 1: below half a unit, 2: exactly half, 3: above
    if (k < 0) {
      // a value coarser than the sum: C × 10^-k, exact, when it fits 40 digits
      if (k < -40) return false;
      const limbs = Math.floor(-k / 14);
      const shift = -k - 14 * limbs;
      if (shift > 0) {
        const unit = POW[shift]!;
        const down = POW[14 - shift]!;
        f2 = c2 * unit; // exact when below 10^12 (so below 2^53)
        if (f2 >= TOP_40) return false;
        const r0 = c0 % down;
        const r1 = c1 % down;
        f2 += (c1 - r1) / down;
        f1 = r1 * unit + (c0 - r0) / down;
        f0 = r0 * unit;
      }
      if (limbs === 1) {
        if (f2 !== 0) return false;
        f2 = f1;
        f1 = f0;
        f0 = 0;
      } else if (limbs === 2) {
        if (f2 !== 0 || f1 !== 0) return false;
        f2 = f0;
        f1 = f0 = 0;
      }
    } else if (k > 0) {
      const unit = POW[k]!;
      const up = POW[14 - k]!;
      const r0 = c0 % unit;
      const r1 = c1 % unit;
      const r2 = c2 % unit;
      f0 = (c0 - r0) / unit + r1 * up;
      f1 = (c1 - r1) / unit + r2 * up;
      f2 = (c2 - r2) / unit;
      const half = unit / 2;
      dropped = r0 === 0 ? 0 : r0 < half ? 1 : r0 === half ? 2 : 3;
    }
    let s0 = this.m0 + f0;
    let s1 = this.m1 + f1;
    let s2 = this.m2 + f2;
    if (s0 >= LIMB) {
      s0 -= LIMB;
      s1++;
    }
    if (s1 >= LIMB) {
      s1 -= LIMB;
      s2++;
    }
    if (s2 >= TOP_40 || (dropped !== 0 && s2 < TOP_39)) return false;
    if (dropped === 3 || (dropped === 2 && s0 % 2 === 1)) {
      s0++;
      if (s0 === LIMB) {
        s0 = 0;
        s1++;
        if (s1 === LIMB) {
          s1 = 0;
          s2++;
        }
      }
      if (s2 === TOP_40) {
        // rounded up to 10^40 × 10^q: the same decimal as 10^39 × 10^(q+1)
        s2 = TOP_39;
        this.q++;
      }
    }
    this.m2 = s2;
    this.m1 = s1;
    this.m0 = s0;
    return true;
  }

  /** Any step, on BigInt: the exact sum rounded to 40 significant digits, half to even. */
  private addExact(coefficient: bigint, p: number): void {
    const low = Math.min(this.q, p);
    const exact = this.big() * tenTo(this.q - low) + coefficient * tenTo(p - low);
    this.setExact(exact, low);
  }

  /** Sets the sum to `exact` × 10^exponent rounded to 40 significant digits, half to even. */
  private setExact(exact: bigint, exponent: number): void {
    const negative = exact < 0n;
    let magnitude = negative ? -exact : exact;
    let q = exponent;
    if (magnitude >= BIG_40) {
      const drop = magnitude.toString().length - 40;
      const unit = tenTo(drop);
      const kept = magnitude / unit;
      const twice = (magnitude - kept * unit) * 2n;
      magnitude = twice > unit || (twice === unit && (kept & 1n) === 1n) ? kept + 1n : kept;
      q += drop;
      if (magnitude === BIG_40) {
        magnitude = BIG_40 / 10n;
        q++;
      }
    }
    if (magnitude === 0n) q = 0;
    const low = magnitude % BIG_LIMB;
    const rest = magnitude / BIG_LIMB;
    this.m0 = Number(low);
    this.m1 = Number(rest % BIG_LIMB);
    this.m2 = Number(rest / BIG_LIMB);
    this.negative = negative && magnitude !== 0n;
    this.q = q;
  }

  private setDecimal(value: Decimal): void {
    const parts: Parts = { kind: 0, c2: 0, c1: 0, c0: 0, p: 0 };
    partsOf(value, parts); // a result of plus: at most 40 digits
    this.setExact(bigOf(parts.c2, parts.c1, parts.c0, parts.kind === NEGATIVE), parts.p);
  }
}

/** A decimal read once for {@link RoundedSum.compare}. */
export interface Comparable {
  readonly sign: number;
  readonly coefficient: bigint;
  readonly p: number;
  /** The coefficient as a double (relative error below 1e-15). */
  readonly approximate: number;
}

/** Reads a decimal for comparisons with running sums. */
export function comparable(value: Decimal): Comparable {
  const d = value.d;
  if (d.length === 0 || d[0] === 0) return { sign: 0, coefficient: 0n, p: 0, approximate: 0 };
  let digits = '';
  for (let index = 0; index < d.length; index++)
    digits += index === 0 ? String(d[0]) : String(d[index]).padStart(7, '0');
  const magnitude = BigInt(digits);
  return {
    sign: value.s,
    coefficient: value.s < 0 ? -magnitude : magnitude,
    p: value.e - digits.length + 1,
    approximate: Number(magnitude),
  };
}
