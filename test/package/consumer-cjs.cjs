// Node and Bun: `require` every entry point from CommonJS.
// One loader per subpath of the package's exports map, written in by run.mjs.
const loaders = {/*@loaders require*/};
import('./answers.mjs')
  .then(({ computeAnswers }) => computeAnswers(loaders))
  .then((answers) => {
    const resolved = require.resolve('clientele');
    answers['require resolves to the CommonJS build'] = resolved.endsWith('.cjs')
      ? 'ok'
      : `ERROR: resolved to ${resolved}`;
    console.log(JSON.stringify(answers));
  });
