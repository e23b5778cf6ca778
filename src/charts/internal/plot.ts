import { text, type Theme } from './frame.js';
import { linear } from './scale.js';
import { px } from './text.js';

/** The plotting area of a chart with two numeric axes, and its scales. */
export interface Plot {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly x: (value: number) => number;
  readonly y: (value: number) => number;
}

/** The plotting area every x–y chart uses: room for tick labels and axis titles left and below. */
export function plotArea(theme: Theme, xDomain: readonly [number, number], yDomain: readonly [number, number]): Plot {
  const [left, right, top, bottom] = [64, theme.width - 24, 44, theme.height - 48];
  const x = linear(xDomain, [left, right]);
  const y = linear(yDomain, [bottom, top]);
  return { left, right, top, bottom, xDomain, yDomain, x, y };
}

/** A tick label under the x axis. */
export const xTickLabel = (theme: Theme, { x, bottom }: Plot, tick: number, label: string): string =>
  text(x(tick), bottom + 14, label, { fill: theme.muted, 'font-size': 10, 'text-anchor': 'middle' });

/** A tick label left of the y axis. */
export const yTickLabel = (theme: Theme, { y, left }: Plot, tick: number, label: string): string =>
  text(left - 6, y(tick) + 3, label, { fill: theme.muted, 'font-size': 10, 'text-anchor': 'end' });

/** The axis titles: centred under the x axis, and turned up the left edge. */
export function axisTitles(theme: Theme, { left, right, top, bottom }: Plot, xTitle: string, yTitle: string): string[] {
  const middle = (top + bottom) / 2;
  return [
    text((left + right) / 2, bottom + 32, xTitle, { fill: theme.muted, 'font-size': 11, 'text-anchor': 'middle' }),
    text(14, middle, yTitle, {
      fill: theme.muted,
      'font-size': 11,
      'text-anchor': 'middle',
      transform: `rotate(-90 14 ${px(middle)})`,
    }),
  ];
}

/** The data line through `points` (x, y in data units), in the first colour of the ramp. */
export function curvePath(
  theme: Theme,
  { x, y }: Plot,
  points: readonly { readonly x: number; readonly y: number }[],
): string {
  const path = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${px(x(point.x))} ${px(y(point.y))}`).join(' ');
  return `<path d="${path}" fill="none" stroke="${theme.ramp[1] ?? theme.foreground}" stroke-width="2.5"/>`;
}
