/**
 * Helpers of the tests that pass `{ key: undefined }` for optional settings (as a consumer under
 * `exactOptionalPropertyTypes` may) and compare with the call that leaves them out.
 */

/** An object with every given key set to `undefined`. */
export const unset = (...keys: string[]): Record<string, undefined> =>
  Object.fromEntries(keys.map((key) => [key, undefined]));

/** A result as its JSON (Decimals as strings, getters read), for comparing two results. */
export const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
