import { ValidationError, makeIssue } from '../../shared/errors.js';
import { fingerprint } from '../../shared/fingerprint.js';
import { labelsOrId } from '../../shared/labels.js';
import { readingInput } from '../../shared/input.js';
import { parseWith } from '../../shared/schema.js';
import { compareLower, compileInterval, coversInterval, formatInterval, tilingProblem, type Interval } from '../intervals.js';
import { gradeBandsSchema, type GradeBandsDefinition } from './gradeBandsSchema.js';
import type { GradeBand, GradeBands, NormalisedGradeBands } from './types.js';

const compiledBands = new WeakSet<GradeBands>();

/** True for grade bands compiled by `defineGradeBands`. */
export function isGradeBands(value: unknown): value is GradeBands {
  return typeof value === 'object' && value !== null && compiledBands.has(value as GradeBands);
}

/**
 * Validates and compiles grade bands: any number of grades, best first, each an interval with
 * explicit closure, together covering the domain with no gap and no overlap.
 *
 * The seed's 客户潜在价值划分标准 (seed 002) ships as `potentialValueBands`.
 *
 * @param definition - Grade bands as JSON ({@link gradeBandsSchema}), or already compiled bands.
 * @returns Frozen, compiled bands.
 * @throws {ValidationError} on a bad shape, duplicate ids, bands out of order, a gap, an overlap,
 *   or bands that do not cover the domain.
 * @example
 * ```ts
 * import { defineGradeBands, grade } from 'clientele';
 * const passFail = defineGradeBands({
 *   id: 'pass-fail',
 *   bands: [
 *     { id: 'pass', labels: { en: 'Pass', 'zh-CN': '通过' }, interval: '[50, 100]' },
 *     { id: 'fail', labels: { en: 'Fail', 'zh-CN': '不通过' }, interval: '[0, 50)' },
 *   ],
 * });
 * grade(50, passFail); // 'pass'
 * ```
 * @category Grades
 */
export function defineGradeBands(definition: GradeBandsDefinition | GradeBands): GradeBands {
  if (isGradeBands(definition)) return definition;
  return readingInput('', 'defineGradeBands', () => compileGradeBands(definition));
}

function compileGradeBands(definition: GradeBandsDefinition): GradeBands {
  const parsed = parseWith(gradeBandsSchema, definition, 'defineGradeBands');
  const issues = [];
  const seen = new Set<string>();
  const bands: GradeBand[] = parsed.bands.map((band, rank) => {
    if (seen.has(band.id)) issues.push(makeIssue(`bands[${rank}].id`, 'a unique grade id', `duplicate "${band.id}"`, 'duplicate'));
    seen.add(band.id);
    return Object.freeze({ id: band.id, labels: Object.freeze(labelsOrId(band.labels, band.id)), interval: compileInterval(band.interval), rank });
  });
  const domain = compileInterval(parsed.domain);
  // Listed best first: each band must lie above the next one.
  for (let i = 1; i < bands.length; i++) {
    if (compareLower(bands[i - 1]!.interval, bands[i]!.interval) <= 0) {
      issues.push(makeIssue(`bands[${i}].interval`, `bands listed from the best (highest) to the worst, so below ${bands[i - 1]!.interval.text}`, bands[i]!.interval.text, 'inconsistent'));
    }
  }
  if (issues.length === 0) {
    const ascending = [...bands].reverse();
    const tiling = tilingProblem(ascending.map((band) => band.interval));
    if (tiling) {
      const band = ascending[tiling.index]!;
      issues.push(makeIssue(`bands[${band.rank}].interval`, `bands that meet exactly (${tiling.problem})`, band.interval.text));
    } else {
      const covered: Interval = compileSpan(ascending[0]!.interval, ascending[ascending.length - 1]!.interval);
      if (!coversInterval(covered, domain)) {
        issues.push(makeIssue('bands', `bands covering the whole domain ${domain.text}`, `bands covering ${covered.text}`, 'inconsistent'));
      }
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, 'defineGradeBands');
  const normalised: NormalisedGradeBands = {
    id: parsed.id,
    version: parsed.version,
    ...(parsed.labels ? { labels: { ...parsed.labels } } : {}),
    domain: domain.text,
    bands: bands.map((band) => ({ id: band.id, labels: { ...band.labels }, interval: band.interval.text })),
  };
  const print = fingerprint(normalised);
  const model: GradeBands = Object.freeze({
    kind: 'grade-bands' as const,
    id: parsed.id,
    version: parsed.version,
    labels: parsed.labels ? Object.freeze({ ...parsed.labels }) : undefined,
    fingerprint: print,
    domain,
    bands: Object.freeze(bands),
    grades: Object.freeze(bands.map((band) => band.id)),
    toJSON: () => structuredCloneJson(normalised),
  });
  compiledBands.add(model);
  return model;
}

function compileSpan(lowest: Interval, highest: Interval): Interval {
  return { lower: lowest.lower, upper: highest.upper, text: formatInterval(lowest.lower, highest.upper) };
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
