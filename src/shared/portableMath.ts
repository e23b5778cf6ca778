/**
 * Elementary functions that give the same double on every JavaScript engine.
 *
 * ECMAScript leaves `Math.exp`, `Math.log`, `Math.pow`, `Math.log1p`, `Math.expm1` and the
 * trigonometric functions "implementation-approximated": V8 (Node, Deno, Chromium) and
 * JavaScriptCore (Bun, Safari) return different last bits, and so do different V8 versions. The
 * statistics (t and F distributions, Cronbach's alpha intervals, lifetime-value fits) are built
 * on the functions below instead. They use only `+ − × ÷`, comparisons and exact scaling by powers
 * of two, which IEEE 754 defines bit for bit, so a result is identical on Node, Deno, Bun and
 * every browser.
 *
 * Accuracy: `log` and `exp` follow fdlibm (Sun Microsystems, 1993; `e_log.c`, `e_exp.c`), error
 * below 1 ulp; `log1p` and `expm1` use Goldberg's and Kahan's corrections (a few ulp); `pow` is
 * `exp(y·log x)` (relative error about |y·ln x|·2⁻⁵³) with exact repeated squaring for integer
 * exponents up to 2⁵³ in magnitude.
 *
 * @module
 */

const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const SQRT2 = 1.4142135623730951;
const TWO_54 = 18014398509481984;

// The exponent and significand are read from the bits of the double (exact, and fast); the
// word order of a Float64Array is the platform's, found once.
const scratch = /* @__PURE__ */ new Float64Array(1);
const words = /* @__PURE__ */ new Uint32Array(scratch.buffer);
const HIGH = /* @__PURE__ */ (() => {
  scratch[0] = 1;
  return words[1] === 0x3ff00000 ? 1 : 0;
})();

/** 2^k for an integer k in [−1022, 1023], exactly, from its bits. */
function normalPowerOfTwo(k: number): number {
  scratch[0] = 0;
  words[HIGH] = (k + 1023) << 20;
  return scratch[0]!;
}

const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** The natural logarithm, identical on every engine (fdlibm's `__ieee754_log`, error below 1 ulp). */
export function log(x: number): number {
  if (x !== x || x < 0) return Number.NaN;
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    x *= TWO_54; // subnormal: scale up exactly
    k = -54;
  }
  scratch[0] = x;
  const high = words[HIGH]!;
  k += (high >>> 20) - 1023;
  words[HIGH] = (high & 0x000fffff) | 0x3ff00000;
  let m = scratch[0]!;
  if (m > SQRT2) {
    m *= 0.5;
    k += 1;
  }
  const f = m - 1;
  const s = f / (2 + f);
  const z = s * s;
  const r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
}

const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/** eˣ, identical on every engine (fdlibm's `__ieee754_exp`, error below 1 ulp). */
export function exp(x: number): number {
  if (x !== x) return x;
  if (x > 709.782712893384) return Number.POSITIVE_INFINITY;
  if (x < -745.1332191019412) return 0;
  if (x > -3.725290298461914e-9 && x < 3.725290298461914e-9) return 1 + x;
  const k = x >= 0 ? Math.trunc(INV_LN2 * x + 0.5) : Math.trunc(INV_LN2 * x - 0.5);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k === 0) return y;
  if (k >= -1021) return k === 1024 ? y * 2 * normalPowerOfTwo(1023) : y * normalPowerOfTwo(k);
  return y * normalPowerOfTwo(k + 1000) * normalPowerOfTwo(-1000);
}

/** ln(1 + x), accurate for small x (Goldberg 1991, Theorem 4: a few ulp). */
export function log1p(x: number): number {
  if (x !== x || x < -1) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  const u = 1 + x;
  if (u === 1) return x;
  if (u === Number.POSITIVE_INFINITY) return log(x);
  return (log(u) * x) / (u - 1);
}

/** eˣ − 1, accurate for small x (Kahan's correction, a few ulp). */
export function expm1(x: number): number {
  if (x !== x) return x;
  if (x > 709.782712893384) return Number.POSITIVE_INFINITY;
  if (x < -40) return -1;
  const u = exp(x);
  if (u === 1) return x;
  const um1 = u - 1;
  if (um1 === -1) return -1;
  if (x > 36) return u; // u − 1 = u in double, and log(u) would only add rounding
  return (um1 * x) / log(u);
}

/**
 * xʸ for x ≥ 0, identical on every engine: exact repeated multiplication when y is an integer of
 * magnitude up to 64 (products of doubles, as `x * x` writes them), `exp(y·ln x)` otherwise.
 */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x !== x || y !== y) return Number.NaN;
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    let n = Math.abs(y);
    let base = x;
    let result = 1;
    while (n > 0) {
      if (n % 2 === 1) result *= base;
      base *= base;
      n = Math.floor(n / 2);
    }
    return y < 0 ? 1 / result : result;
  }
  if (x < 0) return Number.NaN;
  if (x === 0) return y > 0 ? 0 : Number.POSITIVE_INFINITY;
  return exp(y * log(x));
}

/** The inverse hyperbolic tangent, ½·ln((1 + z)/(1 − z)) = ½·log1p(2z/(1 − z)), for −1 < z < 1. */
export function atanh(z: number): number {
  const magnitude = Math.abs(z);
  const value = 0.5 * log1p((2 * magnitude) / (1 - magnitude));
  return z < 0 ? -value : value;
}

/** The hyperbolic tangent, −expm1(−2|x|)/(2 + expm1(−2|x|)) with the sign of x. */
export function tanh(x: number): number {
  if (x !== x) return x;
  const e = expm1(-2 * Math.abs(x));
  const value = -e / (2 + e);
  return x < 0 ? -value : value;
}
