import { describe, expect, it } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import { isoDay } from '../arbitraries/dates.js';
import {
  daysBetween,
  formatDay,
  parseIsoDate,
  parseMonth,
  formatMonth,
  monthIndexOf,
  subtractMonths,
} from '../../src/shared/dates.js';

// Reference instants from the ECMAScript time value definition: day 0 is 1970-01-01, and the proleptic
// Gregorian calendar has 146,097 days per 400 years, so 0000-01-01 is day −719,528 (= −(1970·365 + 477)).
const DAY = 86_400_000;

describe('ISO dates of every year 0000–9999 (issue 21)', () => {
  it('reads years 0000–0099 literally, not as 1900–1999', () => {
    expect(parseIsoDate('0000-01-01')).toBe(-719_528 * DAY);
    expect(formatDay(parseIsoDate('0050-06-01')!)).toBe('0050-06-01');
    expect(parseIsoDate('0050-06-01')! < parseIsoDate('1950-12-31')!).toBe(true);
    expect(parseIsoDate('0099-12-31T23:59:59Z')! + 1000).toBe(parseIsoDate('0100-01-01')!);
  });

  it('accepts the proleptic leap day 0000-02-29 (year 0 is divisible by 400) and refuses 0100-02-29', () => {
    expect(formatDay(parseIsoDate('0000-02-29')!)).toBe('0000-02-29');
    expect(parseIsoDate('0100-02-29')).toBeUndefined();
    expect(parseIsoDate('0004-02-29')).toBeDefined();
    expect(parseIsoDate('9999-12-31')).toBe(Date.UTC(9999, 11, 31));
  });

  it('keeps offsets and month arithmetic right in the first century', () => {
    expect(parseIsoDate('0001-01-01T08:00:00+08:00')).toBe(parseIsoDate('0001-01-01')!);
    expect(formatDay(subtractMonths(parseIsoDate('0001-03-31')!, 1))).toBe('0001-02-28');
    expect(formatDay(subtractMonths(parseIsoDate('0001-01-15')!, 2))).toBe('0000-11-15');
    expect(formatMonth(parseMonth('0042-07')!)).toBe('0042-07');
  });
});

describe('date reader laws over the full year range', () => {
  propTest.prop([isoDay])('formatDay(parseIsoDate(d)) is d for every day 0000-01-01 … 9999-12-31', ({ ms, text }) => {
    expect(parseIsoDate(text)).toBe(ms);
    expect(formatDay(parseIsoDate(text)!)).toBe(text);
  });

  propTest.prop([isoDay, isoDay])('the reader preserves order and day distances', (a, b) => {
    expect(daysBetween(parseIsoDate(a.text)!, parseIsoDate(b.text)!)).toBe((b.ms - a.ms) / DAY);
  });

  // ten characters YYYY-MM-DD are read digit by digit; with a time appended the pattern reads them
  const nearDay = fc
    .tuple(
      fc.stringMatching(/^[0-9]{4}$/),
      fc.oneof(fc.stringMatching(/^[0-9]{2}$/), fc.constantFrom('00', '13', '1a', ' 1', '+1', '-1')),
      fc.oneof(fc.stringMatching(/^[0-9]{2}$/), fc.constantFrom('00', '29', '30', '31', '32', '2x', '.5', '1 ')),
    )
    .map(([year, month, day]) => `${year}-${month}-${day}`);
  propTest.prop([nearDay])('a plain YYYY-MM-DD reads as the same day with a time of midnight', (text) => {
    expect(parseIsoDate(text)).toBe(parseIsoDate(`${text}T00:00`));
  });

  const nearMonth = fc
    .tuple(
      fc.oneof(fc.stringMatching(/^[0-9]{4}$/), fc.constantFrom('20x6', ' 202', '-202')),
      fc.oneof(fc.stringMatching(/^[0-9]{2}$/), fc.constantFrom('00', '13', '1a', ' 1', '+1', '-1')),
    )
    .map(([year, month]) => `${year}-${month}`);
  propTest.prop([nearMonth])('a YYYY-MM reads as the pattern ^(\\d{4})-(\\d{2})$ with months 1–12 reads it', (text) => {
    const match = /^(\d{4})-(\d{2})$/.exec(text);
    const month = match ? Number(match[2]) : 0;
    const expected = match && month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : undefined;
    expect(parseMonth(text)).toBe(expected);
  });

  propTest.prop([isoDay])('the month of a day reads back through parseMonth', ({ text }) => {
    expect(formatMonth(parseMonth(text)!)).toBe(text.slice(0, 7));
  });
});

describe('calendar arithmetic agrees with the host Date for every time value', () => {
  const MAX_TIME = 8.64e15;
  const timeValue = fc.oneof(
    fc.integer({ min: -MAX_TIME, max: MAX_TIME }),
    fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), // 0000-01-01 … 9999-12-31
    fc.constantFrom(0, -1, DAY - 1, -DAY, MAX_TIME, -MAX_TIME, MAX_TIME + 1, Number.NaN, Infinity),
  );
  propTest.prop([timeValue])('formatDay and monthIndexOf give what toISOString and getUTC* give', (time) => {
    const date = new Date(time);
    if (Number.isNaN(date.getTime())) {
      expect(() => formatDay(time)).toThrow(RangeError);
      expect(monthIndexOf(time)).toBeNaN();
      return;
    }
    expect(formatDay(time)).toBe(date.toISOString().slice(0, 10));
    expect(monthIndexOf(time)).toBe(date.getUTCFullYear() * 12 + date.getUTCMonth());
  });

  const dateTime = fc.record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    millis: fc.integer({ min: 0, max: 999 }),
  });
  propTest.prop([dateTime])('parseIsoDate gives the Date time value of the same UTC date-time', (t) => {
    const text =
      `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}` +
      `T${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}:${String(t.second).padStart(2, '0')}` +
      `.${String(t.millis).padStart(3, '0')}Z`;
    const reference = new Date(0);
    reference.setUTCFullYear(t.year, t.month - 1, t.day);
    reference.setUTCHours(t.hour, t.minute, t.second, t.millis);
    const valid = reference.getUTCDate() === t.day; // day 31 of a 30-day month rolls over: invalid
    expect(parseIsoDate(text)).toBe(valid ? reference.getTime() : undefined);
  });
});
