import type { ChartOptions, LocalisedLabels, NumberLike } from '../chartOptions.js';
import type { ChartContext } from './context.js';
import { line, rect, svgDocument, text, type Theme } from './frame.js';
import { linear, maxOf, niceTicks } from './scale.js';
import { escapeXml, fitText, textWidth, toNumber } from './text.js';

/** One horizontal bar: optional stacked segments, an optional interval whisker, and its shown value. */
export interface BarRow {
  readonly label: string;
  readonly value: number;
  readonly shown: string;
  readonly colour: string;
  readonly segments?: readonly { readonly value: number; readonly colour: string; readonly name: string }[] | undefined;
  readonly lower?: number | null | undefined;
  readonly upper?: number | null | undefined;
}

/** A vertical reference line across the bars (crosshair, standard, grade edge). */
export interface ReferenceLine {
  readonly value: number;
  readonly label: string;
}

/** Settings of a horizontal bar chart. */
export interface BarLayout {
  readonly domain: readonly [number, number];
  readonly tickText: (value: number) => string;
  readonly axisTitle: string;
  readonly references?: readonly ReferenceLine[] | undefined;
  readonly legend?: readonly { readonly name: string; readonly colour: string }[] | undefined;
}

/**
 * A whole horizontal bar chart: the bars, the caller's title or `title`, and the caller's
 * description or one listing each row's label and shown value.
 */
export function barChart(
  { theme }: ChartContext,
  options: ChartOptions,
  kind: string,
  title: string,
  rows: readonly BarRow[],
  layout: BarLayout,
): string {
  const body = horizontalBars(theme, rows, layout);
  const description = options.description ?? rows.map((row) => `${row.label}: ${row.shown}`).join('; ');
  return svgDocument(theme, kind, options.title ?? title, description, body);
}

/** A survey dimension's bar: its label, its figure (0 without data) and the figure shown, or "no data". */
export function dimensionBar(
  context: ChartContext,
  dimension: { readonly dimension: string; readonly labels?: LocalisedLabels | undefined },
  figure: NumberLike | null,
): Pick<BarRow, 'label' | 'value' | 'shown'> {
  const value = toNumber(figure);
  return {
    label: context.label(dimension.labels, dimension.dimension),
    value: value ?? 0,
    shown: value === null ? context.t('no data', '无数据') : context.number(figure ?? 0),
  };
}

/** The geometry of horizontal bars: a label column left of the bar area, one band of `band` pixels per row. */
export interface BarRows {
  readonly labelWidth: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly x: (value: number) => number;
  readonly band: number;
  readonly barHeight: number;
}

/** The geometry of a horizontal bar chart: its rows, the value column right of them, and where bars start. */
interface BarGrid extends BarRows {
  readonly theme: Theme;
  /** Where the bars start: zero, or the domain's edge nearest to it. */
  readonly zero: number;
}

/** A column as wide as its widest text at `size` (at least `least`) plus `pad`; at most `share` of the chart. */
function columnWidth(theme: Theme, texts: readonly string[], size: number, least: number, pad: number, share: number) {
  const widest = maxOf(
    texts.map((text) => textWidth(text, size)),
    least,
  );
  return Math.min(theme.width * share, widest + pad);
}

/** Draws horizontal bars with labels left, values right, ticks below; returns the SVG body. */
export function horizontalBars(theme: Theme, rows: readonly BarRow[], layout: BarLayout): string[] {
  const [labels, shown] = [rows.map((row) => row.label), rows.map((row) => row.shown)];
  const labelWidth = columnWidth(theme, labels, 12, 40, 8, 0.34);
  const valueWidth = columnWidth(theme, shown, 11, 36, 10, 0.2);
  const left = 12 + labelWidth;
  const right = theme.width - 12 - valueWidth;
  const legend = layout.legend ?? [];
  const top = legend.length > 0 ? 58 : 40;
  const bottom = theme.height - 44;
  const x = linear(layout.domain, [left, right]);
  const band = (bottom - top) / Math.max(1, rows.length);
  const barHeight = Math.max(4, Math.min(28, band * 0.62));
  const zero = x(Math.min(Math.max(0, layout.domain[0]), layout.domain[1]));
  const grid: BarGrid = { theme, labelWidth, left, right, top, bottom, x, band, barHeight, zero };
  return [
    ...niceTicks(layout.domain[0], layout.domain[1]).flatMap((tick) => [
      line(x(tick), top - 4, x(tick), bottom, theme.grid),
      text(x(tick), bottom + 14, fitText(layout.tickText(tick), 64, 10), {
        fill: theme.muted,
        'font-size': 10,
        'text-anchor': 'middle',
      }),
    ]),
    text((left + right) / 2, bottom + 32, fitText(layout.axisTitle, right - left, 11), {
      fill: theme.muted,
      'font-size': 11,
      'text-anchor': 'middle',
    }),
    ...(legend.length > 0 ? legendItems(theme, legend, 12, 36) : []),
    ...rows.flatMap((row, index) => barRow(grid, row, top + band * index + band / 2)),
    line(zero, top - 4, zero, bottom, theme.foreground),
    ...(layout.references ?? [])
      .filter((line) => line.value >= layout.domain[0] && line.value <= layout.domain[1])
      .flatMap((reference) => referenceLine(grid, reference)),
  ];
}

/** One row centred at `centre`: label, bar (or stacked segments), interval whisker, shown value. */
function barRow(grid: BarGrid, row: BarRow, centre: number): string[] {
  const { theme, labelWidth, left, right, x, barHeight, zero } = grid;
  const y = centre - barHeight / 2;
  const body = [
    text(left - 8, centre + 4, fitText(row.label, labelWidth - 4, 12), {
      fill: theme.foreground,
      'text-anchor': 'end',
    }),
  ];
  if (row.segments && row.segments.length > 0) {
    let start = 0;
    for (const segment of row.segments) {
      const title = `<title>${escapeXml(`${row.label}: ${segment.name} ${segment.value}`)}</title>`;
      const width = x(start + segment.value) - x(start);
      const piece = rect(
        x(start),
        y,
        width,
        barHeight,
        segment.colour,
        ` stroke="${theme.background}" stroke-width="1"`,
      );
      body.push(`<g>${title}${piece}</g>`);
      start += segment.value;
    }
  } else {
    const end = x(row.value);
    body.push(rect(Math.min(zero, end), y, Math.abs(end - zero), barHeight, row.colour));
  }
  if (row.lower !== undefined && row.lower !== null && row.upper !== undefined && row.upper !== null) {
    const [lo, hi] = [x(row.lower), x(row.upper)];
    const stroke = ` stroke-width="1.5"`;
    body.push(
      line(lo, centre, hi, centre, theme.foreground, stroke),
      line(lo, centre - 5, lo, centre + 5, theme.foreground, stroke),
      line(hi, centre - 5, hi, centre + 5, theme.foreground, stroke),
    );
  }
  body.push(text(right + 6, centre + 4, row.shown, { fill: theme.foreground, 'font-size': 11 }));
  return body;
}

/** A dashed vertical line across the bars, labelled at the top on the side facing the centre. */
function referenceLine({ theme, left, right, top, bottom, x }: BarGrid, reference: ReferenceLine): string[] {
  const at = x(reference.value);
  return [
    line(at, top - 6, at, bottom, theme.accent, ` stroke-width="1.5" stroke-dasharray="5 3"`),
    text(at, top - 9, fitText(reference.label, 120, 10), {
      fill: theme.accent,
      'font-size': 10,
      'text-anchor': at > (left + right) / 2 ? 'end' : 'start',
    }),
  ];
}

/** A row of legend swatches starting at (x, y). */
export function legendItems(
  theme: Theme,
  items: readonly { readonly name: string; readonly colour: string }[],
  x: number,
  y: number,
): string[] {
  const body: string[] = [];
  let at = x;
  for (const item of items) {
    const label = fitText(item.name, 140, 11);
    if (at + 14 + textWidth(label, 11) > theme.width - 12) break;
    body.push(rect(at, y - 9, 10, 10, item.colour, ` stroke="${theme.foreground}" stroke-width="0.5"`));
    body.push(text(at + 14, y, label, { fill: theme.foreground, 'font-size': 11 }));
    at += 14 + textWidth(label, 11) + 14;
  }
  return body;
}
