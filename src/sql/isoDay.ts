/**
 * Calendar days as SQL reads them: `YYYY-MM-DD`, validated by hand (never by the host's `Date`
 * parser), and `Date` objects at UTC midnight.
 * @module
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The text if it is a valid `YYYY-MM-DD` calendar day, else `undefined`. */
export function readIsoDay(value: unknown): string | undefined {
  if (value instanceof Date) {
    const time = value.getTime();
    if (!Number.isFinite(time) || time % 86_400_000 !== 0) return undefined;
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = DAY.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? text : undefined;
}

/** True for text that looks like an ISO date or date-time (`2026-11-01`, `2026-11-01T08:00Z`). */
export function looksLikeIsoDate(value: unknown): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(?:[T ].*)?$/.test(value.trim());
}
