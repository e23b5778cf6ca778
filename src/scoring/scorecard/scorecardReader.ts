/**
 * `scorecardSchema` without zod (see `shared/check.ts`): `defineScorecard` reads with it, so the
 * scoring path never loads zod; same issues and output as the schema, which stays exported from
 * the root for JSON Schema and composition.
 *
 * @module
 */
import { array, oneOf, optional, refineIssues, strictObject, withDefault, type Reader } from '../../shared/check.js';
import { idReader, labelsReader, modelNumericReader, versionReader } from '../../shared/readers.js';
import { gradeBandsReader } from '../grades/gradeBandsReader.js';
import { scaleReader } from '../scales/scaleReader.js';
import { scorecardIssues } from './scorecardChecks.js';
import type { scorecardSchema } from './scorecardSchema.js';

type ParsedScorecard = ReturnType<typeof scorecardSchema.parse>;

const labels = /* @__PURE__ */ optional(labelsReader);

const factor = /* @__PURE__ */ strictObject({
  id: idReader,
  labels,
  min: modelNumericReader,
  max: modelNumericReader,
  scale: /* @__PURE__ */ optional(scaleReader),
  description: labels,
});

const category = /* @__PURE__ */ strictObject({
  id: idReader,
  labels,
  weight: modelNumericReader,
  factors: /* @__PURE__ */ array(factor, 1, 1000),
});

/** A scorecard read as `scorecardSchema` reads it, its cross-field checks included. */
export const scorecardReader: Reader<ParsedScorecard> = /* @__PURE__ */ strictObject(
  {
    id: idReader,
    version: /* @__PURE__ */ withDefault(versionReader, '1.0.0'),
    labels,
    normalisation: /* @__PURE__ */ withDefault(/* @__PURE__ */ oneOf(['ratio', 'minmax']), 'ratio'),
    grades: /* @__PURE__ */ optional(gradeBandsReader),
    categories: /* @__PURE__ */ array(category, 1, 100),
  },
  [/* @__PURE__ */ refineIssues(scorecardIssues, true)],
);
