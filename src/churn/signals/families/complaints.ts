/** Open and recent complaints (seed 003 第7篇 cause 2, 投诉得不到及时解决; seed 000, 迅速而有效的处理). @module */
import { DAY_MS, daysBetween, formatDay } from '../../../shared/dates.js';
import { instant, type SignalFamily } from './family.js';

const SEVERE = /* @__PURE__ */ new Set(['high', 'critical']);
const NAMES = ['openComplaints', 'oldestOpenComplaintDays', 'openSevereComplaints', 'complaintsLast90Days'] as const;

/** `openComplaints`, `oldestOpenComplaintDays`, `openSevereComplaints` and `complaintsLast90Days`. */
export const complaintSignals: SignalFamily = (out, history, { asOf }) => {
  if (history.complaints === undefined) return out.allMissing(NAMES, 'no complaint history');
  const opened = history.complaints.filter((complaint) => instant(complaint.openedAt) <= asOf);
  const open = opened.filter(
    (complaint) =>
      complaint.resolvedAt === undefined || complaint.resolvedAt === null || instant(complaint.resolvedAt) > asOf,
  );
  const ages = open.map((complaint) => daysBetween(instant(complaint.openedAt), asOf));
  const ids = open.map((complaint, index) => complaint.id ?? `#${index}`);
  out.known('openComplaints', open.length, { open: ids });
  out.known('oldestOpenComplaintDays', ages.length === 0 ? 0 : Math.max(...ages), { open: ids, ages });
  const severe = open.filter((complaint) => complaint.severity !== undefined && SEVERE.has(complaint.severity)).length;
  const unrated = open.filter((complaint) => complaint.severity === undefined).length;
  if (severe === 0 && unrated > 0)
    out.missing('openSevereComplaints', `${unrated} open complaint(s) without a severity`, { open: ids });
  else out.known('openSevereComplaints', severe, { open: ids, unrated });
  const windowStart = asOf - 90 * DAY_MS;
  out.known('complaintsLast90Days', opened.filter((complaint) => instant(complaint.openedAt) >= windowStart).length, {
    since: formatDay(windowStart),
  });
};
