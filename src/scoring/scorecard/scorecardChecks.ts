/**
 * The scorecard checks a field-by-field schema cannot make: ids unique across the model, weights
 * positive and summing to exactly 1, `min < max`, scale ratings within `[min, max]`, the ratio
 * range law and grade bands covering `[0, 100]`. `scorecardSchema` runs them as its refinement,
 * so the schema and `defineScorecard` accept the same files, and they run on whatever parts of a
 * definition are well formed: one parse reports every mistake at once.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { makeIssue, type Issue } from '../../shared/errors.js';
import { ONE, ZERO, tryDecimal } from '../../shared/numeric.js';
import { compileInterval, coversInterval, type Interval } from '../intervals.js';
import { gradeBandsReader } from '../grades/gradeBandsReader.js';
import { checkScale } from '../scales/compileScale.js';
import { scaleReader } from '../scales/scaleReader.js';
import { ratioRangeIssue } from './ratioRange.js';

type Loose = { readonly [key: string]: unknown };

// The interval every total lies in, compiled when a scorecard with grades is first checked (not at import).
let scoreDomain: Interval | undefined;

function objectOf(value: unknown): Loose | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Issues of one factor: its id against the ids seen, `min < max`, its scale's ratings. */
function factorIssues(factor: Loose, at: string, factorIds: Map<string, string>): Issue[] {
  const issues: Issue[] = [];
  if (typeof factor.id === 'string') {
    const first = factorIds.get(factor.id);
    if (first !== undefined)
      issues.push(
        makeIssue(
          `${at}.id`,
          `a factor id unique in the model (already used at ${first})`,
          `duplicate "${factor.id}"`,
          'duplicate',
        ),
      );
    else factorIds.set(factor.id, at);
  }
  const min = tryDecimal(factor.min);
  const max = tryDecimal(factor.max);
  if (min === undefined || max === undefined) return issues;
  if (!min.lessThan(max))
    issues.push(makeIssue(`${at}.max`, `a maximum greater than min (${min.toFixed()})`, max.toFixed(), 'inconsistent'));
  else if (factor.scale !== undefined) {
    const scale = scaleReader.safeParse(factor.scale);
    if (scale.success) issues.push(...checkScale(scale.data, min, max, `${at}.scale`));
  }
  return issues;
}

/** Issues of the categories: unique ids, positive weights summing to 1, their factors. */
function categoryIssues(categories: readonly unknown[]): {
  issues: Issue[];
  minimums: { path: string; min: Decimal }[];
} {
  const issues: Issue[] = [];
  const minimums: { path: string; min: Decimal }[] = [];
  const categoryIds = new Set<string>();
  const factorIds = new Map<string, string>();
  let weightSum: Decimal | undefined = ZERO;
  categories.forEach((given, c) => {
    const category = objectOf(given);
    if (category === undefined) return void (weightSum = undefined);
    const at = `categories[${c}]`;
    if (typeof category.id === 'string') {
      if (categoryIds.has(category.id))
        issues.push(makeIssue(`${at}.id`, 'a unique category id', `duplicate "${category.id}"`, 'duplicate'));
      categoryIds.add(category.id);
    }
    const weight = tryDecimal(category.weight);
    if (weight !== undefined && !weight.greaterThan(0))
      issues.push(makeIssue(`${at}.weight`, 'a positive weight', weight.toFixed()));
    weightSum = weight !== undefined && weight.greaterThan(0) ? weightSum?.plus(weight) : undefined;
    listOf(category.factors).forEach((factor, f) => {
      const fields = objectOf(factor);
      if (fields === undefined) return;
      const fat = `${at}.factors[${f}]`;
      issues.push(...factorIssues(fields, fat, factorIds));
      const min = tryDecimal(fields.min);
      if (min !== undefined) minimums.push({ path: `${fat}.min`, min });
    });
  });
  // The sum is judged when every weight is a positive number (a bad weight is reported on its own).
  if (weightSum !== undefined && categories.length > 0 && !(weightSum as Decimal).equals(ONE))
    issues.push(
      makeIssue(
        'categories',
        'category weights summing to exactly 1',
        `weights summing to ${(weightSum as Decimal).toFixed()}`,
        'inconsistent',
      ),
    );
  return { issues, minimums };
}

/**
 * Every cross-field issue of a scorecard definition, read defensively (parts that are not well
 * formed are skipped: the schema reports them). Empty for a valid definition.
 */
export function scorecardIssues(definition: unknown): Issue[] {
  const model = objectOf(definition);
  if (model === undefined) return [];
  const { issues, minimums } = categoryIssues(listOf(model.categories));
  if ((model.normalisation ?? 'ratio') === 'ratio') {
    const ratioIssue = ratioRangeIssue(minimums, 'normalisation');
    if (ratioIssue) issues.push(ratioIssue);
  }
  if (model.grades !== undefined) {
    const grades = gradeBandsReader.safeParse(model.grades);
    if (grades.success) {
      const domain = compileInterval(grades.data.domain);
      const totals = (scoreDomain ??= compileInterval('[0, 100]'));
      if (!coversInterval(domain, totals))
        issues.push(
          makeIssue(
            'grades.domain',
            `a domain containing every possible total ${totals.text}`,
            domain.text,
            'inconsistent',
          ),
        );
    }
  }
  return issues;
}
