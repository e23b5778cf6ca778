/**
 * Complaints counted by topic, channel and severity (seed 000: complaints recorded and analysed,
 * 记录分析, so that the causes behind them are fixed, not only the single case).
 * @module
 */

/** One line of a breakdown: complaints with this value, open ones and those past their SLA. @category Complaints */
export interface ComplaintBreakdownLine {
  /** The topic, channel or severity; `'unspecified'` when not recorded. */
  readonly key: string;
  readonly total: number;
  readonly open: number;
  readonly breachedSla: number;
}

/** Complaints by topic, channel and severity, most frequent first (ties by key). @category Complaints */
export interface ComplaintBreakdown {
  readonly byTopic: readonly ComplaintBreakdownLine[];
  readonly byChannel: readonly ComplaintBreakdownLine[];
  readonly bySeverity: readonly ComplaintBreakdownLine[];
}

/** The fields a breakdown reads from one complaint. */
export interface Classified {
  readonly topic: string | undefined;
  readonly channel: string | undefined;
  readonly severity: string | undefined;
}

const FIELDS = ['topic', 'channel', 'severity'] as const;

/** Collects the breakdown as complaints are read. */
export class BreakdownCollector {
  private readonly counts = {
    topic: new Map<string, [number, number, number]>(),
    channel: new Map<string, [number, number, number]>(),
    severity: new Map<string, [number, number, number]>(),
  };

  add(complaint: Classified, open: boolean, breached: boolean): void {
    for (const field of FIELDS) {
      const key = complaint[field] ?? 'unspecified';
      const line = this.counts[field].get(key) ?? [0, 0, 0];
      line[0]++;
      if (open) line[1]++;
      if (breached) line[2]++;
      this.counts[field].set(key, line);
    }
  }

  result(): ComplaintBreakdown {
    const lines = (map: Map<string, [number, number, number]>): ComplaintBreakdownLine[] =>
      [...map]
        .map(([key, [total, open, breachedSla]]) => ({ key, total, open, breachedSla }))
        .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return {
      byTopic: lines(this.counts.topic),
      byChannel: lines(this.counts.channel),
      bySeverity: lines(this.counts.severity),
    };
  }
}

/** Reads an optional short text field of a complaint; an issue message when it is not one. */
export function readLabelField(
  record: Record<string, unknown>,
  field: string,
): { value: string | undefined; problem: string | undefined } {
  const value = record[field];
  if (value === undefined || value === null) return { value: undefined, problem: undefined };
  if (typeof value !== 'string' || value.length === 0 || value.length > 200)
    return { value: undefined, problem: 'a non-empty string of at most 200 characters' };
  return { value, problem: undefined };
}
