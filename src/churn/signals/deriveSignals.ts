import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import type { Labels } from '../../shared/labels.js';
import { ExactDecimal, ZERO, toDecimal, tryDecimal, type Numeric } from '../../shared/numeric.js';
import { parseWith } from '../../shared/schema.js';
import { DAY_MS, daysBetween, formatDay, formatMonth, monthIndexOf, parseMonth, readInstant, tryInstant } from '../../shared/dates.js';
import { accountHistorySchema, type AccountHistory } from './accountHistorySchema.js';
import type { ChurnSignalName } from './churnSignalCatalogue.js';
import { readLifetimeSignalOptions, setLifetimeSignals, type LifetimeSignalOptions } from './lifetimeSignals.js';
import { readInput } from '../../shared/input.js';

/**
 * What deriveSignals needs from a tier policy (the value module's `defineTierPolicy` result fits):
 * the tier of a monthly spend and its contact standard.
 * @category Churn
 */
export interface TierPolicyLike {
  /** The tier of an account spending `monthlySpend` a month, with its contact standard, or `null` below every tier. */
  tierFor(monthlySpend: Decimal): {
    readonly tier: unknown;
    readonly labels?: Labels;
    readonly contact?: { readonly visitEveryDays?: Numeric | null; readonly callEveryDays?: Numeric | null } | null;
  } | null;
}

/**
 * An explicit contact standard: visit at least every `visitEveryDays`, call every `callEveryDays`.
 * Seed 003 (第6篇): 水晶 key accounts twice a quarter (≈ 45 days) and a call a month (≈ 30 days);
 * A/A+ commercial accounts once a quarter (≈ 91 days) and a call a month.
 * @category Churn
 */
export interface ChurnContactStandard {
  readonly visitEveryDays?: Numeric;
  readonly callEveryDays?: Numeric;
}

/**
 * Options of {@link deriveSignals}.
 * @category Churn
 */
export interface DeriveSignalsOptions {
  /** The date the signals describe; events after it are ignored. */
  readonly asOf: string | Date;
  /** Tier policy giving each account its contact standard by average monthly spend. */
  readonly tierPolicy?: TierPolicyLike;
  /** An explicit contact standard; takes precedence over the tier policy's. */
  readonly contactStandard?: ChurnContactStandard;
  /** A fitted purchase-count model: derives `probabilityAlive` and `expectedPurchases` from the orders. */
  readonly lifetime?: LifetimeSignalOptions;
}

/** A signal value: exact decimals for money and ratios, integers for counts and days, booleans, strings for categories and ISO dates. @category Churn */
export type ChurnSignalValue = Decimal | number | boolean | string;

/**
 * One derived signal: its value (or `null` when unknown), the evidence it came from, and why it is
 * unknown when it is.
 * @category Churn
 */
export interface ChurnSignalReading {
  readonly name: ChurnSignalName;
  readonly known: boolean;
  readonly value: ChurnSignalValue | null;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly reason: string | undefined;
}

/**
 * What {@link deriveSignals} returns: the flat `values` record to evaluate rules on, and a reading
 * per signal with its evidence.
 * @category Churn
 */
export interface DerivedSignals {
  readonly accountId: string;
  readonly asOf: string;
  /** Signal name → value, `null` when unknown: pass this to `evaluateRules`. */
  readonly values: Readonly<Record<ChurnSignalName, ChurnSignalValue | null>>;
  readonly readings: Readonly<Record<ChurnSignalName, ChurnSignalReading>>;
  /** Names of the signals that are unknown, in catalogue order. */
  readonly unknown: readonly ChurnSignalName[];
}

type Parsed = ReturnType<typeof accountHistorySchema.parse>;

const SEVERE = /* @__PURE__ */ new Set(['high', 'critical']);
const RELOCATION_OR_CLOSURE = /* @__PURE__ */ new Set(['relocation', 'closure']);
const RECENT_MONTHS = 3;

/**
 * Derives the churn signals of SPEC §3 from an account's history as of a date, each with the
 * evidence it came from. A signal whose data is missing is unknown (`null`), never a made-up value.
 *
 * Windows: the "recent" months are the three full calendar months before `asOf`'s month; the
 * baseline the three before those; year on year the same three months a year earlier. Seeds: 000
 * (signs before churn, 人走客户走, 单线联络, complaint handling), 003 (causes of key-account loss,
 * contact standards per tier).
 *
 * @param history - An account history (see `accountHistorySchema`).
 * @param options - `asOf`, and a tier policy or an explicit contact standard.
 * @throws {ValidationError} when the history or `asOf` is invalid.
 * @example
 * ```ts
 * import { deriveSignals } from 'clientele';
 * const signals = deriveSignals(
 *   { id: 'ACME', spend: [
 *     { period: '2026-05', amount: 100 }, { period: '2026-06', amount: 100 }, { period: '2026-07', amount: 100 },
 *     { period: '2026-08', amount: 60 }, { period: '2026-09', amount: 60 }, { period: '2026-10', amount: 60 },
 *   ] },
 *   { asOf: '2026-11-01' },
 * );
 * [signals.values.spendChange?.toString(), signals.values.openComplaints]; // '-0.4' null
 * ```
 * @category Churn
 */
export function deriveSignals(history: AccountHistory | unknown, given: DeriveSignalsOptions): DerivedSignals {
  const options = readInput(given, 'options', 'deriveSignals');
  if (typeof options !== 'object' || options === null) fail('options', 'an options object with asOf', options, 'deriveSignals');
  const asOf = readInstant(options.asOf, 'asOf', 'deriveSignals');
  const parsed = parseWith(accountHistorySchema, history, 'deriveSignals');
  const standard = readStandard(options.contactStandard);
  return derive(parsed, asOf, options.tierPolicy, standard, readLifetimeSignalOptions(options.lifetime));
}

function readStandard(standard: ChurnContactStandard | undefined): { visit: Decimal | undefined; call: Decimal | undefined } {
  if (standard === undefined) return { visit: undefined, call: undefined };
  if (typeof standard !== 'object' || standard === null) fail('contactStandard', 'an object { visitEveryDays?, callEveryDays? }', standard, 'deriveSignals', 'invalid_type');
  const read = (value: Numeric | undefined, path: string): Decimal | undefined => {
    if (value === undefined) return undefined;
    const days = toDecimal(value, path);
    if (!days.isPositive() || days.isZero()) fail(path, 'a number of days > 0', value, 'deriveSignals');
    return days;
  };
  return { visit: read(standard.visitEveryDays, 'contactStandard.visitEveryDays'), call: read(standard.callEveryDays, 'contactStandard.callEveryDays') };
}

class Readings {
  readonly values: Record<string, ChurnSignalValue | null> = {};
  readonly readings: Record<string, ChurnSignalReading> = {};
  readonly unknown: ChurnSignalName[] = [];

  known(name: ChurnSignalName, value: ChurnSignalValue, evidence: Record<string, unknown>): void {
    this.values[name] = value;
    this.readings[name] = Object.freeze({ name, known: true, value, evidence: Object.freeze(evidence), reason: undefined });
  }

  missing(name: ChurnSignalName, reason: string, evidence: Record<string, unknown> = {}): void {
    this.values[name] = null;
    this.unknown.push(name);
    this.readings[name] = Object.freeze({ name, known: false, value: null, evidence: Object.freeze(evidence), reason });
  }

  set(name: ChurnSignalName, value: ChurnSignalValue | undefined, evidence: Record<string, unknown>, reason: string): void {
    if (value === undefined) this.missing(name, reason, evidence);
    else this.known(name, value, evidence);
  }
}

function instant(value: string | Date): number {
  return tryInstant(value)!;
}

function derive(
  history: Parsed,
  asOf: number,
  tierPolicy: TierPolicyLike | undefined,
  standard: { visit: Decimal | undefined; call: Decimal | undefined },
  lifetime: LifetimeSignalOptions | undefined,
): DerivedSignals {
  const out = new Readings();
  const lastFullMonth = monthIndexOf(asOf) - 1;
  const since = history.since === undefined ? undefined : instant(history.since);

  // --- spend trend -------------------------------------------------------------------------
  const spend = new Map<number, Decimal>();
  for (const entry of history.spend ?? []) {
    const month = parseMonth(entry.period)!;
    spend.set(month, (spend.get(month) ?? ZERO).plus(toDecimal(entry.amount)));
  }
  const windowSum = (end: number): { total: Decimal | undefined; months: string[]; missing: string[] } => {
    const months: string[] = [];
    const missing: string[] = [];
    let total = ZERO;
    for (let month = end - RECENT_MONTHS + 1; month <= end; month++) {
      months.push(formatMonth(month));
      const amount = spend.get(month);
      if (amount === undefined) missing.push(formatMonth(month));
      else total = total.plus(amount);
    }
    return { total: missing.length === 0 ? total : undefined, months, missing };
  };
  const recent = windowSum(lastFullMonth);
  const baseline = windowSum(lastFullMonth - RECENT_MONTHS);
  const lastYear = windowSum(lastFullMonth - 12);
  const change = (base: typeof baseline, name: ChurnSignalName): void => {
    const evidence = { recentMonths: recent.months, recentSpend: recent.total ?? null, baselineMonths: base.months, baselineSpend: base.total ?? null };
    if (history.spend === undefined) return out.missing(name, 'no spend history');
    if (recent.total === undefined || base.total === undefined) {
      return out.missing(name, `spend not recorded for ${[...recent.missing, ...base.missing].join(', ')}`, evidence);
    }
    if (base.total.isZero()) {
      if (recent.total.isZero()) return out.known(name, ZERO, evidence);
      return out.missing(name, 'baseline spend is zero (growth from nothing has no ratio)', evidence);
    }
    out.known(name, recent.total.minus(base.total).div(base.total), evidence);
  };
  change(baseline, 'spendChange');
  change(lastYear, 'spendChangeYearOnYear');
  const averageSpend = recent.total?.div(RECENT_MONTHS);
  out.set('averageMonthlySpend', averageSpend, { months: recent.months, recentSpend: recent.total ?? null }, history.spend === undefined ? 'no spend history' : `spend not recorded for ${recent.missing.join(', ')}`);

  // --- orders --------------------------------------------------------------------------------
  if (history.orders === undefined) {
    for (const name of ['lastOrderDate', 'daysSinceLastOrder', 'orderGapRatio'] as const) out.missing(name, 'no order history');
  } else {
    const dates = history.orders.map((order) => instant(order.date)).filter((time) => time <= asOf).sort((a, b) => a - b);
    const last = dates[dates.length - 1];
    if (last === undefined) {
      for (const name of ['lastOrderDate', 'daysSinceLastOrder', 'orderGapRatio'] as const) out.missing(name, 'no order on record before asOf');
    } else {
      const daysSince = daysBetween(last, asOf);
      out.known('lastOrderDate', formatDay(last), { orders: dates.length });
      out.known('daysSinceLastOrder', daysSince, { lastOrder: formatDay(last) });
      const intervals: number[] = [];
      for (let index = 1; index < dates.length; index++) intervals.push(daysBetween(dates[index - 1]!, dates[index]!));
      const usual = median(intervals);
      const evidence = { lastOrder: formatDay(last), daysSinceLastOrder: daysSince, orders: dates.length, medianIntervalDays: usual ?? null };
      if (intervals.length < 2 || usual === undefined) out.missing('orderGapRatio', 'fewer than three orders: no usual interval yet', evidence);
      else if (usual.isZero()) out.missing('orderGapRatio', 'the usual interval is zero days', evidence);
      else out.known('orderGapRatio', new ExactDecimal(daysSince).div(usual), evidence);
    }
  }

  setLifetimeSignals(out, history.orders, asOf, lifetime);

  // --- contact against the tier's standard ----------------------------------------------------
  let visitEvery = standard.visit;
  let callEvery = standard.call;
  let standardSource = visitEvery !== undefined || callEvery !== undefined ? 'contactStandard' : undefined;
  if (tierPolicy !== undefined && averageSpend !== undefined) {
    const tier = tierPolicy.tierFor(averageSpend);
    if (tier !== null && tier !== undefined) {
      const id = typeof tier.tier === 'string' ? tier.tier : typeof tier.tier === 'object' && tier.tier !== null && typeof (tier.tier as { id?: unknown }).id === 'string' ? (tier.tier as { id: string }).id : undefined;
      if (id !== undefined) out.known('tier', id, { averageMonthlySpend: averageSpend });
      else out.missing('tier', 'the tier policy gave no tier id', { averageMonthlySpend: averageSpend });
      const visit = tryDecimal(tier.contact?.visitEveryDays);
      const call = tryDecimal(tier.contact?.callEveryDays);
      if (visitEvery === undefined && visit !== undefined && visit.isPositive()) visitEvery = visit;
      if (callEvery === undefined && call !== undefined && call.isPositive()) callEvery = call;
      standardSource ??= `tier ${id ?? '?'}`;
    } else out.missing('tier', 'the average monthly spend falls in no tier', { averageMonthlySpend: averageSpend });
  } else out.missing('tier', tierPolicy === undefined ? 'no tier policy given' : 'average monthly spend unknown');
  contact(out, 'visit', history.visits, asOf, since, visitEvery, standardSource);
  contact(out, 'call', history.calls, asOf, since, callEvery, standardSource);

  // --- complaints ----------------------------------------------------------------------------
  if (history.complaints === undefined) {
    for (const name of ['openComplaints', 'oldestOpenComplaintDays', 'openSevereComplaints', 'complaintsLast90Days'] as const) out.missing(name, 'no complaint history');
  } else {
    const opened = history.complaints.filter((complaint) => instant(complaint.openedAt) <= asOf);
    const open = opened.filter((complaint) => complaint.resolvedAt === undefined || complaint.resolvedAt === null || instant(complaint.resolvedAt) > asOf);
    const ages = open.map((complaint) => daysBetween(instant(complaint.openedAt), asOf));
    const oldest = ages.length === 0 ? 0 : Math.max(...ages);
    const ids = open.map((complaint, index) => complaint.id ?? `#${index}`);
    out.known('openComplaints', open.length, { open: ids });
    out.known('oldestOpenComplaintDays', oldest, { open: ids, ages });
    const severe = open.filter((complaint) => complaint.severity !== undefined && SEVERE.has(complaint.severity)).length;
    const unrated = open.filter((complaint) => complaint.severity === undefined).length;
    if (severe === 0 && unrated > 0) out.missing('openSevereComplaints', `${unrated} open complaint(s) without a severity`, { open: ids });
    else out.known('openSevereComplaints', severe, { open: ids, unrated });
    const windowStart = asOf - 90 * DAY_MS;
    out.known('complaintsLast90Days', opened.filter((complaint) => instant(complaint.openedAt) >= windowStart).length, { since: formatDay(windowStart) });
  }

  // --- invoices and payments -----------------------------------------------------------------
  if (history.invoices === undefined || history.payments === undefined) {
    const reason = history.invoices === undefined ? 'no invoice history' : 'no payment history (invoices alone cannot show what was paid)';
    for (const name of ['latePaymentsLastYear', 'overdueAmount', 'maxDaysOverdue'] as const) out.missing(name, reason);
  } else credit(out, history.invoices, history.payments, asOf);

  // --- competitors ---------------------------------------------------------------------------
  const purchases = history.competitor?.purchases;
  if (purchases === undefined) out.missing('competitorPurchasesLast90Days', 'no record of competitor purchases');
  else {
    const start = asOf - 90 * DAY_MS;
    const recentPurchases = purchases.filter((purchase) => {
      const time = instant(purchase.date);
      return time >= start && time <= asOf;
    });
    out.known('competitorPurchasesLast90Days', recentPurchases.length, { since: formatDay(start), competitors: [...new Set(recentPurchases.map((purchase) => purchase.competitor).filter((name) => name !== undefined))] });
  }
  shareOfWallet(out, history.competitor?.shareOfWallet, lastFullMonth);

  // --- relationship --------------------------------------------------------------------------
  relationship(out, history.relationship, asOf);

  // --- service quality -----------------------------------------------------------------------
  quality(out, history.quality, lastFullMonth);

  // --- the client's own business -------------------------------------------------------------
  if (history.distress === undefined) {
    out.missing('businessDistress', 'no record of the client’s business situation');
    out.missing('relocatingOrClosing', 'no record of the client’s business situation');
  } else {
    const start = asOf - 365 * DAY_MS;
    const events = history.distress.filter((event) => {
      const time = instant(event.date);
      return time >= start && time <= asOf;
    });
    const kinds = events.map((event) => event.kind);
    out.known('businessDistress', events.length > 0, { since: formatDay(start), events: kinds });
    out.known('relocatingOrClosing', kinds.some((kind) => RELOCATION_OR_CLOSURE.has(kind)), { since: formatDay(start), events: kinds });
  }

  return Object.freeze({
    accountId: history.id,
    asOf: formatDay(asOf),
    values: Object.freeze(out.values) as DerivedSignals['values'],
    readings: Object.freeze(out.readings) as DerivedSignals['readings'],
    unknown: Object.freeze(out.unknown),
  });
}

function meanOf(values: readonly Decimal[]): Decimal {
  return values.reduce((total, value) => total.plus(value), ZERO).div(values.length);
}

function median(values: readonly number[]): Decimal | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return new ExactDecimal(sorted[middle]!);
  return new ExactDecimal(sorted[middle - 1]!).plus(sorted[middle]!).div(2);
}

function contact(
  out: Readings,
  kind: 'visit' | 'call',
  events: readonly { date: string | Date }[] | undefined,
  asOf: number,
  since: number | undefined,
  every: Decimal | undefined,
  standardSource: string | undefined,
): void {
  const dateName = kind === 'visit' ? 'lastVisitDate' : 'lastCallDate';
  const daysName = kind === 'visit' ? 'daysSinceLastVisit' : 'daysSinceLastCall';
  const ratioName = kind === 'visit' ? 'visitOverdueRatio' : 'callOverdueRatio';
  if (events === undefined) {
    for (const name of [dateName, daysName, ratioName] as const) out.missing(name, `no ${kind} history`);
    return;
  }
  let last: number | undefined;
  for (const event of events) {
    const time = instant(event.date);
    if (time <= asOf && (last === undefined || time > last)) last = time;
  }
  let days: number | undefined;
  let evidence: Record<string, unknown>;
  if (last !== undefined) {
    days = daysBetween(last, asOf);
    out.known(dateName, formatDay(last), { [`${kind}s`]: events.length });
    evidence = { [`last${kind === 'visit' ? 'Visit' : 'Call'}`]: formatDay(last), days };
  } else if (since !== undefined && since <= asOf) {
    // never contacted: the whole relationship is a true lower bound on the gap
    days = daysBetween(since, asOf);
    out.missing(dateName, `no ${kind} on record`);
    evidence = { [`last${kind === 'visit' ? 'Visit' : 'Call'}`]: null, accountSince: formatDay(since), days };
  } else {
    out.missing(dateName, `no ${kind} on record`);
    out.missing(daysName, `no ${kind} on record and no account start date`);
    out.missing(ratioName, `no ${kind} on record and no account start date`);
    return;
  }
  out.known(daysName, days, evidence);
  if (every === undefined) out.missing(ratioName, `no ${kind} standard (give a tier policy or contactStandard)`, evidence);
  else out.known(ratioName, new ExactDecimal(days).div(every), { ...evidence, standardDays: every, standard: standardSource ?? null });
}

function credit(
  out: Readings,
  invoices: readonly { id: string; dueAt: string | Date; amount: Numeric }[],
  payments: readonly { invoiceId: string; date: string | Date; amount: Numeric }[],
  asOf: number,
): void {
  const paid = new Map<string, { time: number; amount: Decimal }[]>();
  for (const payment of payments) {
    const time = instant(payment.date);
    if (time > asOf) continue;
    const list = paid.get(payment.invoiceId) ?? [];
    list.push({ time, amount: toDecimal(payment.amount) });
    paid.set(payment.invoiceId, list);
  }
  const yearAgo = asOf - 365 * DAY_MS;
  let overdue = ZERO;
  let maxDays = 0;
  const late: string[] = [];
  const overdueInvoices: string[] = [];
  for (const invoice of invoices) {
    const due = instant(invoice.dueAt);
    if (due > asOf) continue;
    const amount = toDecimal(invoice.amount);
    const list = (paid.get(invoice.id) ?? []).sort((a, b) => a.time - b.time);
    let total = ZERO;
    let settledAt: number | undefined;
    for (const payment of list) {
      total = total.plus(payment.amount);
      if (settledAt === undefined && total.gte(amount)) settledAt = payment.time;
    }
    const outstanding = amount.minus(total);
    const overdueNow = due < asOf && outstanding.isPositive() && !outstanding.isZero();
    if (overdueNow) {
      overdue = overdue.plus(outstanding);
      maxDays = Math.max(maxDays, daysBetween(due, asOf));
      overdueInvoices.push(invoice.id);
    }
    if (due >= yearAgo && (overdueNow || (settledAt !== undefined && daysBetween(due, settledAt) > 0))) late.push(invoice.id);
  }
  out.known('latePaymentsLastYear', late.length, { invoices: late });
  out.known('overdueAmount', overdue, { invoices: overdueInvoices });
  out.known('maxDaysOverdue', maxDays, { invoices: overdueInvoices });
}

function shareOfWallet(out: Readings, observations: readonly { period: string; share: Numeric }[] | undefined, lastFullMonth: number): void {
  if (observations === undefined) {
    out.missing('shareOfWallet', 'no share-of-wallet observations');
    out.missing('shareOfWalletChange', 'no share-of-wallet observations');
    return;
  }
  // several observations of one month are averaged, so input order never matters
  const collected = new Map<number, Decimal[]>();
  for (const observation of observations) {
    const month = parseMonth(observation.period)!;
    if (month <= lastFullMonth) collected.set(month, [...(collected.get(month) ?? []), toDecimal(observation.share)]);
  }
  const byMonth = new Map<number, Decimal>([...collected].map(([month, shares]) => [month, meanOf(shares)]));
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  const latest = months[months.length - 1];
  if (latest === undefined) {
    out.missing('shareOfWallet', 'no share-of-wallet observation before asOf');
    out.missing('shareOfWalletChange', 'no share-of-wallet observation before asOf');
    return;
  }
  const current = byMonth.get(latest)!;
  out.known('shareOfWallet', current, { period: formatMonth(latest) });
  const earlier = months.filter((month) => month <= latest - 6);
  const base = earlier[earlier.length - 1];
  if (base === undefined) out.missing('shareOfWalletChange', 'no observation six or more months before the latest', { period: formatMonth(latest) });
  else out.known('shareOfWalletChange', current.minus(byMonth.get(base)!), { period: formatMonth(latest), share: current, basePeriod: formatMonth(base), baseShare: byMonth.get(base)! });
}

function relationship(out: Readings, relation: Parsed['relationship'], asOf: number): void {
  if (relation === undefined) {
    for (const name of ['managerDepartedWithoutHandover', 'internalContacts', 'singleThreaded'] as const) out.missing(name, 'no relationship record');
    return;
  }
  const left = relation.managerLeftAt;
  const handover = relation.handoverAt;
  const evidence = {
    accountManager: relation.accountManager ?? null,
    managerLeftAt: left === undefined || left === null ? (left ?? null) : formatDay(instant(left)),
    handoverAt: handover === undefined || handover === null ? (handover ?? null) : formatDay(instant(handover)),
  };
  if (left === undefined) out.missing('managerDepartedWithoutHandover', 'whether the account manager left is not recorded', evidence);
  else if (left === null || instant(left) > asOf) out.known('managerDepartedWithoutHandover', false, evidence);
  else if (handover === undefined) out.missing('managerDepartedWithoutHandover', 'the manager left but the handover is not recorded', evidence);
  else out.known('managerDepartedWithoutHandover', handover === null || instant(handover) > asOf, evidence);
  if (relation.internalContacts === undefined) {
    out.missing('internalContacts', 'number of contacts not recorded');
    out.missing('singleThreaded', 'number of contacts not recorded');
  } else {
    out.known('internalContacts', relation.internalContacts, {});
    out.known('singleThreaded', relation.internalContacts <= 1, { internalContacts: relation.internalContacts });
  }
}

function quality(out: Readings, scores: Parsed['quality'], lastFullMonth: number): void {
  const names = ['qualityScore', 'lowestQualityScore', 'qualityChange'] as const;
  if (scores === undefined) {
    for (const name of names) out.missing(name, 'no service-quality scores');
    return;
  }
  // several scores for one month and dimension (several respondents) are averaged, so input order never matters
  const collected = new Map<number, Map<string, Decimal[]>>();
  for (const score of scores) {
    const month = parseMonth(score.period)!;
    if (month > lastFullMonth) continue;
    const dimensions = collected.get(month) ?? new Map<string, Decimal[]>();
    dimensions.set(score.dimension, [...(dimensions.get(score.dimension) ?? []), toDecimal(score.score)]);
    collected.set(month, dimensions);
  }
  const byMonth = new Map<number, Map<string, Decimal>>();
  for (const [month, dimensions] of collected) {
    const names = [...dimensions.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    byMonth.set(month, new Map(names.map((name) => [name, meanOf(dimensions.get(name)!)])));
  }
  const months = [...byMonth.keys()].sort((a, b) => a - b);
  const latest = months[months.length - 1];
  if (latest === undefined) {
    for (const name of names) out.missing(name, 'no service-quality score before asOf');
    return;
  }
  const mean = (month: number): Decimal => {
    const values = [...byMonth.get(month)!.values()];
    return values.reduce((total, value) => total.plus(value), ZERO).div(values.length);
  };
  const dimensions = byMonth.get(latest)!;
  const current = mean(latest);
  let lowest: [string, Decimal] | undefined;
  for (const [dimension, value] of [...dimensions.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (lowest === undefined || value.lt(lowest[1])) lowest = [dimension, value];
  }
  const evidence = { period: formatMonth(latest), dimensions: Object.fromEntries(dimensions) };
  out.known('qualityScore', current, evidence);
  out.known('lowestQualityScore', lowest![1], { period: formatMonth(latest), dimension: lowest![0] });
  const previous = months[months.length - 2];
  if (previous === undefined) out.missing('qualityChange', 'only one survey period', evidence);
  else {
    const before = mean(previous);
    out.known('qualityChange', current.minus(before), { period: formatMonth(latest), score: current, previousPeriod: formatMonth(previous), previousScore: before });
  }
}
