// The browser: bundled by esbuild into one script; the page publishes its answers on `window`.
import { computeAnswers } from './answers.mjs';

const loaders = {
  '': () => import('clientele'),
  '/scoring': () => import('clientele/scoring'),
  '/value': () => import('clientele/value'),
  '/churn': () => import('clientele/churn'),
  '/quality': () => import('clientele/quality'),
};
computeAnswers((entry) => loaders[entry]()).then(
  (answers) => {
    globalThis.clienteleAnswers = answers;
    document.body.textContent = JSON.stringify(answers, null, 2);
  },
  (error) => {
    globalThis.clienteleAnswers = { 'page ran': `ERROR: ${error}` };
  },
);
