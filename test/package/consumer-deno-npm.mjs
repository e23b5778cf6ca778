// Deno, as a notebook user writes it: `npm:` specifiers, no package.json, no node_modules.
import { computeAnswers } from './answers.mjs';

const loaders = {
  '': () => import('npm:clientele@0.1.0'),
  '/scoring': () => import('npm:clientele@0.1.0/scoring'),
  '/value': () => import('npm:clientele@0.1.0/value'),
  '/churn': () => import('npm:clientele@0.1.0/churn'),
  '/quality': () => import('npm:clientele@0.1.0/quality'),
};
const answers = await computeAnswers((entry) => loaders[entry]());
console.log(JSON.stringify(answers));
