/**
 * Deterministic UTC date reading for the value module: ISO strings and `Date` objects only,
 * never the clock.
 *
 * @module
 */
import { fail } from '../../shared/errors.js';

/**
 * A date as the value module reads it: an ISO 8601 string (`'2026-11-01'`,
 * `'2026-11-01T08:00:00Z'`; without an offset it is UTC) or a `Date`.
 * @category Value
 */
export type DateInput = string | Date;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/**
 * Reads a date as UTC epoch milliseconds. A date without a time is midnight UTC; a date-time
 * without an offset is read as UTC too (never as local time, so every machine agrees).
 * @throws {ValidationError} on anything else, or on impossible calendar dates (`2026-02-30`).
 */
export function readDate(value: unknown, path: string): number {
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) fail(path, 'a valid Date', 'an invalid Date');
    return time;
  }
  if (typeof value !== 'string') fail(path, 'an ISO date string (YYYY-MM-DD) or a Date', value);
  const match = ISO_DATE.exec(value.trim());
  if (!match) fail(path, 'an ISO date string (YYYY-MM-DD) or a Date', value);
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const base = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(base);
  if (
    month < 1 || month > 12 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59
  ) {
    fail(path, 'a real calendar date', value);
  }
  let shift = 0;
  if (offset !== undefined && offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    shift = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return base - shift;
}

/** Formats epoch milliseconds as an ISO calendar date (`YYYY-MM-DD`, UTC). */
export function formatDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
