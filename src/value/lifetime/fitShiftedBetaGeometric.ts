import { fail, joinPath } from '../../shared/errors.js';
import type { Numeric } from '../../shared/numeric.js';
import { fitSummary, maximiseLikelihood, readFitOptions, settle } from './internal/fit.js';
import { readFloat } from './internal/histories.js';
import { shiftedBetaGeometricLogLikelihood } from './internal/shiftedBetaGeometric.js';
import type { FitOptions, ShiftedBetaGeometricModel } from './types.js';
import { readInput } from '../../shared/input.js';

/**
 * Fits the shifted-beta-geometric model of contract retention (Fader & Hardie 2007, "How to
 * project customer retention", Journal of Interactive Marketing 21(1)) to a cohort's survivor
 * counts by maximum likelihood: the model for retainer accounts that renew or lapse each period.
 *
 * Each customer churns at the end of a period with probability θ, and θ ~ Beta(α, β) across
 * customers, so the cohort's retention rate rises over time as the likely churners leave — the
 * pattern a single retention rate misses. The likelihood is the paper's eq. (9): customers lost in
 * period t contribute P(T = t), those still active at the end S(n). Fitted like {@link fitBgNbd}
 * (Nelder–Mead on log α, log β from α = β = 1; Hessian verdict; `ConvergenceError`).
 *
 * @param survivors - Customers active at the start of each period, period 0 (the whole cohort)
 *   first: non-increasing, ≥ 0, at least two values (counts may be fractional, e.g. weights).
 * @param options - `start`, `maxEvaluations` (20,000), `onNonConvergence` (`'throw'`).
 * @returns `{ kind: 'shifted-beta-geometric', alpha, beta, logLikelihood, customers, periods, standardErrors,
 * convergence }`.
 * @throws {ValidationError} when the counts are not numbers, increase, or the cohort is empty.
 * @throws {ConvergenceError} when the fit is not trusted (unless `onNonConvergence: 'return'`).
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric } from 'clientele/value';
 * // Fader & Hardie (2007), the "regular" cohort over 7 years
 * const model = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * [model.alpha.toFixed(3), model.beta.toFixed(3)]; // ['0.704', '1.182']
 * ```
 * @category Lifetime value
 */
export function fitShiftedBetaGeometric(
  survivors: readonly Numeric[],
  options?: FitOptions<'alpha' | 'beta'>,
): ShiftedBetaGeometricModel {
  const context = 'fitShiftedBetaGeometric';
  const counts = readSurvivors(readInput(survivors, 'survivors', context), context);
  const settings = readFitOptions(
    readInput(options, 'options', context),
    ['alpha', 'beta'],
    Float64Array.of(1, 1),
    context,
  );
  const fit = maximiseLikelihood(shiftedBetaGeometricLogLikelihood(counts), settings.start, settings.maxEvaluations, [
    false,
    false,
  ]);
  const model: ShiftedBetaGeometricModel = Object.freeze({
    kind: 'shifted-beta-geometric',
    ...fitSummary(['alpha', 'beta'] as const, fit),
    customers: counts[0]!,
    periods: counts.length - 1,
  });
  return settle(model, settings.onNonConvergence, context);
}

function readSurvivors(survivors: unknown, context: string): Float64Array {
  if (!Array.isArray(survivors) || survivors.length < 2)
    fail('survivors', 'an array of at least two survivor counts, period 0 first', survivors, context);
  const counts = new Float64Array(survivors.length);
  survivors.forEach((raw: unknown, index) => {
    const count = readFloat(raw);
    const path = joinPath('survivors', index);
    if (count === undefined || count < 0) fail(path, 'a count ≥ 0', raw, context);
    if (index > 0 && count > counts[index - 1]!)
      fail(
        path,
        `at most the count before it (${counts[index - 1]!}): survivors never increase`,
        raw,
        context,
        'inconsistent',
      );
    counts[index] = count;
  });
  if (!(counts[0]! > 0)) fail('survivors[0]', 'a cohort of more than 0 customers', survivors[0], context);
  return counts;
}
