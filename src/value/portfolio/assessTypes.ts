/**
 * The public shapes of {@link assessPortfolio} and {@link assessPortfolioEach}: what goes in, one
 * assessed account, the portfolio summary, and the streaming outcome.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { RecordError } from '../../shared/batch.js';
import type { Labels } from '../../shared/labels.js';
import type { Numeric } from '../../shared/numeric.js';
import type { ScoreOptions, Scorecard } from '../../scoring/index.js';
import type { ValueClassification, ValueGrade, ValueMatrix } from '../matrix/defineValueMatrix.js';
import type { NpvHorizon, NpvTiming } from '../internal/npv.js';
import type { ConcentrationResult, HhiBandEdition } from './concentrationRisk.js';
import type { ValueGrader } from '../value/defineValueGrader.js';
import type { PortfolioLifetimeValuation } from '../lifetime/internal/portfolioLifetime.js';

/**
 * One account for {@link assessPortfolio}.
 * @category Portfolio
 */
export interface PortfolioAccount {
  readonly id: string;
  /** Ratings of the potential-value scorecard's factors. */
  readonly ratings: object;
  /** Expected margin per period (a number, or a series whose last value carries on). */
  readonly margin?: Numeric | readonly Numeric[] | undefined;
  /** This account's retention, overriding `options.valuation.retention`. */
  readonly retention?: Numeric | readonly Numeric[] | undefined;
  /** Purchase history `{ frequency, recency, T, monetaryValue }`, read instead of `margin` and `retention` when
   * `options.lifetime` is set. */
  readonly history?: object | undefined;
}

/**
 * Options of {@link assessPortfolio}.
 * @category Portfolio
 */
export interface AssessPortfolioOptions {
  /** How current value is computed (see {@link currentValue}); `retention` may come from each record instead. */
  readonly valuation: {
    readonly discountRate: Numeric;
    readonly retention?: Numeric | readonly Numeric[] | undefined;
    readonly horizon?: NpvHorizon | undefined;
    readonly timing?: NpvTiming | undefined;
  };
  /** The potential-value scorecard; default `potentialValueModel` (seed 002). */
  readonly scorecard?: Scorecard | undefined;
  /** Options for the scorecard (bands, missing-value policy, clamping); its grades must be A–D. */
  readonly scoreOptions?: ScoreOptions | undefined;
  /** How current values become grades A–D; default {@link abcValueGrader}. */
  readonly currentGrader?: ValueGrader | undefined;
  /** The value matrix; default {@link defaultValueMatrix}. */
  readonly matrix?: ValueMatrix | undefined;
  /** Share of current value the Pareto summary covers; default 0.8. */
  readonly targetShare?: Numeric | undefined;
  /** Top-N shares to report; default `[1, 5, 10]`. */
  readonly top?: readonly number[] | undefined;
  /** HHI band edition; default `'2010'`. */
  readonly bands?: HhiBandEdition | undefined;
  /** Fitted lifetime-value models: current value becomes each account's CLV from its `history`
   * (`customerLifetimeValue`, discounted at `valuation.discountRate`). */
  readonly lifetime?: PortfolioLifetimeValuation | undefined;
  /** The field holding a record's id; default `'id'`. */
  readonly idField?: string | undefined;
}

/**
 * One assessed account.
 * @category Portfolio
 */
export interface AssessedAccount {
  readonly index: number;
  readonly id: string | undefined;
  /** Potential value: the scorecard total (0–100) and its grade. */
  readonly potential: { readonly score: Decimal; readonly grade: ValueGrade };
  /** Current value: the expected NPV and its grade within this portfolio. */
  readonly current: { readonly value: Decimal; readonly grade: ValueGrade };
  readonly customerClass: string;
  readonly segment: string;
  /** The full classification: labels, strategy, cell and matrix. */
  readonly classification: ValueClassification;
}

/**
 * Count and value of one customer class.
 * @category Portfolio
 */
export interface ClassSummary {
  readonly customerClass: string;
  readonly segment: string;
  readonly labels: Labels;
  readonly count: number;
  /** count / assessed accounts. */
  readonly accountShare: Decimal;
  /** Sum of the class's current values. */
  readonly value: Decimal;
  /** value / total current value (negative values count as 0 in the total). */
  readonly valueShare: Decimal;
}

/**
 * The portfolio summary of {@link assessPortfolio}.
 * @category Portfolio
 */
export interface PortfolioAssessmentSummary {
  readonly accounts: number;
  readonly failed: number;
  /** Sum of current values (negative values included). */
  readonly totalValue: Decimal;
  /** One entry per class of the matrix, in the matrix's order. */
  readonly byClass: readonly ClassSummary[];
  /** `cells[current][potential]`: accounts per cell of the matrix. */
  readonly cells: Readonly<Record<ValueGrade, Readonly<Record<ValueGrade, number>>>>;
  /** Pareto on current value; `null` when no account has a positive value. */
  readonly pareto: {
    readonly targetShare: Decimal;
    readonly count: number;
    readonly accountShare: Decimal;
    readonly valueShare: Decimal;
  } | null;
  /** Concentration of current value; `null` when no account has a positive value. */
  readonly concentration: Omit<ConcentrationResult, 'accounts' | 'total'> | null;
}

/**
 * What {@link assessPortfolio} returns.
 * @category Portfolio
 */
export interface PortfolioAssessment {
  readonly results: AssessedAccount[];
  readonly errors: RecordError[];
  readonly summary: PortfolioAssessmentSummary;
}

/**
 * One account's outcome in {@link assessPortfolioEach}: its assessment or its error, never both.
 * @category Portfolio
 */
export type AssessOutcome =
  | { readonly ok: true; readonly index: number; readonly id: string | undefined; readonly result: AssessedAccount }
  | { readonly ok: false; readonly index: number; readonly id: string | undefined; readonly error: RecordError };

/**
 * What {@link assessPortfolioEach} returns: the portfolio summary, ready at once, and the accounts
 * as a stream of outcomes in input order, each built only when it is read.
 * @category Portfolio
 */
export interface PortfolioAssessmentStream {
  readonly summary: PortfolioAssessmentSummary;
  /** Every record's outcome in input order (results and errors interleaved); iterable any number of times. */
  readonly accounts: Iterable<AssessOutcome>;
}
