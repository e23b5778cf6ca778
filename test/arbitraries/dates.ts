import fc from 'fast-check';

/** Any calendar day of the years 0000–9999 (proleptic Gregorian), as its parts and its ISO text. */
export const isoDay = fc
  .integer({ min: Date.UTC(2000, 0, 1) - 2000 * 365.2425 * 86_400_000, max: Date.UTC(9999, 11, 31) })
  .map((ms) => Math.floor(ms / 86_400_000) * 86_400_000)
  .filter((ms) => {
    const year = new Date(ms).getUTCFullYear();
    return year >= 0 && year <= 9999;
  })
  .map((ms) => ({ ms, text: new Date(ms).toISOString().slice(0, 10) }));
