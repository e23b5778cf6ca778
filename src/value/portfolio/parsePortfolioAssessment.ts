/**
 * Reading a stored portfolio assessment back: the schema of an {@link assessPortfolio} result,
 * live or as `JSON.stringify` wrote it (decimals as strings), and its reviver.
 *
 * @module
 */
import { z } from 'zod';
import { parseWith } from '../../shared/schema.js';
import { storedDecimal, storedLabels, storedModelRef, storedRecordError } from '../../shared/storedResult.js';
import type { PortfolioAssessment } from './assessTypes.js';

const grade = /* @__PURE__ */ z.string();
const gradeCounts = /* @__PURE__ */ (() => z.record(z.string(), z.number().int().min(0)))();

const assessedAccount = /* @__PURE__ */ (() =>
  z.object({
    index: z.number().int().min(0),
    id: z.string().optional(),
    potential: z.object({ score: storedDecimal, grade }),
    current: z.object({ value: storedDecimal, grade }),
    customerClass: z.string(),
    segment: z.string(),
    classification: z.object({
      customerClass: z.string(),
      segment: z.string(),
      labels: storedLabels,
      strategy: storedLabels,
      cell: z.object({ current: grade, potential: grade }),
      matrix: storedModelRef,
    }),
  }))();

const classSummary = /* @__PURE__ */ (() =>
  z.object({
    customerClass: z.string(),
    segment: z.string(),
    labels: storedLabels,
    count: z.number().int().min(0),
    accountShare: storedDecimal,
    value: storedDecimal,
    valueShare: storedDecimal,
  }))();

/**
 * The form of an {@link assessPortfolio} result, live or as `JSON.stringify` wrote it (decimals as
 * strings), validated and revived by {@link parsePortfolioAssessment}.
 * @category Portfolio
 */
export const portfolioAssessmentSchema = /* @__PURE__ */ (() =>
  z.object({
    results: z.array(assessedAccount),
    errors: z.array(storedRecordError),
    summary: z.object({
      accounts: z.number().int().min(0),
      failed: z.number().int().min(0),
      totalValue: storedDecimal,
      byClass: z.array(classSummary),
      cells: z.record(z.string(), gradeCounts),
      pareto: z
        .object({
          targetShare: storedDecimal,
          count: z.number().int().min(0),
          accountShare: storedDecimal,
          valueShare: storedDecimal,
        })
        .nullable(),
      concentration: z
        .object({
          hhi: storedDecimal,
          band: z.object({ id: z.string(), labels: storedLabels, edition: z.string() }),
          equivalentAccounts: storedDecimal,
          topShares: z.array(z.object({ count: z.number().int().min(0), valueShare: storedDecimal })),
        })
        .nullable(),
    }),
  }))();

/**
 * Reads a stored portfolio assessment back: validates an {@link assessPortfolio} result, live or
 * its JSON form (decimals as strings), and revives every decimal, so
 * `parsePortfolioAssessment(JSON.parse(JSON.stringify(assessment)))` serialises to the same text
 * and gives the same answers wherever the live result is read (charts, reports, diffs).
 *
 * @param json - A parsed JSON value (or a live result).
 * @throws {ValidationError} naming the path of anything that does not fit.
 * @example
 * ```ts
 * import { assessPortfolio, parsePortfolioAssessment, potentialValueModel } from 'clientele';
 * const ratings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max.toNumber()]));
 * const stored = JSON.stringify(
 *   assessPortfolio([{ id: 'a', ratings, margin: 1200 }], { valuation: { discountRate: 0.1, retention: 0.8 } }),
 * );
 * parsePortfolioAssessment(JSON.parse(stored)).summary.totalValue.toString(); // '3200'
 * ```
 * @category Portfolio
 */
export function parsePortfolioAssessment(json: unknown): PortfolioAssessment {
  return parseWith(portfolioAssessmentSchema, json, 'parsePortfolioAssessment') as unknown as PortfolioAssessment;
}
