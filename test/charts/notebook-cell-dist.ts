// Deno notebook cells on the built package (dist/): first only the scoring entry is loaded, then the
// root entry, which loads the charts and with them the chart of the built-in display.
import { accounts } from './fixtures.js';

const show = async (value: object): Promise<unknown> => {
  const method = (value as Record<symbol, unknown>)[Symbol.for('Jupyter.display')];
  return typeof method === 'function' ? await (method as () => unknown).call(value) : null;
};
const entry = (name: string): string => new URL(`../../dist/${name}.js`, import.meta.url).href;

const scoring = await import(entry('scoring'));
const scored = scoring.score(scoring.potentialValueModel, accounts[0]!.ratings) as object;
const scoringOnly = await show(scored);

const root = await import(entry('index'));
const plain = root.assessPortfolio(accounts, { valuation: { discountRate: 0.1, retention: 0.8 } }) as object;
console.log(JSON.stringify({ scoringOnly, plain: await show(plain), scoredLater: await show(scored) }));
