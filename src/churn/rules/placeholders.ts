/**
 * The one grammar of message placeholders: `{signal}` or `{signal|format}`. A signal name holds no
 * `{`, `}` or `|`; a format holds no braces. Validation, slot collection and rendering all read
 * templates through {@link PLACEHOLDER}.
 *
 * @module
 */

/** `{name}` or `{name|format}`; group 1 the name, group 2 the format (absent without a bar). */
const PLACEHOLDER = /\{([^{}|]*)(?:\|([^{}]*))?\}/g;

/** Display formats a placeholder may ask for: `{spendChange|percent}`. */
export const PLACEHOLDER_FORMATS: ReadonlySet<string> = /* @__PURE__ */ new Set(['percent', 'number', 'days']);

/** One placeholder found in a template. */
export interface Placeholder {
  /** The placeholder as written, braces included. */
  readonly text: string;
  readonly name: string;
  readonly format: string | undefined;
}

/** Every placeholder of a template, in order. */
export function placeholdersOf(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => ({ text: match[0], name: match[1]!, format: match[2] }));
}

/** A template split once: its literal text and its placeholders, in order. */
export type TemplatePart = string | { readonly name: string; readonly format: string | undefined };

/** Templates split so far (rule messages: a few per rule set), bounded. */
const splitTemplates = /* @__PURE__ */ new Map<string, readonly TemplatePart[]>();
const SPLIT_LIMIT = 1024;

/** `template` split into its literal text and placeholders, in order (split once per template, then kept). */
export function partsOf(template: string): readonly TemplatePart[] {
  let parts = splitTemplates.get(template);
  if (parts === undefined) {
    const split: TemplatePart[] = [];
    let from = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
      if (match.index > from) split.push(template.slice(from, match.index));
      split.push({ name: match[1]!, format: match[2] });
      from = match.index + match[0].length;
    }
    if (from < template.length) split.push(template.slice(from));
    parts = split;
    if (splitTemplates.size < SPLIT_LIMIT) splitTemplates.set(template, parts);
  }
  return parts;
}

/**
 * The template with each placeholder replaced by `fill(name, format)`, left to right: what
 * `template.replace(PLACEHOLDER, …)` gives, from the template split once instead of matched per call.
 */
export function fillPlaceholders(template: string, fill: (name: string, format: string | undefined) => string): string {
  const parts = partsOf(template);
  let text = '';
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    text += typeof part === 'string' ? part : String(fill(part.name, part.format));
  }
  return text;
}
