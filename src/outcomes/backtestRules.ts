import type { Decimal } from 'decimal.js';
import {
  defineRuleSet,
  evaluateChurnRisk,
  isRuleSet,
  type ChurnContactStandard,
  type RuleSetLike,
  type RuleSet,
  type TierPolicyLike,
} from '../churn/index.js';
import type { RecordError } from '../shared/batch.js';
import { toRecordError, readId } from '../shared/batch.js';
import { DAY_MS, daysBetween, formatDay, readInstant, type DateInput } from '../shared/dates.js';
import { fail } from '../shared/errors.js';
import { readInput, readingInput } from '../shared/input.js';
import type { ModelRef } from '../shared/model.js';
import { ExactDecimal } from '../shared/numeric.js';
import { median, ratio } from './internal.js';
import { withDisplay } from '../shared/display.js';

/** An account's outcome: when it was lost (`null` when it stayed). @category Outcomes */
export interface AccountOutcome {
  readonly accountId: string;
  readonly lostAt: DateInput | null;
}

/** Options of {@link backtestRules}. @category Outcomes */
export interface BacktestOptions {
  /** The dates to replay the rules at, ascending (for example the first of each month). */
  readonly asOf: readonly DateInput[];
  /** An alert is right when the account is lost within this many days after it. Default 180. */
  readonly horizonDays?: number | undefined;
  readonly tierPolicy?: TierPolicyLike | undefined;
  readonly contactStandard?: ChurnContactStandard | undefined;
}

/** Backtest figures of one rule or of the whole set. @category Outcomes */
export interface BacktestMetrics {
  /** Alerts raised over all replay dates (an account alerting on three dates counts three). */
  readonly alerts: number;
  /** Alerts followed by the account's loss within the horizon. */
  readonly truePositives: number;
  /** `alerts − truePositives`. */
  readonly falsePositives: number;
  /** `truePositives / alerts`, `null` without alerts. */
  readonly precision: Decimal | null;
  /** Accounts lost after the first replay date and no later than `horizonDays` after the last one. */
  readonly lostAccounts: number;
  /** Lost accounts with an alert within the horizon before their loss. */
  readonly caught: number;
  /** `caught / lostAccounts`, `null` when none was lost. */
  readonly recall: Decimal | null;
  /** Median days from the first alert within the horizon to the loss, over caught accounts. */
  readonly medianLeadDays: number | null;
  /** `alerts / accountMonths`: the alert load on account managers. */
  readonly alertsPerAccountMonth: Decimal | null;
  /** Lost accounts without an alert within the horizon before their loss (`lostAccounts − caught` of them). */
  readonly lostWithoutAlert: readonly string[];
  readonly caughtAccounts: readonly string[];
}

/** The result of {@link backtestRules}. @category Outcomes */
export interface BacktestResult {
  readonly ruleSet: ModelRef;
  readonly asOf: readonly string[];
  readonly horizonDays: number;
  /** Accounts replayed (without errors). */
  readonly accounts: number;
  /** Account × date evaluations (an account is not evaluated on or after its loss). */
  readonly evaluations: number;
  /** Observed exposure: each evaluation covers the days to the next replay date (the last one the mean spacing, or
   * 30.4375 days with one date), in months of 30.4375 days. */
  readonly accountMonths: Decimal;
  /** The set as a whole: an account alerts on a date when any rule fires. */
  readonly set: BacktestMetrics;
  /** Per rule, in rule-set order. */
  readonly rules: readonly (BacktestMetrics & { readonly ruleId: string })[];
  /** Accounts whose history could not be evaluated, with the reason; the others are all counted. */
  readonly errors: readonly RecordError[];
}

const MONTH_DAYS = 30.4375;

interface Tally {
  alerts: number;
  truePositives: number;
  /** Per lost account, the earliest alert date within the horizon. */
  firstUseful: Map<string, number>;
}

/**
 * Replays a churn rule set over account histories at a series of `asOf` dates and scores it
 * against what happened: per rule and for the set, alerts raised, precision, recall, median lead
 * time before the loss, alerts per account-month, and the lost accounts no alert warned of.
 *
 * Precision and recall as in information retrieval (van Rijsbergen 1979, Information Retrieval,
 * ch. 7), with an alert counted right when the loss follows within `horizonDays`. Each date sees
 * only what the history shows up to it (the churn signals ignore later events).
 *
 * @example
 * ```ts
 * import { backtestRules } from 'clientele/outcomes';
 * import { defaultChurnRuleSet } from 'clientele/churn';
 * const history = {
 *   id: 'ACME',
 *   since: '2020-01-01',
 *   spend: [
 *     { period: '2026-05', amount: 100 },
 *     { period: '2026-06', amount: 0 },
 *   ],
 * };
 * const result = backtestRules(defaultChurnRuleSet, [history], [{ accountId: 'ACME', lostAt: '2026-09-15' }], {
 *   asOf: ['2026-07-01', '2026-08-01'],
 * });
 * result.evaluations; // 2
 * result.set.lostAccounts; // 1
 * ```
 * @throws {ValidationError} when the rule set, the `asOf` dates (ascending, at least one), the
 *   outcomes or `horizonDays` are invalid. A history that cannot be evaluated is an entry of `errors`.
 * @category Outcomes
 */
export function backtestRules(
  ruleSet: RuleSetLike,
  histories: readonly unknown[],
  outcomes: readonly AccountOutcome[] | Readonly<Record<string, DateInput | null>>,
  options: BacktestOptions,
): BacktestResult {
  const model = isRuleSet(ruleSet) ? ruleSet : defineRuleSet(ruleSet);
  if (!readingInput('histories', 'backtestRules', () => Array.isArray(histories)))
    fail('histories', 'an array of account histories', histories, 'backtestRules');
  const { given, dates, spans, horizonDays } = readBacktestOptions(options);
  const lostAt = readOutcomeDates(outcomes);
  const ruleIds = model.rules.map((rule) => rule.id);
  const tallies = new Map<string, Tally>([['', newTally()], ...ruleIds.map((id): [string, Tally] => [id, newTally()])]);
  const errors: RecordError[] = [];
  const lostIds: string[] = [];
  let accounts = 0;
  let evaluations = 0;
  let exposureDays = 0;
  // every index, holes included: a history that cannot be evaluated is that history's error
  for (let index = 0; index < histories.length; index++) {
    let id: string | undefined;
    let lost: number | undefined;
    let replay: Replay;
    try {
      const history: unknown = histories[index];
      id = readId(history, 'id');
      lost = id === undefined ? undefined : lostAt.get(id);
      replay = replayAccount(history, model, given, dates, spans, lost);
    } catch (error) {
      errors.push(toRecordError(error, index, id));
      continue;
    }
    accounts++;
    evaluations += replay.evaluations.length;
    exposureDays += replay.span;
    const accountId = id ?? `#${index}`;
    if (lost !== undefined && lost > dates[0]! && daysBetween(dates[dates.length - 1]!, lost) <= horizonDays)
      lostIds.push(accountId);
    countAlerts(tallies, replay, accountId, lost, horizonDays);
  }
  const accountMonths = new ExactDecimal(exposureDays).div(MONTH_DAYS);
  const metricsOf = (tally: Tally) => metrics(tally, lostIds, lostAt, accountMonths);
  return withDisplay(
    Object.freeze({
      ruleSet: Object.freeze({ id: model.id, version: model.version, fingerprint: model.fingerprint }),
      asOf: Object.freeze(dates.map(formatDay)),
      horizonDays,
      accounts,
      evaluations,
      accountMonths,
      set: metricsOf(tallies.get('')!),
      rules: Object.freeze(ruleIds.map((ruleId) => Object.freeze({ ruleId, ...metricsOf(tallies.get(ruleId)!) }))),
      errors: Object.freeze(errors),
    }),
    'Rule backtest',
  );
}

/** The replay dates (at least one, strictly ascending), the days each stands for, and the horizon. */
function readBacktestOptions(options: BacktestOptions): {
  given: BacktestOptions;
  dates: number[];
  spans: number[];
  horizonDays: number;
} {
  const given = readInput(options, 'options', 'backtestRules');
  if (typeof given !== 'object' || given === null || !Array.isArray(given.asOf) || given.asOf.length === 0)
    fail('options.asOf', 'a non-empty array of dates', given?.asOf, 'backtestRules');
  const dates = given.asOf.map((date, index) => readInstant(date, `options.asOf[${index}]`, 'backtestRules'));
  for (let i = 1; i < dates.length; i++)
    if (!(dates[i]! > dates[i - 1]!))
      fail(`options.asOf[${i}]`, 'dates in strictly ascending order', given.asOf[i], 'backtestRules');
  const horizonDays = given.horizonDays ?? 180;
  if (!Number.isInteger(horizonDays) || horizonDays < 1)
    fail('options.horizonDays', 'a whole number of days ≥ 1', horizonDays, 'backtestRules');
  // each date stands for the days until the next one; the last for the mean gap (a month when alone)
  const spans = dates.map((date, i) =>
    i + 1 < dates.length
      ? (dates[i + 1]! - date) / DAY_MS
      : dates.length > 1
        ? (dates[dates.length - 1]! - dates[0]!) / DAY_MS / (dates.length - 1)
        : MONTH_DAYS,
  );
  return { given, dates, spans, horizonDays };
}

/** One account's evaluations (the rules fired at each date before it was lost) and the days they cover. */
interface Replay {
  readonly evaluations: readonly { readonly date: number; readonly fired: readonly string[] }[];
  readonly span: number;
}

function replayAccount(
  history: unknown,
  model: RuleSet,
  given: BacktestOptions,
  dates: readonly number[],
  spans: readonly number[],
  lost: number | undefined,
): Replay {
  const evaluations: { date: number; fired: string[] }[] = [];
  let span = 0;
  dates.forEach((date, d) => {
    if (lost !== undefined && date >= lost) return;
    const risk = evaluateChurnRisk(history, { asOf: formatDay(date), ruleSet: model, ...optional(given) });
    evaluations.push({ date, fired: risk.alerts.map((alert) => alert.ruleId) });
    span += spans[d]!;
  });
  return { evaluations, span };
}

/** Counts an account's alerts for the set and per rule; an alert is useful when the loss follows within the horizon. */
function countAlerts(
  tallies: ReadonlyMap<string, Tally>,
  replay: Replay,
  accountId: string,
  lost: number | undefined,
  horizonDays: number,
): void {
  for (const { date, fired } of replay.evaluations) {
    const useful = lost !== undefined && date < lost && daysBetween(date, lost) <= horizonDays;
    const count = (tally: Tally) => {
      tally.alerts++;
      if (!useful) return;
      tally.truePositives++;
      if (!tally.firstUseful.has(accountId)) tally.firstUseful.set(accountId, date);
    };
    if (fired.length > 0) count(tallies.get('')!);
    for (const ruleId of new Set(fired)) count(tallies.get(ruleId)!);
  }
}

function newTally(): Tally {
  return { alerts: 0, truePositives: 0, firstUseful: new Map() };
}

function optional(options: BacktestOptions): { tierPolicy?: TierPolicyLike; contactStandard?: ChurnContactStandard } {
  return {
    ...(options.tierPolicy === undefined ? {} : { tierPolicy: options.tierPolicy }),
    ...(options.contactStandard === undefined ? {} : { contactStandard: options.contactStandard }),
  };
}

function readOutcomeDates(outcomes: unknown): Map<string, number> {
  const lost = new Map<string, number>();
  const read = (accountId: unknown, date: unknown, path: string) => {
    if (typeof accountId !== 'string' || accountId === '')
      fail(`${path}.accountId`, 'an account id', accountId, 'backtestRules');
    if (date !== null && date !== undefined) lost.set(accountId, readInstant(date, `${path}.lostAt`, 'backtestRules'));
  };
  if (Array.isArray(outcomes)) {
    outcomes.forEach((item: unknown, index) => {
      const entry = (typeof item === 'object' && item !== null ? item : {}) as {
        accountId?: unknown;
        lostAt?: unknown;
      };
      read(entry.accountId, entry.lostAt, `outcomes[${index}]`);
    });
  } else if (typeof outcomes === 'object' && outcomes !== null) {
    for (const [accountId, date] of Object.entries(outcomes)) read(accountId, date, `outcomes.${accountId}`);
  } else {
    fail(
      'outcomes',
      'an array of { accountId, lostAt } or an object of lostAt by account id',
      outcomes,
      'backtestRules',
    );
  }
  return lost;
}

function metrics(
  tally: Tally,
  lostIds: readonly string[],
  lostAt: ReadonlyMap<string, number>,
  accountMonths: Decimal,
): BacktestMetrics {
  const caughtAccounts = lostIds.filter((id) => tally.firstUseful.has(id));
  const leads = caughtAccounts.map((id) => daysBetween(tally.firstUseful.get(id)!, lostAt.get(id)!));
  return Object.freeze({
    alerts: tally.alerts,
    truePositives: tally.truePositives,
    falsePositives: tally.alerts - tally.truePositives,
    precision: ratio(tally.truePositives, tally.alerts),
    lostAccounts: lostIds.length,
    caught: caughtAccounts.length,
    recall: ratio(caughtAccounts.length, lostIds.length),
    medianLeadDays: median(leads),
    alertsPerAccountMonth: accountMonths.isZero() ? null : new ExactDecimal(tally.alerts).div(accountMonths),
    lostWithoutAlert: Object.freeze(lostIds.filter((id) => !tally.firstUseful.has(id))),
    caughtAccounts: Object.freeze(caughtAccounts),
  });
}
