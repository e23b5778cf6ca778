import { object, type Reader } from '../../shared/check.js';
import { parseWith } from '../../shared/zodIssues.js';
import { scoreSummaryShape } from './parseScoreResult.js';
import type { ScoreSummary } from './types.js';

/** `scoreSummarySchema` without zod (see `shared/check.ts`): same issues and output. */
const scoreSummaryReader: Reader<ScoreSummary> = /* @__PURE__ */ object(scoreSummaryShape);

/**
 * Reads a stored summary back: validates the JSON form of a `ScoreSummary` (what
 * `score(model, ratings, { explain: false })` returns, as `JSON.stringify` wrote it, decimals as
 * strings) and revives every decimal, so `parseScoreSummary(JSON.parse(JSON.stringify(summary)))`
 * equals `summary`. Like every stored-result reader it drops keys it does not name, so a full
 * result's JSON reads as its summary.
 *
 * @param json - A parsed JSON value.
 * @throws {ValidationError} naming the path of anything that does not fit.
 * @example
 * ```ts
 * import { parseScoreSummary, potentialValueModel, score } from 'clientele';
 * const ratings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.min.toNumber()]));
 * const stored = JSON.stringify(score(potentialValueModel, ratings, { explain: false }));
 * parseScoreSummary(JSON.parse(stored)).total.toString(); // '13'
 * ```
 * @category Scorecard
 */
export function parseScoreSummary(json: unknown): ScoreSummary {
  return parseWith(scoreSummaryReader, json, 'parseScoreSummary');
}
