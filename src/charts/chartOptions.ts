/**
 * Options every chart accepts: size, locale, number format, palette, theme and accessible text.
 * @category Charts
 */
export interface ChartOptions {
  /** Width of the drawing in CSS pixels; default 640. */
  readonly width?: number | undefined;
  /** Height of the drawing in CSS pixels; default depends on the chart. */
  readonly height?: number | undefined;
  /** Locale of labels and numbers: `'en'` (default), `'zh-CN'`, or any locale a model's labels carry (falls back to
   * `en`). */
  readonly locale?: string | undefined;
  /** Fraction digits shown for plain numbers; default 2 (exact values underneath never change). */
  readonly digits?: number | undefined;
  /** Fraction digits shown for percentages; default 1. */
  readonly percentDigits?: number | undefined;
  /** ISO 4217 currency of money values (e.g. `'CNY'`); without it money is shown as a plain grouped number. */
  readonly currency?: string | undefined;
  /** `'light'` (default) or `'dark'`. */
  readonly theme?: 'light' | 'dark' | undefined;
  /** `'cividis'` (default; colour-blind safe, lightness rises monotonically so it survives greyscale), `'greyscale'`,
   * or your own ramp of CSS colours (dark to light). */
  readonly palette?: 'cividis' | 'greyscale' | readonly string[] | undefined;
  /** Chart title (also the SVG `<title>`); each chart has a default in the chosen locale. */
  readonly title?: string | undefined;
  /** Longer description for screen readers (the SVG `<desc>`); each chart writes one from the data by default. */
  readonly description?: string | undefined;
}

/**
 * Labels in several languages: at least `en`; `zh-CN` and any other locale key may be present.
 * @category Charts
 */
export type LocalisedLabels = Readonly<{ en: string } & Record<string, string>>;

/**
 * A number as the library hands it out: a `number`, a decimal string, or a `Decimal` (anything whose
 * `toString()` gives a decimal).
 * @category Charts
 */
export type NumberLike = number | string | DecimalText;

/**
 * Anything that prints as a decimal, such as a `Decimal` from any decimal.js copy.
 * @category Charts
 */
export interface DecimalText {
  /** The value as decimal text. */
  toString(): string;
}
