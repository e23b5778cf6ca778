import { isIterable, type BatchResult } from '../shared/batch.js';
import { fail } from '../shared/errors.js';
import type { ChurnRiskResult, EvaluateChurnRiskOptions } from './evaluateChurnRisk.js';
import { churnOutcome, prepareChurnRun } from './evaluateChurnRiskEach.js';
import { withDisplay } from '../shared/display.js';

/**
 * One account's result in a batch: the result plus its position in the input.
 * @category Churn
 */
export interface ChurnRiskBatchItem extends ChurnRiskResult {
  /** Position of the account in the input (0-based). */
  readonly index: number;
  /** The account's id (the same as `accountId`), named as in every other batch result. */
  readonly id: string;
}

/**
 * Evaluates the churn risk of many accounts. Never aborts on a bad record: every good account is
 * evaluated and every bad one reported with its index and id. To stream instead of collecting,
 * use {@link evaluateChurnRiskEach} (or `evaluateChurnRiskEachAsync`): the same results, one at a time.
 *
 * @throws {ValidationError} only when the options themselves are invalid (`asOf`, the rule set) or
 * `histories` is not iterable.
 * @example
 * ```ts
 * import { evaluateChurnRiskBatch } from 'clientele';
 * const { results, errors } = evaluateChurnRiskBatch(
 *   [{ id: 'A', distress: [] }, { id: 'B', distress: [{ date: 'soon', kind: 'closure' }] }],
 *   { asOf: '2026-11-01' },
 * );
 * [results.length, errors[0]?.id, errors[0]?.issues[0]?.path]; // 1 'B' 'distress[0].date'
 * ```
 * @category Churn
 */
export function evaluateChurnRiskBatch(
  histories: Iterable<unknown>,
  given: EvaluateChurnRiskOptions,
): BatchResult<ChurnRiskBatchItem> {
  const resolved = prepareChurnRun(given, 'evaluateChurnRiskBatch');
  if (!isIterable(histories)) {
    fail('histories', 'an iterable of account histories', histories, 'evaluateChurnRiskBatch', 'invalid_type');
  }
  // only what the result needs is kept: each account's frozen result, or its error
  const results: ChurnRiskBatchItem[] = [];
  const errors: BatchResult<ChurnRiskBatchItem>['errors'] = [];
  let index = 0;
  for (const history of histories) {
    const outcome = churnOutcome(history, index, resolved);
    if (outcome.ok) results.push(Object.freeze({ ...outcome.result, index, id: outcome.result.accountId }));
    else errors.push(outcome.error);
    index++;
  }
  return withDisplay({ results, errors }, 'Churn risk batch');
}
