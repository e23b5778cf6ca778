import { fail } from '../shared/errors.js';
import { readInstant } from '../shared/dates.js';
import { alertKey } from './rules/ruleOutcomes.js';
import { readInput } from '../shared/input.js';
import { parseWith } from '../shared/schema.js';
import { churnRiskResultSchema } from './parseChurnRiskResult.js';

/**
 * An alert as `diffAlerts` needs it: a stable `key` (or `accountId` and `ruleId`), plus anything
 * else the caller keeps (severity, message, …), passed through untouched.
 * @category Churn
 */
export interface KeyedAlert {
  readonly key?: string | undefined;
  readonly accountId?: string | undefined;
  readonly ruleId: string;
}

/**
 * One run as `diffAlerts` reads it: results of `evaluateChurnRisk` (their alerts, and the rules
 * they could not decide), or bare alerts.
 * @category Churn
 */
export type AlertRun<A extends KeyedAlert = KeyedAlert> = readonly (
  | {
      readonly accountId: string;
      readonly alerts: readonly A[];
      readonly undecided?: readonly { readonly ruleId: string }[] | undefined;
    }
  | A
)[];

/**
 * A batch run as `evaluateChurnRiskBatch` returns it (live or read back from JSON): the results are
 * the run; accounts in `errors` were not evaluated, so their earlier alerts are `stale`, not resolved.
 * @category Churn
 */
export interface AlertBatchRun<A extends KeyedAlert = KeyedAlert> {
  readonly results: AlertRun<A>;
  readonly errors?: readonly unknown[] | undefined;
}

/**
 * A snooze: do not notify about `key` until `until` (inclusive), and why. An input, not hidden state.
 * @category Churn
 */
export interface AlertSnooze {
  readonly key: string;
  readonly until: string | Date;
  readonly reason: string;
}

/**
 * Options of {@link diffAlerts}.
 * @category Churn
 */
export interface DiffAlertsOptions {
  readonly snoozes?: readonly AlertSnooze[] | undefined;
  /** The date snoozes are compared with; required with `snoozes`. */
  readonly asOf?: string | Date | undefined;
}

/**
 * What {@link diffAlerts} returns: each list holds alerts (current ones for `new`, `ongoing` and
 * `snoozed`; previous ones for `resolved` and `stale`), in input order.
 * @category Churn
 */
export interface AlertDiff<A = KeyedAlert> {
  /** Fired now, not before: notify. */
  readonly new: readonly A[];
  /** Fired before and now: already notified. */
  readonly ongoing: readonly A[];
  /** Fired before; now decided and clear. */
  readonly resolved: readonly A[];
  /** Fired before; now undecidable (data missing) or the account was not evaluated: a gap in data is not a resolution.
   * */
  readonly stale: readonly A[];
  /** New, but snoozed: not to be notified yet. */
  readonly snoozed: readonly (A & { readonly snooze: AlertSnooze })[];
}

interface RunIndex {
  readonly fired: Map<string, KeyedAlert>;
  readonly undecided: Set<string>;
  readonly accounts: Set<string> | undefined;
}

function keyOf(alert: KeyedAlert, path: string): string {
  if (typeof alert.key === 'string') return alert.key;
  if (typeof alert.accountId === 'string' && typeof alert.ruleId === 'string')
    return alertKey(alert.accountId, alert.ruleId);
  return fail(path, 'an alert with a key, or with accountId and ruleId', alert, 'diffAlerts');
}

function indexRun(given: AlertRun | AlertBatchRun, name: string): RunIndex {
  const read: unknown = readInput(given, name, 'diffAlerts');
  // a batch run ({ results, errors } of evaluateChurnRiskBatch): its failed accounts were not evaluated
  const batch = typeof read === 'object' && read !== null && !Array.isArray(read) && 'results' in read;
  const run: unknown = batch ? (read as { results: unknown }).results : read;
  const where = batch ? `${name}.results` : name;
  if (!Array.isArray(run))
    fail(
      where,
      'an array of churn results or alerts, or a batch { results, errors }',
      run,
      'diffAlerts',
      'invalid_type',
    );
  return indexItems(run, where);
}

function isChurnResult(item: unknown): boolean {
  return typeof item === 'object' && item !== null && 'alerts' in item && 'ruleSet' in item && 'risk' in item;
}

function indexItems(run: readonly unknown[], name: string): RunIndex {
  const fired = new Map<string, KeyedAlert>();
  const undecided = new Set<string>();
  let accounts: Set<string> | undefined;
  run.forEach((given, index) => {
    const path = `${name}[${index}]`;
    // a whole evaluateChurnRisk result (live or stored) is validated and its decimals revived, so the
    // alerts passed through are the same whichever form the run came in
    const item = isChurnResult(given) ? parseWith(churnRiskResultSchema, given, 'diffAlerts', path) : given;
    if (typeof item !== 'object' || item === null) fail(path, 'a churn result or an alert', item, 'diffAlerts');
    if (Array.isArray((item as { alerts?: unknown }).alerts)) {
      const result = item as {
        accountId: string;
        alerts: readonly KeyedAlert[];
        undecided?: readonly { ruleId: string }[];
      };
      if (typeof result.accountId !== 'string')
        fail(`${path}.accountId`, 'an account id', result.accountId, 'diffAlerts');
      (accounts ??= new Set()).add(result.accountId);
      result.alerts.forEach((alert: unknown, alertIndex) => {
        if (typeof alert !== 'object' || alert === null)
          fail(`${path}.alerts[${alertIndex}]`, 'an alert object', alert, 'diffAlerts', 'invalid_type');
        const keyed = alert as KeyedAlert;
        // the alert's own accountId wins; an explicit `undefined` is absent, as for any optional key
        const accountId = keyed.accountId === undefined ? result.accountId : keyed.accountId;
        fired.set(keyOf({ ...keyed, accountId }, `${path}.alerts[${alertIndex}]`), keyed);
      });
      const rules: unknown = result.undecided ?? [];
      if (!Array.isArray(rules))
        fail(`${path}.undecided`, 'an array of undecided rules', rules, 'diffAlerts', 'invalid_type');
      rules.forEach((rule: unknown, ruleIndex) => {
        const ruleId = typeof rule === 'object' && rule !== null ? (rule as { ruleId?: unknown }).ruleId : undefined;
        if (typeof ruleId !== 'string')
          fail(`${path}.undecided[${ruleIndex}].ruleId`, 'a rule id', ruleId, 'diffAlerts');
        undecided.add(alertKey(result.accountId, ruleId));
      });
    } else {
      const alert = item as KeyedAlert;
      fired.set(keyOf(alert, path), alert);
    }
  });
  return { fired, undecided, accounts };
}

/** The snoozes active at `asOf`, by key. */
function readSnoozes(given: DiffAlertsOptions): Map<string, { until: number; snooze: AlertSnooze }> {
  const options: unknown = readInput(given, 'options', 'diffAlerts') ?? {};
  if (typeof options !== 'object' || options === null)
    fail('options', 'an options object', options, 'diffAlerts', 'invalid_type');
  const { snoozes: list, asOf: asOfGiven } = options as { snoozes?: unknown; asOf?: unknown };
  const snoozes = new Map<string, { until: number; snooze: AlertSnooze }>();
  if (list === undefined) return snoozes;
  if (!Array.isArray(list)) fail('snoozes', 'an array of snoozes', list, 'diffAlerts', 'invalid_type');
  if (list.length === 0) return snoozes;
  if (asOfGiven === undefined) fail('asOf', 'an asOf date to compare snoozes with', undefined, 'diffAlerts');
  const asOf = readInstant(asOfGiven, 'asOf', 'diffAlerts');
  list.forEach((snooze: unknown, index) => {
    const key = typeof snooze === 'object' && snooze !== null ? (snooze as { key?: unknown }).key : undefined;
    if (typeof key !== 'string')
      fail(`snoozes[${index}].key`, 'a snooze with the alert key', snooze, 'diffAlerts', 'invalid_type');
    const until = readInstant((snooze as { until?: unknown }).until, `snoozes[${index}].until`, 'diffAlerts');
    if (until >= asOf) snoozes.set(key, { until, snooze: snooze as AlertSnooze });
  });
  return snoozes;
}

/**
 * Compares two runs of alerts by stable key so a CRM notifies once: `new`, `ongoing`, `resolved`,
 * and `stale` (fired before, unknown now: a gap in data never counts as resolved); new alerts
 * under an active snooze are listed as `snoozed` instead of `new`.
 *
 * Runs may be live results or their JSON forms read back from storage, and a batch run
 * (`evaluateChurnRiskBatch`'s `{ results, errors }`) may stand for a run.
 *
 * @param previous - The earlier run (results of `evaluateChurnRisk`, a batch run, or bare alerts).
 * @param current - The later run, in the same form.
 * @throws {ValidationError} when a run is not an array, an alert has no key, or snoozes come without `asOf`.
 * @example
 * ```ts
 * import { diffAlerts } from 'clientele';
 * const diff = diffAlerts(
 *   [{ key: 'ACME::spend-drop', ruleId: 'spend-drop' }, { key: 'ACME::single-threaded', ruleId: 'single-threaded' }],
 *   [{ key: 'ACME::spend-drop', ruleId: 'spend-drop' }, { key: 'ACME::order-gap', ruleId: 'order-gap' }],
 * );
 * [diff.new.map((a) => a.key), diff.ongoing.length, diff.resolved.map((a) => a.key)];
 * // ['ACME::order-gap'] 1 ['ACME::single-threaded']
 * ```
 * @category Churn
 */
export function diffAlerts<A extends KeyedAlert = KeyedAlert>(
  previous: AlertRun<A> | AlertBatchRun<A>,
  current: AlertRun<A> | AlertBatchRun<A>,
  givenOptions: DiffAlertsOptions = {},
): AlertDiff<A> {
  const before = indexRun(previous, 'previous');
  const now = indexRun(current, 'current');
  const snoozes = readSnoozes(givenOptions);
  const fresh: A[] = [];
  const ongoing: A[] = [];
  const snoozed: (A & { snooze: AlertSnooze })[] = [];
  for (const [key, alert] of now.fired) {
    if (before.fired.has(key)) ongoing.push(alert as A);
    else {
      const active = snoozes.get(key);
      if (active !== undefined) snoozed.push({ ...(alert as A), snooze: active.snooze });
      else fresh.push(alert as A);
    }
  }
  const resolved: A[] = [];
  const stale: A[] = [];
  for (const [key, alert] of before.fired) {
    if (now.fired.has(key)) continue;
    const accountId = typeof alert.accountId === 'string' ? alert.accountId : key.slice(0, key.lastIndexOf('::'));
    // runs of results say which accounts were evaluated; an account missing from the current run is a gap
    const resultRuns = now.accounts !== undefined || before.accounts !== undefined;
    const notEvaluated = resultRuns && !(now.accounts?.has(accountId) ?? false);
    if (now.undecided.has(key) || notEvaluated) stale.push(alert as A);
    else resolved.push(alert as A);
  }
  return { new: fresh, ongoing, resolved, stale, snoozed };
}
