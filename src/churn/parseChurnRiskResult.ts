import { z } from 'zod';
import type { BatchResult } from '../shared/batch.js';
import { readInput } from '../shared/input.js';
import { parseWith } from '../shared/schema.js';
import {
  inInputOrder,
  storedDecimal,
  storedLabels,
  storedModelRef,
  storedRecordError,
} from '../shared/storedResult.js';
import type { ChurnRiskResult } from './evaluateChurnRisk.js';
import type { ChurnRiskBatchItem } from './evaluateChurnRiskBatch.js';

const outcome = /* @__PURE__ */ (() => ({
  ruleId: z.string(),
  key: z.string(),
  severity: z.string(),
  points: storedDecimal,
  cause: z.string(),
  evidence: z.array(z.looseObject({ signal: z.string() })),
}))();

/**
 * The form of an {@link evaluateChurnRisk} result, live or as `JSON.stringify` wrote it, validated
 * and revived by {@link parseChurnRiskResult}: the risk figures and every rule's points become
 * decimals again. The derived signals and the evidence are checked for shape and kept as read
 * (their values are the JSON the signals wrote).
 * @category Churn
 */
export const churnRiskResultSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    accountId: z.string(),
    asOf: z.string(),
    ruleSet: storedModelRef,
    risk: storedDecimal,
    possibleRisk: storedDecimal,
    maxRisk: storedDecimal,
    decidedShare: storedDecimal,
    level: z.string(),
    fired: z.array(z.string()),
    unknown: z.array(z.string()),
    clear: z.array(z.string()),
    alerts: z.array(
      z.looseObject({
        ...outcome,
        accountId: z.string(),
        controllable: z.boolean().nullable(),
        message: storedLabels,
        signals: z.array(z.looseObject({})),
      }),
    ),
    undecided: z.array(z.looseObject({ ...outcome, missingSignals: z.array(z.string()) })),
    signals: z.looseObject({
      accountId: z.string(),
      asOf: z.string(),
      values: z.record(z.string(), z.unknown()),
      readings: z.record(z.string(), z.unknown()),
      unknown: z.array(z.string()),
    }),
  }))();

/**
 * The form of an {@link evaluateChurnRiskBatch} run (`{ results, errors }`), validated and revived by
 * {@link parseChurnRiskBatch}.
 * @category Churn
 */
export const churnRiskBatchSchema = /* @__PURE__ */ (() =>
  z.object({
    results: z.array(churnRiskResultSchema.extend({ index: z.number().int().min(0), id: z.string() })),
    errors: z.array(storedRecordError),
  }))();

/**
 * Reads a stored churn result back: validates an {@link evaluateChurnRisk} result, live or its JSON
 * form, and revives its decimals (risk, possible and maximum risk, decided share, each rule's
 * points), so `parseChurnRiskResult(JSON.parse(JSON.stringify(result)))` serialises to the same text.
 *
 * @param json - A parsed JSON value (or a live result).
 * @throws {ValidationError} naming the path of anything that does not fit.
 * @example
 * ```ts
 * import { evaluateChurnRisk, parseChurnRiskResult } from 'clientele';
 * const result = evaluateChurnRisk({ id: 'A', distress: [] }, { asOf: '2026-11-01' });
 * parseChurnRiskResult(JSON.parse(JSON.stringify(result))).maxRisk.eq(result.maxRisk); // true
 * ```
 * @category Churn
 */
export function parseChurnRiskResult(json: unknown): ChurnRiskResult {
  const raw = readInput(json, '', 'parseChurnRiskResult');
  return inInputOrder(raw, parseWith(churnRiskResultSchema, raw, 'parseChurnRiskResult')) as ChurnRiskResult;
}

/**
 * Reads a stored batch run back: validates an {@link evaluateChurnRiskBatch} result (`{ results,
 * errors }`), live or its JSON form, and revives every result's decimals as
 * {@link parseChurnRiskResult} does.
 *
 * @param json - A parsed JSON value (or a live batch result).
 * @throws {ValidationError} naming the path of anything that does not fit (`results[2].risk`).
 * @example
 * ```ts
 * import { evaluateChurnRiskBatch, parseChurnRiskBatch } from 'clientele';
 * const run = evaluateChurnRiskBatch([{ id: 'A', distress: [] }], { asOf: '2026-11-01' });
 * parseChurnRiskBatch(JSON.parse(JSON.stringify(run))).results[0]?.accountId; // 'A'
 * ```
 * @category Churn
 */
export function parseChurnRiskBatch(json: unknown): BatchResult<ChurnRiskBatchItem> {
  const raw = readInput(json, '', 'parseChurnRiskBatch');
  return inInputOrder(
    raw,
    parseWith(churnRiskBatchSchema, raw, 'parseChurnRiskBatch'),
  ) as BatchResult<ChurnRiskBatchItem>;
}
