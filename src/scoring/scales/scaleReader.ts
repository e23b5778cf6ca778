/**
 * `scaleSchema` without zod (see `shared/check.ts`): the scoring path reads scales with it, with
 * the same issues and output as the zod schema, which stays exported from the root.
 *
 * @module
 */
import {
  array,
  discriminated,
  oneOf,
  optional,
  strictObject,
  string,
  union,
  minLength,
  type Reader,
} from '../../shared/check.js';
import { labelsReader, modelNumericReader } from '../../shared/readers.js';
import { intervalReader } from '../intervals.js';
import type { ScaleDefinition } from './scaleSchema.js';

const labels = /* @__PURE__ */ optional(labelsReader);
const specialValue = /* @__PURE__ */ string([minLength(1)]);

const specials = /* @__PURE__ */ optional(
  array(
    union([
      strictObject({ value: specialValue, rating: modelNumericReader, labels }),
      strictObject({ value: specialValue, missing: oneOf([true]), labels }),
    ]),
    undefined,
    100,
  ),
);

const unit = /* @__PURE__ */ optional(string());

const bands = /* @__PURE__ */ strictObject({
  type: oneOf(['bands']),
  unit,
  bands: array(strictObject({ interval: intervalReader, rating: modelNumericReader, labels }), 1, 1000),
  special: specials,
});

const anchor = /* @__PURE__ */ strictObject({ raw: modelNumericReader, rating: modelNumericReader });
const linear = /* @__PURE__ */ strictObject({
  type: oneOf(['linear']),
  unit,
  from: anchor,
  to: anchor,
  special: specials,
});

const categorical = /* @__PURE__ */ strictObject({
  type: oneOf(['categorical']),
  categories: array(strictObject({ value: string(), rating: modelNumericReader, labels }), 1, 10000),
  default: optional(modelNumericReader),
  special: specials,
});

const yesNo = /* @__PURE__ */ strictObject({
  type: oneOf(['boolean']),
  true: modelNumericReader,
  false: modelNumericReader,
  special: specials,
});

/** How a factor's raw measure becomes its rating, read as `scaleSchema` reads it. */
export const scaleReader: Reader<ScaleDefinition> = /* @__PURE__ */ discriminated(
  'type',
  new Map([
    ['bands', bands],
    ['linear', linear],
    ['categorical', categorical],
    ['boolean', yesNo],
  ]),
);
