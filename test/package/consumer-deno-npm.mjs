// Deno, as a notebook user writes it: `npm:` specifiers, no package.json, no node_modules.
import { computeAnswers } from './answers.mjs';

// One loader per subpath of the package's exports map, written in by run.mjs.
const loaders = {/*@loaders npm*/};
const answers = await computeAnswers(loaders);
console.log(JSON.stringify(answers));
