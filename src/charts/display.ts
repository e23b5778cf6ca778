import { fail } from '../shared/errors.js';
import type { ChartOptions } from './chartOptions.js';
import { chartContext } from './internal/context.js';
import { chartFor } from './internal/detect.js';
import { plainSummary } from './internal/summaries.js';
import { htmlOf } from './toHtml.js';
import { readChartOptions } from './internal/input.js';
import { readInput } from '../shared/input.js';

/**
 * The symbol Deno's Jupyter kernel (and other JavaScript kernels) look up on a cell's last value:
 * `Symbol.for('Jupyter.display')`.
 *
 * @example
 * ```ts
 * import { jupyterDisplay } from 'clientele/charts';
 * jupyterDisplay === Symbol.for('Jupyter.display'); // true
 * ```
 * @category Display
 */
export const jupyterDisplay: unique symbol = Symbol.for('Jupyter.display') as never;

/**
 * The media bundle a notebook renders: a short `text/plain`, the `text/html` of {@link toHtml},
 * and the chart as `image/svg+xml` when the result has one.
 * @category Display
 */
export interface MediaBundle {
  readonly 'text/plain': string;
  readonly 'text/html': string;
  readonly 'image/svg+xml'?: string | undefined;
}

/**
 * A value that renders itself in a notebook.
 * @category Display
 */
export interface Displayable {
  /** The media bundle the kernel renders. */
  [jupyterDisplay](): MediaBundle;
}

/**
 * The media bundle of a result, for kernels that take one directly.
 *
 * @example
 * ```ts
 * import { paretoCurve } from 'clientele';
 * import { mediaBundle } from 'clientele/charts';
 * Object.keys(mediaBundle(paretoCurve([5, 3, 2]))); // ['text/plain', 'text/html', 'image/svg+xml']
 * ```
 * @throws ValidationError as {@link toHtml} does.
 * @category Display
 */
export function mediaBundle(result: unknown, options: ChartOptions = {}): MediaBundle {
  return bundleOf(readInput(result, '', 'mediaBundle'), readChartOptions(options, 'mediaBundle'), 'mediaBundle');
}

function bundleOf(result: unknown, options: ChartOptions, caller: string): MediaBundle {
  const chart = chartFor(result, options, caller);
  const plain = plainSummary(result, chartContext(options, 400));
  const html = htmlOf(result, options, caller);
  return chart === null
    ? { 'text/plain': plain, 'text/html': html }
    : { 'text/plain': plain, 'text/html': html, 'image/svg+xml': chart };
}

/**
 * Gives a result or model a rich notebook display: the last expression of a Deno Jupyter cell
 * then renders as a table and chart instead of 40-digit Decimals. Returns a read-through view of
 * the same object (a Proxy; the object itself, frozen or not, is never changed) whose
 * `Symbol.for('Jupyter.display')` method returns {@link mediaBundle}. The symbol is not an own
 * enumerable key, so `JSON.stringify` gives exactly the JSON of the original.
 *
 * @example
 * ```ts
 * import { paretoCurve } from 'clientele';
 * import { display } from 'clientele/charts';
 * const curve = display(paretoCurve([500, 300, 100, 60, 40]), { locale: 'zh-CN' });
 * typeof curve[Symbol.for('Jupyter.display')]; // 'function'
 * JSON.stringify(curve) === JSON.stringify(paretoCurve([500, 300, 100, 60, 40])); // true
 * ```
 * @throws ValidationError when `result` is not an object (numbers and strings already display as text),
 *   cannot be read, or an option is invalid.
 * @category Display
 */
export function display<T extends object>(result: T, options: ChartOptions = {}): T & Displayable {
  if (typeof result !== 'object' || result === null) fail('result', 'a result or model (an object)', result, 'display');
  // read now, so an unreadable value or bad options fail here rather than inside the kernel
  readInput(result, 'result', 'display');
  const settings = readChartOptions(options, 'display');
  const show = (): MediaBundle => bundleOf(readInput(result, 'result', 'display'), settings, 'display');
  return new Proxy(result, {
    get(target, key) {
      if (key === jupyterDisplay) return show;
      const value: unknown = Reflect.get(target, key, target);
      // Methods run on the original (models may keep private state keyed by it).
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as T & Displayable;
}
