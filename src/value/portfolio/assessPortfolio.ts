/**
 * `assessPortfolio` and its streaming form `assessPortfolioEach`: both read the records once,
 * keeping a few facts per account (see `assessAccounts.ts`), and share one grading and summary
 * pass (see `assessSummary.ts`). The array form then builds every account; the streaming form
 * builds each one only when it is read.
 *
 * @module
 */
import { withDisplay } from '../../shared/display.js';
import { keepAccounts, readSettings, type KeptAccounts } from './assessAccounts.js';
import { assessedAccount, gradeAccounts, type GradedAccounts } from './assessSummary.js';
import type {
  AssessOutcome,
  AssessPortfolioOptions,
  AssessedAccount,
  PortfolioAssessment,
  PortfolioAssessmentStream,
} from './assessTypes.js';

/** Both passes' shared start: options, the records read once, errors in input order, grades. */
function gradePortfolio(records: Iterable<unknown>, options: AssessPortfolioOptions): GradedAccounts {
  const settings = readSettings(options);
  const kept: KeptAccounts = keepAccounts(records, settings);
  kept.errors.sort((a, b) => a.index - b.index);
  return gradeAccounts(kept, settings);
}

/**
 * Assesses a whole portfolio in one call (SPEC §2; seeds 001, 002, 003): scores each account's
 * potential value on the scorecard, computes its current value as an expected NPV, grades
 * current values across the portfolio, places every account in the value matrix, and summarises
 * the portfolio — counts and value per class, accounts per cell, Pareto and concentration.
 *
 * Every bad record (invalid ratings, a non-numeric margin, a diverging perpetuity, a potential
 * grade outside A–D) is reported in `errors` with its index and id; every good record is assessed.
 * Current grades are relative to the good records. Accounts with a negative current value count
 * as 0 in shares, Pareto and concentration (they are still graded and classified). For a portfolio
 * too large to hold every assessed account, {@link assessPortfolioEach} builds them one at a time.
 *
 * @param records - `{ id, ratings, margin, retention? }` per account, or `{ id, ratings, history }` with
 * `options.lifetime`; any iterable.
 * @param options - `valuation` (discount rate and default retention) and optional models.
 * @throws {ValidationError} only for bad options (records never throw).
 * @example
 * ```ts
 * import { assessPortfolio, potentialValueModel } from 'clientele';
 * const top = Object.fromEntries(potentialValueModel.factors.map((f) => [f.id, f.max]));
 * const low = Object.fromEntries(potentialValueModel.factors.map((f) => [f.id, f.min]));
 * const { results, errors, summary } = assessPortfolio(
 *   [
 *     { id: 'volkswagen', ratings: top, margin: 900000 },
 *     { id: 'local-shop', ratings: low, margin: 5000 },
 *     { id: 'broken', ratings: low, margin: 'n/a' },
 *   ],
 *   { valuation: { retention: 0.8, discountRate: 0.1 } },
 * );
 * results.map((r) => `${r.id}: ${r.segment}`); // ['volkswagen: high-value', 'local-shop: low-value']
 * errors[0]?.id; // 'broken'
 * summary.byClass.map((c) => c.count); // [1, 0, 0, 1]
 * ```
 * @category Portfolio
 */
export function assessPortfolio(records: Iterable<unknown>, options: AssessPortfolioOptions): PortfolioAssessment {
  const graded = gradePortfolio(records, options);
  const n = graded.kept.values.length;
  const results: AssessedAccount[] = new Array<AssessedAccount>(n);
  for (let k = 0; k < n; k++) results[k] = assessedAccount(graded, k);
  return withDisplay({ results, errors: graded.kept.errors, summary: graded.summary }, 'Portfolio assessment');
}

/** Every kept account and every error, merged back into input order. */
function* outcomesOf(graded: GradedAccounts): Generator<AssessOutcome, void, undefined> {
  const { kept } = graded;
  const n = kept.values.length;
  let e = 0;
  for (let k = 0; k <= n; k++) {
    const next = k < n ? kept.indices[k]! : Infinity;
    for (; e < kept.errors.length && kept.errors[e]!.index < next; e++) {
      const error = kept.errors[e]!;
      yield { ok: false, index: error.index, id: error.id, error };
    }
    if (k < n) yield { ok: true, index: next, id: kept.ids[k], result: assessedAccount(graded, k) };
  }
}

/**
 * The streaming form of {@link assessPortfolio}: the same assessment, with each account built only
 * when it is read, so a large portfolio never holds its assessed accounts at once.
 *
 * What streams and what does not: the records are read once, as they come (any iterable,
 * generated on the fly if you like), and each record keeps only its index, id, potential score and
 * grade, and current value (a bad record keeps its error). Current grades, Pareto and concentration
 * are relative to the whole portfolio, so the summary is computed once every record has been read,
 * before this function returns; the accounts are then built one at a time as `accounts` is
 * iterated. The results, errors and summary are byte-identical (as JSON) to {@link assessPortfolio}'s.
 *
 * @param records - As for {@link assessPortfolio}; read once, when this function is called.
 * @param options - As for {@link assessPortfolio}.
 * @returns `{ summary, accounts }`: `accounts` yields `{ ok: true, index, id, result }` or
 * `{ ok: false, index, id, error }` per record in input order, and may be iterated again.
 * @throws {ValidationError} only for bad options (records never throw).
 * @example
 * ```ts
 * import { assessPortfolioEach, potentialValueModel } from 'clientele';
 * const top = Object.fromEntries(potentialValueModel.factors.map((f) => [f.id, f.max]));
 * const low = Object.fromEntries(potentialValueModel.factors.map((f) => [f.id, f.min]));
 * function* accounts() {
 *   yield { id: 'volkswagen', ratings: top, margin: 900000 };
 *   yield { id: 'broken', ratings: low, margin: 'n/a' };
 *   yield { id: 'local-shop', ratings: low, margin: 5000 };
 * }
 * const { summary, accounts: outcomes } = assessPortfolioEach(accounts(), {
 *   valuation: { retention: 0.8, discountRate: 0.1 },
 * });
 * summary.byClass.map((c) => c.count); // [1, 0, 0, 1]
 * [...outcomes].map((o) => (o.ok ? `${o.id}: ${o.result.segment}` : `${o.id}: error`));
 * // ['volkswagen: high-value', 'broken: error', 'local-shop: low-value']
 * ```
 * @category Portfolio
 */
export function assessPortfolioEach(
  records: Iterable<unknown>,
  options: AssessPortfolioOptions,
): PortfolioAssessmentStream {
  const graded = gradePortfolio(records, options);
  return { summary: graded.summary, accounts: { [Symbol.iterator]: () => outcomesOf(graded) } };
}
