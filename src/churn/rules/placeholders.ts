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

/** The template with each placeholder replaced by `fill(name, format)`. */
export function fillPlaceholders(template: string, fill: (name: string, format: string | undefined) => string): string {
  return template.replace(PLACEHOLDER, (_text, name: string, format: string | undefined) => fill(name, format));
}
