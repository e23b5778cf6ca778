// Determinism (headless Chromium): bundled by esbuild; the page publishes its digests on `window`.
import { determinismDigests } from './determinism.mjs';

// One loader per subpath of the package's exports map, written in by run.mjs.
const loaders = {/*@loaders import*/};
(async () => {
  const modules = {};
  for (const [subpath, load] of Object.entries(loaders)) modules[subpath] = await load();
  return determinismDigests(modules);
})().then(
  (digests) => (globalThis.clienteleDigests = digests),
  (error) => (globalThis.clienteleDigests = { 'page ran': `ERROR: ${error}` }),
);
