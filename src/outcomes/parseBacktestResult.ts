import { z } from 'zod';
import { parseWith } from '../shared/schema.js';
import { storedDecimal, storedModelRef, storedRecordError } from '../shared/storedResult.js';
import type { BacktestResult } from './backtestRules.js';

const count = /* @__PURE__ */ z.number().int().min(0);

const metrics = /* @__PURE__ */ (() =>
  z.object({
    alerts: count,
    truePositives: count,
    falsePositives: count,
    precision: storedDecimal.nullable(),
    lostAccounts: count,
    caught: count,
    recall: storedDecimal.nullable(),
    medianLeadDays: z.number().nullable(),
    alertsPerAccountMonth: storedDecimal.nullable(),
    lostWithoutAlert: z.array(z.string()),
    caughtAccounts: z.array(z.string()),
  }))();

/**
 * The form of a {@link backtestRules} result, live or as `JSON.stringify` wrote it (decimals as
 * strings), validated and revived by {@link parseBacktestResult}.
 * @category Outcomes
 */
export const backtestResultSchema = /* @__PURE__ */ (() =>
  z.object({
    ruleSet: storedModelRef,
    asOf: z.array(z.string()),
    horizonDays: z.number().min(0),
    accounts: count,
    evaluations: count,
    accountMonths: storedDecimal,
    set: metrics,
    rules: z.array(z.object({ ruleId: z.string(), ...metrics.shape })),
    errors: z.array(storedRecordError),
  }))();

/**
 * Reads a stored backtest back: validates a {@link backtestRules} result, live or its JSON form
 * (decimals as strings), and revives every decimal, so
 * `parseBacktestResult(JSON.parse(JSON.stringify(result)))` serialises to the same text.
 *
 * @param json - A parsed JSON value (or a live result).
 * @throws {ValidationError} naming the path of anything that does not fit.
 * @example
 * ```ts
 * import { backtestRules, parseBacktestResult } from 'clientele/outcomes';
 * import { defaultChurnRuleSet } from 'clientele/churn';
 * const history = { id: 'ACME', since: '2020-01-01', spend: [{ period: '2026-05', amount: 100 }] };
 * const result = backtestRules(defaultChurnRuleSet, [history], [], { asOf: ['2026-07-01'] });
 * parseBacktestResult(JSON.parse(JSON.stringify(result))).accountMonths.eq(result.accountMonths); // true
 * ```
 * @category Outcomes
 */
export function parseBacktestResult(json: unknown): BacktestResult {
  return readBacktest(json, '', 'parseBacktestResult');
}

/** A backtest result, live or stored, validated and revived for `context`. @internal */
export function readBacktest(json: unknown, path: string, context: string): BacktestResult {
  return parseWith(backtestResultSchema, json, context, path) as unknown as BacktestResult;
}
