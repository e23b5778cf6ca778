// Node (and Bun, and Deno through node_modules): import every entry point as an ES module.
import { createRequire } from 'node:module';
import { computeAnswers } from './answers.mjs';

// One loader per subpath of the package's exports map, written in by run.mjs.
const loaders = {/*@loaders import*/};
const answers = await computeAnswers(loaders);

// A program that mixes both builds (an ESM app with a CommonJS dependency on clientele) must still
// recognise the errors: the classes answer `instanceof` through a branded Symbol.hasInstance.
try {
  const esm = await import('clientele');
  const cjs = createRequire(import.meta.url)('clientele');
  let caught;
  try {
    cjs.score(cjs.potentialValueModel, {});
  } catch (error) {
    caught = error;
  }
  answers['ValidationError from the CommonJS build is instanceof the ESM class'] =
    cjs.ValidationError !== esm.ValidationError &&
    caught instanceof esm.ValidationError &&
    caught instanceof esm.ClienteleError
      ? 'ok'
      : `ERROR: ${caught}`;
} catch (error) {
  answers['ValidationError from the CommonJS build is instanceof the ESM class'] = `ERROR: ${error}`;
}
console.log(JSON.stringify(answers));
