/**
 * Exact rational numbers on BigInt, used where a ratio of decimals must be compared or summed
 * without any rounding (grade edges, contributions that must add up).
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal } from './numeric.js';

/** An exact fraction `numerator / denominator`, denominator always positive, in lowest terms. */
export interface Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Builds a rational in lowest terms. */
export function rational(numerator: bigint, denominator = 1n): Rational {
  if (denominator === 0n) throw new RangeError('rational: zero denominator');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const divisor = gcd(numerator, denominator);
  return divisor > 1n
    ? { numerator: numerator / divisor, denominator: denominator / divisor }
    : { numerator, denominator };
}

const POWERS_OF_TEN: bigint[] = [];
/** 10^n as a bigint (cached). */
export function tenTo(n: number): bigint {
  let value = POWERS_OF_TEN[n];
  if (value === undefined) {
    value = 10n ** BigInt(n);
    POWERS_OF_TEN[n] = value;
  }
  return value;
}

/** The exact value of a finite decimal as a rational. */
export function fromDecimal(value: Decimal): Rational {
  // decimal.js: value = coefficient digits × 10^(exponent − (digits − 1))
  const digits = value.toFixed().replace('-', '');
  const [whole = '0', fraction = ''] = digits.split('.');
  const magnitude = BigInt(whole + fraction);
  return rational(value.isNegative() ? -magnitude : magnitude, tenTo(fraction.length));
}

export const add = (a: Rational, b: Rational): Rational =>
  a.denominator === b.denominator
    ? rational(a.numerator + b.numerator, a.denominator)
    : rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
export const subtract = (a: Rational, b: Rational): Rational =>
  add(a, { numerator: -b.numerator, denominator: b.denominator });
export const multiply = (a: Rational, b: Rational): Rational =>
  rational(a.numerator * b.numerator, a.denominator * b.denominator);
export const divide = (a: Rational, b: Rational): Rational =>
  rational(a.numerator * b.denominator, a.denominator * b.numerator);
/** Least common multiple of two positive integers. */
export function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

/** The absolute value. */
export const absolute = (value: Rational): Rational =>
  value.numerator < 0n ? { numerator: -value.numerator, denominator: value.denominator } : value;

/** −1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** True when the fraction has a finite decimal expansion (denominator of the form 2^a·5^b). */
export function terminates(value: Rational): boolean {
  return terminatingScale(value.denominator) !== null;
}

/**
 * The rational as a decimal: exact when it terminates within 40 significant digits, otherwise
 * correctly rounded (half to even) to 40 significant digits. The one place where an exact result
 * is rounded (named apart from the public `toDecimal`, which reads user input).
 */
export function rationalToDecimal(value: Rational): Decimal {
  const { numerator, denominator } = value;
  if (denominator === 1n) return new ExactDecimal(numerator.toString());
  // A terminating fraction of at most 40 digits is exact as digits × 10^−k: one parse, no division
  // (the division would give the same value, since nothing is rounded below 41 digits).
  const scale = terminatingScale(denominator);
  if (scale !== null) {
    const digits = (numerator * scale.multiplier).toString();
    if (digits.length - (numerator < 0n ? 1 : 0) <= 40) return new ExactDecimal(`${digits}e-${scale.exponent}`);
  }
  return new ExactDecimal(numerator.toString()).div(new ExactDecimal(denominator.toString()));
}

/** Per denominator: the least k with 10^k / denominator whole, and that quotient (`null`: it never is). */
const terminatingScales = new Map<bigint, { exponent: number; multiplier: bigint } | null>();

/**
 * For a positive denominator d: the least k with 10^k / d whole, and that quotient, so that
 * n / d = n × multiplier × 10^−k exactly; `null` when 1 / d has no finite decimal expansion.
 */
export function terminatingScale(denominator: bigint): { exponent: number; multiplier: bigint } | null {
  let scale = terminatingScales.get(denominator);
  if (scale === undefined) {
    let rest = denominator;
    let twos = 0;
    let fives = 0;
    while (rest % 2n === 0n) {
      rest /= 2n;
      twos++;
    }
    while (rest % 5n === 0n) {
      rest /= 5n;
      fives++;
    }
    const exponent = Math.max(twos, fives);
    scale = rest === 1n ? { exponent, multiplier: tenTo(exponent) / denominator } : null;
    // bounded: a long run over ever new denominators keeps at most this many
    if (terminatingScales.size < 4096) terminatingScales.set(denominator, scale);
  }
  return scale;
}
