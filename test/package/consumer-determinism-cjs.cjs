// Determinism (Node CommonJS): every entry point required, the same corpus and digests as the ESM run.
// One loader per subpath of the package's exports map, written in by run.mjs.
const loaders = {/*@loaders require*/};
import('./determinism.mjs').then(({ determinismDigests }) => {
  const modules = {};
  for (const [subpath, load] of Object.entries(loaders)) modules[subpath] = load();
  console.log(JSON.stringify(determinismDigests(modules)));
});
