/**
 * Visits and calls against the account's own contact standard (seed 003 第6篇 走访标准: 水晶客户
 * "上门走访的要求是:2次/季度;主动电话联系要求是1次/月"). The standard comes from, in order: an explicit
 * `contactStandard`; the tier the annual key-account list gave the account for the period holding
 * asOf; the tier policy's tier for the account's recent average monthly spend.
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { ChurnSignalName } from '../churnSignalCatalogue.js';
import { ExactDecimal, tryDecimal } from '../../../shared/numeric.js';
import { daysBetween, formatDay } from '../../../shared/dates.js';
import {
  instant,
  type ParsedHistory,
  type Readings,
  type SignalContext,
  type SignalFamily,
  type TierLike,
} from './family.js';

interface Standard {
  visit: Decimal | undefined;
  call: Decimal | undefined;
  source: string | undefined;
}

function tierId(tier: TierLike): string | undefined {
  if (typeof tier.tier === 'string') return tier.tier;
  const inner = tier.tier as { id?: unknown } | null;
  return typeof inner === 'object' && inner !== null && typeof inner.id === 'string' ? inner.id : undefined;
}

/** The account's tier: from the key-account list when it applies, else from the tier policy by spend; sets the `tier`
 * signal. */
function findTier(
  out: Readings,
  history: ParsedHistory,
  context: SignalContext,
): { tier: TierLike; from: string } | undefined {
  const listed = context.keyAccountList?.tierOf(history.id, formatDay(context.asOf));
  if (listed !== undefined) {
    if (listed === null)
      return void out.missing('tier', 'the key-account list gives this account no tier', { source: 'keyAccountList' });
    const id = tierId(listed);
    out.set('tier', id, { source: 'keyAccountList' }, 'the key-account list gave no tier id');
    return { tier: listed, from: `key-account list tier ${id ?? '?'}` };
  }
  const averageSpend = out.value('averageMonthlySpend') as Decimal | null | undefined;
  if (context.tierPolicy === undefined || averageSpend === null || averageSpend === undefined) {
    return void out.missing(
      'tier',
      context.tierPolicy === undefined ? 'no tier policy given' : 'average monthly spend unknown',
    );
  }
  const tier = context.tierPolicy.tierFor(averageSpend);
  if (tier === null || tier === undefined)
    return void out.missing('tier', 'the average monthly spend falls in no tier', {
      averageMonthlySpend: averageSpend,
    });
  const id = tierId(tier);
  out.set('tier', id, { averageMonthlySpend: averageSpend }, 'the tier policy gave no tier id');
  return { tier, from: `tier ${id ?? '?'}` };
}

function standardOf(out: Readings, history: ParsedHistory, context: SignalContext): Standard {
  const standard: Standard = { visit: context.standard.visit, call: context.standard.call, source: undefined };
  if (standard.visit !== undefined || standard.call !== undefined) standard.source = 'contactStandard';
  const found = findTier(out, history, context);
  if (found === undefined) return standard;
  const visit = tryDecimal(found.tier.contact?.visitEveryDays);
  const call = tryDecimal(found.tier.contact?.callEveryDays);
  if (standard.visit === undefined && visit !== undefined && visit.isPositive()) standard.visit = visit;
  if (standard.call === undefined && call !== undefined && call.isPositive()) standard.call = call;
  standard.source ??= found.from;
  return standard;
}

function lastBefore(events: readonly { date: string | Date }[], asOf: number): number | undefined {
  let last: number | undefined;
  for (const event of events) {
    const time = instant(event.date);
    if (time <= asOf && (last === undefined || time > last)) last = time;
  }
  return last;
}

/** A contact kind's signal names, evidence keys and reasons, written once (not per account). */
interface ContactKind {
  readonly date: ChurnSignalName;
  readonly days: ChurnSignalName;
  readonly ratio: ChurnSignalName;
  /** The evidence key of the event count (`visits`, `calls`) and of the last event (`lastVisit`, `lastCall`). */
  readonly count: string;
  readonly last: string;
  readonly noHistory: string;
  readonly noneOnRecord: string;
  readonly noStart: string;
  readonly noStandard: string;
}

function contactKind(kind: 'visit' | 'call'): ContactKind {
  const Kind = kind === 'visit' ? 'Visit' : 'Call';
  return {
    date: `last${Kind}Date` as ChurnSignalName,
    days: `daysSinceLast${Kind}` as ChurnSignalName,
    ratio: `${kind}OverdueRatio` as ChurnSignalName,
    count: `${kind}s`,
    last: `last${Kind}`,
    noHistory: `no ${kind} history`,
    noneOnRecord: `no ${kind} on record`,
    noStart: `no ${kind} on record and no account start date`,
    noStandard: `no ${kind} standard (give a tier policy, a key-account list or contactStandard)`,
  };
}

const VISIT = /* @__PURE__ */ contactKind('visit');
const CALL = /* @__PURE__ */ contactKind('call');

function contact(
  out: Readings,
  kind: ContactKind,
  events: readonly { date: string | Date }[] | undefined,
  context: SignalContext,
  every: Decimal | undefined,
  source: string | undefined,
): void {
  if (events === undefined) return out.allMissing([kind.date, kind.days, kind.ratio], kind.noHistory);
  const { asOf, since } = context;
  const last = lastBefore(events, asOf);
  let days: number;
  let evidence: Record<string, unknown>;
  if (last !== undefined) {
    days = daysBetween(last, asOf);
    out.known(kind.date, formatDay(last), { [kind.count]: events.length });
    evidence = { [kind.last]: formatDay(last), days };
  } else if (since !== undefined && since <= asOf) {
    // never contacted: the whole relationship is a true lower bound on the gap
    days = daysBetween(since, asOf);
    out.missing(kind.date, kind.noneOnRecord);
    evidence = { [kind.last]: null, accountSince: formatDay(since), days };
  } else {
    out.missing(kind.date, kind.noneOnRecord);
    return out.allMissing([kind.days, kind.ratio], kind.noStart);
  }
  out.known(kind.days, days, evidence);
  if (every === undefined) out.missing(kind.ratio, kind.noStandard, evidence);
  else
    out.known(kind.ratio, new ExactDecimal(days).div(every), {
      ...evidence,
      standardDays: every,
      standard: source ?? null,
    });
}

/** `tier`, and for visits and calls the last date, the days since and the ratio to the account's own standard. */
export const contactSignals: SignalFamily = (out, history, context) => {
  const standard = standardOf(out, history, context);
  contact(out, VISIT, history.visits, context, standard.visit, standard.source);
  contact(out, CALL, history.calls, context, standard.call, standard.source);
};
