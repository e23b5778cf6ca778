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
import { compare } from '../../shared/rational.js';

type Loose = { readonly [key: string]: unknown };

/** A band's interval, when it is well formed (the schema reports it otherwise). */
function intervalOf(value: unknown): Interval | undefined {
  const parsed = intervalReader.safeParse(value);
  return parsed.success ? compileInterval(parsed.data) : undefined;
}

/** A well-formed band's interval and its place in the list (malformed bands are left out). */
type Placed = { readonly rank: number; readonly interval: Interval };

/** Listed best first: each well-formed band must lie above the next well-formed one. */
function orderIssues(placed: readonly Placed[]): Issue[] {
  const issues: Issue[] = [];
  for (let i = 1; i < placed.length; i++) {
    const above = placed[i - 1]!.interval;
    const { rank, interval } = placed[i]!;
    if (compareLower(above, interval) <= 0)
      issues.push(
        makeIssue(
          `bands[${rank}].interval`,
          `bands listed from the best (highest) to the worst, so below ${above.text}`,
          interval.text,
          'inconsistent',
        ),
      );
  }
  return issues;
}

/** True when the higher band reaches down into the lower one (a malformed band may lie between). */
function overlaps(lower: Interval, higher: Interval): boolean {
  if (!lower.upper || !higher.lower) return true;
  const cmp = compare(lower.upper.exact, higher.lower.exact);
  return cmp > 0 || (cmp === 0 && lower.upper.inclusive && higher.lower.inclusive);
}

/**
 * Gaps and overlaps between neighbouring well-formed bands (listed in order): the first problem of
 * each run of adjacent bands, and any overlap across a malformed band (a gap there cannot be told).
 */
function tilingIssues(placed: readonly Placed[]): Issue[] {
  const issues: Issue[] = [];
  let run: Placed[] = [];
  const closeRun = () => {
    const problem = tilingProblem(run.map((band) => band.interval).reverse());
    if (problem) {
      const { rank, interval } = run[run.length - 1 - problem.index]!;
      issues.push(makeIssue(`bands[${rank}].interval`, `bands that meet exactly (${problem.problem})`, interval.text));
    }
  };
  for (const band of placed) {
    const above = run[run.length - 1];
    if (above && above.rank + 1 !== band.rank) {
      closeRun();
      run = [];
      if (overlaps(band.interval, above.interval))
        issues.push(
          makeIssue(
            `bands[${above.rank}].interval`,
            `bands that meet exactly (no overlap with ${band.interval.text})`,
            above.interval.text,
          ),
        );
    }
    run.push(band);
  }
  closeRun();
  return issues;
}

/** Whether the best and the worst band together reach both ends of the domain. */
function coverageIssues(highest: Interval, lowest: Interval, domain: Interval): Issue[] {
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

/** A unique id for each band (ids that are not strings are left to the schema). */
function duplicateIssues(bands: readonly Loose[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  bands.forEach((fields, rank) => {
    if (typeof fields.id !== 'string') return;
    if (seen.has(fields.id))
      issues.push(makeIssue(`bands[${rank}].id`, 'a unique grade id', `duplicate "${fields.id}"`, 'duplicate'));
    seen.add(fields.id);
  });
  return issues;
}

/**
 * Every cross-field issue of a grade-bands definition, read defensively: duplicate ids, and the
 * order, gaps, overlaps and coverage of the bands whose intervals are well formed (the schema
 * reports the others), so one parse reports them all. Order comes first: gaps and overlaps are
 * only told between bands in order. Empty for valid bands.
 */
export function gradeBandIssues(definition: unknown): Issue[] {
  if (typeof definition !== 'object' || definition === null) return [];
  const given = definition as Loose;
  const bands = (Array.isArray(given.bands) ? (given.bands as unknown[]) : []).map(
    (band) => (typeof band === 'object' && band !== null ? band : {}) as Loose,
  );
  const issues = duplicateIssues(bands);
  const placed = bands.flatMap((band, rank) => {
    const interval = intervalOf(band.interval);
    return interval ? [{ rank, interval }] : [];
  });
  const order = orderIssues(placed);
  if (placed.length === 0 || order.length > 0) return [...issues, ...order];
  const tiling = tilingIssues(placed);
  const domain = intervalOf(given.domain ?? '[0, 100]');
  const [highest, lowest] = [placed[0]!, placed[placed.length - 1]!];
  // coverage is told from the ends, once the bands between them meet
  const ends = highest.rank === 0 && lowest.rank === bands.length - 1;
  const coverage =
    domain && ends && tiling.length === 0 ? coverageIssues(highest.interval, lowest.interval, domain) : [];
  return [...issues, ...tiling, ...coverage];
}
