/**
 * The grade-band checks a field-by-field schema cannot make: ids unique, bands listed best first,
 * meeting exactly and covering the domain. `gradeBandsSchema` runs them as its refinement, so the
 * schema and `defineGradeBands` accept the same files and one parse reports every mistake.
 *
 * @module
 */
import { makeIssue, type Issue } from '../../shared/errors.js';
import {
  compareLower,
  compileInterval,
  coversInterval,
  formatInterval,
  intervalReader,
  tilingProblem,
  type Interval,
} from '../intervals.js';

type Loose = { readonly [key: string]: unknown };

/** A band's interval, when it is well formed (the schema reports it otherwise). */
function intervalOf(value: unknown): Interval | undefined {
  const parsed = intervalReader.safeParse(value);
  return parsed.success ? compileInterval(parsed.data) : undefined;
}

/** Listed best first: each band must lie above the next one. */
function orderIssues(intervals: readonly Interval[]): Issue[] {
  const issues: Issue[] = [];
  for (let i = 1; i < intervals.length; i++) {
    if (compareLower(intervals[i - 1]!, intervals[i]!) <= 0)
      issues.push(
        makeIssue(
          `bands[${i}].interval`,
          `bands listed from the best (highest) to the worst, so below ${intervals[i - 1]!.text}`,
          intervals[i]!.text,
          'inconsistent',
        ),
      );
  }
  return issues;
}

/** Gaps, overlaps and coverage of bands listed in order. */
function tilingIssues(intervals: readonly Interval[], domain: Interval): Issue[] {
  const ascending = [...intervals].reverse();
  const tiling = tilingProblem(ascending);
  if (tiling) {
    const rank = intervals.length - 1 - tiling.index;
    return [makeIssue(`bands[${rank}].interval`, `bands that meet exactly (${tiling.problem})`, intervals[rank]!.text)];
  }
  const lowest = ascending[0]!;
  const highest = ascending[ascending.length - 1]!;
  const covered: Interval = {
    lower: lowest.lower,
    upper: highest.upper,
    text: formatInterval(lowest.lower, highest.upper),
  };
  if (coversInterval(covered, domain)) return [];
  return [
    makeIssue(
      'bands',
      `bands covering the whole domain ${domain.text}`,
      `bands covering ${covered.text}`,
      'inconsistent',
    ),
  ];
}

/**
 * Every cross-field issue of a grade-bands definition, read defensively (parts that are not well
 * formed are skipped: the schema reports them). Empty for valid bands.
 */
export function gradeBandIssues(definition: unknown): Issue[] {
  if (typeof definition !== 'object' || definition === null) return [];
  const given = definition as Loose;
  const bands = Array.isArray(given.bands) ? (given.bands as unknown[]) : [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const intervals: (Interval | undefined)[] = bands.map((band, rank) => {
    const fields = (typeof band === 'object' && band !== null ? band : {}) as Loose;
    if (typeof fields.id === 'string') {
      if (seen.has(fields.id))
        issues.push(makeIssue(`bands[${rank}].id`, 'a unique grade id', `duplicate "${fields.id}"`, 'duplicate'));
      seen.add(fields.id);
    }
    return intervalOf(fields.interval);
  });
  const domain = intervalOf(given.domain ?? '[0, 100]');
  if (bands.length === 0 || domain === undefined || !intervals.every((interval) => interval !== undefined))
    return issues;
  issues.push(...orderIssues(intervals));
  return issues.length > 0 ? issues : tilingIssues(intervals, domain);
}
