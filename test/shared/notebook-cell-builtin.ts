// A Deno notebook cell without the charts: its last value is a model or a result as the library returns it.
import { potentialValueModel } from '../../src/scoring/index.js';
import { paretoCurve } from '../../src/value/index.js';

const show = async (value: object): Promise<unknown> => {
  // What Deno's kernel does with a cell's value: call Symbol.for('Jupyter.display') when it is a function.
  const method = (value as Record<symbol, unknown>)[Symbol.for('Jupyter.display')];
  return typeof method === 'function' ? await (method as () => unknown).call(value) : null;
};
const curve = paretoCurve([500, 300, 100, 60, 40]);
console.log(
  JSON.stringify({ model: await show(potentialValueModel), curve: await show(curve), json: JSON.stringify(curve) }),
);
