/**
 * Labels by locale, read without zod: the BCP 47 tag check, `labelIn`, and the copies models keep.
 * The zod schema of labels is in `labels.ts`.
 *
 * @module
 */
import { fail, joinPath } from './errors.js';
import { readInput } from './input.js';

/**
 * A well-formed BCP 47 language tag (RFC 5646): a language (`en`, `zh`, `yue`), then optional
 * extended languages, script (`Hans`), region (`CN`, `419`), variants, extensions and private use
 * (`en-x-agency`), each subtag separated by `-`. Case-insensitive, as the RFC says.
 */
export const BCP47_TAG = /* @__PURE__ */ new RegExp(
  '^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})' + // language and extended languages
    '(?:-[A-Za-z]{4})?' + // script
    '(?:-(?:[A-Za-z]{2}|\\d{3}))?' + // region
    '(?:-(?:[A-Za-z\\d]{5,8}|\\d[A-Za-z\\d]{3}))*' + // variants
    '(?:-[\\dA-WY-Za-wy-z](?:-[A-Za-z\\d]{2,8})+)*' + // extensions
    '(?:-[Xx](?:-[A-Za-z\\d]{1,8})+)?$', // private use
);

/** The pattern of a BCP 47 language tag, for the JSON Schemas of model files. @internal */
export const localeTagPattern: string = /* @__PURE__ */ (() => BCP47_TAG.source)();

/** True when `tag` is a well-formed BCP 47 language tag (`en`, `zh-CN`, `de-CH`, `zh-Hant-TW`, `es-419`). */
export function isLocaleTag(tag: string): boolean {
  return tag.length <= 64 && BCP47_TAG.test(tag);
}

/**
 * Labels by locale as a model file writes them and {@link labelIn} reads them: `en` is required
 * (the fallback) and any BCP 47 locale may be added — `{ en: 'Credit', 'zh-CN': '客户信用度', de:
 * 'Bonität' }`. For `labelIn`, a locale set to `undefined` counts as absent.
 * @category Labels
 */
export type LabelsInput = { en: string; 'zh-CN'?: string | undefined; [locale: string]: string | undefined };

/**
 * Labels in the locales a model provides: always `en`, the fallback, and `zh-CN` (the presets
 * carry the seeds' own terms; a custom model that leaves it out gets its `en` text there); any
 * other BCP 47 locale may be present (`de`, `ja`, `zh-Hant`). Read one with {@link labelIn}.
 * @category Labels
 */
export type Labels = { en: string; 'zh-CN': string; [locale: string]: string };

/** A BCP 47 locale tag: `'en'`, `'zh-CN'`, `'de'`, … @category Labels */
export type Locale = 'en' | 'zh-CN' | (string & {});

/** The locales every preset carries, in a fixed order. @category Labels */
export const locales: readonly ('en' | 'zh-CN')[] = /* @__PURE__ */ Object.freeze(['en', 'zh-CN'] as const);

/**
 * The label for a locale, by BCP 47 lookup (RFC 4647 §3.4): the exact tag, then the tag with its
 * last subtag removed, and so on (`zh-Hant-TW` → `zh-Hant` → `zh`), then a label in the same
 * language (`zh` finds `zh-CN`), then `en`. Tags compare case-insensitively.
 * @example
 * ```ts
 * import { labelIn } from 'clientele';
 * const labels = { en: 'Credit', 'zh-CN': '客户信用度', de: 'Bonität' };
 * labelIn(labels, 'de-CH'); // 'Bonität'
 * labelIn(labels, 'zh'); // '客户信用度'
 * labelIn(labels, 'ja'); // 'Credit'
 * ```
 * @throws {ValidationError} when `labels` is not a readable object of strings with `en`, or `locale` is not a string.
 * @category Labels
 */
export function labelIn(labels: LabelsInput, locale: string): string {
  const byTag = readLabels(labels);
  if (typeof locale !== 'string') fail('locale', 'a BCP 47 locale tag (a string)', locale, 'labelIn');
  const subtags = locale.toLowerCase().split('-');
  for (let length = subtags.length; length > 0; length--) {
    // a single-letter subtag (an extension or x-) is dropped together with the one before it
    if (length < subtags.length && subtags[length - 1]!.length === 1) continue;
    const found = byTag.get(subtags.slice(0, length).join('-'));
    if (found !== undefined) return found;
  }
  const language = `${subtags[0]}-`;
  for (const [key, text] of byTag) if (key.startsWith(language)) return text;
  return byTag.get('en')!;
}

/** The labels by lower-cased tag, read through the boundary reader; `en` required, every text a string. */
function readLabels(given: unknown): Map<string, string> {
  const labels = readInput(given, 'labels', 'labelIn');
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels))
    fail('labels', 'an object of labels by locale, en required', labels, 'labelIn');
  const byTag = new Map<string, string>();
  for (const [key, text] of Object.entries(labels)) {
    if (text === undefined) continue;
    if (typeof text !== 'string') fail(joinPath('labels', key), 'a label (a string)', text, 'labelIn');
    byTag.set(key.toLowerCase(), text);
  }
  const en: unknown = (labels as Record<string, unknown>)['en'];
  if (typeof en !== 'string') fail('labels.en', 'a label in en (the fallback locale)', en, 'labelIn', 'missing');
  byTag.set('en', en);
  return byTag;
}

/** The given labels (copied), or the id in `en` and `zh-CN` when a custom model leaves them out. */
export function labelsOrId(labels: LabelsInput | undefined, id: string): Labels {
  return labels ? copyLabels(labels) : { en: id, 'zh-CN': id };
}

/**
 * A fresh copy of labels with the locales in a fixed order — `en`, `zh-CN` (filled from `en` when
 * absent), then the others by tag — so equal labels fingerprint equally.
 */
export function copyLabels(labels: LabelsInput): Labels {
  const copy: Labels = { en: labels.en, 'zh-CN': labels['zh-CN'] ?? labels.en };
  for (const key of Object.keys(labels).sort()) {
    const text = labels[key];
    if (key !== 'en' && key !== 'zh-CN' && text !== undefined) copy[key] = text;
  }
  return copy;
}
