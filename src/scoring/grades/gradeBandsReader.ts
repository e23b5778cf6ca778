/**
 * `gradeBandsSchema` without zod (see `shared/check.ts`): `defineGradeBands` reads with it, so
 * the scoring path never loads zod; same issues and output as the schema, which stays exported
 * from the root.
 *
 * @module
 */
import { array, optional, refineIssues, strictObject, withDefault, type Reader } from '../../shared/check.js';
import { idReader, labelsReader, versionReader } from '../../shared/readers.js';
import { intervalReader } from '../intervals.js';
import { gradeBandIssues } from './gradeBandChecks.js';
import type { gradeBandsSchema } from './gradeBandsSchema.js';

type ParsedGradeBands = ReturnType<typeof gradeBandsSchema.parse>;

const band = /* @__PURE__ */ strictObject({
  id: idReader,
  labels: /* @__PURE__ */ optional(labelsReader),
  interval: intervalReader,
});

/** Grade bands read as `gradeBandsSchema` reads them, its cross-field checks included. */
export const gradeBandsReader: Reader<ParsedGradeBands> = /* @__PURE__ */ strictObject(
  {
    id: idReader,
    version: /* @__PURE__ */ withDefault(versionReader, '1.0.0'),
    labels: /* @__PURE__ */ optional(labelsReader),
    domain: /* @__PURE__ */ withDefault(intervalReader, '[0, 100]'),
    bands: /* @__PURE__ */ array(band, 1, 100),
  },
  [/* @__PURE__ */ refineIssues(gradeBandIssues, true)],
);
