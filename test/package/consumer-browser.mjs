// The browser: bundled by esbuild into one script; the page publishes its answers on `window`.
import { computeAnswers } from './answers.mjs';

// One loader per subpath of the package's exports map, written in by run.mjs.
const loaders = {/*@loaders import*/};
computeAnswers(loaders).then(
  (answers) => {
    globalThis.clienteleAnswers = answers;
    document.body.textContent = JSON.stringify(answers, null, 2);
  },
  (error) => {
    globalThis.clienteleAnswers = { 'page ran': `ERROR: ${error}` };
  },
);
