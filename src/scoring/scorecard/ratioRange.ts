import type { Decimal } from 'decimal.js';
import { makeIssue, type Issue } from '../../shared/errors.js';

/**
 * The range law of the two normalisations, decided once for every path (score, the batch forms,
 * scoreColumns, SQL): `minmax` maps any rating range onto 0–100; `ratio` (Σ ratings ÷ Σ max) is
 * a share of the maximum — inside [0, 100] — only when no rating can be negative. A model or a
 * call that asks for `ratio` with a factor whose minimum is below zero is refused, with the
 * factor named, instead of producing totals such as 112.25 or −86.2.
 */
export function ratioRangeIssue(
  minimums: readonly { readonly path: string; readonly min: Decimal }[],
  where: string,
): Issue | null {
  const negative = minimums.find((factor) => factor.min.isNegative() && !factor.min.isZero());
  if (negative === undefined) return null;
  return makeIssue(
    where,
    `normalisation "minmax" for a model with negative ratings (${negative.path} has min ` +
      `${negative.min.toFixed()}): "ratio" keeps totals in [0, 100] only when every minimum is ≥ 0`,
    'normalisation "ratio"',
    'inconsistent',
  );
}
