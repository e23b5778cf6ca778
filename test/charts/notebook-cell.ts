// Deno notebook cells as an analyst writes them: a cell's last expression is what the kernel displays.
import { assessPortfolio, paretoCurve } from '../../src/index.js';
import { display } from '../../src/charts/index.js';
import { accounts } from './fixtures.js';

// What Deno's kernel does with a cell's value: call Symbol.for('Jupyter.display') when it is a function.
const show = async (value: object): Promise<unknown> => {
  const method = (value as Record<symbol, unknown>)[Symbol.for('Jupyter.display')];
  return typeof method === 'function' ? await (method as () => unknown).call(value) : null;
};

// A cell ending in `display(result, options)`: the chart follows the options.
const cell = display(paretoCurve([500, 300, 100, 60, 40]), { locale: 'zh-CN' });
// A cell ending in the result itself, not wrapped: the built-in display, with the chart.
const plain = assessPortfolio(accounts, { valuation: { discountRate: 0.1, retention: 0.8 } });
console.log(JSON.stringify({ bundle: await show(cell), json: JSON.stringify(cell), plain: await show(plain) }));
