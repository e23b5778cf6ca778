import type { ChartOptions } from './chartOptions.js';
import { chartContext } from './internal/context.js';
import { chartFor } from './internal/detect.js';
import { readChartOptions } from './internal/input.js';
import { readInput } from '../shared/input.js';
import { FONT_STACK } from './internal/frame.js';
import { summaryTable } from './internal/summaries.js';

/** The inline CSS of displayed results and reports (no external resources). */
export const displayStyle = (dark: boolean): string =>
  `.clientele-display{font-family:${FONT_STACK};color:${dark ? '#e8e8e8' : '#1b1b1b'};` +
  `background:${dark ? '#15171c' : '#ffffff'};padding:8px}` +
  `.clientele-table{border-collapse:collapse;margin:8px 0;font-size:13px}` +
  `.clientele-table caption{text-align:left;font-weight:bold;padding:4px 0}` +
  `.clientele-table th,.clientele-table td{border-bottom:1px solid ${dark ? '#3a3d45' : '#dcdcdc'};padding:3px ` +
  `10px;text-align:left;vertical-align:top}` +
  `.clientele-table td{font-variant-numeric:tabular-nums}` +
  `.clientele-display svg{max-width:100%;height:auto;display:block;margin:8px 0}`;

/**
 * A library result as an HTML fragment: a summary table (numbers rounded for display by the
 * formatting layer, exact values untouched) and, where the result has one, its chart as inline SVG.
 * The same HTML a notebook shows through {@link display}; use it in any page. No scripts, no
 * external resources.
 *
 * @example
 * ```ts
 * import { potentialValueModel, score } from 'clientele';
 * import { toHtml } from 'clientele/charts';
 * const ratings = {
 *   tenure: 4, creditRecord: 8, latePayment: 9, missedAppointments: 5, productVariety: 2, purchaseCount: 2,
 *   purchaseFrequency: 2, competitorPurchase: 5, competitorFrequency: 4, assetSize: 15, industry: 8,
 *   marketPosition: 7, peerUserBase: 6,
 * };
 * const html = toHtml(score(potentialValueModel, ratings));
 * html.includes('<table'); // true
 * ```
 * @throws ValidationError when `result` cannot be read (a throwing getter, a revoked proxy, a cycle,
 *   nesting past `inputLimits`), looks like a result but lacks what its chart reads, or an option is invalid.
 * @category Display
 */
export function toHtml(result: unknown, options: ChartOptions = {}): string {
  return htmlOf(readInput(result, '', 'toHtml'), readChartOptions(options, 'toHtml'), 'toHtml');
}

/** The HTML of a snapshot with checked options. */
export function htmlOf(result: unknown, options: ChartOptions, caller: string): string {
  const context = chartContext(options, 400);
  const chart = chartFor(result, options, caller);
  const style = `<style>${displayStyle(options.theme === 'dark')}</style>`;
  const open = `<div class="clientele-display" lang="${context.theme.locale}">`;
  return `${open}${style}${summaryTable(result, context)}${chart ?? ''}</div>`;
}
