/** Open and recent complaints (seed 003 第7篇 cause 2, 投诉得不到及时解决; seed 000, 迅速而有效的处理). @module */
import { DAY_MS, daysBetween, formatDay } from '../../../shared/dates.js';
import { instant, type SignalFamily } from './family.js';

const SEVERE = /* @__PURE__ */ new Set(['high', 'critical']);
const NAMES = ['openComplaints', 'oldestOpenComplaintDays', 'openSevereComplaints', 'complaintsLast90Days'] as const;

/** `openComplaints`, `oldestOpenComplaintDays`, `openSevereComplaints` and `complaintsLast90Days`. */
export const complaintSignals: SignalFamily = (out, history, { asOf }) => {
  const complaints = history.complaints;
  if (complaints === undefined) return out.allMissing(NAMES, 'no complaint history');
  const windowStart = asOf - 90 * DAY_MS;
  // one pass: the complaints opened by asOf, those still open then (their ids and ages), severities
  const ids: string[] = [];
  const ages: number[] = [];
  let recent = 0;
  let severe = 0;
  let unrated = 0;
  for (const complaint of complaints) {
    const opened = instant(complaint.openedAt);
    if (opened > asOf) continue;
    if (opened >= windowStart) recent++;
    const resolved = complaint.resolvedAt;
    if (resolved !== undefined && resolved !== null && instant(resolved) <= asOf) continue;
    ids.push(complaint.id ?? `#${ids.length}`);
    ages.push(daysBetween(opened, asOf));
    if (complaint.severity === undefined) unrated++;
    else if (SEVERE.has(complaint.severity)) severe++;
  }
  out.known('openComplaints', ids.length, { open: ids });
  out.known('oldestOpenComplaintDays', ages.length === 0 ? 0 : Math.max(...ages), { open: ids, ages });
  if (severe === 0 && unrated > 0)
    out.missing('openSevereComplaints', `${unrated} open complaint(s) without a severity`, { open: ids });
  else out.known('openSevereComplaints', severe, { open: ids, unrated });
  out.known('complaintsLast90Days', recent, { since: formatDay(windowStart) });
};
