// A Deno notebook cell as an analyst writes it: its last expression is what the kernel displays.
import { paretoCurve } from '../../src/index.js';
import { display } from '../../src/charts/index.js';

const cell = display(paretoCurve([500, 300, 100, 60, 40]), { locale: 'zh-CN' });
// What Deno's kernel does with a cell's value: call Symbol.for('Jupyter.display') when it is a function.
const method = (cell as unknown as Record<symbol, unknown>)[Symbol.for('Jupyter.display')];
const bundle = typeof method === 'function' ? await (method as () => unknown).call(cell) : null;
console.log(JSON.stringify({ bundle, json: JSON.stringify(cell) }));
