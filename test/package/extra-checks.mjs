// Package checks on what the tarball ships besides the code: the guides and the links between them,
// the project's home in package.json, and the JSON Schemas. Called once from run.mjs.
import { readFileSync } from 'node:fs';
import { join, dirname, normalize } from 'node:path';
import { createRequire } from 'node:module';

/** Files the tarball may ship besides dist/ and the top-level package files. */
export const shippedExtra = /^(docs\/[^/]+\.md$|docs\/images\/[^/]+\.svg$|CONTRIBUTING\.md$)/;

/** Relative Markdown links `[text](target)` outside code fences and inline code (absolute URLs left out). */
function relativeLinks(markdown) {
  const links = [];
  let fenced = false;
  for (const text of markdown.split(/\r?\n/)) {
    if (/^\s*(`{3,}|~{3,})/.test(text)) fenced = !fenced;
    if (fenced) continue;
    for (const match of text.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = match[1] ?? '';
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#')) links.push(target);
    }
  }
  return links;
}

/**
 * @param {{ check: Function, run: Function, repo: string, work: string, consumer: string, manifest: any,
 *   packed: { files: { path: string }[] }, installed: boolean }} context
 */
export async function extraChecks({ check, repo, consumer, manifest, packed, installed }) {
  const shipped = new Set(packed.files.map((file) => file.path));

  await check('tarball: ships the guides (docs/*.md), and every relative link in shipped Markdown lands in it', () => {
    const guides = [...shipped].filter((path) => /^docs\/[^/]+\.md$/.test(path));
    if (guides.length === 0) throw new Error('no docs/*.md in the tarball');
    const broken = [];
    for (const document of [...shipped].filter((path) => path.endsWith('.md'))) {
      for (const target of relativeLinks(readFileSync(join(repo, document), 'utf8'))) {
        const path = normalize(join(dirname(document), decodeURIComponent(target.split('#')[0] ?? '')));
        if (!shipped.has(path.replaceAll('\\', '/'))) broken.push(`${document}: ${target}`);
      }
    }
    if (broken.length) throw new Error(`links to files the tarball leaves out:\n${broken.join('\n')}`);
    return `${guides.length} guides`;
  });

  await check('package.json: repository, homepage and bugs name one GitHub home', () => {
    const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
    const home = /github\.com\/([^/]+\/[^/#.]+)/.exec(repository ?? '')?.[1];
    if (!home) throw new Error(`repository is ${JSON.stringify(manifest.repository)}: expected a GitHub URL`);
    const problems = [];
    if (!String(manifest.homepage ?? '').startsWith(`https://github.com/${home}`))
      problems.push(`homepage ${JSON.stringify(manifest.homepage)} is not under github.com/${home}`);
    const bugs = typeof manifest.bugs === 'string' ? manifest.bugs : manifest.bugs?.url;
    if (bugs !== `https://github.com/${home}/issues`)
      problems.push(`bugs ${JSON.stringify(bugs)} is not ${home}/issues`);
    if (problems.length) throw new Error(problems.join('\n'));
    return home;
  });

  // JSON Schemas: generated into dist/schemas by the build, equal to the committed schemas/ copies.
  const schemas = [...shipped].filter((path) => /^dist\/schemas\/[^/]+\.json$/.test(path));
  if (manifest.exports?.['./schemas/*.json'] === undefined) return;
  await check(
    'json schemas: built into the tarball as committed, each importable as clientele/schemas/<name>.json',
    () => {
      if (!installed) throw new Error('skipped: the tarball did not install');
      if (schemas.length === 0) throw new Error('no dist/schemas/*.json in the tarball');
      const names = [];
      for (const path of schemas) {
        const name = path.slice('dist/schemas/'.length);
        const committed = readFileSync(join(repo, 'schemas', name), 'utf8');
        const installedCopy = readFileSync(join(consumer, 'node_modules', 'clientele', path), 'utf8');
        if (committed !== installedCopy) throw new Error(`${path} differs from the committed schemas/${name}`);
        const schema = JSON.parse(installedCopy);
        if (schema.$schema !== 'https://json-schema.org/draft/2020-12/schema')
          throw new Error(`${path}: $schema is ${JSON.stringify(schema.$schema)}`);
        const specifier = `clientele/schemas/${name}`;
        const resolved = createRequire(join(consumer, 'index.cjs')).resolve(specifier).replaceAll('\\', '/');
        if (!resolved.endsWith(`node_modules/clientele/${path}`))
          throw new Error(`${specifier} resolves to ${resolved}`);
        names.push(name);
      }
      return names.join(', ');
    },
  );
}
