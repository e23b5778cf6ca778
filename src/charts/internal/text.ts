import type { LocalisedLabels, NumberLike } from '../chartOptions.js';

/** Escapes text for XML and HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A number for geometry only (never for displayed values). */
export function toNumber(value: NumberLike | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(String(value));
  return Number.isFinite(number) ? number : null;
}

/** The label for a locale: exact key, then the language's first key, then `en`. */
export function pickLabel(
  labels: LocalisedLabels | Readonly<Record<string, string>> | undefined,
  locale: string,
  fallback: string,
): string {
  if (!labels) return fallback;
  // own string labels only: a displayed value's labels may hold anything
  const own = (key: string): string | undefined => {
    const value: unknown = Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  const exact = own(locale);
  if (exact !== undefined) return exact;
  const language = locale.split('-')[0] ?? locale;
  const key = Object.keys(labels).find((candidate) => candidate.split('-')[0] === language && own(candidate));
  if (key !== undefined) return own(key) ?? fallback;
  return own('en') ?? fallback;
}

/** Whether a locale's UI text is Chinese (the report and chart chrome exist in en and zh-CN). */
export function isChinese(locale: string): boolean {
  return locale.toLowerCase().startsWith('zh');
}

const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** A conservative estimate of rendered text width: CJK glyphs a full em, Latin ~0.62 em. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const character of text) width += characterWidth(character);
  return width * fontSize;
}

function characterWidth(character: string): number {
  return wide.test(character) ? 1 : /[A-Z%@#MW]/.test(character) ? 0.72 : 0.6;
}

/**
 * Shortens text with an ellipsis so its estimated width fits: the longest prefix that fits with
 * the ellipsis, found in one pass (linear in the text, so a 3,000-character label is cheap).
 */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const room = maxWidth / fontSize - characterWidth('…');
  let width = 0;
  let prefix = '';
  for (const character of text) {
    width += characterWidth(character);
    if (width > room) break;
    prefix += character;
  }
  return prefix === '' ? '' : `${prefix}…`;
}

/** A coordinate with at most two decimals, so output is byte-stable. */
export function px(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
