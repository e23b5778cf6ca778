import { describeValue } from '../../shared/errors.js';
import { isNumberLike } from './input.js';
import { escapeXml } from './text.js';
import type { ChartContext } from './context.js';

/** Any value as text, never throwing (a symbol, a null-prototype object, a BigInt). */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return describeValue(value);
  }
}

/** A readable cell for any value: Decimals and numeric strings rounded for display, labels picked by locale. */
export function cellText(value: unknown, context: ChartContext, depth = 0): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return Number.isFinite(value) ? context.number(value, 4) : plainText(value);
  if (typeof value === 'boolean') return value ? context.t('yes', '是') : context.t('no', '否');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return context.t(`${value.length} items`, `${value.length} 项`);
  if (typeof value === 'object') {
    const record = value as Readonly<Record<string, unknown>>;
    if (typeof record['en'] === 'string') return context.label(record as Record<string, string>, String(record['en']));
    if (
      typeof (record as { toFixed?: unknown }).toFixed === 'function' &&
      typeof (record as { isFinite?: unknown }).isFinite === 'function' &&
      isNumberLike(record)
    )
      return context.number(value as { toString(): string }, 4);
    if (typeof record['id'] === 'string') return record['id'];
    if (depth >= 2) return '…';
    return Object.keys(record)
      .slice(0, 4)
      .map((key) => `${key}: ${cellText(record[key], context, depth + 1)}`)
      .join(', ');
  }
  return plainText(value);
}

/** An HTML table of rows; the first row of `columns` is the header. */
export function htmlTable(columns: readonly string[], rows: readonly (readonly string[])[], caption?: string): string {
  const head = `<tr>${columns.map((column) => `<th scope="col">${escapeXml(column)}</th>`).join('')}</tr>`;
  const cellOf = (cell: string, index: number) =>
    index === 0 ? `<th scope="row">${escapeXml(cell)}</th>` : `<td>${escapeXml(cell)}</td>`;
  const body = rows.map((row) => `<tr>${row.map(cellOf).join('')}</tr>`).join('');
  const title = caption ? `<caption>${escapeXml(caption)}</caption>` : '';
  return `<table class="clientele-table">${title}<thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** The scalar top-level fields of a result as a two-column table. */
export function fieldTable(value: unknown, context: ChartContext, caption?: string): string {
  if (typeof value !== 'object' || value === null)
    return htmlTable([context.t('value', '值')], [[cellText(value, context)]], caption);
  const rows = Object.keys(value)
    .slice(0, 40)
    .map((key) => [key, cellText((value as Record<string, unknown>)[key], context)]);
  return htmlTable([context.t('field', '字段'), context.t('value', '值')], rows, caption);
}
