import type { ChartOptions } from '../chartOptions.js';
import { escapeXml, fitText, px } from './text.js';

/** Fonts that cover Latin and Chinese on every common system (Noto CJK on Linux, PingFang on Apple, YaHei on Windows).
 * */
export const FONT_STACK =
  `system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'Source Han ` +
  `Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif`;

const cividis = [
  '#00224e',
  '#123570',
  '#3b496c',
  '#575d6d',
  '#707173',
  '#8a8779',
  '#a69d75',
  '#c4b56c',
  '#e4cf5b',
  '#fee838',
];
const greyscale = [
  '#111111',
  '#2b2b2b',
  '#444444',
  '#5e5e5e',
  '#777777',
  '#919191',
  '#aaaaaa',
  '#c4c4c4',
  '#dddddd',
  '#f2f2f2',
];

/** Resolved colours and settings of one drawing. */
export interface Theme {
  readonly width: number;
  readonly height: number;
  readonly locale: string;
  readonly background: string;
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly accent: string;
  readonly ramp: readonly string[];
  readonly options: ChartOptions;
}

/** Resolves options into a theme; `height` is the chart's default when the caller gave none. */
export function resolveTheme(options: ChartOptions, height: number): Theme {
  const dark = options.theme === 'dark';
  const palette = options.palette;
  const ramp = palette === 'greyscale' ? greyscale : Array.isArray(palette) && palette.length >= 2 ? palette : cividis;
  return {
    width: Math.max(240, options.width ?? 640),
    height: Math.max(160, options.height ?? height),
    locale: options.locale ?? 'en',
    background: dark ? '#15171c' : '#ffffff',
    foreground: dark ? '#e8e8e8' : '#1b1b1b',
    muted: dark ? '#a9a9a9' : '#5a5a5a',
    grid: dark ? '#3a3d45' : '#dcdcdc',
    accent: dark ? '#f0a23b' : '#c24e00',
    ramp,
    options,
  };
}

/** The ramp colour at t in [0, 1]. */
export function rampColour(theme: Theme, t: number): string {
  const clamped = Math.min(1, Math.max(0, t));
  return theme.ramp[Math.round(clamped * (theme.ramp.length - 1))] ?? theme.foreground;
}

/** Black or white, whichever reads on a ramp colour. */
export function inkOn(colour: string): string {
  const hex = colour.replace('#', '');
  if (!/^[0-9a-f]{6}$/i.test(hex)) return '#000000';
  const channel = (offset: number) => parseInt(hex.slice(offset, offset + 2), 16) / 255;
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return luminance > 0.45 ? '#000000' : '#ffffff';
}

/** A `<text>` element; the text is escaped. */
export function text(
  x: number,
  y: number,
  content: string,
  attributes: Readonly<Record<string, string | number>> = {},
): string {
  const extra = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(typeof value === 'number' ? px(value) : value)}"`)
    .join('');
  return `<text x="${px(x)}" y="${px(y)}"${extra}>${escapeXml(content)}</text>`;
}

/** A `<rect>` element. */
export function rect(x: number, y: number, width: number, height: number, fill: string, extra = ''): string {
  return (
    `<rect x="${px(x)}" y="${px(y)}" width="${px(Math.max(0, width))}" height="${px(Math.max(0, height))}" ` +
    `fill="${escapeXml(fill)}"${extra}/>`
  );
}

/** A `<line>` element. */
export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ''): string {
  return `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${escapeXml(stroke)}"${extra}/>`;
}

/** The standalone SVG document: title, description, ARIA role, background, font stack, then the body. */
export function svgDocument(
  theme: Theme,
  kind: string,
  title: string,
  description: string,
  body: readonly string[],
): string {
  const { width, height } = theme;
  const heading = fitText(title, width - 24, 15);
  const document = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ` +
      `${height}" role="img" aria-labelledby="${kind}-title ${kind}-desc" lang="${escapeXml(theme.locale)}" ` +
      `class="clientele-chart clientele-${kind}" font-family="${escapeXml(FONT_STACK)}" font-size="12">`,
    `<title id="${kind}-title">${escapeXml(title)}</title>`,
    `<desc id="${kind}-desc">${escapeXml(description)}</desc>`,
    rect(0, 0, width, height, theme.background),
    text(12, 22, heading, { fill: theme.foreground, 'font-size': 15, 'font-weight': 'bold' }),
    ...body,
    '</svg>',
    '',
  ].join('\n');
  return withUniqueIds(document);
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units, in base 36. */
function fnv1a36(input: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < input.length; index += 1) {
    hash ^= input.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * Suffixes every `id` of a chart, and every `aria-labelledby`, `url(#…)` and `href="#…"` reference to it, with
 * a hash of the chart's content, so several charts inlined in one page keep distinct ids. The output stays
 * deterministic; charts with identical content share ids, which is harmless since the referenced elements are
 * identical. Text content is escaped (`"` becomes `&quot;`), so the attribute patterns cannot match inside it.
 */
function withUniqueIds(document: string): string {
  const suffix = `-${fnv1a36(document)}`;
  return document
    .replace(/ id="([^"]+)"/g, (_, id: string) => ` id="${id}${suffix}"`)
    .replace(/ aria-labelledby="([^"]+)"/g, (_, ids: string) => {
      const list = ids.split(' ').map((id) => `${id}${suffix}`);
      return ` aria-labelledby="${list.join(' ')}"`;
    })
    .replace(/="url\(#([^)"]+)\)"/g, (_, id: string) => `="url(#${id}${suffix})"`)
    .replace(/ href="#([^"]+)"/g, (_, id: string) => ` href="#${id}${suffix}"`);
}
