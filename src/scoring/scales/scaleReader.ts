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
const specialValue = /* @__PURE__ */ string([/* @__PURE__ */ minLength(1)]);

const specials = /* @__PURE__ */ optional(
  /* @__PURE__ */ array(
    /* @__PURE__ */ union([
      /* @__PURE__ */ strictObject({ value: specialValue, rating: modelNumericReader, labels }),
      /* @__PURE__ */ strictObject({ value: specialValue, missing: /* @__PURE__ */ oneOf([true]), labels }),
    ]),
    undefined,
    100,
  ),
);

const unit = /* @__PURE__ */ optional(/* @__PURE__ */ string());

const bands = /* @__PURE__ */ strictObject({
  type: /* @__PURE__ */ oneOf(['bands']),
  unit,
  bands: /* @__PURE__ */ array(
    /* @__PURE__ */ strictObject({ interval: intervalReader, rating: modelNumericReader, labels }),
    1,
    1000,
  ),
  special: specials,
});

const anchor = /* @__PURE__ */ strictObject({ raw: modelNumericReader, rating: modelNumericReader });
const linear = /* @__PURE__ */ strictObject({
  type: /* @__PURE__ */ oneOf(['linear']),
  unit,
  from: anchor,
  to: anchor,
  special: specials,
});

const categorical = /* @__PURE__ */ strictObject({
  type: /* @__PURE__ */ oneOf(['categorical']),
  categories: /* @__PURE__ */ array(
    /* @__PURE__ */ strictObject({ value: /* @__PURE__ */ string(), rating: modelNumericReader, labels }),
    1,
    10000,
  ),
  default: /* @__PURE__ */ optional(modelNumericReader),
  special: specials,
});

const yesNo = /* @__PURE__ */ strictObject({
  type: /* @__PURE__ */ oneOf(['boolean']),
  true: modelNumericReader,
  false: modelNumericReader,
  special: specials,
});

/** How a factor's raw measure becomes its rating, read as `scaleSchema` reads it. */
export const scaleReader: Reader<ScaleDefinition> = /* @__PURE__ */ discriminated(
  'type',
  /* @__PURE__ */ new Map([
    ['bands', bands],
    ['linear', linear],
    ['categorical', categorical],
    ['boolean', yesNo],
  ]),
);
