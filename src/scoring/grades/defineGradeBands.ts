import { modelCore, modelDefiner, type SafeResult } from '../../shared/model.js';
import { labelsOrId } from '../../shared/labelsCore.js';
import { compileInterval, type Interval } from '../intervals.js';
import { gradeBandsReader } from './gradeBandsReader.js';
import type { GradeBandsDefinition, gradeBandsSchema } from './gradeBandsSchema.js';
import type { GradeBand, GradeBandIdsOf, GradeBands, GradeBandsLiteral, NormalisedGradeBands } from './types.js';

/**
 * True for grade bands compiled by {@link defineGradeBands} (never for a look-alike object).
 * @example
 * ```ts
 * import { isGradeBands, potentialValueBands } from 'clientele';
 * isGradeBands(potentialValueBands); // true
 * ```
 * @category Grades
 */
export function isGradeBands(value: unknown): value is GradeBands {
  return gradeBandKind.is(value);
}

/**
 * The non-throwing form of {@link defineGradeBands}: `{ success: true, output }` or
 * `{ success: false, issues }` with every problem found.
 * @example
 * ```ts
 * import { safeDefineGradeBands } from 'clientele';
 * safeDefineGradeBands({ id: 'none', bands: [] }).success; // false
 * ```
 * @category Grades
 */
export function safeDefineGradeBands(definition: unknown): SafeResult<GradeBands> {
  return gradeBandDefiner.safeDefine(definition, undefined);
}

/**
 * Validates and compiles grade bands: any number of grades, best first, each an interval with
 * explicit closure, together covering the domain with no gap and no overlap.
 *
 * The seed's 客户潜在价值划分标准 (seed 002) ships as `potentialValueBands`.
 *
 * @param definition - Grade bands as JSON ({@link gradeBandsSchema}), or already compiled bands.
 * @returns Frozen, compiled bands; their grade ids typed as a union when known at compile time.
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
export function defineGradeBands<const B extends GradeBands | GradeBandsLiteral>(
  definition: B,
): GradeBands<GradeBandIdsOf<B>>;
export function defineGradeBands(definition: GradeBandsDefinition | GradeBands): GradeBands {
  return gradeBandDefiner.define(definition, undefined);
}

type ParsedGradeBands = ReturnType<typeof gradeBandsSchema.parse>;

/**
 * The library's preset bands: compiled without running the schema at import (written in the
 * schema's output form; a test parses each with the schema and checks the recorded fingerprint).
 * Not exported from the package.
 * @internal
 */
export function trustGradeBands(fingerprint: string, definition: ParsedGradeBands): GradeBands {
  return gradeBandKind.trust(definition, undefined, fingerprint);
}

/** Compiled bands best first and the domain (order, gaps, overlaps and coverage were checked by the schema). */
function compileBands(parsed: ParsedGradeBands): { bands: GradeBand[]; domain: Interval } {
  const bands: GradeBand[] = parsed.bands.map((band, rank) =>
    Object.freeze({
      id: band.id,
      labels: Object.freeze(labelsOrId(band.labels, band.id)),
      interval: compileInterval(band.interval),
      rank,
    }),
  );
  return { bands, domain: compileInterval(parsed.domain) };
}

// The kind's core (presets, isGradeBands) apart from its definer (schema and fingerprint).
const gradeBandKind = /* @__PURE__ */ modelCore({
  kind: 'gradeBands',
  context: 'defineGradeBands',
  fieldNames: ['labels', 'domain', 'bands', 'grades'],
  normalise: (parsed: ParsedGradeBands): NormalisedGradeBands => {
    const { bands, domain } = compileBands(parsed);
    return {
      id: parsed.id,
      version: parsed.version,
      ...(parsed.labels ? { labels: { ...parsed.labels } } : {}),
      domain: domain.text,
      bands: bands.map((band) => ({ id: band.id, labels: { ...band.labels }, interval: band.interval.text })),
    };
  },
  compile: (parsed: ParsedGradeBands) => {
    const { bands, domain } = compileBands(parsed);
    return {
      fields: {
        labels: parsed.labels ? Object.freeze({ ...parsed.labels }) : undefined,
        domain,
        bands: Object.freeze(bands),
        grades: Object.freeze(bands.map((band) => band.id)),
      },
      compiled: undefined,
    };
  },
});

const gradeBandDefiner = /* @__PURE__ */ modelDefiner(gradeBandKind, {
  context: 'defineGradeBands',
  schema: gradeBandsReader,
});
