/**
 * Deterministic UTC date handling shared by every module: ISO dates are parsed by hand (never by the
 * host's `Date` parser, whose handling of date-only strings and offsets has varied by runtime), and
 * every computation is in UTC milliseconds or whole UTC days.
 *
 * @module
 */
import { fail } from './errors.js';

/**
 * A date as the library reads it: an ISO 8601 string (`'2026-11-01'`, `'2026-11-01T08:00:00Z'`;
 * without an offset it is UTC) or a valid `Date`. Never the clock.
 * @category Dates
 */
export type DateInput = string | Date;

/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;
/** The largest time value a `Date` holds (±100,000,000 days around 1970). */
const MAX_TIME = 8.64e15;

/**
 * The texts of days and months already formatted, by epoch day and month index: a run formats the
 * same few dates for every account (asOf, its windows, common event dates). At most 4,096 kept each.
 */
const dayTexts = /* @__PURE__ */ new Map<number, string>();
const monthTexts = /* @__PURE__ */ new Map<number, string>();

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** The number the decimal digits of `text` from `start` to `end` spell, or -1 when one is not a digit. */
export function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let at = start; at < end; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** True when `text` is an ISO 8601 calendar date or date-time this module reads. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

/** Parses an ISO date (`2026-11-01`) or date-time (`2026-11-01T08:30:00Z`, offsets allowed) to UTC ms; `undefined`
 * when invalid. */
export function parseIsoDate(text: string): number | undefined {
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    // a plain YYYY-MM-DD, the usual form, read digit by digit (what the pattern below reads)
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 7);
    const day = digitsAt(text, 8, 10);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return daysFromCivil(year, month, day) * DAY_MS;
  }
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const hour = match[4] === undefined ? 0 : Number(match[4]);
  const minute = match[5] === undefined ? 0 : Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  let offsetMinutes = 0;
  const zone = match[8];
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMins = Number(digits.slice(2, 4));
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  return utcTime(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

/**
 * `Date.UTC` for every year 0000–9999, by calendar arithmetic (proleptic Gregorian, year 0 = 1 BC;
 * `Date.UTC` itself maps years 0–99 to 1900–1999): the day number from the civil date, then the time.
 */
function utcTime(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, millis = 0): number {
  return daysFromCivil(year, monthIndex + 1, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12), for any integer year. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The proleptic Gregorian `[year, month 1–12, day]` of a day number (days since 1970-01-01). */
function civilFromDays(days: number): [number, number, number] {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Reads an instant from an ISO string or a valid `Date`; `undefined` for anything else. */
export function tryInstant(value: unknown): number | undefined {
  if (typeof value === 'string') return parseIsoDate(value.trim());
  try {
    if (value instanceof Date) {
      const time = value.getTime();
      return Number.isFinite(time) ? time : undefined;
    }
  } catch {
    return undefined; // a revoked proxy or a Date look-alike whose methods throw
  }
  return undefined;
}

/**
 * Reads an `asOf` (or any date input) as UTC ms, or throws a `ValidationError` naming `path`.
 * @throws {ValidationError} when the value is not an ISO date string or a valid `Date`.
 */
export function readInstant(value: unknown, path: string, context?: string): number {
  const instant = tryInstant(value);
  if (instant === undefined)
    fail(path, 'an ISO date (YYYY-MM-DD or date-time) or a valid Date', value, context, 'invalid_date');
  return instant;
}

/** The UTC calendar day number (days since 1970-01-01) of an instant. */
export function epochDay(instant: number): number {
  return Math.floor(instant / DAY_MS);
}

/** Whole days from `earlier` to `later`, by UTC calendar day (a visit this morning is 0 days ago). */
export function daysBetween(earlier: number, later: number): number {
  return epochDay(later) - epochDay(earlier);
}

/** The month index (`year × 12 + month − 1`) of an instant, in UTC. */
export function monthIndexOf(instant: number): number {
  if (!(Math.abs(instant) <= MAX_TIME)) return Number.NaN; // as an invalid Date gives
  const [year, month] = civilFromDays(epochDay(instant));
  return year * 12 + month - 1;
}

/** Parses a period `YYYY-MM` (or a full ISO date, taking its month) to a month index; `undefined` when invalid. */
export function parseMonth(text: string): number | undefined {
  if (text.length === 7 && text.charCodeAt(4) === 45) {
    // a plain YYYY-MM, read digit by digit (what the pattern below reads)
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 7);
    return year >= 0 && month >= 1 && month <= 12 ? year * 12 + month - 1 : undefined;
  }
  const match = ISO_MONTH.exec(text);
  if (match) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : undefined;
  }
  const instant = parseIsoDate(text);
  return instant === undefined ? undefined : monthIndexOf(instant);
}

/** Formats a month index as `YYYY-MM`. */
export function formatMonth(index: number): string {
  const known = monthTexts.get(index);
  if (known !== undefined) return known;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return remember(monthTexts, index, `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`);
}

function remember(texts: Map<number, string>, key: number, text: string): string {
  if (texts.size >= 4096) texts.clear();
  texts.set(key, text);
  return text;
}

/** Formats an instant as its UTC calendar date `YYYY-MM-DD`. */
export function formatDay(instant: number): string {
  if (Number.isFinite(instant)) {
    const epoch = epochDay(instant);
    const known = dayTexts.get(epoch);
    if (known !== undefined) return known;
    const [year, month, day] = civilFromDays(epoch);
    if (year >= 0 && year <= 9999) return remember(dayTexts, epoch, `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
  }
  // outside years 0000–9999 (or not a time at all): the host's extended ISO form, or its RangeError
  return new Date(instant).toISOString().slice(0, 10);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The instant `months` calendar months before `instant` (day clamped to the target month's length), in UTC. */
export function subtractMonths(instant: number, months: number): number {
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(targetYear, targetMonth + 1));
  return utcTime(
    targetYear,
    targetMonth,
    day,
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}
