import type { Decimal } from 'decimal.js';
import { fail, joinPath } from '../../shared/errors.js';
import type { Labels } from '../../shared/labels.js';
import { ExactDecimal } from '../../shared/numeric.js';
import { hhiPoints, sumOf } from '../internal/portfolioCore.js';
import { largestFirst, readAccountValues, type AccountValue } from '../internal/values.js';
import { readInput } from '../../shared/input.js';
import { withDisplay } from '../../shared/display.js';

/** The HHI bands of the US horizontal merger guidelines, 2010 or 2023 edition. @category Portfolio */
export type HhiBandEdition = '2010' | '2023';
/** A concentration band id. @category Portfolio */
export type ConcentrationBand = 'unconcentrated' | 'moderate' | 'high';

/**
 * Options of {@link concentrationRisk}.
 * @category Portfolio
 */
export interface ConcentrationOptions {
  /** Top-N shares to report; default `[1, 5, 10]`. */
  readonly top?: readonly number[] | undefined;
  /** Band edges: `'2010'` (default: < 1,500 / 1,500–2,500 / > 2,500) or `'2023'` (< 1,000 / 1,000–1,800 / > 1,800). */
  readonly bands?: HhiBandEdition | undefined;
}

/**
 * Revenue concentration of a portfolio.
 * @category Portfolio
 */
export interface ConcentrationResult {
  /** HHI in points (0–10,000). */
  readonly hhi: Decimal;
  /** The band the HHI falls in, with labels. */
  readonly band: { readonly id: ConcentrationBand; readonly labels: Labels; readonly edition: HhiBandEdition };
  /** 10,000 / HHI: the number of equal accounts that would give the same HHI. */
  readonly equivalentAccounts: Decimal;
  /** Share of the largest N accounts, for each N asked. */
  readonly topShares: readonly { readonly count: number; readonly valueShare: Decimal }[];
  readonly accounts: number;
  readonly total: Decimal;
}

const EDGES: Record<HhiBandEdition, readonly [number, number]> = { '2010': [1500, 2500], '2023': [1000, 1800] };
const BAND_LABELS: Record<ConcentrationBand, Labels> = {
  unconcentrated: { en: 'Unconcentrated: no client dominates revenue', 'zh-CN': '非集中:收入不依赖少数客户' },
  moderate: { en: 'Moderately concentrated: watch the largest clients', 'zh-CN': '中度集中:需关注最大客户' },
  high: {
    en: 'Highly concentrated: revenue depends on a few clients',
    'zh-CN': '高度集中:收入依赖少数大客户,抗风险能力弱',
  },
};

/**
 * Revenue concentration risk (seed 002: revenue from key accounts against the company's
 * resilience): the Herfindahl–Hirschman index with the standard bands, the equivalent number of
 * equal accounts, and top-N shares.
 *
 * Bands (US DOJ/FTC horizontal merger guidelines): 2010 edition — below 1,500 unconcentrated,
 * 1,500 to 2,500 (both included) moderate, above 2,500 high; 2023 edition — below 1,000, 1,000 to
 * 1,800, above 1,800.
 *
 * @throws {ValidationError} on an empty list, a negative or non-numeric value, a zero total, a
 *   bad `top` entry or an unknown band edition.
 * @example
 * ```ts
 * import { concentrationRisk } from 'clientele';
 * const risk = concentrationRisk([40, 30, 20, 10], { top: [1, 2] });
 * risk.hhi.toString(); // '3000'
 * risk.band.id; // 'high'
 * risk.topShares.map((t) => t.valueShare.toString()); // ['0.4', '0.7']
 * ```
 * @category Portfolio
 */
export function concentrationRisk(
  values: readonly AccountValue[],
  options: ConcentrationOptions = {},
): ConcentrationResult {
  const context = 'concentrationRisk';
  const read = readAccountValues(values, 'values', context);
  const n = read.values.length;
  if (n === 0) fail('values', 'at least one account', values, context);
  if (read.total.isZero()) fail('values', 'values with a positive total', values, context);
  const { top, edition } = readConcentrationOptions(options, context);
  return withDisplay(
    {
      ...concentrationOf(read.values, largestFirst(read.values), read.total, top, edition),
      accounts: n,
      total: read.total,
    },
    'Concentration risk',
  );
}

/** Reads and checks `top` and `bands` (shared with `assessPortfolio`). */
export function readConcentrationOptions(
  given: ConcentrationOptions,
  context: string,
): { top: readonly number[]; edition: HhiBandEdition } {
  const options = readInput(given, 'options', context);
  if (typeof options !== 'object' || options === null)
    fail('options', 'an options object', options, context, 'invalid_type');
  const edition = options.bands ?? '2010';
  if (edition !== '2010' && edition !== '2023') fail('options.bands', 'one of "2010", "2023"', edition, context);
  const top = options.top ?? [1, 5, 10];
  if (!Array.isArray(top)) fail('options.top', 'an array of whole numbers ≥ 1', top, context, 'invalid_type');
  top.forEach((count, index) => {
    if (!Number.isSafeInteger(count) || count < 1)
      fail(joinPath('options.top', index), 'a whole number ≥ 1', count, context);
  });
  return { top, edition };
}

/** HHI, band, equivalent accounts and top-N shares of values (all ≥ 0, positive total) already sorted by `order`. */
export function concentrationOf(
  values: readonly Decimal[],
  order: readonly number[],
  total: Decimal,
  top: readonly number[],
  edition: HhiBandEdition,
): Omit<ConcentrationResult, 'accounts' | 'total'> {
  const hhi = hhiPoints(values);
  return {
    hhi,
    band: hhiBand(hhi, edition),
    equivalentAccounts: new ExactDecimal(10_000).div(hhi),
    topShares: top.map((count) => ({
      count,
      valueShare: sumOf(values, order, Math.min(count, values.length)).div(total),
    })),
  };
}

/**
 * The band of an HHI value. Shared with `assessPortfolio`.
 * @internal
 */
function hhiBand(hhi: Decimal, edition: HhiBandEdition): ConcentrationResult['band'] {
  const [low, high] = EDGES[edition];
  const id: ConcentrationBand = hhi.lt(low) ? 'unconcentrated' : hhi.lte(high) ? 'moderate' : 'high';
  return { id, labels: BAND_LABELS[id], edition };
}
