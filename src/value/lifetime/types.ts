/**
 * Types shared by the lifetime-value models.
 * @module
 */
import type { Numeric } from '../../shared/numeric.js';

/**
 * One customer's purchase history in the form the buy-till-you-die models read (Fader, Hardie & Lee
 * 2005): repeat purchases, the time of the last one and the customer's age, all measured from the
 * first purchase in one time unit (days, weeks, months — the same for every customer).
 * @category Lifetime value
 */
export interface PurchaseHistory {
  /** Repeat purchases: purchase occasions after the first (a whole number ≥ 0). */
  readonly frequency: Numeric;
  /** Time from the first purchase to the last (0 when `frequency` is 0). */
  readonly recency: Numeric;
  /** Time from the first purchase to the end of observation (≥ `recency`). */
  readonly T: Numeric;
  /** How many customers share this history (default 1), for data already grouped. */
  readonly count?: Numeric | undefined;
}

/**
 * One customer's repeat purchases and their mean value, for the Gamma-Gamma spend model.
 * @category Lifetime value
 */
export interface SpendHistory {
  /** Repeat purchases (customers with 0 are left out of the fit). */
  readonly frequency: Numeric;
  /** Mean value of the repeat purchases (> 0). */
  readonly monetaryValue: Numeric;
  /** How many customers share this history (default 1). */
  readonly count?: Numeric | undefined;
}

/**
 * How a maximum-likelihood fit ended, and whether to trust it.
 * @category Lifetime value
 */
export interface FitConvergence {
  /** True when the simplex converged, no parameter ran to a boundary and the Hessian is negative definite. */
  readonly converged: boolean;
  /**
   * `'converged'`; `'max-evaluations'` (the optimiser ran out of likelihood evaluations);
   * `'boundary'` (a parameter ran towards 0 or ∞ — a unit-free shape outside [10⁻⁴, 10⁴], a scale
   * outside 10^±15: the data do not identify it, or the model has degenerated to its homogeneous limit);
   * `'hessian-not-negative-definite'` (the end point is not a strict local maximum);
   * `'non-finite'` (the likelihood is not finite at the start).
   */
  readonly reason: 'converged' | 'max-evaluations' | 'boundary' | 'hessian-not-negative-definite' | 'non-finite';
  /** The verdict of the Hessian of the log-likelihood at the end point. */
  readonly hessian: 'negative-definite' | 'not-negative-definite';
  /** Simplex iterations. */
  readonly iterations: number;
  /** Log-likelihood evaluations (including the Hessian's). */
  readonly evaluations: number;
}

/**
 * Options of every lifetime-value fit.
 * @category Lifetime value
 */
export interface FitOptions<Parameter extends string> {
  /** Where the optimiser starts (each > 0); defaults are derived from the data. */
  readonly start?: Partial<Record<Parameter, number>> | undefined;
  /** Likelihood evaluations allowed; default 20,000. */
  readonly maxEvaluations?: number | undefined;
  /** `'throw'` (default): throw a `ConvergenceError` when the fit is not trusted; `'return'`: return it flagged. */
  readonly onNonConvergence?: 'throw' | 'return' | undefined;
}

/**
 * A fitted BG/NBD model (Fader, Hardie & Lee 2005): purchases follow a Poisson process with rate
 * λ ~ Gamma(r, α) while the customer is alive; after each purchase the customer drops out with
 * probability p ~ Beta(a, b). Plain data: it survives `JSON.stringify`/`JSON.parse` unchanged.
 * @category Lifetime value
 */
export interface BgNbdModel {
  readonly kind: 'bg-nbd';
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
  /** The maximised log-likelihood (the full one, constants included). */
  readonly logLikelihood: number;
  /** Customers in the fit (the sum of `count`s). */
  readonly customers: number;
  /** Asymptotic standard errors from the inverse Hessian; `null` when it is not negative definite. */
  readonly standardErrors: {
    readonly r: number;
    readonly alpha: number;
    readonly a: number;
    readonly b: number;
  } | null;
  readonly convergence: FitConvergence;
}

/**
 * A fitted Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): purchases follow a Poisson
 * process with rate λ ~ Gamma(r, α) while alive; lifetimes are exponential with rate μ ~ Gamma(s, β).
 * @category Lifetime value
 */
export interface ParetoNbdModel {
  readonly kind: 'pareto-nbd';
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
  readonly logLikelihood: number;
  readonly customers: number;
  readonly standardErrors: {
    readonly r: number;
    readonly alpha: number;
    readonly s: number;
    readonly beta: number;
  } | null;
  readonly convergence: FitConvergence;
}

/**
 * A fitted BG/BB model (Fader, Hardie & Shang 2010) for discrete transaction opportunities (a yearly
 * campaign, a monthly media plan): in each opportunity an alive customer transacts with probability
 * p ~ Beta(α, β), and dies after it with probability θ ~ Beta(γ, δ). Histories are
 * `{ frequency, recency, T }` in whole opportunities: T is the number of opportunities observed,
 * recency the one of the last transaction.
 * @category Lifetime value
 */
export interface BgBbModel {
  readonly kind: 'bg-bb';
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly delta: number;
  readonly logLikelihood: number;
  readonly customers: number;
  readonly standardErrors: {
    readonly alpha: number;
    readonly beta: number;
    readonly gamma: number;
    readonly delta: number;
  } | null;
  readonly convergence: FitConvergence;
}

/**
 * A fitted purchase-count model: any of the three.
 * @category Lifetime value
 */
export type TransactionModel = BgNbdModel | ParetoNbdModel | BgBbModel;

/**
 * Frequency–spend independence, which the Gamma-Gamma model assumes: the Pearson correlation of
 * repeat purchases and mean spend over the customers in the fit, with its Fisher-z 95 % interval.
 * @category Lifetime value
 */
export interface SpendIndependenceCheck {
  /** Pearson correlation between `frequency` and `monetaryValue` (weighted by `count`). */
  readonly correlation: number;
  /** 95 % interval by Fisher's z transformation. */
  readonly interval: { readonly lower: number; readonly upper: number };
  /** True when |correlation| < 0.3 (the conventional "weak" bound): the assumption is tenable. */
  readonly weak: boolean;
}

/**
 * A fitted Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a customer's
 * transaction values are Gamma(p, ν), and ν ~ Gamma(q, γ) across customers (`v` is γ).
 * @category Lifetime value
 */
export interface GammaGammaModel {
  readonly kind: 'gamma-gamma';
  readonly p: number;
  readonly q: number;
  readonly v: number;
  readonly logLikelihood: number;
  /** Customers in the fit (repeat customers only). */
  readonly customers: number;
  /** Customers left out because they had no repeat purchase. */
  readonly excluded: number;
  readonly standardErrors: { readonly p: number; readonly q: number; readonly v: number } | null;
  readonly independence: SpendIndependenceCheck;
  readonly convergence: FitConvergence;
}

/**
 * A fitted shifted-beta-geometric model (Fader & Hardie 2007): each period an active contract
 * customer churns with probability θ ~ Beta(α, β).
 * @category Lifetime value
 */
export interface ShiftedBetaGeometricModel {
  readonly kind: 'shifted-beta-geometric';
  readonly alpha: number;
  readonly beta: number;
  readonly logLikelihood: number;
  /** Customers in the cohort at period 0. */
  readonly customers: number;
  /** Periods observed after period 0. */
  readonly periods: number;
  readonly standardErrors: { readonly alpha: number; readonly beta: number } | null;
  readonly convergence: FitConvergence;
}

/**
 * What the per-customer functions need of a purchase-count model: its kind and parameters (a
 * fitted model, or parameters published elsewhere).
 * @category Lifetime value
 */
export type TransactionModelParameters =
  | Pick<BgNbdModel, 'kind' | 'r' | 'alpha' | 'a' | 'b'>
  | Pick<ParetoNbdModel, 'kind' | 'r' | 'alpha' | 's' | 'beta'>
  | Pick<BgBbModel, 'kind' | 'alpha' | 'beta' | 'gamma' | 'delta'>;

/**
 * What the spend functions need of a Gamma-Gamma model: its kind and parameters.
 * @category Lifetime value
 */
export type GammaGammaParameters = Pick<GammaGammaModel, 'kind' | 'p' | 'q' | 'v'>;

/**
 * What the retention functions need of a shifted-beta-geometric model: its kind and parameters.
 * @category Lifetime value
 */
export type ShiftedBetaGeometricParameters = Pick<ShiftedBetaGeometricModel, 'kind' | 'alpha' | 'beta'>;
