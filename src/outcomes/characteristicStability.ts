import type { Decimal } from 'decimal.js';
import { fail } from '../shared/errors.js';
import { readingInput } from '../shared/input.js';
import { ExactDecimal, toDecimal } from '../shared/numeric.js';
import { readArray } from './internal.js';
import { stabilityOf, type PopulationStabilityOptions, type PopulationStabilityResult } from './populationStability.js';
import { withDisplay } from '../shared/display.js';

/** One factor of a {@link CharacteristicStabilityResult}. @category Outcomes */
export interface FactorStability extends PopulationStabilityResult {
  readonly id: string;
  /** Mean points the factor added to the total, in the expected and the actual population. */
  readonly expectedMeanContribution: Decimal;
  readonly actualMeanContribution: Decimal;
  /** `actualMeanContribution − expectedMeanContribution`: how much of the mean score's move this factor explains. */
  readonly contributionShift: Decimal;
}

/** The result of {@link characteristicStability}. @category Outcomes */
export interface CharacteristicStabilityResult {
  /** One entry per factor, in model order, each with its PSI over the factor's ratings. */
  readonly factors: readonly FactorStability[];
  /** The factor ids whose PSI reads as a minor or major change. */
  readonly drifted: readonly string[];
}

interface FactorLine {
  readonly rating: string;
  readonly contribution: Decimal;
}

/**
 * Characteristic stability of a scorecard: the population stability index of each factor's
 * ratings between two sets of `score` results (live or read back from JSON), with the factor's
 * mean contribution in each population, so a move of the mean score is traced to the factors
 * that drifted.
 *
 * Each distinct rating is a bin (a missing or excluded rating is the bin `'missing'`); PSI as in
 * {@link populationStability}; the characteristic analysis of Siddiqi (2006), Credit Risk
 * Scorecards, ch. 8.
 *
 * @example
 * ```ts
 * import { characteristicStability } from 'clientele/outcomes';
 * import { potentialValueModel, score } from 'clientele/scoring';
 * const ratings = (tenure: number) =>
 *   Object.fromEntries(potentialValueModel.factorIds.map((id) => [id, id === 'tenure' ? tenure : 1]));
 * const before = [1, 1, 2, 2].map((tenure) => score(potentialValueModel, ratings(tenure)));
 * const after = [2, 2, 2, 3].map((tenure) => score(potentialValueModel, ratings(tenure)));
 * characteristicStability(before, after).drifted; // ['tenure']
 * ```
 * @throws {ValidationError} when the arrays are empty or a result is not a score result of the
 *   same model as the first one.
 * @category Outcomes
 */
export function characteristicStability(
  expected: readonly unknown[],
  actual: readonly unknown[],
  options: Omit<PopulationStabilityOptions, 'bins'> = {},
): CharacteristicStabilityResult {
  return withDisplay(
    readingInput('expected', 'characteristicStability', () => {
      const policy = options.emptyBins ?? 'epsilon';
      if (policy !== 'epsilon' && policy !== 'error')
        fail('options.emptyBins', "'epsilon' or 'error'", policy, 'characteristicStability');
      const epsilon = toDecimal(options.epsilon ?? '0.0001', 'options.epsilon');
      if (!epsilon.gt(0) || !epsilon.lt(1))
        fail('options.epsilon', 'a share strictly between 0 and 1', options.epsilon, 'characteristicStability');
      const expectedList = readArray(expected, 'expected', 'characteristicStability');
      const actualList = readArray(actual, 'actual', 'characteristicStability');
      if (expectedList.length === 0 || actualList.length === 0)
        fail(
          expectedList.length === 0 ? 'expected' : 'actual',
          'at least one score result',
          'an empty array',
          'characteristicStability',
        );
      const factorIds = factorIdsOf(expectedList[0], 'expected[0]');
      const lines = [expectedList, actualList].map((list, side) =>
        list.map((result, index) => factorLines(result, `${side === 0 ? 'expected' : 'actual'}[${index}]`, factorIds)),
      );
      const factors = factorIds.map((id, factor) => {
        const ratings = new Map<string, number>();
        const counts: [number[], number[]] = [[], []];
        const sums = [new ExactDecimal(0), new ExactDecimal(0)];
        lines.forEach((side, s) => {
          for (const record of side) {
            const line = record[factor]!;
            let bin = ratings.get(line.rating);
            if (bin === undefined) {
              bin = ratings.size;
              ratings.set(line.rating, bin);
              counts[0].push(0);
              counts[1].push(0);
            }
            counts[s as 0 | 1][bin]!++;
            sums[s] = sums[s]!.plus(line.contribution);
          }
        });
        const order = [...ratings.entries()].sort(([a], [b]) =>
          a === 'missing' ? -1 : b === 'missing' ? 1 : new ExactDecimal(a).comparedTo(b),
        );
        const table = {
          names: order.map(([rating]) => rating),
          expected: order.map(([, bin]) => new ExactDecimal(counts[0][bin]!)),
          actual: order.map(([, bin]) => new ExactDecimal(counts[1][bin]!)),
          edges: null,
        };
        const expectedMean = sums[0]!.div(expectedList.length);
        const actualMean = sums[1]!.div(actualList.length);
        return Object.freeze({
          id,
          ...stabilityOf(table, policy, epsilon),
          expectedMeanContribution: expectedMean,
          actualMeanContribution: actualMean,
          contributionShift: actualMean.minus(expectedMean),
        });
      });
      return Object.freeze({
        factors: Object.freeze(factors),
        drifted: Object.freeze(factors.filter((f) => f.reading !== 'no change').map((f) => f.id)),
      });
    }),
    'Characteristic stability',
  );
}

function factorsOf(result: unknown, path: string): readonly unknown[] {
  const factors = typeof result === 'object' && result !== null ? (result as { factors?: unknown }).factors : undefined;
  if (!Array.isArray(factors))
    fail(`${path}.factors`, 'a score result with its factors', result, 'characteristicStability');
  return factors;
}

function factorIdsOf(result: unknown, path: string): string[] {
  return factorsOf(result, path).map((factor, index) => {
    const id = typeof factor === 'object' && factor !== null ? (factor as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') fail(`${path}.factors[${index}].id`, 'a factor id', id, 'characteristicStability');
    return id;
  });
}

function factorLines(result: unknown, path: string, ids: readonly string[]): FactorLine[] {
  const factors = factorsOf(result, path);
  if (factors.length !== ids.length)
    fail(
      `${path}.factors`,
      `the ${ids.length} factors of the first result's model`,
      `${factors.length} factors`,
      'characteristicStability',
    );
  return factors.map((factor, index) => {
    const line = factor as { id?: unknown; rating?: unknown; contribution?: unknown; status?: unknown };
    if (line.id !== ids[index])
      fail(
        `${path}.factors[${index}].id`,
        `'${ids[index]}' (same model as the first result)`,
        line.id,
        'characteristicStability',
      );
    const observed =
      line.rating !== null && line.rating !== undefined && line.status !== 'imputed' && line.status !== 'excluded';
    return {
      rating: observed ? toDecimal(line.rating, `${path}.factors[${index}].rating`).toString() : 'missing',
      contribution: toDecimal(line.contribution, `${path}.factors[${index}].contribution`),
    };
  });
}
