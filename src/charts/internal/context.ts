import type { ChartOptions, NumberLike } from '../chartOptions.js';
import { formatCurrency } from '../formatCurrency.js';
import { formatNumber } from '../formatNumber.js';
import { formatPercent } from '../formatPercent.js';
import { resolveTheme, type Theme } from './frame.js';
import { isChinese, pickLabel } from './text.js';

/** What a chart needs besides its data: theme, formatters and the UI language. */
export interface ChartContext {
  readonly theme: Theme;
  readonly zh: boolean;
  /** UI text in the chart's language (English or Chinese). */
  readonly t: (en: string, zh: string) => string;
  readonly label: (labels: Readonly<Record<string, string>> | undefined, fallback: string) => string;
  readonly number: (value: NumberLike, digits?: number) => string;
  readonly percent: (share: NumberLike, digits?: number) => string;
  readonly money: (value: NumberLike) => string;
}

/** Builds the context of one chart. */
export function chartContext(options: ChartOptions, defaultHeight: number): ChartContext {
  const theme = resolveTheme(options, defaultHeight);
  const locale = theme.locale;
  const zh = isChinese(locale);
  const digits = options.digits ?? 2;
  return {
    theme,
    zh,
    t: (en, chinese) => (zh ? chinese : en),
    label: (labels, fallback) => pickLabel(labels, locale, fallback),
    number: (value, places = digits) => formatNumber(value, { locale, digits: places }),
    percent: (share, places = options.percentDigits ?? 1) => formatPercent(share, { locale, digits: places }),
    money: (value) =>
      options.currency
        ? formatCurrency(value, options.currency, { locale, digits: 0 })
        : formatNumber(value, { locale, digits: 0 }),
  };
}
