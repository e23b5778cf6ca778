import type { Decimal } from 'decimal.js';
import { readId, toRecordError, type RecordError } from '../../shared/batch.js';
import { ValidationError, describeValue, fail, makeIssue, type Issue } from '../../shared/errors.js';
import { ExactDecimal } from '../../shared/numeric.js';
import { DAY_MS, readInstant, tryInstant } from '../../shared/dates.js';
import { readInput, readingInput } from '../../shared/input.js';
import { BreakdownCollector, readLabelField, type Classified, type ComplaintBreakdown } from './complaintBreakdown.js';

/** One complaint as recorded. @category Complaints */
export interface ComplaintInput {
  readonly id: string | number;
  readonly accountId?: string | undefined;
  /** When the complaint was received: ISO date or date-time (UTC unless an offset is given), or a Date. */
  readonly openedAt: string | Date;
  /** When it was resolved; absent or `null` = still open. */
  readonly resolvedAt?: string | Date | null | undefined;
  /** Whether the client was satisfied with the resolution (when known). */
  readonly resolvedWell?: boolean | undefined;
  /** This complaint's own service-level target in days (overrides `options.slaDays`). */
  readonly slaDays?: number | undefined;
  /** What it is about (e.g. `billing`, `creative`, `placement`), for the breakdown. */
  readonly topic?: string | undefined;
  /** How it arrived (e.g. `phone`, `visit`, `email`). */
  readonly channel?: string | undefined;
  /** How serious (e.g. `low` … `critical`). */
  readonly severity?: string | undefined;
}

/** Options of {@link measureComplaints}. @category Complaints */
export interface MeasureComplaintsOptions {
  /** The date the measures are taken on (ISO date or date-time, or a Date). Required: no clock is read. */
  readonly asOf: string | Date;
  /** Service-level target: days within which a complaint should be resolved; default 7. */
  readonly slaDays?: number | undefined;
  /** Percentile of the time to resolution to report besides the median, in percent; default 90. */
  readonly percentile?: number | undefined;
}

/** Summary statistics of a set of durations in days. @category Complaints */
export interface DurationSummary {
  readonly n: number;
  readonly mean: number | null;
  readonly median: number | null;
  /** The requested percentile (linear interpolation between order statistics, R's type 7). */
  readonly percentile: { readonly level: number; readonly value: number | null };
  readonly max: number | null;
}

/** What {@link measureComplaints} returns. @category Complaints */
export interface ComplaintMeasures {
  readonly asOf: string;
  readonly total: number;
  readonly open: number;
  readonly resolved: number;
  /** resolved / total, exact; `null` without complaints. */
  readonly resolutionRate: Decimal | null;
  /** Age in days, as of `asOf`, of the complaints still open. */
  readonly openAge: DurationSummary;
  /** Days from receipt to resolution of the resolved complaints. */
  readonly timeToResolution: DurationSummary;
  readonly sla: {
    readonly days: number;
    /** Open complaints older than their target. */
    readonly breachedOpen: number;
    /** Resolved complaints that took longer than their target. */
    readonly breachedResolved: number;
    /** Ids of every breaching complaint, in input order. */
    readonly breachedIds: readonly string[];
    /** breaches / total, exact; `null` without complaints. */
    readonly breachRate: Decimal | null;
  };
  /** Resolutions the client was satisfied with (among those with `resolvedWell` recorded). */
  readonly resolvedWell: number;
  /** Seed 000: 70% of clients whose complaint is resolved well come back — 0.7 × resolvedWell. */
  readonly expectedReturningClients: Decimal;
  /** Seed 000: an unhappy client tells 5–8 others; unhappy = open, or resolved but not well. */
  readonly wordOfMouth: { readonly unhappyClients: number; readonly reachLow: number; readonly reachHigh: number };
  /** The signals the churn rules read, per the whole set (see `clientele/churn`). */
  readonly signals: { readonly openComplaints: number; readonly oldestOpenComplaintDays: number | null };
  /** Counts by topic, channel and severity (seed 000, 记录分析). */
  readonly breakdown: ComplaintBreakdown;
  readonly errors: readonly RecordError[];
}

const CONTEXT = 'measureComplaints';
/** Seed 000: "当媒体广告部门令人满意地处理客户埋怨时,有70%的客户有望成为回头客". */
const RETURN_RATE = /* @__PURE__ */ new ExactDecimal('0.7');

/**
 * Complaint-handling measures as of a date (seed `000_314cca147d0dd30a.txt`, 善待客户埋怨: make
 * complaining easy, record and analyse, resolve fast): open count and age, time to resolution
 * (median and a percentile), resolution rate, SLA breaches, the seed's 70% return rate and 5–8
 * person word of mouth, and the complaint signals the churn rules read.
 *
 * Decisions: a complaint resolved after `asOf` counts as open on `asOf`; a complaint opened after
 * `asOf` or resolved before it was opened is a record error; a complaint resolved in exactly the SLA
 * days is not a breach. Durations are in days (fractions when times are given).
 *
 * @param complaints - The complaint records (see {@link ComplaintInput}).
 * @param options - `{ asOf, slaDays, percentile }`.
 * @returns The measures plus a `RecordError` per bad record (never aborts on one).
 * @throws {ValidationError} when `complaints` is not an array or an option is invalid.
 * @example
 * ```ts
 * import { measureComplaints } from 'clientele';
 * const m = measureComplaints([
 *   { id: 'c1', openedAt: '2026-10-01', resolvedAt: '2026-10-03', resolvedWell: true },
 *   { id: 'c2', openedAt: '2026-10-05', resolvedAt: '2026-10-20' },
 *   { id: 'c3', openedAt: '2026-10-25' },
 * ], { asOf: '2026-11-01', slaDays: 7 });
 * [m.open, m.sla.breachedIds, m.resolutionRate?.toString()]; // 1 ['c2'] 0.666…
 * ```
 * @category Complaints
 */
export function measureComplaints(
  complaints: readonly unknown[],
  givenOptions: MeasureComplaintsOptions,
): ComplaintMeasures {
  const { asOf, slaDays, level } = readMeasureOptions(complaints, givenOptions);
  const errors: RecordError[] = [];
  const tally = newTally();
  const seen = new Set<string>();
  const breakdown = new BreakdownCollector();
  // every index, holes included: a complaint that cannot be read is that complaint's error
  for (let index = 0; index < complaints.length; index++) {
    let id: string | undefined;
    try {
      const complaint = readInput(complaints[index], `complaints[${index}]`, CONTEXT);
      id = readId(complaint, 'id');
      const record = readComplaint(complaint, id, asOf, seen);
      seen.add(record.id);
      const target = record.slaDays ?? slaDays;
      const isOpen = record.resolvedAt === null || record.resolvedAt > asOf;
      breakdown.add(record, isOpen, (isOpen ? asOf : record.resolvedAt!) - record.openedAt > target * DAY_MS);
      addComplaint(tally, record, isOpen, asOf, target);
    } catch (error) {
      errors.push(toRecordError(error, index, id));
    }
  }
  const open = tally.openAges.length;
  const resolved = tally.resolutionTimes.length;
  const total = open + resolved;
  const unhappy = open + tally.resolvedNotWell;
  const openAge = summarise(tally.openAges, level);
  const breached = tally.breachedOpen + tally.breachedResolved;
  return {
    asOf: new Date(asOf).toISOString(),
    total,
    open,
    resolved,
    resolutionRate: total === 0 ? null : new ExactDecimal(resolved).div(total),
    openAge,
    timeToResolution: summarise(tally.resolutionTimes, level),
    sla: {
      days: slaDays,
      breachedOpen: tally.breachedOpen,
      breachedResolved: tally.breachedResolved,
      breachedIds: tally.breachedIds,
      breachRate: total === 0 ? null : new ExactDecimal(breached).div(total),
    },
    resolvedWell: tally.resolvedWell,
    expectedReturningClients: RETURN_RATE.times(tally.resolvedWell),
    wordOfMouth: { unhappyClients: unhappy, reachLow: unhappy * 5, reachHigh: unhappy * 8 },
    signals: { openComplaints: open, oldestOpenComplaintDays: openAge.max },
    breakdown: breakdown.result(),
    errors,
  };
}

/** The options (`asOf`, `slaDays` default 7, `percentile` default 90), checked before any complaint. */
function readMeasureOptions(
  complaints: readonly unknown[],
  givenOptions: MeasureComplaintsOptions,
): { asOf: number; slaDays: number; level: number } {
  const options = readInput(givenOptions, 'options', 'measureComplaints');
  if (!readingInput('complaints', CONTEXT, () => Array.isArray(complaints)))
    fail('complaints', 'an array of complaints', complaints, CONTEXT, 'invalid_type');
  if (typeof options !== 'object' || options === null)
    fail('options', 'an object { asOf }', options, CONTEXT, 'invalid_type');
  const asOf = readInstant(options.asOf, 'options.asOf', CONTEXT);
  const slaDays = options.slaDays ?? 7;
  if (typeof slaDays !== 'number' || !Number.isFinite(slaDays) || slaDays < 0)
    fail('options.slaDays', 'a number of days ≥ 0', slaDays, CONTEXT);
  const level = options.percentile ?? 90;
  if (typeof level !== 'number' || !(level >= 0 && level <= 100))
    fail('options.percentile', 'a percentile from 0 to 100', level, CONTEXT);
  return { asOf, slaDays, level };
}

/** Running counts over the complaints read so far. */
interface Tally {
  readonly openAges: number[];
  readonly resolutionTimes: number[];
  readonly breachedIds: string[];
  breachedOpen: number;
  breachedResolved: number;
  resolvedWell: number;
  resolvedNotWell: number;
}

const newTally = (): Tally => ({
  openAges: [],
  resolutionTimes: [],
  breachedIds: [],
  breachedOpen: 0,
  breachedResolved: 0,
  resolvedWell: 0,
  resolvedNotWell: 0,
});

/** Counts one complaint: its age if open, its time to resolution and outcome if resolved, and an SLA breach. */
function addComplaint(tally: Tally, record: ParsedComplaint, isOpen: boolean, asOf: number, target: number): void {
  if (isOpen) {
    const age = (asOf - record.openedAt) / DAY_MS;
    tally.openAges.push(age);
    if (age > target) {
      tally.breachedOpen++;
      tally.breachedIds.push(record.id);
    }
    return;
  }
  const days = (record.resolvedAt! - record.openedAt) / DAY_MS;
  tally.resolutionTimes.push(days);
  if (days > target) {
    tally.breachedResolved++;
    tally.breachedIds.push(record.id);
  }
  if (record.resolvedWell === true) tally.resolvedWell++;
  if (record.resolvedWell === false) tally.resolvedNotWell++;
}

interface ParsedComplaint extends Classified {
  id: string;
  openedAt: number;
  resolvedAt: number | null;
  resolvedWell: boolean | undefined;
  slaDays: number | undefined;
}

function readComplaint(
  complaint: unknown,
  id: string | undefined,
  asOf: number,
  seen: ReadonlySet<string>,
): ParsedComplaint {
  if (typeof complaint !== 'object' || complaint === null)
    throw new ValidationError([makeIssue('', 'a complaint object', describeValue(complaint))]);
  const record = complaint as Record<string, unknown>;
  const issues: Issue[] = [];
  if (id === undefined) issues.push(makeIssue('id', 'a complaint id', describeValue(record['id'])));
  else if (seen.has(id))
    issues.push(makeIssue('id', 'an id not used before in this batch', describeValue(record['id']), 'duplicate'));
  const openedAt = tryInstant(record['openedAt']);
  if (openedAt === undefined)
    issues.push(
      makeIssue('openedAt', 'an ISO date or date-time, or a Date', describeValue(record['openedAt']), 'invalid_date'),
    );
  else if (openedAt > asOf)
    issues.push(makeIssue('openedAt', 'a date on or before asOf', describeValue(record['openedAt']), 'inconsistent'));
  const rawResolved = record['resolvedAt'];
  let resolvedAt: number | null = null;
  if (rawResolved !== undefined && rawResolved !== null) {
    const time = tryInstant(rawResolved);
    if (time === undefined)
      issues.push(
        makeIssue(
          'resolvedAt',
          'an ISO date or date-time, a Date, or null',
          describeValue(rawResolved),
          'invalid_date',
        ),
      );
    else if (openedAt !== undefined && time < openedAt)
      issues.push(makeIssue('resolvedAt', 'a date on or after openedAt', describeValue(rawResolved), 'inconsistent'));
    else resolvedAt = time;
  }
  const resolvedWell = record['resolvedWell'];
  if (resolvedWell !== undefined && typeof resolvedWell !== 'boolean')
    issues.push(makeIssue('resolvedWell', 'a boolean', describeValue(resolvedWell), 'invalid_type'));
  const sla = record['slaDays'];
  if (sla !== undefined && (typeof sla !== 'number' || !Number.isFinite(sla) || sla < 0))
    issues.push(makeIssue('slaDays', 'a number of days ≥ 0', describeValue(sla)));
  const labels = {
    topic: readLabelField(record, 'topic'),
    channel: readLabelField(record, 'channel'),
    severity: readLabelField(record, 'severity'),
  };
  for (const [field, { problem }] of Object.entries(labels))
    if (problem !== undefined) issues.push(makeIssue(field, problem, describeValue(record[field]), 'invalid_type'));
  if (issues.length > 0) throw new ValidationError(issues, `complaint ${JSON.stringify(id ?? '?')}`);
  return {
    id: id!,
    openedAt: openedAt!,
    resolvedAt,
    resolvedWell: resolvedWell as boolean | undefined,
    slaDays: sla as number | undefined,
    topic: labels.topic.value,
    channel: labels.channel.value,
    severity: labels.severity.value,
  };
}

function summarise(values: number[], level: number): DurationSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, median: null, percentile: { level, value: null }, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((total, value) => total + value, 0) / n;
  return {
    n,
    mean,
    median: quantile(sorted, 0.5),
    percentile: { level, value: quantile(sorted, level / 100) },
    max: sorted[n - 1]!,
  };
}

/** R's type-7 quantile of sorted values: linear interpolation at h = (n − 1)·p. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}
