import type { Decimal } from 'decimal.js';
import { fail } from '../shared/errors.js';
import type { BacktestMetrics, BacktestResult } from './backtestRules.js';
import { readBacktest } from './parseBacktestResult.js';

/** Two rule sets' backtests side by side. @category Outcomes */
export interface BacktestComparison {
  readonly baseline: BacktestResult['ruleSet'];
  readonly candidate: BacktestResult['ruleSet'];
  /** The set-level figures of each, and the candidate minus the baseline. */
  readonly set: {
    readonly baseline: BacktestMetrics;
    readonly candidate: BacktestMetrics;
    readonly difference: {
      readonly alerts: number;
      readonly caught: number;
      readonly precision: Decimal | null;
      readonly recall: Decimal | null;
      readonly alertsPerAccountMonth: Decimal | null;
    };
  };
  /** Every rule of either set (baseline order, then rules only the candidate has); `null` where a set lacks the rule.
   * */
  readonly rules: readonly {
    readonly ruleId: string;
    readonly baseline: BacktestMetrics | null;
    readonly candidate: BacktestMetrics | null;
  }[];
  /** Lost accounts the candidate warned of and the baseline did not, and the reverse. */
  readonly newlyCaught: readonly string[];
  readonly newlyMissed: readonly string[];
}

/**
 * Puts two backtests side by side — the default rule set against a user's edit, say — with the
 * set-level differences, each rule's figures in both, and the lost accounts one set warned of
 * and the other did not. Both backtests must replay the same dates and horizon. Either may be a live
 * result or its JSON form read back from storage (validated and revived as {@link parseBacktestResult} does).
 *
 * @example
 * ```ts
 * import { backtestRules, compareBacktests } from 'clientele/outcomes';
 * import { defaultChurnRuleSet } from 'clientele/churn';
 * const history = {
 *   id: 'ACME',
 *   since: '2020-01-01',
 *   spend: [
 *     { period: '2026-05', amount: 100 },
 *     { period: '2026-06', amount: 0 },
 *   ],
 * };
 * const run = (rules: typeof defaultChurnRuleSet) =>
 *   backtestRules(rules, [history], [{ accountId: 'ACME', lostAt: '2026-09-15' }], { asOf: ['2026-07-01'] });
 * compareBacktests(run(defaultChurnRuleSet), run(defaultChurnRuleSet)).newlyCaught; // []
 * ```
 * @throws {ValidationError} when an argument is not a backtest result (path `baseline…` or
 * `candidate…`), or the two backtests replayed different dates or horizons.
 * @category Outcomes
 */
export function compareBacktests(
  givenBaseline: BacktestResult | unknown,
  givenCandidate: BacktestResult | unknown,
): BacktestComparison {
  const baseline = readBacktest(givenBaseline, 'baseline', 'compareBacktests');
  const candidate = readBacktest(givenCandidate, 'candidate', 'compareBacktests');
  if (baseline.asOf.join() !== candidate.asOf.join() || baseline.horizonDays !== candidate.horizonDays) {
    fail(
      'candidate.asOf',
      `the baseline's dates and horizon (${baseline.asOf.join(', ')}; ${baseline.horizonDays} days)`,
      `${candidate.asOf.join(', ')}; ${candidate.horizonDays} days`,
      'compareBacktests',
    );
  }
  const minus = (a: Decimal | null, b: Decimal | null) => (a === null || b === null ? null : a.minus(b));
  const ids = [
    ...baseline.rules.map((rule) => rule.ruleId),
    ...candidate.rules.map((rule) => rule.ruleId).filter((id) => !baseline.rules.some((rule) => rule.ruleId === id)),
  ];
  const find = (result: BacktestResult, id: string) => result.rules.find((rule) => rule.ruleId === id) ?? null;
  const before = new Set(baseline.set.caughtAccounts);
  const after = new Set(candidate.set.caughtAccounts);
  return Object.freeze({
    baseline: baseline.ruleSet,
    candidate: candidate.ruleSet,
    set: Object.freeze({
      baseline: baseline.set,
      candidate: candidate.set,
      difference: Object.freeze({
        alerts: candidate.set.alerts - baseline.set.alerts,
        caught: candidate.set.caught - baseline.set.caught,
        precision: minus(candidate.set.precision, baseline.set.precision),
        recall: minus(candidate.set.recall, baseline.set.recall),
        alertsPerAccountMonth: minus(candidate.set.alertsPerAccountMonth, baseline.set.alertsPerAccountMonth),
      }),
    }),
    rules: Object.freeze(
      ids.map((ruleId) =>
        Object.freeze({ ruleId, baseline: find(baseline, ruleId), candidate: find(candidate, ruleId) }),
      ),
    ),
    newlyCaught: Object.freeze([...after].filter((id) => !before.has(id))),
    newlyMissed: Object.freeze([...before].filter((id) => !after.has(id))),
  });
}
