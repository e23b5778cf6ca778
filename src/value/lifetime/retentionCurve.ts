import { fail } from '../../shared/errors.js';
import { churnProbabilities } from './internal/shiftedBetaGeometric.js';
import { readShiftedBetaGeometricModel } from './internal/models.js';
import type { ShiftedBetaGeometricParameters } from './types.js';
import { readInput } from '../../shared/input.js';

/**
 * One period of a {@link retentionCurve}.
 * @category Lifetime value
 */
export interface RetentionPoint {
  /** 1 for the first period after acquisition. */
  readonly period: number;
  /** S(t): the share of the cohort still active after `period` renewals decisions. */
  readonly survival: number;
  /** r(t) = S(t)/S(t−1): the share of the customers active in the previous period who renew. */
  readonly retention: number;
  /** P(T = t): the share of the cohort that churns at this period. */
  readonly churn: number;
}

/**
 * The survival and retention curve of a shifted-beta-geometric model for periods 1 … `periods`:
 * S(t) = B(α, β+t)/B(α, β) and r(t) = (β+t−1)/(α+β+t−1) (Fader & Hardie 2007, eq. 5–8). The
 * retention rate rises with t — not because customers change, but because the cohort's likely
 * churners leave first.
 *
 * @param model - From {@link fitShiftedBetaGeometric}, or `{ kind: 'shifted-beta-geometric', alpha, beta }`.
 * @param periods - How many periods (a whole number from 1 to 100,000).
 * @returns One point per period.
 * @throws {ValidationError} for a bad model or period count.
 * @example
 * ```ts
 * import { retentionCurve } from 'clientele/value';
 * const curve = retentionCurve({ kind: 'shifted-beta-geometric', alpha: 0.704, beta: 1.182 }, 12);
 * curve[0]!.retention.toFixed(3); // '0.627'
 * curve[11]!.retention > curve[0]!.retention; // true
 * ```
 * @category Lifetime value
 */
export function retentionCurve(model: ShiftedBetaGeometricParameters, periods: number): RetentionPoint[] {
  const context = 'retentionCurve';
  const { alpha, beta } = readShiftedBetaGeometricModel(readInput(model, 'model', context), context);
  if (typeof periods !== 'number' || !Number.isSafeInteger(periods) || periods < 1 || periods > 100_000) {
    fail('periods', 'a whole number between 1 and 100,000', periods, context);
  }
  const { churn, survival } = churnProbabilities(alpha, beta, periods);
  const points: RetentionPoint[] = [];
  for (let t = 1; t <= periods; t += 1) {
    points.push(
      Object.freeze({
        period: t,
        survival: survival[t]!,
        retention: (beta + t - 1) / (alpha + beta + t - 1),
        churn: churn[t]!,
      }),
    );
  }
  return points;
}
