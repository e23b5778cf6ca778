/**
 * After `tsup`: merges the ESM chunks that `dist/scoring.js` loads into one chunk, and points every
 * ESM file of `dist` at it. esbuild splits the code the scoring subpath needs into a chunk shared
 * by the scoring-related entries and one shared by all entries; loading them as two modules costs
 * a cold `import('clientele/scoring')` more than the bytes do (each module is one more round of the
 * loader), while one copy of each module keeps the classes, presets and model registries shared by
 * every subpath (the package checks test that the root re-exports the very same objects).
 * The CommonJS build is left as tsup writes it.
 *
 * Usage: `tsx scripts/merge-chunks.ts [dist]`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const dist = process.argv[2] ?? 'dist';
const ENTRY = 'scoring.js';
const CHUNK_REFERENCE = /(['"])\.\/(chunk-[A-Za-z0-9_-]+\.js)\1/g;

const read = (file: string): string => readFileSync(join(dist, file), 'utf8');
const chunksIn = (file: string): string[] => [...read(file).matchAll(CHUNK_REFERENCE)].map((match) => match[2]!);

/** The names a chunk exports: esbuild writes one `export { a, b as c };` at its end. */
function exportNames(text: string, file: string): string[] {
  const statement = /export\s*\{([^}]*)\};?\s*$/.exec(text);
  if (!statement) throw new Error(`${file}: no final export statement`);
  return statement[1]!
    .split(',')
    .map((part) =>
      part
        .trim()
        .split(/\s+as\s+/)
        .pop()!,
    )
    .filter((name) => name !== '');
}

const chunks = new Set<string>();
const queue = chunksIn(ENTRY);
while (queue.length > 0) {
  const chunk = queue.pop()!;
  if (!chunks.has(chunk)) {
    chunks.add(chunk);
    queue.push(...chunksIn(chunk));
  }
}

if (chunks.size > 1) {
  const owner = new Map<string, string>();
  for (const chunk of chunks)
    for (const name of exportNames(read(chunk), chunk)) {
      const other = owner.get(name);
      if (other !== undefined) throw new Error(`${other} and ${chunk} both export ${name}: cannot merge them`);
      owner.set(name, chunk);
    }
  const output = await build({
    stdin: {
      contents: [...chunks].map((chunk) => `export * from './${chunk}';`).join('\n'),
      resolveDir: dist,
      sourcefile: 'merged.js',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    external: ['decimal.js', 'zod'],
    logLevel: 'warning',
  });
  // without esbuild's `// dist/chunk-….js` headers, which would name files that no longer exist
  const text = output.outputFiles[0]!.text.replace(/^\/\/ [^\n]*chunk-[A-Za-z0-9_-]+\.js\n/gm, '');
  const merged = `chunk-${createHash('sha256').update(text).digest('hex').slice(0, 8).toUpperCase()}.js`;
  const kept = new Set(exportNames(text, merged));
  const missing = [...owner.keys()].filter((name) => !kept.has(name));
  if (missing.length > 0) throw new Error(`the merged chunk lost exports: ${missing.join(', ')}`);
  writeFileSync(join(dist, merged), text);
  for (const file of readdirSync(dist).filter((name) => name.endsWith('.js') && name !== merged)) {
    const before = read(file);
    const after = before.replace(CHUNK_REFERENCE, (whole, quote: string, chunk: string) =>
      chunks.has(chunk) ? `${quote}./${merged}${quote}` : whole,
    );
    if (after !== before) writeFileSync(join(dist, file), after);
  }
  for (const chunk of chunks) rmSync(join(dist, chunk));
  console.log(`merge-chunks: ${[...chunks].join(' + ')} → ${merged} (${(text.length / 1024).toFixed(1)} kB)`);
}
