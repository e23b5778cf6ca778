/**
 * The built-in notebook display of models and results: `Symbol.for('Jupyter.display')` returning a
 * short `text/plain` and an HTML table, so the last expression of a Deno Jupyter cell renders as a
 * table rather than as 40-digit Decimals. This file is small and has no dependency; the charts are
 * not here. When `clientele/charts` is loaded (the root entry loads it) it registers its chart
 * drawer through {@link useChartDrawer}, and from then on a result that has a chart also shows it:
 * `image/svg+xml` in the bundle and the same SVG inline before the table. A program (or bundle)
 * that never loads the charts keeps the tables, and the chart code out.
 *
 * @module
 */
import { isDecimal } from './numeric.js';

/** `Symbol.for('Jupyter.display')`, the method Deno's Jupyter kernel calls on a cell's last value. */
const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');
const MAX_ROWS = 20;
const MAX_COLUMNS = 8;
const MAX_TEXT = 200;
// Shown in the title of a model's display, so left out of its one-line headline.
const IDENTITY = new Set(['kind', 'id', 'version', 'fingerprint']);

/** What the built-in display returns: the media types a notebook renders. */
export interface TableBundle {
  /** One line: the kind and its headline fields. */
  readonly 'text/plain': string;
  /** The chart, when there is one, then a table of the fields (nested one level for lists of records). */
  readonly 'text/html': string;
  /** The result's chart, when the charts are loaded and the result has one. */
  readonly 'image/svg+xml'?: string;
}

/** Draws the chart of a value as a standalone SVG string, or returns null when it has none. */
export type ChartDrawer = (value: object) => string | null;

let chartDrawer: ChartDrawer | null = null;

/**
 * Registers the chart drawer of the built-in display; `clientele/charts` calls it once when it is
 * loaded. Kept as a hook so the scoring, value, churn and quality entries never import the charts.
 */
export function useChartDrawer(drawer: ChartDrawer): void {
  chartDrawer = drawer;
}

/** The value's chart, or null: none registered, none for this value, or it cannot be drawn. */
function chartOf(value: object): string | null {
  if (chartDrawer === null) return null;
  try {
    return chartDrawer(value);
  } catch {
    // A result edited by hand so its chart cannot read it still displays its table: a kernel's
    // display call must not throw.
    return null;
  }
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function short(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** A readable cell: Decimals and doubles to 6 significant digits, labels in English, lists counted. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (typeof value === 'string') return short(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (isDecimal(value)) return value.isInteger() ? value.toFixed() : value.toSignificantDigits(6).toString();
  if (ArrayBuffer.isView(value)) return `${(value as unknown as ArrayLike<unknown>).length} values`;
  if (Array.isArray(value)) return `${value.length} items`;
  if (typeof value === 'object') {
    const record = value as Readonly<Record<string, unknown>>;
    if (typeof record['en'] === 'string') return short(record['en']);
    if (typeof record['id'] === 'string') return short(record['id']);
    const keys = Object.keys(record);
    return short(keys.map((key) => `${key}: ${cell(record[key])}`).join(', '));
  }
  return typeof value;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isDecimal(value);

/** A list of records as a nested table: the first records' scalar fields as columns. */
function listTable(list: readonly unknown[]): string {
  const records = list.filter(isRecord);
  if (records.length === 0 || records.length !== list.length) return escapeHtml(cell(list));
  const columns: string[] = [];
  for (const record of records.slice(0, MAX_ROWS))
    for (const key of Object.keys(record))
      if (!columns.includes(key) && columns.length < MAX_COLUMNS && !Array.isArray(record[key])) columns.push(key);
  const head = columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('');
  const rows = records
    .slice(0, MAX_ROWS)
    .map((record) => `<tr>${columns.map((column) => `<td>${escapeHtml(cell(record[column]))}</td>`).join('')}</tr>`);
  const more =
    records.length > MAX_ROWS
      ? `<tr><td colspan="${columns.length}">… ${records.length - MAX_ROWS} more</td></tr>`
      : '';
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}${more}</tbody></table>`;
}

/**
 * The built-in media bundle of a model or result: `text/plain` names the kind and the headline
 * fields, `text/html` lists every field (lists of records as nested tables, at most 20 rows and 8
 * columns each), after the chart when one is registered and drawn (the chart first: a portfolio's
 * table is long), which the bundle also carries as `image/svg+xml`. Values are rounded for display
 * only; the object is not changed.
 */
export function tableBundle(value: object, title: string): TableBundle {
  const record = value as Readonly<Record<string, unknown>>;
  const keys = Object.keys(record);
  const rows = keys.map((key) => {
    const field = record[key];
    const shown = Array.isArray(field) ? listTable(field) : escapeHtml(cell(field));
    return `<tr><th scope="row">${escapeHtml(key)}</th><td>${shown}</td></tr>`;
  });
  const headline = keys
    .filter((key) => !IDENTITY.has(key) && !Array.isArray(record[key]) && !isRecord(record[key]))
    .slice(0, 6)
    .map((key) => `${key} ${cell(record[key])}`);
  const plain = short(`${title}${headline.length > 0 ? ` (${headline.join(', ')})` : ''}`);
  const table =
    `<table class="clientele-display"><caption>${escapeHtml(title)}</caption>` +
    `<tbody>${rows.join('')}</tbody></table>`;
  const chart = chartOf(value);
  return chart === null
    ? { 'text/plain': plain, 'text/html': table }
    : { 'text/plain': plain, 'text/html': `${chart}${table}`, 'image/svg+xml': chart };
}

/** The display method a prototype or object carries under `Symbol.for('Jupyter.display')`. */
export function displayMethod(title: string): (this: object) => TableBundle {
  return function (this: object): TableBundle {
    return tableBundle(this, title);
  };
}

const prototypes = new Map<string, object>();

/** One frozen prototype per title, holding only the display method (under a symbol, so not a field). */
function displayPrototype(title: string): object {
  const known = prototypes.get(title);
  if (known !== undefined) return known;
  const methods = { [JUPYTER_DISPLAY]: { value: displayMethod(title) } };
  const prototype = Object.freeze(Object.create(Object.prototype, methods) as object);
  prototypes.set(title, prototype);
  return prototype;
}

/**
 * Gives a plain-object result its notebook display: `Symbol.for('Jupyter.display')` is inherited
 * from a prototype that holds only that method, so the result has no new own key (JSON,
 * `Object.keys`, `Reflect.ownKeys` and equality in tests see the same object) and a read-through
 * Proxy such as `clientele/charts`' `display` can still override it. An extensible result gets the
 * prototype in place; a frozen one is returned as a frozen shallow copy; anything else (arrays,
 * class instances, non-extensible objects) is returned unchanged.
 */
export function withDisplay<T extends object>(value: T, title: string): T {
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  if (Object.isExtensible(value)) return Object.setPrototypeOf(value, displayPrototype(title)) as T;
  if (Object.isFrozen(value)) return Object.freeze(Object.assign(Object.create(displayPrototype(title)), value)) as T;
  return value;
}

/**
 * Adds the display of results titled `title` to the prototype of a class of results (non-enumerable,
 * under the symbol): for results built by a class, which {@link withDisplay} leaves unchanged.
 */
export function addResultDisplay(prototype: object, title: string): void {
  Object.defineProperty(prototype, JUPYTER_DISPLAY, { value: displayMethod(title) });
}

/**
 * Where a result class keeps what its shared getters read: a non-enumerable own property under this
 * symbol (see {@link keepState}). Unlike a private field it is read through a `Proxy` of the result
 * and through an object whose prototype is the result, as the per-result closures it replaced were;
 * JSON, `Object.keys`, spreading and equality in tests do not see it.
 */
export const RESULT_STATE: unique symbol = Symbol('clientele.resultState');

/** Stores `state` on a result under {@link RESULT_STATE} (non-enumerable, not writable). */
export function keepState(result: object, state: object): void {
  Object.defineProperty(result, RESULT_STATE, { value: state });
}

/** The state a result keeps under {@link RESULT_STATE}. */
export function stateOf<T>(result: object): T {
  return (result as { [RESULT_STATE]: T })[RESULT_STATE];
}

/**
 * The descriptor of an own enumerable getter shared by every result of a class: `read` gets the
 * state the result keeps under {@link RESULT_STATE}. One getter function for all results, so they
 * all have one hidden class (a getter made per result gives each result a class of its own).
 */
export function stateGetter<S>(read: (state: S) => unknown): PropertyDescriptor {
  return {
    get(this: object) {
      return read(stateOf<S>(this));
    },
    enumerable: true,
  };
}

/**
 * Shapes a result class's prototype like the display prototype of every plain result: no
 * `constructor`, the display method titled `title` (so `roundForDisplay` and the notebook treat an
 * instance as the record it serialises to), frozen with its base classes' prototypes. Returns the
 * class; call it once, marked pure, so a bundle that never builds such a result drops it.
 */
export function asResultClass<T extends abstract new (...args: never[]) => object>(type: T, title: string): T {
  Reflect.deleteProperty(type.prototype, 'constructor');
  addResultDisplay(type.prototype as object, title);
  // this prototype and those of its base classes (their methods are shared by every result)
  for (let prototype: object | null = type.prototype as object; prototype !== null && prototype !== Object.prototype;)
    prototype = Object.getPrototypeOf(Object.freeze(prototype)) as object | null;
  return type;
}

/** Adds the display method to a model prototype under construction: titled `kind id@version`. */
export function addModelDisplay(prototype: Record<PropertyKey, unknown>): void {
  prototype[JUPYTER_DISPLAY] = function (this: {
    readonly kind: string;
    readonly id: string;
    readonly version: string;
  }) {
    return tableBundle(this, `${this.kind} ${this.id}@${this.version}`);
  };
}
