import type { Decimal } from 'decimal.js';
import type { Labels } from '../../shared/labels.js';
import type { GradeBand, GradeBands, NextGrade, NormalisedGradeBands } from '../grades/types.js';
import type { ScaleRow } from '../scales/compileScale.js';
import type { ScaleDefinition } from '../scales/scaleSchema.js';
import type { GradeBandsDefinition } from '../grades/gradeBandsSchema.js';
import type { Normalisation, ScorecardDefinition } from './scorecardSchema.js';

/**
 * Grade bands whose grade ids are known at compile time (`'A' | 'B' | 'C' | 'D'` for
 * `potentialValueBands`); with `G = string`, any grade bands.
 * @category Scorecard
 */
export type TypedGradeBands<G extends string = string> = GradeBands & {
  readonly grades: readonly G[];
  readonly bands: readonly (GradeBand & { readonly id: G })[];
};

/** A compiled factor (`F`: the model's factor ids, when known at compile time). @category Scorecard */
export interface ScorecardFactor<F extends string = string> {
  readonly id: F;
  readonly labels: Labels;
  readonly description: Labels | undefined;
  readonly categoryId: string;
  /** Position among all factors, in model order. */
  readonly index: number;
  readonly min: Decimal;
  readonly max: Decimal;
  /** The factor's scale, described row by row, or `null` when it takes ratings directly. */
  readonly scale: { readonly type: ScaleDefinition['type']; readonly rows: readonly ScaleRow[] } | null;
}

/** A compiled category. @category Scorecard */
export interface ScorecardCategory {
  readonly id: string;
  readonly labels: Labels;
  readonly weight: Decimal;
  readonly factorIds: readonly string[];
  readonly minSum: Decimal;
  readonly maxSum: Decimal;
}

/**
 * A compiled, frozen scorecard (`defineScorecard`). `F` and `G` are its factor ids and grade ids
 * when the model is known at compile time (a preset, or `defineScorecard` on a literal): `score`
 * then takes ratings keyed by those ids only, and a result's `grade` is one of those ids. A model
 * of unknown shape (read from a file at run time) is a `Scorecard<string, string>`, the default.
 * @category Scorecard
 */
export interface Scorecard<F extends string = string, G extends string = string> {
  readonly kind: 'scorecard';
  readonly id: string;
  readonly version: string;
  readonly labels: Labels | undefined;
  /** `sha256:` + digest of the normalised definition; stored with every result. */
  readonly fingerprint: string;
  readonly normalisation: Normalisation;
  readonly categories: readonly ScorecardCategory[];
  readonly factors: readonly ScorecardFactor<F>[];
  readonly factorIds: readonly F[];
  /** The grade bands results are graded with by default, or `null`. */
  readonly grades: TypedGradeBands<G> | null;
  /** The normalised definition: `defineScorecard(model.toJSON())` gives an equal model. */
  toJSON(): NormalisedScorecard;
}

/** The normalised JSON form of a scorecard (decimals as strings). @category Scorecard */
export interface NormalisedScorecard {
  id: string;
  version: string;
  labels?: Labels | undefined;
  normalisation: Normalisation;
  grades?: NormalisedGradeBands | undefined;
  categories: {
    id: string;
    labels: Labels;
    weight: string;
    factors: {
      id: string;
      labels: Labels;
      min: string;
      max: string;
      scale?: ScaleDefinition | undefined;
      description?: Labels | undefined;
    }[];
  }[];
}

/** How a factor's rating was obtained. @category Scorecard */
export type FactorStatus = 'rated' | 'clamped' | 'imputed' | 'excluded';

/** One factor's line of the explanation. @category Scorecard */
export interface FactorScore<F extends string = string> {
  readonly id: F;
  readonly categoryId: string;
  /** The value the caller passed (a raw measure when the factor has a scale), or `null` when missing. */
  readonly raw: string | number | boolean | null;
  /** The rating used, or `null` when the factor was excluded. */
  readonly rating: Decimal | null;
  readonly min: Decimal;
  readonly max: Decimal;
  readonly status: FactorStatus;
  /** The scale row that produced the rating (`[0, 365) → 1`), or `null`. */
  readonly rule: string | null;
  /** Points this factor adds to the total; contributions add up to the total exactly. */
  readonly contribution: Decimal;
  /** Points this factor would add at its maximum rating. */
  readonly maxContribution: Decimal;
  /** `maxContribution − contribution`: the points it costs against its maximum. */
  readonly shortfall: Decimal;
}

/** One category's line of the explanation. @category Scorecard */
export interface CategoryScore {
  readonly id: string;
  readonly weight: Decimal;
  /** The weight after renormalising over categories that kept at least one factor (equal to `weight` unless whole
   * categories were excluded). */
  readonly effectiveWeight: Decimal;
  readonly ratingSum: Decimal;
  readonly minSum: Decimal;
  readonly maxSum: Decimal;
  /** The category's normalised ratio in [0, 1]. */
  readonly ratio: Decimal;
  readonly contribution: Decimal;
  readonly maxContribution: Decimal;
  /** Share of the category's rating range that was observed (not imputed or excluded). */
  readonly coverage: Decimal;
}

/**
 * The result of `score`: the total, its grade, and the explanation line by line. `F` and `G` are
 * the model's factor and grade ids when known at compile time.
 * @category Scorecard
 */
export interface ScoreResult<F extends string = string, G extends string = string> {
  readonly model: { readonly id: string; readonly version: string; readonly fingerprint: string };
  readonly bands: { readonly id: string; readonly version: string; readonly fingerprint: string } | null;
  readonly normalisation: Normalisation;
  /** The total in [0, 100], exact (correctly rounded to 40 significant digits only if it does not terminate). */
  readonly total: Decimal;
  readonly grade: G | null;
  /** The next better grade and how far the total is from it, or `null` at the top grade. */
  readonly nextGrade: (NextGrade & { readonly grade: G }) | null;
  /** Shortcut for `nextGrade.points`. */
  readonly pointsToNextGrade: Decimal | null;
  /** `true` when every factor was rated by the caller (nothing imputed or excluded). */
  readonly complete: boolean;
  /** Share of the model's weight resting on observed ratings, in [0, 1]. */
  readonly coverage: Decimal;
  /** The lowest and highest totals still possible once the missing ratings are known. */
  readonly bounds: { readonly lower: Decimal; readonly upper: Decimal };
  readonly categories: readonly CategoryScore[];
  readonly factors: readonly FactorScore<F>[];
}

/**
 * A score without its explanation lines: what `score` returns under `explain: false`, the result's
 * fields in its order minus `categories` and `factors`, for bulk runs that read totals and grades.
 * Its JSON is the full result's with those two keys left out.
 * @category Scorecard
 */
export type ScoreSummary<F extends string = string, G extends string = string> = Omit<
  ScoreResult<F, G>,
  'categories' | 'factors'
>;

/**
 * What `score` returns for the `explain` option's type `E`: a {@link ScoreSummary} for `false`, a
 * {@link ScoreResult} otherwise (the option left out, the default).
 * @category Scorecard
 */
export type ScoredOf<F extends string, G extends string, E> = [E] extends [false]
  ? ScoreSummary<F, G>
  : ScoreResult<F, G>;

/** What `score` does with a missing rating. @category Scorecard */
export type MissingPolicy = 'error' | 'min' | 'exclude';

/** Options of `score` and the batch functions. @category Scorecard */
export interface ScoreOptions {
  /** Overrides the model's normalisation. */
  readonly normalisation?: Normalisation | undefined;
  /** `'error'` (default): a missing rating is an error; `'min'`: impute the factor's minimum; `'exclude'`: drop the
   * factor and renormalise within its category. */
  readonly missing?: MissingPolicy | undefined;
  /** Clamp ratings (and raw values outside a band scale) into range instead of rejecting them. Default `false`. */
  readonly clamp?: boolean | undefined;
  /** Grade bands to grade with; defaults to the model's own; `null` to skip grading. */
  readonly bands?: GradeBands | null | undefined;
  /** Ignore keys that are not factors of the model instead of rejecting them. Default `false`. */
  readonly ignoreUnknown?: boolean | undefined;
}

/**
 * Ratings for a model: keyed by its factor ids when they are known at compile time (a key that is
 * not a factor is a compile error; a factor may be left out for the `missing` policy to handle),
 * any object for a model of unknown shape or under `ignoreUnknown: true` (`U`).
 * @category Scorecard
 */
export type ScoreRatings<F extends string = string, U = false> = string extends F
  ? object
  : U extends true
    ? object
    : { readonly [K in F]?: unknown };

/**
 * The grade ids a result carries, given the `bands` option's type `B`: the model's own grades `G`
 * when `bands` is left out, none for `bands: null`, the given bands' grades otherwise.
 * @category Scorecard
 */
export type GradeOf<G extends string, B> = [B] extends [undefined]
  ? G
  : | (B extends { readonly grades: readonly (infer I extends string)[] } ? I : never)
    | (undefined extends B ? G : never);

/**
 * The options of `score` as its signature reads them: `B`, `U` and `E` are the types of the
 * `bands`, `ignoreUnknown` and `explain` settings, so the result's grade, the ratings' keys and
 * whether the result carries its lines follow from them.
 * @category Scorecard
 */
export type ScoreOptionsOf<B, U, O extends ScoreOptions = ScoreOptions, E = false | undefined> = O & {
  readonly bands?: B | undefined;
  readonly ignoreUnknown?: U | undefined;
  /**
   * `false`: leave the explanation lines out, returning a {@link ScoreSummary} (total, grade, next
   * grade, coverage, bounds), for runs over many accounts that read only those. Left out: the full
   * result, whose lines are built when first read. The type takes the literal `false` only, so the
   * result's type is known where the call is written (branch on a flag known at run time); not a
   * field of {@link ScoreOptions}, so options typed as that keep giving full results.
   */
  readonly explain?: E | undefined;
};

/** Deeply readonly, as `as const` (or a `const` type parameter) makes a literal. */
type DeepReadonly<T> = T extends ((...args: never[]) => unknown) | Decimal
  ? T
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A scorecard definition as TypeScript code writes it: the JSON form, readonly at every level so
 * a literal `as const` fits, with compiled grade bands allowed for `grades`.
 * @category Scorecard
 */
export type ScorecardLiteral = DeepReadonly<Omit<ScorecardDefinition, 'grades'>> & {
  readonly grades?: DeepReadonly<GradeBandsDefinition> | GradeBands | undefined;
};

/**
 * The least a value must look like for `defineScorecard` to take it at compile time: an id and
 * categories of factors with ids. The rest is checked against {@link ScorecardLiteral} for a
 * literal, and at run time for a definition of unknown shape.
 * @category Scorecard
 */
export interface ScorecardShape {
  readonly id: string;
  readonly categories: readonly { readonly factors: readonly { readonly id: string }[] }[];
}

/** The `id` of an item type, as a literal when it is one. */
type IdOf<X> = X extends { readonly id: infer I extends string } ? I : never;

/** The factor ids of a definition, as literals when it is a literal; `string` otherwise. @category Scorecard */
export type FactorIdsOf<D> = D extends { readonly categories: readonly (infer C)[] }
  ? C extends { readonly factors: readonly (infer X)[] }
    ? IdOf<X>
    : never
  : string;

/**
 * The grade ids of a definition's `grades` (JSON or compiled), as literals when known; `string`
 * otherwise.
 * @category Scorecard
 */
export type GradeIdsOf<D> = D extends { readonly grades: infer B }
  ? B extends { readonly bands: readonly (infer X)[] }
    ? IdOf<X>
    : string
  : string;

/**
 * `unknown` for a definition whose `id` is a plain `string` (a JSON file imported with
 * `resolveJsonModule`, or a definition built at run time), which `defineScorecard` takes as a
 * model of unknown shape and validates at run time, whatever else is in it (a misspelt key gives
 * one `ValidationError` listing every mistake, not a type error); `never` for a literal (an `id`
 * written in the code), which must fit {@link ScorecardLiteral}.
 * @category Scorecard
 */
export type WidenedOnly<D> = D extends { readonly id: infer I } ? (string extends I ? unknown : never) : never;

/** The model `defineScorecard` returns for a definition `D`. @category Scorecard */
export type ScorecardOf<D> = [D] extends [never]
  ? Scorecard
  : D extends Scorecard<infer F, infer G>
    ? Scorecard<F, G>
    : Scorecard<FactorIdsOf<D>, GradeIdsOf<D>>;
