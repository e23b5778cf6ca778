/**
 * Special functions for the lifetime-value models, in double precision.
 *
 * Every elementary function comes from `shared/portableMath.ts`, so a fit or a prediction is the
 * same double on every JavaScript engine.
 *
 * Accuracy (checked in the tests against Abramowitz & Stegun values, closed forms and values
 * computed with decimal.js at 40 digits):
 * - `logGamma(x)` for x > 0 (from `shared/specialFunctions.ts`): absolute error below 1e-14 for
 *   x < 10 (shifted up with Γ(x+1) = x·Γ(x)), relative below 1e-15 from 10 on (Stirling's series
 *   to the x⁻¹⁵ term).
 * - `logBeta(a, b)`: R's `lbeta` split, so a large argument loses no digits to cancellation.
 * - `hypergeometric2F1(a, b, c, z)` for −1 < z < 1: the Gauss series summed until a term no
 *   longer moves the sum (relative 1e-16), after Pfaff's transformation z → z/(z−1) when z < −½.
 *   It returns `NaN` when 200,000 terms (or the caller's smaller limit) do not converge (z very
 *   close to 1) instead of a wrong number; callers turn `NaN` into an error or another method.
 * - `logIntegralOfDecreasing(φ, from, to)`: ln ∫ e^φ over a finite interval for a decreasing φ, by
 *   adaptive Gauss–Kronrod (7/15 points, global bisection of the worst interval, relative
 *   tolerance 1e-12), at most 200 intervals, so its cost is bounded whatever the parameters.
 *
 * @module
 */
import { exp, log, log1p, pow } from '../../../shared/portableMath.js';
import { logBeta, logGamma } from '../../../shared/specialFunctions.js';

export { logBeta, logGamma };

/** ln(eᵃ + eᵇ) without overflow; −∞ terms are allowed. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b));
}

/** ln(eᵃ − eᵇ) for a ≥ b (−∞ when equal). */
export function logSubtractExp(a: number, b: number): number {
  if (b === Number.NEGATIVE_INFINITY) return a;
  if (b >= a) return Number.NEGATIVE_INFINITY;
  return a + log1p(-exp(b - a));
}

const MAX_TERMS = 200_000;

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for real −1 < z < 1 and c not a non-positive
 * integer; `NaN` when the series does not converge within `maxTerms` terms (default 200,000).
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number, maxTerms = MAX_TERMS): number {
  if (!(z > -1 && z < 1) || !Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) return Number.NaN;
  if (c <= 0 && Number.isInteger(c)) return Number.NaN;
  if (z < -0.5) {
    // Pfaff: ₂F₁(a, b; c; z) = (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)), with z/(z − 1) in (⅓, ½)
    return pow(1 - z, -a) * gaussSeries(a, c - b, c, z / (z - 1), maxTerms);
  }
  return gaussSeries(a, b, c, z, maxTerms);
}

function gaussSeries(a: number, b: number, c: number, z: number, maxTerms: number): number {
  let term = 1;
  let sum = 1;
  let quiet = 0;
  for (let k = 0; k < maxTerms; k += 1) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    const next = sum + term;
    if (!Number.isFinite(next)) return Number.NaN;
    // stop once terms are negligible and shrinking (after the ratio has turned below 1)
    if (Math.abs(term) <= 1e-17 * Math.abs(next)) {
      quiet += 1;
      if (quiet >= 2 && Math.abs((a + k) * (b + k) * z) < Math.abs((c + k) * (k + 1))) return next;
    } else {
      quiet = 0;
    }
    if (term === 0) return next;
    sum = next;
  }
  return Number.NaN;
}

/** Gauss–Kronrod 7/15 nodes (non-negative half, the centre last) and weights (QUADPACK's qk15). */
const KRONROD_NODES = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
  0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0,
];
const KRONROD_WEIGHTS = [
  0.02293532201052922496373200805897, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
  0.140653259715525918745189590510238, 0.16900472663926790282658342659855, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
/** The 7-point Gauss weights of the odd Kronrod nodes (1, 3, 5, and the centre). */
const GAUSS_WEIGHTS = [
  0.129484966168869693270611432679082, 0.27970539148927666790146777142378, 0.381830050505118944950369775488975,
  0.417959183673469387755102040816327,
];
const MAX_INTERVALS = 200;

interface Piece {
  readonly from: number;
  readonly to: number;
  readonly value: number;
  readonly error: number;
}

/** ∫ e^drop over [from, to] by Gauss–Kronrod 7/15, with |Kronrod − Gauss| as its error. */
function kronrod(drop: (x: number) => number, from: number, to: number): Piece {
  const centre = (from + to) / 2;
  const half = (to - from) / 2;
  let kronrodSum = 0;
  let gaussSum = 0;
  for (let i = 0; i < KRONROD_NODES.length; i += 1) {
    const node = KRONROD_NODES[i]! * half;
    const f = node === 0 ? exp(drop(centre)) : exp(drop(centre - node)) + exp(drop(centre + node));
    kronrodSum += KRONROD_WEIGHTS[i]! * f;
    if (i % 2 === 1) gaussSum += GAUSS_WEIGHTS[(i - 1) / 2]! * f;
  }
  return { from, to, value: kronrodSum * half, error: Math.abs(kronrodSum - gaussSum) * half };
}

/**
 * ln ∫ e^drop(x) dx over [from, to] (from < to), where `drop(x) = φ(x) − φ(from) ≤ 0` for a
 * decreasing φ — passed as the difference, computed without cancellation, because φ itself may be
 * of order 10⁷ where a double keeps too few digits of the difference. Adaptive Gauss–Kronrod with
 * at most {@link MAX_INTERVALS} intervals.
 */
export function logIntegralOfDecreasing(drop: (x: number) => number, from: number, to: number): number {
  if (!(to > from)) return Number.NEGATIVE_INFINITY;
  const pieces = [kronrod(drop, from, to)];
  for (;;) {
    let total = 0;
    let error = 0;
    let worst = 0;
    for (let i = 0; i < pieces.length; i += 1) {
      total += pieces[i]!.value;
      error += pieces[i]!.error;
      if (pieces[i]!.error > pieces[worst]!.error) worst = i;
    }
    if (error <= 1e-12 * total || pieces.length >= MAX_INTERVALS) return log(total);
    const split = pieces[worst]!;
    const middle = (split.from + split.to) / 2;
    pieces[worst] = kronrod(drop, split.from, middle);
    pieces.push(kronrod(drop, middle, split.to));
  }
}
