// Package checks: everything a user of the published package depends on, checked on the packed
// tarball as they receive it. Run by .ci/package-checks (`node test/package/run.mjs`); prints one
// line per check and ends with exactly one line "N passed, M failed".
//
// Options: --only=<word,...> runs the checks whose names contain one of the words (plus the
// packing they need); --keep leaves the scratch folder in place and prints where it is.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { allExpectedAnswers } from './answers.mjs';
import { startLocalRegistry } from './local-registry.mjs';
import { extraChecks, shippedExtra } from './extra-checks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const bin = (name) => join(repo, 'node_modules', '.bin', name);
const args = process.argv.slice(2);
const only = args
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const keep = args.includes('--keep');
const budget = JSON.parse(readFileSync(join(here, 'size-budget.json'), 'utf8'));

let passed = 0;
let failed = 0;
const wanted = (name) => !only || only.some((word) => name.includes(word));

function report(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `\n       ${detail.trim().split('\n').join('\n       ')}` : ''}`,
  );
}

/** Run a check; it returns nothing or a note when it passes and throws when it fails. */
async function check(name, task, { always = false } = {}) {
  if (!always && !wanted(name)) return;
  try {
    const note = await task();
    report(name, true, typeof note === 'string' ? note : '');
  } catch (error) {
    report(name, false, error instanceof Error ? error.message : String(error));
  }
}

/** Run a command; resolves to stdout (and stderr with `withStderr`), rejects with the tail of its output when it
 * fails. */
function run(command, commandArgs, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      commandArgs,
      {
        maxBuffer: 64 * 1024 * 1024,
        timeout: 300_000,
        ...options,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      },
      (error, stdout, stderr) => {
        if (error) {
          const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-25).join('\n');
          reject(
            new Error(`${basename(command)} ${commandArgs.join(' ')} failed (${error.code ?? error.signal}):\n${tail}`),
          );
        } else resolve(options.withStderr ? `${stdout}\n${stderr}` : stdout);
      },
    );
  });
}

/** Compare a runtime's printed answers with the expected ones; the message lists every difference. */
function compareAnswers(stdout, extraKeys = []) {
  const line = stdout
    .trim()
    .split('\n')
    .filter((text) => text.startsWith('{'))
    .pop();
  if (!line) throw new Error(`printed no answers:\n${stdout.slice(-2000)}`);
  const answers = JSON.parse(line);
  const expected = allExpectedAnswers(subpaths);
  for (const key of extraKeys) expected[key] = 'ok';
  const differences = Object.entries(expected)
    .filter(([key, want]) => answers[key] !== want)
    .map(([key, want]) => `${key}: got ${JSON.stringify(answers[key] ?? '(no answer)')}, want ${JSON.stringify(want)}`);
  if (differences.length > 0)
    throw new Error(
      `${differences.length} of ${Object.keys(expected).length} answers differ:\n${differences.join('\n')}`,
    );
  return `${Object.keys(expected).length} answers agree`;
}

const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
/** Every entry point of the exports map as a subpath of `clientele` ('' for the root). */
const subpaths = Object.keys(manifest.exports ?? { '.': null })
  .filter((key) => key !== './package.json' && !key.includes('*'))
  .map((key) => (key === '.' ? '' : key.slice(1)));
const work = mkdtempSync(join(tmpdir(), 'clientele-package-'));
const consumer = join(work, 'consumer');
const files = [
  'answers.mjs',
  'consumer-esm.mjs',
  'consumer-cjs.cjs',
  'consumer-deno-npm.mjs',
  'consumer-browser.mjs',
  'determinism.mjs',
  'consumer-determinism-esm.mjs',
  'consumer-determinism-cjs.cjs',
  'consumer-determinism-browser.mjs',
];

// ---------------------------------------------------------------------------------------------
// The tarball.
let packed;
try {
  if (!existsSync(join(repo, 'dist', 'index.js'))) await run('npm', ['run', '--silent', 'build'], { cwd: repo });
  packed = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo }));
} catch (error) {
  report('npm pack', false, error instanceof Error ? error.message : String(error));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(1);
}
const tarball = join(work, packed[0].filename);

await check('tarball: ships every file the exports map names (ESM, CommonJS, .d.ts, .d.cts), and nothing else', () => {
  const shipped = new Set(packed[0].files.map((file) => file.path));
  const named = new Set();
  const walk = (value) => {
    if (typeof value === 'string') named.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  for (const field of ['main', 'module', 'types']) walk(manifest[field]);
  const missing = [...named].filter((path) => !path.includes('*') && !shipped.has(path));
  for (const entry of subpaths) {
    const key = entry === '' ? '.' : `.${entry}`;
    const conditions = JSON.stringify(manifest.exports[key]);
    for (const ext of ['.js', '.cjs', '.d.ts', '.d.cts'])
      if (!conditions.includes(ext + '"')) missing.push(`${ext} for clientele${entry} in the exports map`);
  }
  const stray = [...shipped].filter(
    (path) => !shippedExtra.test(path) && !/^(dist\/|package\.json$|README\.md$|CHANGELOG\.md$|LICENSE$)/.test(path),
  );
  if (missing.length || stray.length)
    throw new Error(`missing: ${missing.join(', ') || 'none'}; unexpected: ${stray.join(', ') || 'none'}`);
  return `${shipped.size} files, ${(packed[0].size / 1024).toFixed(1)} kB packed`;
});
await check('tarball: ships README.md, CHANGELOG.md and LICENSE', () => {
  const shipped = new Set(packed[0].files.map((file) => file.path));
  const missing = ['README.md', 'CHANGELOG.md', 'LICENSE'].filter((path) => !shipped.has(path));
  if (missing.length) throw new Error(`missing from the tarball: ${missing.join(', ')}`);
});
await check('CHANGELOG.md follows Keep a Changelog (Unreleased or released sections, standard headings)', () => {
  const path = join(repo, 'CHANGELOG.md');
  if (!existsSync(path)) throw new Error('CHANGELOG.md is missing');
  const lines = readFileSync(path, 'utf8').split('\n');
  const problems = [];
  if (!/^# Changelog\s*$/i.test(lines[0] ?? '')) problems.push('line 1: expected "# Changelog"');
  const releases = [];
  let fence = false;
  lines.forEach((line, index) => {
    if (/^\s*```/.test(line)) fence = !fence;
    if (fence) return;
    if (/^## /.test(line)) {
      const release = /^## \[(Unreleased|\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\](?: - (\d{4}-\d{2}-\d{2}))?\s*$/.exec(
        line,
      );
      if (!release || (release[1] !== 'Unreleased' && !release[2]))
        problems.push(`line ${index + 1}: "${line}" is not "## [Unreleased]" or "## [x.y.z] - YYYY-MM-DD"`);
      else releases.push(release[1]);
    } else if (/^### /.test(line) && !/^### (Added|Changed|Deprecated|Removed|Fixed|Security)\s*$/.test(line)) {
      problems.push(`line ${index + 1}: "${line}" is not one of Added, Changed, Deprecated, Removed, Fixed, Security`);
    }
  });
  if (releases.length === 0) problems.push('no "## [Unreleased]" or release section');
  if (!releases.includes('Unreleased') && !releases.includes(manifest.version))
    problems.push(`neither "## [Unreleased]" nor "## [${manifest.version}]" is there`);
  if (problems.length) throw new Error(problems.join('\n'));
  return `sections: ${releases.join(', ')}`;
});
await check('docs: a guide per module, concepts and cookbook', () => {
  const missing = ['scoring', 'value', 'churn', 'quality', 'concepts', 'cookbook', 'performance']
    .map((name) => `docs/${name}.md`)
    .filter((path) => !existsSync(join(repo, path)));
  if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
});
await check('publint --strict on the tarball', () =>
  run(bin('publint'), ['run', tarball, '--strict'], { cwd: work }).then((out) => out.trim().split('\n').pop()),
);
await check('attw (are the types wrong) on the tarball', () =>
  run(bin('attw'), [tarball, '--format', 'table-flipped', '--no-emoji'], { cwd: work }).then(() => 'no problems'),
);
await check('npm publish --dry-run of the tarball', () =>
  run('npm', ['publish', '--dry-run', tarball], { cwd: work }).then(() => `${manifest.name}@${manifest.version}`),
);

// ---------------------------------------------------------------------------------------------
// A fresh project that installs the tarball, as a user does.
mkdirSync(consumer);
writeFileSync(
  join(consumer, 'package.json'),
  JSON.stringify({ name: 'clientele-consumer', private: true, version: '1.0.0' }, null, 2),
);
// The consumers list one loader per entry point of the exports map, written in here, so a new
// subpath is smoke-tested the day it is exported. The TypeScript consumers are kept as templates
// so the repository's own type check (which cannot resolve 'clientele' before a build) skips them.
const quote = (text) => `'${text}'`;
const fill = (source) =>
  source
    .replace(
      '/*@loaders import*/',
      subpaths.map((entry) => `${quote(entry)}: () => import(${quote(`clientele${entry}`)}),`).join('\n  '),
    )
    .replace(
      '/*@loaders require*/',
      subpaths.map((entry) => `${quote(entry)}: () => require(${quote(`clientele${entry}`)}),`).join('\n  '),
    )
    .replace(
      '/*@loaders npm*/',
      subpaths
        .map((entry) => `${quote(entry)}: () => import(${quote(`npm:clientele@${manifest.version}${entry}`)}),`)
        .join('\n  '),
    )
    .replace(
      '/*@namespaces*/',
      subpaths.map((entry, index) => `import * as entry${index} from ${quote(`clientele${entry}`)};`).join('\n'),
    )
    .replace('/*@modules*/', subpaths.map((entry, index) => `${quote(entry)}: () => entry${index},`).join('\n  '));
for (const file of files) writeFileSync(join(consumer, file), fill(readFileSync(join(here, file), 'utf8')));
for (const file of ['consumer.mts', 'consumer.cts'])
  writeFileSync(join(consumer, file), fill(readFileSync(join(here, `${file}.template`), 'utf8')));
let installed = false;
await check(
  'install: npm install <tarball> into a fresh project',
  async () => {
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: consumer });
    installed = true;
    const dependencies = JSON.parse(
      readFileSync(join(consumer, 'node_modules', 'clientele', 'package.json'), 'utf8'),
    ).dependencies;
    return `runtime dependencies: ${Object.keys(dependencies).join(', ')}`;
  },
  { always: true },
);
const needsInstall = () => {
  if (!installed) throw new Error('skipped: the tarball did not install');
};

await check('node ESM: import every subpath, same answers', async () => {
  needsInstall();
  return compareAnswers(await run(process.execPath, ['consumer-esm.mjs'], { cwd: consumer }), [
    'ValidationError from the CommonJS build is instanceof the ESM class',
  ]);
});
await check('node CommonJS: require every subpath, same answers', async () => {
  needsInstall();
  return compareAnswers(await run(process.execPath, ['consumer-cjs.cjs'], { cwd: consumer }), [
    'require resolves to the CommonJS build',
  ]);
});

// TypeScript consumers: every module-resolution mode, strict, with the package's .d.ts checked.
const typescriptModes = [
  { mode: 'node16', module: 'node16', files: ['consumer.mts', 'consumer.cts'] },
  { mode: 'nodenext', module: 'nodenext', files: ['consumer.mts', 'consumer.cts'] },
  { mode: 'bundler', module: 'esnext', files: ['consumer.mts'] },
];
await Promise.all(
  typescriptModes.map(async ({ mode, module, files: sources }) => {
    await check(
      `typescript moduleResolution ${mode}: type-checks (strict, no skipLibCheck) and runs, same answers`,
      async () => {
        needsInstall();
        const config = {
          compilerOptions: {
            module,
            moduleResolution: mode,
            target: 'ES2022',
            lib: ['ES2022', 'DOM'],
            types: [],
            strict: true,
            noUncheckedIndexedAccess: true,
            exactOptionalPropertyTypes: true,
            skipLibCheck: false,
            allowJs: true,
            checkJs: false,
            outDir: `out-${mode}`,
            rootDir: '.',
          },
          files: [...sources, 'answers.mjs'],
        };
        writeFileSync(join(consumer, `tsconfig.${mode}.json`), JSON.stringify(config, null, 2));
        await run(
          process.execPath,
          [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', `tsconfig.${mode}.json`],
          { cwd: consumer },
        );
        const notes = [];
        for (const source of sources) {
          const output = join(`out-${mode}`, source.replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs'));
          notes.push(`${source}: ${compareAnswers(await run(process.execPath, [output], { cwd: consumer }))}`);
        }
        return notes.join('; ');
      },
    );
  }),
);

// ---------------------------------------------------------------------------------------------
// Deno and Bun.
await check('deno through node_modules: import every subpath, same answers', async () => {
  needsInstall();
  const out = await run(
    bin('deno'),
    ['run', '--node-modules-dir=manual', '--allow-read', '--allow-env', 'consumer-esm.mjs'],
    { cwd: consumer, env: { DENO_DIR: join(work, 'deno-cache-node-modules'), DENO_NO_UPDATE_CHECK: '1' } },
  );
  return compareAnswers(out, ['ValidationError from the CommonJS build is instanceof the ESM class']);
});
await check('deno through npm: specifiers (no package.json, no node_modules), same answers, types check', async () => {
  needsInstall();
  // The registry serves the tarball and the exact dependency versions the install above resolved.
  const dependencyTarballs = [];
  const depsFolder = join(work, 'registry');
  mkdirSync(depsFolder);
  for (const name of Object.keys(manifest.dependencies)) {
    const { version } = JSON.parse(readFileSync(join(consumer, 'node_modules', name, 'package.json'), 'utf8'));
    const [{ filename }] = JSON.parse(
      await run('npm', ['pack', '--json', '--prefer-offline', '--pack-destination', depsFolder, `${name}@${version}`], {
        cwd: depsFolder,
      }),
    );
    dependencyTarballs.push(join(depsFolder, filename));
  }
  const registry = await startLocalRegistry([tarball, ...dependencyTarballs]);
  try {
    const notebook = join(work, 'notebook');
    mkdirSync(notebook);
    for (const file of ['answers.mjs', 'consumer-deno-npm.mjs'])
      copyFileSync(join(consumer, file), join(notebook, file));
    const denoEnvironment = {
      NPM_CONFIG_REGISTRY: registry.url,
      DENO_DIR: join(work, 'deno-cache-npm'),
      DENO_NO_UPDATE_CHECK: '1',
    };
    const out = await run(bin('deno'), ['run', '--allow-read', '--allow-env', 'consumer-deno-npm.mjs'], {
      cwd: notebook,
      env: denoEnvironment,
    });
    // Types reach notebook users through the same specifier: `deno check` a typed cell.
    writeFileSync(
      join(notebook, 'consumer-deno-check.ts'),
      readFileSync(join(here, 'consumer-deno-check.ts.template'), 'utf8').replaceAll('/*@version*/', manifest.version),
    );
    await run(bin('deno'), ['check', 'consumer-deno-check.ts'], { cwd: notebook, env: denoEnvironment });
    return `${compareAnswers(out)}; deno check of a typed cell passes`;
  } finally {
    await registry.close();
  }
});
await check('bun ESM: import every subpath, same answers', async () => {
  needsInstall();
  return compareAnswers(await run(bin('bun'), ['consumer-esm.mjs'], { cwd: consumer }), [
    'ValidationError from the CommonJS build is instanceof the ESM class',
  ]);
});
await check('bun CommonJS: require every subpath, same answers', async () => {
  needsInstall();
  return compareAnswers(await run(bin('bun'), ['consumer-cjs.cjs'], { cwd: consumer }), [
    'require resolves to the CommonJS build',
  ]);
});

// ---------------------------------------------------------------------------------------------
// A real browser: an esbuild bundle in headless Chromium, driven by playwright-core.
const esbuild = await import('esbuild');
await check('browser: esbuild bundle in headless Chromium, same answers', async () => {
  needsInstall();
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (!executablePath) throw new Error('chromium is not installed (apt-get install -y chromium)');
  const bundle = await esbuild.build({
    entryPoints: [join(consumer, 'consumer-browser.mjs')],
    absWorkingDir: consumer,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0].text.replaceAll('</script', '<\\/script');
  const html =
    `<!doctype html><html><head><meta ` +
    `charset="utf-8"><title>clientele</title></head><body><script>${script}</script></body></html>`;
  writeFileSync(join(work, 'browser.html'), html);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    await page.setContent(html);
    await page.waitForFunction(() => globalThis.clienteleAnswers !== undefined, null, { timeout: 60_000 });
    const answers = await page.evaluate(() => globalThis.clienteleAnswers);
    if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('\n')}`);
    return `${compareAnswers(JSON.stringify(answers))} (${(script.length / 1024).toFixed(0)} kB bundle)`;
  } finally {
    await browser.close();
  }
});

// ---------------------------------------------------------------------------------------------
// Determinism: one seeded corpus through every public function in every runtime; the SHA-256 of
// each function's results must be the same everywhere (the statistics use engine-independent
// elementary functions; exact results are exact everywhere).
/** The digests a runtime printed (its last line that is a JSON object). */
function readDigests(stdout) {
  const line = stdout
    .trim()
    .split('\n')
    .filter((text) => text.startsWith('{'))
    .pop();
  if (!line) throw new Error(`printed no digests:\n${stdout.slice(-2000)}`);
  return JSON.parse(line);
}
async function browserDigests() {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
  if (!executablePath) throw new Error('chromium is not installed (apt-get install -y chromium)');
  const bundle = await esbuild.build({
    entryPoints: [join(consumer, 'consumer-determinism-browser.mjs')],
    absWorkingDir: consumer,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0].text.replaceAll('</script', '<\\/script');
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body><script>${script}</script></body></html>`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.waitForFunction(() => globalThis.clienteleDigests !== undefined, null, { timeout: 120_000 });
    return await page.evaluate(() => globalThis.clienteleDigests);
  } finally {
    await browser.close();
  }
}
await check(
  'determinism: the seeded corpus gives the same digest per function in Node ESM/CJS, Deno, Bun, Chromium',
  async () => {
    needsInstall();
    const started = Date.now();
    const runtimes = {
      'node ESM': () => run(process.execPath, ['consumer-determinism-esm.mjs'], { cwd: consumer }).then(readDigests),
      'node CommonJS': () =>
        run(process.execPath, ['consumer-determinism-cjs.cjs'], { cwd: consumer }).then(readDigests),
      deno: () =>
        run(
          bin('deno'),
          ['run', '--node-modules-dir=manual', '--allow-read', '--allow-env', 'consumer-determinism-esm.mjs'],
          { cwd: consumer, env: { DENO_DIR: join(work, 'deno-cache-node-modules'), DENO_NO_UPDATE_CHECK: '1' } },
        ).then(readDigests),
      bun: () => run(bin('bun'), ['consumer-determinism-esm.mjs'], { cwd: consumer }).then(readDigests),
      chromium: browserDigests,
    };
    const names = Object.keys(runtimes);
    const results = await Promise.all(names.map((name) => runtimes[name]()));
    const reference = results[0];
    const functions = Object.keys(reference);
    const differences = [];
    names.forEach((name, index) => {
      const digests = results[index];
      const keys = new Set([...functions, ...Object.keys(digests)]);
      const differ = [...keys].filter((key) => digests[key] !== reference[key]).sort();
      if (differ.length) differences.push(`${name} differs from node ESM on ${differ.length}: ${differ.join(', ')}`);
    });
    if (differences.length) throw new Error(differences.join('\n'));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return `${functions.length} functions, ${names.length} runtimes agree (${seconds} s)`;
  },
);

// ---------------------------------------------------------------------------------------------
// Size budget: what the package adds to a browser bundle, decimal.js and zod excluded (unless
// `external` says otherwise: the scoring bundle below counts what a browser really ships).
/** esbuild's minified browser bundle of `source` in the consumer project (in memory). */
function bundleOf(source, external, metafile = false) {
  return esbuild.build({
    stdin: { contents: source, resolveDir: consumer, loader: 'js' },
    absWorkingDir: consumer,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
    write: false,
    metafile,
    logLevel: 'silent',
  });
}
async function bundledSize(source, external = ['decimal.js', 'zod']) {
  const result = await bundleOf(source, external);
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
/** What a browser ships for `source` (dependencies bundled too) and the library's own share of it. */
async function shippedAndOwn(source) {
  return { total: await bundledSize(source, []), own: await bundledSize(source) };
}
const describeShipped = (total, own) =>
  `${kb(total.minified)} minified, ${kb(total.gzipped)} gzipped (${total.gzipped} B) with its dependencies; ` +
  `own share ${kb(own.minified)} minified, ${kb(own.gzipped)} gzipped`;
const sizes = {};
await check(
  `size: root import, minified + gzipped, ≤ ${kb(budget.rootGzipBytes)} (decimal.js and zod excluded)`,
  async () => {
    needsInstall();
    sizes.root = await bundledSize(`export * from 'clientele';`);
    if (sizes.root.gzipped > budget.rootGzipBytes)
      throw new Error(`${kb(sizes.root.gzipped)} gzipped is over the budget of ${kb(budget.rootGzipBytes)}`);
    return `${kb(sizes.root.minified)} minified, ${kb(sizes.root.gzipped)} gzipped`;
  },
);
await check(
  `size: one small function from the root (${budget.singleFunction}), minified + gzipped, ≤ ` +
    `${kb(budget.singleFunctionShippedGzipBytes)} with its dependencies, ` +
    `own share ≤ ${kb(budget.singleFunctionGzipBytes)}`,
  async () => {
    needsInstall();
    const { total, own } = await shippedAndOwn(`export { ${budget.singleFunction} } from 'clientele';`);
    sizes.single = own;
    sizes.singleShipped = total;
    if (own.gzipped > budget.singleFunctionGzipBytes || total.gzipped > budget.singleFunctionShippedGzipBytes)
      throw new Error(
        `${describeShipped(total, own)}: over the budget of ${kb(budget.singleFunctionShippedGzipBytes)} shipped / ` +
          `${kb(budget.singleFunctionGzipBytes)} own: tree-shaking is broken`,
      );
    return describeShipped(total, own);
  },
);
// zod ships only with the exports that read a model or a stored result with a zod schema: every
// other export of the root (the zod schemas themselves aside), bundled alone with its dependencies,
// leaves zod out (esbuild's metafile lists no file of zod among the bundle's inputs). size-budget.json
// lists the exports that ship zod; one freed is reported, so the list can shrink.
/** The bytes of zod in a bundle of `source` with every dependency bundled, from esbuild's metafile. */
async function zodBytes(source) {
  const result = await bundleOf(source, [], true);
  const inputs = Object.entries(Object.values(result.metafile.outputs)[0].inputs);
  return inputs
    .filter(([file]) => /node_modules\/zod\//.test(file))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
}
await check(
  `zod: every root export bundled alone leaves zod out, except the zod schemas and the ${budget.shipsZod.length} ` +
    `listed in size-budget.json (they read models, inputs or stored results with a zod schema)`,
  async () => {
    needsInstall();
    const installed = await import(pathToFileURL(join(consumer, 'node_modules', 'clientele', 'dist', 'index.js')).href);
    // the exported zod schemas themselves (scorecardSchema, …) are zod, and not counted
    const names = Object.keys(installed)
      .filter((name) => typeof installed[name]?.safeParse !== 'function')
      .sort();
    const unknown = budget.shipsZod.filter((name) => !names.includes(name));
    if (unknown.length) throw new Error(`size-budget.json shipsZod names no export: ${unknown.join(', ')}`);
    const free = names.filter((name) => !budget.shipsZod.includes(name));
    const offenders = [];
    const freed = [];
    for (let start = 0; start < names.length; start += 4)
      await Promise.all(
        names.slice(start, start + 4).map(async (name) => {
          const bytes = await zodBytes(`export { ${name} } from 'clientele';`);
          if (bytes > 0 && free.includes(name)) offenders.push(`${name} (${kb(bytes)} of zod)`);
          if (bytes === 0 && !free.includes(name)) freed.push(name);
        }),
      );
    if (offenders.length)
      throw new Error(`these exports bring zod into a bundle of them alone: ${offenders.sort().join(', ')}`);
    return (
      `${free.length} exports bundle without zod; ${budget.shipsZod.length - freed.length} listed ship it` +
      (freed.length ? `; listed but zod-free now (remove them from shipsZod): ${freed.sort().join(', ')}` : '')
    );
  },
);
// Scoring one account in a browser: what the browser ships (decimal.js, and zod if anything on the
// path imports it), and the library's own share. The budget is clientele/scoring's; the root
// import is reported against its own (it keeps the zod schemas).
const scoreOne = (from) =>
  `import { score, potentialValueModel, reasons } from '${from}';\n` +
  `export const scoreOne = (ratings) => reasons(score(potentialValueModel, ratings));`;
await check(
  `size: scoring one account (score, potentialValueModel, reasons), dependencies included, ≤ ` +
    `${kb(budget.scoringBundleGzipBytes)} gzipped from clientele/scoring (≤ ` +
    `${kb(budget.scoringRootBundleGzipBytes)} from the root); own share ≤ ${kb(budget.scoringOwnGzipBytes)} ` +
    `(≤ ${kb(budget.scoringRootOwnGzipBytes)} from the root)`,
  async () => {
    needsInstall();
    const lines = [];
    for (const [from, limit, ownLimit] of [
      ['clientele/scoring', budget.scoringBundleGzipBytes, budget.scoringOwnGzipBytes],
      ['clientele', budget.scoringRootBundleGzipBytes, budget.scoringRootOwnGzipBytes],
    ]) {
      const { total, own } = await shippedAndOwn(scoreOne(from));
      sizes[`scoreOne ${from}`] = { total, own };
      lines.push(`${from}: ${describeShipped(total, own)}`);
      if (total.gzipped > limit || own.gzipped > ownLimit) throw new Error(`over the budget: ${lines.join('; ')}`);
    }
    return lines.join('\n');
  },
);
// clientele/scoring never loads zod: neither its entry nor any chunk it imports, ESM or CommonJS.
await check('clientele/scoring imports no zod (its entry and every chunk it imports, ESM and CommonJS)', () => {
  needsInstall();
  const dist = join(consumer, 'node_modules', 'clientele', 'dist');
  const offenders = [];
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(dist, file), 'utf8');
    if (/(?:from|import|require\()\s*['"]zod(?:\/[^'"]*)?['"]/.test(text)) offenders.push(file);
    for (const match of text.matchAll(/(?:from|import|require\()\s*['"]\.\/([^'"]+)['"]/g)) visit(match[1]);
  };
  visit('scoring.js');
  visit('scoring.cjs');
  if (offenders.length > 0) throw new Error(`zod imported by ${offenders.join(', ')}`);
  return `${seen.size} files read, none imports zod`;
});
// The ESM scoring subpath loads its entry and one chunk (scripts/merge-chunks.ts merges the chunks
// esbuild splits it into: each extra module is one more round of the loader on a cold import).
await check('clientele/scoring (ESM) loads one chunk besides its entry, and the chunk imports no other', () => {
  needsInstall();
  const dist = join(consumer, 'node_modules', 'clientele', 'dist');
  const chunksOf = (file) =>
    [...readFileSync(join(dist, file), 'utf8').matchAll(/(?:from|import)\s*['"]\.\/([^'"]+)['"]/g)].map((m) => m[1]);
  const chunks = [...new Set(chunksOf('scoring.js'))];
  const deeper = chunks.flatMap(chunksOf);
  if (chunks.length !== 1 || deeper.length > 0)
    throw new Error(`scoring.js imports ${chunks.join(', ')}; they import ${deeper.join(', ') || 'nothing'}`);
  return `scoring.js → ${chunks[0]}`;
});
// Cold start of clientele/scoring: fresh processes importing it and scoring once, timed inside the
// process (import + one score), against fresh processes importing decimal.js alone and adding once
// (the dependency every scoring bundle ships), interleaved. The guard is the ratio of the medians, so a
// busy machine does not decide it; loading zod again (~100 ms) or a heavy import-time step would.
await check(
  `cold start: import clientele/scoring and score once, against importing decimal.js alone, 7 interleaved ` +
    `pairs of fresh processes, median ratio ≤ ${budget.coldStartRatio}×`,
  async () => {
    needsInstall();
    const timed = (body) => `const t = performance.now(); ${body} console.log((performance.now() - t).toFixed(1));`;
    const scoring = timed(
      `const s = await import('clientele/scoring'); ` +
        `s.reasons(s.score(s.potentialValueModel, {}, { missing: 'min' }));`,
    );
    const decimal = timed(`const { Decimal } = await import('decimal.js'); new Decimal(1).plus(2).toString();`);
    const times = { scoring: [], decimal: [] };
    for (let round = 0; round < 7; round++)
      for (const [name, script] of round % 2
        ? [
            ['decimal', decimal],
            ['scoring', scoring],
          ]
        : [
            ['scoring', scoring],
            ['decimal', decimal],
          ])
        times[name].push(Number(await run('node', ['--input-type=module', '-e', script], { cwd: consumer })));
    const median = (list) => [...list].sort((a, b) => a - b)[3];
    const ratio = median(times.scoring) / median(times.decimal);
    const note =
      `clientele/scoring median ${median(times.scoring)} ms (runs ${times.scoring.join(', ')}), ` +
      `decimal.js alone median ${median(times.decimal)} ms (runs ${times.decimal.join(', ')}): ` +
      `${ratio.toFixed(2)}× (target: 50 ms on an idle machine)`;
    if (!(ratio <= budget.coldStartRatio)) throw new Error(note);
    return note;
  },
);
// Each entry point imported whole (and the one small function of the budget above): what a browser
// ships (decimal.js, and zod where the entry imports it) and the library's own share beside it, as
// the scoring check above measures them.
await check(
  'size: each subpath alone, minified + gzipped, dependencies included and own share (reported)',
  async () => {
    needsInstall();
    const lines = [];
    for (const entry of subpaths) {
      const { total, own } = await shippedAndOwn(`export * from 'clientele${entry}';`);
      sizes[entry === '' ? 'root whole' : entry] = { total, own };
      lines.push(`clientele${entry}: ${describeShipped(total, own)}`);
    }
    const single = await shippedAndOwn(`export { ${budget.singleFunction} } from 'clientele';`);
    lines.push(`${budget.singleFunction} from clientele: ${describeShipped(single.total, single.own)}`);
    return lines.join('\n');
  },
);
await check(
  'tree-shaking: a bare import bundles to nothing, and functions that take a model leave every preset out',
  async () => {
    needsInstall();
    const bare = await bundledSize(`import 'clientele';`);
    if (bare.minified > 100)
      throw new Error(
        `import 'clientele' alone leaves ${bare.minified} bytes: something has a side effect (sideEffects: false)`,
      );
    // The presets' Chinese labels are the sentinels: a preset that survives carries its label along.
    const installed = await import(pathToFileURL(join(consumer, 'node_modules', 'clientele', 'dist', 'index.js')).href);
    const presets = [
      'potentialValueModel',
      'potentialValueBands',
      'keyAccountSelectionModel',
      'defaultValueMatrix',
      'telecomTierPolicy',
      'defaultChurnRuleSet',
      'serviceQualityInstrument',
    ]
      .filter((name) => typeof installed[name]?.labels?.['zh-CN'] === 'string')
      .map((name) => ({ name, label: installed[name].labels['zh-CN'] }));
    const used = ['score', 'grade', 'herfindahlIndex', 'evaluateRules', 'netPromoterScore', 'cronbachAlpha'].filter(
      (name) => name in installed,
    );
    const result = await esbuild.build({
      stdin: { contents: `export { ${used.join(', ')} } from 'clientele';`, resolveDir: consumer, loader: 'js' },
      absWorkingDir: consumer,
      bundle: true,
      minify: true,
      charset: 'utf8',
      format: 'esm',
      platform: 'browser',
      external: ['decimal.js', 'zod'],
      write: false,
      logLevel: 'silent',
    });
    const survivors = presets.filter(({ label }) => result.outputFiles[0].text.includes(label)).map(({ name }) => name);
    if (presets.length === 0) throw new Error('found no preset labels to look for');
    if (survivors.length)
      throw new Error(`bundling ${used.join(', ')} kept ${survivors.join(', ')}: mark the preset /* @__PURE__ */`);
    return `${used.join(', ')} bundle without any of ${presets.length} presets; bare import: ${bare.minified} bytes`;
  },
);
writeFileSync(join(work, 'sizes.json'), JSON.stringify(sizes, null, 2));

// The guides, JSON Schemas and API report (test/package/extra-checks.mjs).
await extraChecks({ check, run, repo, work, consumer, manifest, packed: packed[0], installed });

// ---------------------------------------------------------------------------------------------
// API reference: TypeDoc, with a warning about an undocumented export counted as a failure.
await check('typedoc: npm run docs builds docs/api with no warning about an undocumented export', async () => {
  const out = await run('npm', ['run', '--silent', 'docs'], { cwd: repo, withStderr: true }).catch(
    (error) => error.message,
  );
  const warnings = out
    .split('\n')
    .filter((line) => /\[warning\]/.test(line) && !/Found \d+ errors? and \d+ warnings?/.test(line));
  const undocumented = warnings.filter((line) => /does not have any documentation/.test(line));
  if (undocumented.length) throw new Error(`${undocumented.length} undocumented:\n${undocumented.join('\n')}`);
  if (!existsSync(join(repo, 'docs', 'api', 'index.html')))
    throw new Error(`docs/api/index.html was not written:\n${out.slice(-2000)}`);
  return warnings.length ? `other warnings (not failing):\n${warnings.join('\n')}` : 'no warnings';
});

if (keep) console.log(`scratch folder kept: ${work}`);
else rmSync(work, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
