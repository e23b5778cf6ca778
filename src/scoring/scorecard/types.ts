import type { Decimal } from 'decimal.js';
import type { Labels } from '../../shared/labels.js';
import type { GradeBands, NextGrade, NormalisedGradeBands } from '../grades/types.js';
import type { ScaleRow } from '../scales/compileScale.js';
import type { ScaleDefinition } from '../scales/scaleSchema.js';
import type { Normalisation } from './scorecardSchema.js';

/** A compiled factor. @category Scorecard */
export interface ScorecardFactor {
  readonly id: string;
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

/** A compiled, frozen scorecard (`defineScorecard`). @category Scorecard */
export interface Scorecard {
  readonly kind: 'scorecard';
  readonly id: string;
  readonly version: string;
  readonly labels: Labels | undefined;
  /** `sha256:` + digest of the normalised definition; stored with every result. */
  readonly fingerprint: string;
  readonly normalisation: Normalisation;
  readonly categories: readonly ScorecardCategory[];
  readonly factors: readonly ScorecardFactor[];
  readonly factorIds: readonly string[];
  /** The grade bands results are graded with by default, or `null`. */
  readonly grades: GradeBands | null;
  /** The normalised definition: `defineScorecard(model.toJSON())` gives an equal model. */
  toJSON(): NormalisedScorecard;
}

/** The normalised JSON form of a scorecard (decimals as strings). @category Scorecard */
export interface NormalisedScorecard {
  id: string;
  version: string;
  labels?: Labels;
  normalisation: Normalisation;
  grades?: NormalisedGradeBands;
  categories: {
    id: string;
    labels: Labels;
    weight: string;
    factors: { id: string; labels: Labels; min: string; max: string; scale?: ScaleDefinition; description?: Labels }[];
  }[];
}

/** How a factor's rating was obtained. @category Scorecard */
export type FactorStatus = 'rated' | 'clamped' | 'imputed' | 'excluded';

/** One factor's line of the explanation. @category Scorecard */
export interface FactorScore {
  readonly id: string;
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

/** The result of `score`: the total, its grade, and the explanation line by line. @category Scorecard */
export interface ScoreResult {
  readonly model: { readonly id: string; readonly version: string; readonly fingerprint: string };
  readonly bands: { readonly id: string; readonly version: string; readonly fingerprint: string } | null;
  readonly normalisation: Normalisation;
  /** The total in [0, 100], exact (correctly rounded to 40 significant digits only if it does not terminate). */
  readonly total: Decimal;
  readonly grade: string | null;
  /** The next better grade and how far the total is from it, or `null` at the top grade. */
  readonly nextGrade: NextGrade | null;
  /** Shortcut for `nextGrade.points`. */
  readonly pointsToNextGrade: Decimal | null;
  /** `true` when every factor was rated by the caller (nothing imputed or excluded). */
  readonly complete: boolean;
  /** Share of the model's weight resting on observed ratings, in [0, 1]. */
  readonly coverage: Decimal;
  /** The lowest and highest totals still possible once the missing ratings are known. */
  readonly bounds: { readonly lower: Decimal; readonly upper: Decimal };
  readonly categories: readonly CategoryScore[];
  readonly factors: readonly FactorScore[];
}

/** What `score` does with a missing rating. @category Scorecard */
export type MissingPolicy = 'error' | 'min' | 'exclude';

/** Options of `score` and the batch functions. @category Scorecard */
export interface ScoreOptions {
  /** Overrides the model's normalisation. */
  readonly normalisation?: Normalisation;
  /** `'error'` (default): a missing rating is an error; `'min'`: impute the factor's minimum; `'exclude'`: drop the
   * factor and renormalise within its category. */
  readonly missing?: MissingPolicy;
  /** Clamp ratings (and raw values outside a band scale) into range instead of rejecting them. Default `false`. */
  readonly clamp?: boolean;
  /** Grade bands to grade with; defaults to the model's own; `null` to skip grading. */
  readonly bands?: GradeBands | null;
  /** Ignore keys that are not factors of the model instead of rejecting them. Default `false`. */
  readonly ignoreUnknown?: boolean;
}
