import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { toDecimal, type Numeric } from '../../shared/numeric.js';
import { fromDecimal, type Rational } from '../../shared/rational.js';
import { contains } from '../intervals.js';
import { defineGradeBands } from './defineGradeBands.js';
import type { GradeBandsDefinition } from './gradeBandsSchema.js';
import type { GradeBand, GradeBandIdsOf, GradeBands, GradeBandsLiteral } from './types.js';

/**
 * The grade a total falls in, compared exactly: a total of exactly 80 is grade A under
 * `potentialValueBands` (seed 002: A ≥ 80, B 60–80, C 40–60, D ≤ 40).
 *
 * @param total - The score (`number | string | Decimal`); numbers are read as their shortest decimal.
 * @param bands - Compiled grade bands (or their JSON, compiled on the fly).
 * @returns The grade id: one of the bands' ids, typed as their union when they are known at compile time.
 * @throws {ValidationError} when `total` is not a finite number or lies outside the bands' domain.
 * @example
 * ```ts
 * import { grade, potentialValueBands } from 'clientele';
 * grade(80, potentialValueBands); // 'A'
 * grade('79.99', potentialValueBands); // 'B'
 * grade(40, potentialValueBands); // 'D'
 * ```
 * @category Grades
 */
export function grade<const B extends GradeBands | GradeBandsLiteral>(total: Numeric, bands: B): GradeBandIdsOf<B>;
export function grade(total: Numeric, bands: GradeBands | GradeBandsDefinition): string {
  return findBand(fromDecimal(toDecimal(total, 'total')), defineGradeBands(bands), total).id;
}

/** The band holding an exact total; throws when the total is outside every band. */
export function findBand(total: Rational, bands: GradeBands, shown?: unknown): GradeBand {
  // Few bands: a linear scan from the best is fastest and keeps ties exact.
  for (const band of bands.bands) if (contains(band.interval, total)) return band;
  return fail('total', `a total within ${bands.domain.text}`, shown ?? describeRational(total));
}

function describeRational(value: Rational): Decimal {
  return toDecimal(value.numerator.toString()).div(value.denominator.toString());
}
