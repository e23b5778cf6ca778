/**
 * Finds the runnable code blocks of a Markdown document: every ```ts / ```typescript fence,
 * except one whose previous non-blank line is `<!-- no-run -->`.
 */
export interface CodeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly code: string;
  readonly skip: boolean;
}

const opening = /^(\s*)(`{3,}|~{3,})\s*(ts|typescript)(\s.*)?$/i;

/** A closing fence: the opening fence's character, at least as many, and nothing after it. */
const closes = (line: string, fence: string): boolean => {
  const trimmed = line.trim();
  return trimmed.length >= fence.length && trimmed === (fence[0] ?? '`').repeat(trimmed.length);
};

export function extractCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const match = opening.exec(lines[index] ?? '');
    if (!match) {
      // Skip over fences of other languages so their contents are never mistaken for ours.
      const other = /^\s*(`{3,}|~{3,})/.exec(lines[index] ?? '');
      if (other) {
        const fence = other[1] ?? '```';
        index++;
        while (index < lines.length && !closes(lines[index] ?? '', fence)) index++;
      }
      index++;
      continue;
    }
    const indent = match[1]?.length ?? 0;
    const fence = match[2] ?? '```';
    const start = index;
    const body: string[] = [];
    index++;
    while (index < lines.length && !closes(lines[index] ?? '', fence)) {
      body.push(
        (lines[index] ?? '').slice(
          Math.min(indent, (lines[index] ?? '').length - (lines[index] ?? '').trimStart().length),
        ),
      );
      index++;
    }
    index++;
    let previous = start - 1;
    while (previous >= 0 && (lines[previous] ?? '').trim() === '') previous--;
    const skip = previous >= 0 && /^<!--\s*no-run\s*-->$/i.test((lines[previous] ?? '').trim());
    blocks.push({ line: start + 1, code: body.join('\n'), skip });
  }
  return blocks;
}

/**
 * Points every import of the package (`clientele`, `clientele/scoring`, `npm:clientele@0.1.0/value`,
 * any subpath) at the given module file for that entry point.
 */
export function rewritePackageImports(code: string, resolveEntry: (subpath: string) => string): string {
  return code.replace(
    /(['"])(?:npm:)?clientele(?:@[^/'"]+)?(\/[a-z][a-z0-9-]*)?\1/g,
    (_whole, quote: string, subpath: string | undefined) => {
      return `${quote}${resolveEntry(subpath ?? '')}${quote}`;
    },
  );
}
