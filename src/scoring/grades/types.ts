import type { Decimal } from 'decimal.js';
import type { Labels } from '../../shared/labels.js';
import type { ModelIdentity } from '../../shared/model.js';
import type { Interval } from '../intervals.js';
import type { GradeBandsDefinition } from './gradeBandsSchema.js';

/** One compiled grade (`G`: the bands' grade ids, when known at compile time). @category Grades */
export interface GradeBand<G extends string = string> {
  readonly id: G;
  readonly labels: Labels;
  readonly interval: Interval;
  /** 0 for the best grade, 1 for the next, … */
  readonly rank: number;
}

/**
 * Compiled, frozen grade bands (`defineGradeBands`). `G` is their grade ids when known at compile
 * time (a preset, or `defineGradeBands` on a literal): `grade` then returns one of them. Bands
 * read at run time are `GradeBands<string>`, the default.
 * @category Grades
 */
export interface GradeBands<G extends string = string> extends ModelIdentity<'gradeBands', NormalisedGradeBands> {
  readonly labels: Labels | undefined;
  readonly domain: Interval;
  /** Best first, as defined. */
  readonly bands: readonly GradeBand<G>[];
  /** Grade ids, best first. */
  readonly grades: readonly G[];
}

/** The normalised JSON form of grade bands. @category Grades */
export interface NormalisedGradeBands {
  id: string;
  version: string;
  labels?: Labels | undefined;
  domain: string;
  bands: { id: string; labels: Labels; interval: string }[];
}

/** Where a total sits relative to the grade above it. @category Grades */
export interface NextGrade {
  /** The next better grade's id. */
  readonly grade: string;
  /** Points from the total to that grade's lower edge. */
  readonly points: Decimal;
  /** `true` when reaching the edge is enough (`[`), `false` when the total must exceed it (`(`). */
  readonly edgeInclusive: boolean;
}

/** Deeply readonly, as `as const` (or a `const` type parameter) makes a literal. */
type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/**
 * Grade bands as TypeScript code writes them: the JSON form, readonly at every level so a
 * literal `as const` fits.
 * @category Grades
 */
export type GradeBandsLiteral = DeepReadonly<GradeBandsDefinition>;

/**
 * The grade ids of compiled bands or of a definition, as literals when known at compile time;
 * `string` otherwise.
 * @category Grades
 */
export type GradeBandIdsOf<B> = B extends { readonly kind: 'gradeBands'; readonly grades: readonly (infer G)[] }
  ? G & string
  : B extends { readonly bands: readonly (infer X)[] }
    ? X extends { readonly id: infer I extends string }
      ? I
      : never
    : string;
