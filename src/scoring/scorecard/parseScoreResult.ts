import type { Decimal } from 'decimal.js';
import {
  array,
  boolean,
  nullable,
  number,
  object,
  oneOf,
  reader,
  refine,
  string,
  union,
  type Reader,
} from '../../shared/check.js';
import { parseWith } from '../../shared/zodIssues.js';
import { toDecimal, tryDecimal } from '../../shared/numeric.js';
import type { ScoreResult } from './types.js';

const decimalText = /* @__PURE__ */ union<string | number>(
  [/* @__PURE__ */ string(), /* @__PURE__ */ number()],
  [/* @__PURE__ */ refine((value: string | number) => tryDecimal(value) !== undefined, 'a decimal string')],
);

const decimal = /* @__PURE__ */ reader<Decimal>((payload) => {
  const read = decimalText.run(payload);
  if (read.issues.length > 0) read.aborted = true;
  else read.value = toDecimal(read.value as string | number);
  return read;
});
const text = /* @__PURE__ */ string();
const reference = /* @__PURE__ */ object({ id: text, version: text, fingerprint: text });

/** The fields of a stored score but its two line lists, in its order (shared with `parseScoreSummary`). */
export const scoreSummaryShape = /* @__PURE__ */ (() => ({
  model: reference,
  bands: /* @__PURE__ */ nullable(reference),
  normalisation: /* @__PURE__ */ oneOf(['ratio', 'minmax']),
  total: decimal,
  grade: /* @__PURE__ */ nullable(text),
  nextGrade: /* @__PURE__ */ nullable(
    /* @__PURE__ */ object({ grade: text, points: decimal, edgeInclusive: /* @__PURE__ */ boolean() }),
  ),
  pointsToNextGrade: /* @__PURE__ */ nullable(decimal),
  complete: /* @__PURE__ */ boolean(),
  coverage: decimal,
  bounds: /* @__PURE__ */ object({ lower: decimal, upper: decimal }),
}))();

/** `scoreResultSchema` without zod (see `shared/check.ts`): same issues and output. */
// inside a pure closure: a spread is a side effect to a bundler, which would keep the reader (and
// what it reads) in every bundle of the root
const scoreResultReader: Reader<ScoreResult> = /* @__PURE__ */ (() =>
  object({
    ...scoreSummaryShape,
    categories: /* @__PURE__ */ array(
      /* @__PURE__ */ object({
        id: text,
        weight: decimal,
        effectiveWeight: decimal,
        ratingSum: decimal,
        minSum: decimal,
        maxSum: decimal,
        ratio: decimal,
        contribution: decimal,
        maxContribution: decimal,
        coverage: decimal,
      }),
    ),
    factors: /* @__PURE__ */ array(
      /* @__PURE__ */ object({
        id: text,
        categoryId: text,
        raw: /* @__PURE__ */ nullable(
          /* @__PURE__ */ union([/* @__PURE__ */ string(), /* @__PURE__ */ number(), /* @__PURE__ */ boolean()]),
        ),
        rating: /* @__PURE__ */ nullable(decimal),
        min: decimal,
        max: decimal,
        status: /* @__PURE__ */ oneOf(['rated', 'clamped', 'imputed', 'excluded']),
        rule: /* @__PURE__ */ nullable(text),
        contribution: decimal,
        maxContribution: decimal,
        shortfall: decimal,
      }),
    ),
  }))();

/**
 * Reads a stored score back: validates the JSON form of a `ScoreResult` (as `JSON.stringify`
 * wrote it, decimals as strings) and revives every decimal, so
 * `parseScoreResult(JSON.parse(JSON.stringify(result)))` equals `result`.
 *
 * @param json - A parsed JSON value.
 * @throws {ValidationError} naming the path of anything that does not fit.
 * @example
 * ```ts
 * import { parseScoreResult, potentialValueModel, score } from 'clientele';
 * const ratings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.min.toNumber()]));
 * const stored = JSON.stringify(score(potentialValueModel, ratings));
 * parseScoreResult(JSON.parse(stored)).total.toString(); // '13'
 * ```
 * @category Scorecard
 */
export function parseScoreResult(json: unknown): ScoreResult {
  return parseWith(scoreResultReader, json, 'parseScoreResult');
}
