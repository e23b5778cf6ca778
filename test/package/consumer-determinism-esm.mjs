// Determinism (Node ESM, Deno and Bun): every entry point imported, the seeded corpus through every
// public function, one SHA-256 per function printed as JSON for run.mjs to compare across runtimes.
import { determinismDigests } from './determinism.mjs';

// One loader per subpath of the package's exports map, written in by run.mjs.
const loaders = {/*@loaders import*/};
const modules = {};
for (const [subpath, load] of Object.entries(loaders)) modules[subpath] = await load();
console.log(JSON.stringify(determinismDigests(modules)));
