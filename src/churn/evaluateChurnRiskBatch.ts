import { isIterable, readId, toRecordError, type BatchResult } from '../shared/batch.js';
import { fail } from '../shared/errors.js';
import { readInstant } from '../shared/dates.js';
import { evaluateChurnRisk, type ChurnRiskResult, type EvaluateChurnRiskOptions } from './evaluateChurnRisk.js';
import { resolveRuleSet } from './rules/resolveRuleSet.js';
import { readInput } from '../shared/input.js';

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
 * evaluated and every bad one reported with its index and id.
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
  const options = readInput(given, 'options', 'evaluateChurnRiskBatch');
  if (typeof options !== 'object' || options === null)
    fail('options', 'an options object with asOf', options, 'evaluateChurnRiskBatch');
  readInstant(options.asOf, 'asOf', 'evaluateChurnRiskBatch');
  // compile a JSON rule set once, not once per account
  const resolved: EvaluateChurnRiskOptions =
    options.ruleSet === undefined
      ? options
      : { ...options, ruleSet: resolveRuleSet(options.ruleSet, 'evaluateChurnRiskBatch').model };
  if (!isIterable(histories)) {
    fail('histories', 'an iterable of account histories', histories, 'evaluateChurnRiskBatch', 'invalid_type');
  }
  const results: ChurnRiskBatchItem[] = [];
  const errors: BatchResult<ChurnRiskBatchItem>['errors'] = [];
  let index = 0;
  for (const history of histories) {
    try {
      const result = evaluateChurnRisk(history, resolved);
      results.push(Object.freeze({ ...result, index, id: result.accountId }));
    } catch (error) {
      errors.push(toRecordError(error, index, readId(history, 'id')));
    }
    index++;
  }
  return { results, errors };
}
