import { z } from 'zod';

/**
 * Bilingual labels: English and Simplified Chinese (the seeds' own terms).
 * @category Labels
 */
export const labelsSchema = /* @__PURE__ */ z
  .object({
    en: z.string().min(1),
    'zh-CN': z.string().min(1),
  })
  .strict();

/**
 * A label in both languages the library ships: `{ en: 'Credit', 'zh-CN': '客户信用度' }`.
 * @category Labels
 */
export type Labels = z.infer<typeof labelsSchema>;

/** The locales every preset carries. @category Labels */
export type Locale = keyof Labels;

/** The locales every preset carries, in a fixed order. @category Labels */
export const locales: readonly Locale[] = /* @__PURE__ */ Object.freeze(['en', 'zh-CN'] as const);

/** The given labels, or the id in both languages when a custom model leaves them out. */
export function labelsOrId(labels: Labels | undefined, id: string): Labels {
  return labels ? { en: labels.en, 'zh-CN': labels['zh-CN'] } : { en: id, 'zh-CN': id };
}

/** A fresh copy of labels with the locales in their fixed order (so equal labels fingerprint equally). */
export function copyLabels(labels: Labels): Labels {
  return { en: labels.en, 'zh-CN': labels['zh-CN'] };
}
