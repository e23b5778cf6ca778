/**
 * Gamma-Gamma spend model formulas (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value
 * curves for customer base analysis", JMR 42(4), and Fader & Hardie's note "The Gamma-Gamma model
 * of monetary value", 2013).
 *
 * @module
 */
import { atanh, log, tanh } from '../../../shared/portableMath.js';
import { logGamma } from './special.js';
import type { SpendColumns } from './histories.js';

/**
 * The weighted log-likelihood of the mean spends z̄ given x (note, eq. 4):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).
 */
export function gammaGammaLogLikelihood(columns: SpendColumns): (parameters: Float64Array) => number {
  const { frequency, spend, weight } = columns;
  const logSpend = spend.map((value) => log(value));
  const logFrequency = frequency.map((value) => log(value));
  return (parameters) => {
    const p = parameters[0]!;
    const q = parameters[1]!;
    const v = parameters[2]!;
    const constant = q * log(v) - logGamma(q);
    let total = 0;
    for (let i = 0; i < frequency.length; i += 1) {
      const x = frequency[i]!;
      const px = p * x;
      total +=
        weight[i]! *
        (logGamma(px + q) -
          logGamma(px) +
          constant +
          (px - 1) * logSpend[i]! +
          px * logFrequency[i]! -
          (px + q) * log(v + x * spend[i]!));
    }
    return total;
  };
}

/** E[M | p, q, γ, x, z̄] = (p(γ + x z̄))/(px + q − 1) (note, eq. 5). */
export function gammaGammaExpectedSpend(p: number, q: number, v: number, x: number, spend: number): number {
  return (p * (v + x * spend)) / (p * x + q - 1);
}

/** Weighted Pearson correlation and its Fisher-z 95 % interval. */
export function spendCorrelation(columns: SpendColumns): { correlation: number; lower: number; upper: number } {
  const { frequency, spend, weight } = columns;
  let n = 0;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < frequency.length; i += 1) {
    n += weight[i]!;
    meanX += weight[i]! * frequency[i]!;
    meanY += weight[i]! * spend[i]!;
  }
  meanX /= n;
  meanY /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < frequency.length; i += 1) {
    const dx = frequency[i]! - meanX;
    const dy = spend[i]! - meanY;
    sxx += weight[i]! * dx * dx;
    syy += weight[i]! * dy * dy;
    sxy += weight[i]! * dx * dy;
  }
  const correlation = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
  if (n <= 3) return { correlation, lower: -1, upper: 1 };
  const z = atanh(Math.max(-0.999999999999, Math.min(0.999999999999, correlation)));
  const half = 1.959963984540054 / Math.sqrt(n - 3);
  return { correlation, lower: tanh(z - half), upper: tanh(z + half) };
}
