import { modelCore, modelDefiner, type SafeResult } from '../../shared/model.js';
import { labelsOrId } from '../../shared/labelsCore.js';
import { toDecimal } from '../../shared/numeric.js';
import { add, fromDecimal, rational, rationalToDecimal } from '../../shared/rational.js';
import { defineGradeBands, isGradeBands } from '../grades/defineGradeBands.js';
import type { GradeBands } from '../grades/types.js';
import { compileInterval } from '../intervals.js';
import { compileScale } from '../scales/compileScale.js';
import type { Core, CoreCategory, CoreFactor } from './core.js';
import { scorecardReader } from './scorecardReader.js';
import type { scorecardSchema, ScorecardDefinition } from './scorecardSchema.js';
import type {
  NormalisedScorecard,
  Scorecard,
  ScorecardCategory,
  ScorecardFactor,
  ScorecardOf,
  ScorecardLiteral,
  ScorecardShape,
  WidenedOnly,
} from './types.js';

/** A scorecard definition whose `grades` may also be compiled bands. @category Scorecard */
export type ScorecardInput = Omit<ScorecardDefinition, 'grades'> & {
  grades?: ScorecardDefinition['grades'] | GradeBands | undefined;
};

/**
 * True for scorecards compiled by {@link defineScorecard} (never for a look-alike object).
 * @example
 * ```ts
 * import { isScorecard, potentialValueModel } from 'clientele';
 * [isScorecard(potentialValueModel), isScorecard(potentialValueModel.toJSON())]; // true false
 * ```
 * @category Scorecard
 */
export function isScorecard(value: unknown): value is Scorecard {
  return scorecards.is(value);
}

/**
 * The non-throwing form of {@link defineScorecard}: `{ success: true, output }` or
 * `{ success: false, issues }` with every problem found.
 * @example
 * ```ts
 * import { safeDefineScorecard } from 'clientele';
 * safeDefineScorecard({ id: 'empty', categories: [] }).success; // false
 * ```
 * @category Scorecard
 */
export function safeDefineScorecard(definition: unknown): SafeResult<Scorecard> {
  return scorecardDefiner.safeDefine(definition, undefined);
}

/**
 * Validates a weighted scorecard and compiles it once into a frozen model.
 *
 * Checks: the shape ({@link scorecardSchema}); category ids unique; factor ids unique across the
 * whole model (ratings are a flat record); every weight positive and the weights summing to
 * exactly 1 in decimal arithmetic; `min < max` for every factor; scale ratings within
 * `[min, max]`; scale bands without gap or overlap; grade bands covering `[0, 100]`.
 *
 * @param definition - The scorecard as JSON (or an already compiled scorecard, returned as is).
 * @returns The compiled scorecard, with `id`, `version` and a content `fingerprint`.
 * @throws {ValidationError} listing every problem, each with its path
 *   (e.g. `categories[1].factors[3].max`).
 * @example
 * ```ts
 * import { defineScorecard, score } from 'clientele';
 * const model = defineScorecard({
 *   id: 'tiny',
 *   categories: [
 *     { id: 'money', labels: { en: 'Money', 'zh-CN': '金额' }, weight: '0.6',
 *       factors: [{ id: 'spend', labels: { en: 'Spend', 'zh-CN': '投放' }, min: 1, max: 10 }] },
 *     { id: 'fit', labels: { en: 'Fit', 'zh-CN': '契合度' }, weight: '0.4',
 *       factors: [{ id: 'fit', labels: { en: 'Fit', 'zh-CN': '契合度' }, min: 1, max: 5 }] },
 *   ],
 * });
 * score(model, { spend: 5, fit: 5 }).total.toString(); // '70'
 * ```
 * @category Scorecard
 */
export function defineScorecard<F extends string, G extends string>(definition: Scorecard<F, G>): Scorecard<F, G>;
export function defineScorecard<const D extends { readonly id: string }>(definition: D & WidenedOnly<D>): Scorecard;
export function defineScorecard<const D extends ScorecardLiteral>(definition: D): ScorecardOf<D>;
export function defineScorecard(definition: ScorecardLiteral | ScorecardShape | Scorecard): Scorecard {
  return scorecardDefiner.define(definition, undefined);
}

type ParsedScorecard = Omit<ReturnType<typeof scorecardSchema.parse>, 'grades'> & {
  /** Compiled by the definer (a preset's bands are compiled already). */
  readonly grades?: GradeBands | undefined;
};

/**
 * The library's presets: compiled without running the schema at import (their definitions are
 * written in the schema's output form, grades as compiled bands; a test parses each with the
 * schema and checks the fingerprint, which is recorded beside the definition so importing a preset
 * hashes nothing). Not exported from the package.
 * @internal
 */
export function trustScorecard<const D extends ScorecardLiteral>(fingerprint: string, definition: D): ScorecardOf<D> {
  return scorecards.trust(
    definition as unknown as ParsedScorecard,
    undefined,
    fingerprint,
  ) as Scorecard as ScorecardOf<D>;
}

/** A definition whose `grades` are compiled bands is read with the bands' JSON. */
function prepareScorecard(definition: unknown): unknown {
  if (isScorecard(definition)) return definition;
  return typeof definition === 'object' && definition !== null && isGradeBands((definition as ScorecardInput).grades)
    ? { ...definition, grades: ((definition as ScorecardInput).grades as GradeBands).toJSON() }
    : definition;
}

/** The compiled grade bands (the schema checked the model, its bands and their coverage). */
function compileGrades(parsed: ParsedScorecard): GradeBands | null {
  return parsed.grades ?? null;
}

/** The core the hot path reads, and the model's public categories and factors. */
function compileParts(parsed: ParsedScorecard) {
  const coreFactors: CoreFactor[] = [];
  const coreCategories: CoreCategory[] = [];
  const factors: ScorecardFactor[] = [];
  const categories: ScorecardCategory[] = [];
  parsed.categories.forEach((category, c) => {
    const weight = toDecimal(category.weight);
    let minSum = rational(0n);
    let maxSum = rational(0n);
    const indexes: number[] = [];
    for (const factor of category.factors) {
      const min = toDecimal(factor.min);
      const max = toDecimal(factor.max);
      const scale = factor.scale ? compileScale(factor.scale) : null;
      indexes.push(coreFactors.length);
      coreFactors.push({ id: factor.id, category: c, min: fromDecimal(min), max: fromDecimal(max), scale });
      minSum = add(minSum, fromDecimal(min));
      maxSum = add(maxSum, fromDecimal(max));
      factors.push(
        Object.freeze({
          id: factor.id,
          labels: Object.freeze(labelsOrId(factor.labels, factor.id)),
          description: factor.description ? Object.freeze({ ...factor.description }) : undefined,
          categoryId: category.id,
          index: factors.length,
          min,
          max,
          scale: scale ? Object.freeze({ type: scale.type, rows: scale.rows }) : null,
        }),
      );
    }
    coreCategories.push({ id: category.id, weight: fromDecimal(weight), factors: indexes, minSum, maxSum });
    categories.push(
      Object.freeze({
        id: category.id,
        labels: Object.freeze(labelsOrId(category.labels, category.id)),
        weight,
        factorIds: Object.freeze(indexes.map((index) => coreFactors[index]!.id)),
        minSum: rationalToDecimal(minSum),
        maxSum: rationalToDecimal(maxSum),
      }),
    );
  });

  const core: Core = {
    factors: coreFactors,
    categories: coreCategories,
    factorIndex: new Map(coreFactors.map((factor, index) => [factor.id, index])),
    keyOrder: { names: [], indexes: [] },
    plans: {},
    fast: {},
  };
  return { core, categories, factors };
}

/** The normalised definition: numbers as decimal strings, labels filled, scales written alike. */
function normaliseScorecard(parsed: ParsedScorecard, grades: GradeBands | null): NormalisedScorecard {
  return {
    id: parsed.id,
    version: parsed.version,
    ...(parsed.labels ? { labels: { ...parsed.labels } } : {}),
    normalisation: parsed.normalisation,
    ...(grades ? { grades: grades.toJSON() } : {}),
    categories: parsed.categories.map((category) => ({
      id: category.id,
      labels: labelsOrId(category.labels, category.id),
      weight: toDecimal(category.weight).toFixed(),
      factors: category.factors.map((factor) => ({
        id: factor.id,
        labels: labelsOrId(factor.labels, factor.id),
        min: toDecimal(factor.min).toFixed(),
        max: toDecimal(factor.max).toFixed(),
        ...(factor.scale ? { scale: normaliseNumbers(factor.scale) } : {}),
        ...(factor.description ? { description: { ...factor.description } } : {}),
      })),
    })),
  };
}

// The kind's core (presets, isScorecard) and its definer (schema and fingerprint) apart, so a bundle
// that scores with a preset carries no model validation.
const scorecards = /* @__PURE__ */ modelCore({
  kind: 'scorecard',
  context: 'defineScorecard',
  fieldNames: ['labels', 'normalisation', 'categories', 'factors', 'factorIds', 'grades'],
  normalise: (parsed: ParsedScorecard) => normaliseScorecard(parsed, compileGrades(parsed)),
  // reads `parsed` only: a trusted preset is compiled before it is normalised (`fieldNames`)
  compile: (parsed: ParsedScorecard) => {
    const { core, categories, factors } = compileParts(parsed);
    const grades = compileGrades(parsed);
    return {
      fields: {
        labels: parsed.labels ? Object.freeze({ ...parsed.labels }) : undefined,
        normalisation: parsed.normalisation,
        categories: Object.freeze(categories),
        factors: Object.freeze(factors),
        factorIds: Object.freeze(factors.map((factor) => factor.id)),
        grades,
      },
      compiled: core,
    };
  },
});

/** The core the hot path reads of a compiled scorecard (a preset is compiled here on first use). */
export function coreOf(model: Scorecard): Core | undefined {
  return scorecards.compiledOf(model);
}

const scorecardDefiner = /* @__PURE__ */ modelDefiner(scorecards, {
  context: 'defineScorecard',
  schema: scorecardReader,
  prepare: (input: unknown) => prepareScorecard(input),
  // the bands, read as JSON by the schema, compiled once here (the core takes compiled bands)
  refine: (parsed): ParsedScorecard => ({
    ...parsed,
    grades: parsed.grades ? defineGradeBands(parsed.grades) : undefined,
  }),
});

const NUMERIC_KEYS = new Set(['rating', 'raw', 'default', 'true', 'false']);

/** Writes every numeric leaf of a scale as a plain decimal string, so equal scales print equally. */
function normaliseNumbers<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, leaf: unknown) => {
      if (key === 'interval') return compileInterval(leaf as Parameters<typeof compileInterval>[0]).text;
      if (NUMERIC_KEYS.has(key) && (typeof leaf === 'number' || typeof leaf === 'string'))
        return toDecimal(leaf).toFixed();
      return leaf;
    }),
  ) as T;
}
