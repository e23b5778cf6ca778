// Node and Bun: `require` every entry point from CommonJS.
const loaders = {
  '': () => require('clientele'),
  '/scoring': () => require('clientele/scoring'),
  '/value': () => require('clientele/value'),
  '/churn': () => require('clientele/churn'),
  '/quality': () => require('clientele/quality'),
};
import('./answers.mjs')
  .then(({ computeAnswers }) => computeAnswers((entry) => loaders[entry]()))
  .then((answers) => {
    const resolved = require.resolve('clientele');
    answers['require resolves to the CommonJS build'] = resolved.endsWith('.cjs') ? 'ok' : `ERROR: resolved to ${resolved}`;
    console.log(JSON.stringify(answers));
  });
