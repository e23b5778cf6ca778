import { isAsyncIterable, isIterable, readId, toRecordError, type RecordError } from '../shared/batch.js';
import { fail } from '../shared/errors.js';
import { readInstant } from '../shared/dates.js';
import { readInput } from '../shared/input.js';
import {
  evaluateChurnRisk,
  evaluatePrepared,
  prepareChurnRisk,
  type ChurnRiskResult,
  type EvaluateChurnRiskOptions,
  type PreparedChurnRisk,
} from './evaluateChurnRisk.js';
import { resolveRuleSet } from './rules/resolveRuleSet.js';

/**
 * One account of a churn stream ({@link evaluateChurnRiskEach}): its position, its id and either
 * its result or its error. The same shape as the scorecard's `ScoreOutcome`.
 * @category Churn
 */
export type ChurnRiskOutcome =
  | { readonly ok: true; readonly index: number; readonly id: string | undefined; readonly result: ChurnRiskResult }
  | { readonly ok: false; readonly index: number; readonly id: string | undefined; readonly error: RecordError };

/**
 * A run's options, read once: the snapshot (with a JSON rule set compiled once, not once per
 * account) and, when every option reads cleanly, what each account is evaluated under.
 */
export interface ChurnRun {
  readonly options: EvaluateChurnRiskOptions;
  /** Absent when an option only an account's evaluation checks (the locale) is bad: each account then reports it. */
  readonly prepared: PreparedChurnRisk | undefined;
}

/**
 * Reads the options once for a whole run: `asOf` checked, a JSON rule set compiled once (not once
 * per account), the rest read once too. Shared by the array form and the streaming forms.
 */
export function prepareChurnRun(given: EvaluateChurnRiskOptions, caller: string): ChurnRun {
  const read = readInput(given, 'options', caller);
  if (typeof read !== 'object' || read === null) fail('options', 'an options object with asOf', read, caller);
  readInstant(read.asOf, 'asOf', caller);
  const options = read.ruleSet === undefined ? read : { ...read, ruleSet: resolveRuleSet(read.ruleSet, caller).model };
  let prepared: PreparedChurnRisk | undefined;
  try {
    prepared = prepareChurnRisk(options, 'evaluateChurnRisk');
  } catch {
    prepared = undefined; // evaluateChurnRisk reports it for every account, as before
  }
  return { options, prepared };
}

/** Evaluates one account of a run, turning whatever it throws into that account's `RecordError`. */
export function churnOutcome(history: unknown, index: number, run: ChurnRun): ChurnRiskOutcome {
  const id = readId(history, 'id');
  try {
    const result =
      run.prepared === undefined ? evaluateChurnRisk(history, run.options) : evaluatePrepared(history, run.prepared);
    return { ok: true, index, id, result };
  } catch (error) {
    return { ok: false, index, id, error: toRecordError(error, index, id) };
  }
}

/**
 * Evaluates the churn risk of accounts one at a time as they are pulled: a generator over any
 * iterable, in bounded memory (a million histories never sit in memory together, and nothing is
 * kept after an outcome is yielded). Outcomes come in input order; a bad record (invalid history,
 * a throwing getter, a revoked proxy, a hole in an array) is that record's `RecordError` and never
 * stops the stream. Each result is exactly what {@link evaluateChurnRisk} returns for the account.
 *
 * @param histories - Any iterable of account histories (an array, a generator, …).
 * @param options - As {@link evaluateChurnRisk}: `asOf`, and optionally `ruleSet`, `tierPolicy`, `contactStandard`.
 * @throws {ValidationError} only for bad options (`asOf`, the rule set) or a non-iterable, before the first record.
 * @example
 * ```ts
 * import { evaluateChurnRiskEach } from 'clientele';
 * const histories = [{ id: 'A', distress: [] }, { id: 'B', distress: [{ date: 'soon', kind: 'closure' }] }];
 * const lines: string[] = [];
 * for (const outcome of evaluateChurnRiskEach(histories, { asOf: '2026-11-01' })) {
 *   const detail = outcome.ok ? outcome.result.level : outcome.error.issues[0]?.path;
 *   lines.push(`${outcome.id} ${detail}`);
 * }
 * lines; // ['A none', 'B distress[0].date']
 * ```
 * @category Churn
 */
export function evaluateChurnRiskEach(
  histories: Iterable<unknown>,
  options: EvaluateChurnRiskOptions,
): Generator<ChurnRiskOutcome, void, undefined> {
  // options are checked now, not at the first next(): a bad asOf throws where the call is
  const prepared = prepareChurnRun(options, 'evaluateChurnRiskEach');
  if (!isIterable(histories))
    fail('histories', 'an iterable of account histories', histories, 'evaluateChurnRiskEach', 'invalid_type');
  return eachOutcome(histories, prepared);
}

function* eachOutcome(histories: Iterable<unknown>, options: ChurnRun): Generator<ChurnRiskOutcome, void, undefined> {
  let index = 0;
  for (const history of histories) {
    yield churnOutcome(history, index, options);
    index++;
  }
}

/**
 * The asynchronous form of {@link evaluateChurnRiskEach}: evaluates histories from an async
 * iterable (a database cursor, a streamed file) as they arrive, in bounded memory and input order.
 *
 * @throws {ValidationError} only for bad options or a source that is neither iterable nor async iterable.
 * @example
 * ```ts
 * import { evaluateChurnRiskEachAsync } from 'clientele';
 * async function* histories() { yield { id: 'A', relationship: { internalContacts: 1 } }; }
 * const levels: string[] = [];
 * for await (const outcome of evaluateChurnRiskEachAsync(histories(), { asOf: '2026-11-01' })) {
 *   if (outcome.ok) levels.push(outcome.result.level);
 * }
 * ```
 * @category Churn
 */
export function evaluateChurnRiskEachAsync(
  histories: AsyncIterable<unknown> | Iterable<unknown>,
  options: EvaluateChurnRiskOptions,
): AsyncGenerator<ChurnRiskOutcome, void, undefined> {
  const prepared = prepareChurnRun(options, 'evaluateChurnRiskEachAsync');
  if (!isIterable(histories) && !isAsyncIterable(histories)) {
    fail(
      'histories',
      'an iterable or async iterable of account histories',
      histories,
      'evaluateChurnRiskEachAsync',
      'invalid_type',
    );
  }
  return eachOutcomeAsync(histories, prepared);
}

async function* eachOutcomeAsync(
  histories: AsyncIterable<unknown> | Iterable<unknown>,
  options: ChurnRun,
): AsyncGenerator<ChurnRiskOutcome, void, undefined> {
  let index = 0;
  if (!isAsyncIterable(histories)) {
    // a sync source read directly: `for await` would await each record, reading a thenable's `then`
    for (const history of histories) yield churnOutcome(history, index++, options);
    return;
  }
  for await (const history of histories) {
    yield churnOutcome(history, index, options);
    index++;
  }
}
