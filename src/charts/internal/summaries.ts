import type { NumberLike } from '../chartOptions.js';
import type { ChartContext } from './context.js';
import { isNumberLike } from './input.js';
import { resultKind } from './detect.js';
import { cellText, fieldTable, htmlTable, plainText } from './table.js';

type Shape = Readonly<Record<string, unknown>>;
/** A number shown by `format` when it is one, as plain text otherwise (display never refuses a field). */
const shown = (value: unknown, format: (value: NumberLike) => string): string =>
  isNumberLike(value) ? format(value) : plainText(value);
const list = (value: unknown): readonly Shape[] => (Array.isArray(value) ? (value as Shape[]) : []);

/** The table that best summarises a result. */
export function summaryTable(value: unknown, context: ChartContext): string {
  const { t } = context;
  const shape = (typeof value === 'object' && value !== null ? value : {}) as Shape;
  switch (resultKind(value)) {
    case 'portfolio-assessment': {
      const summary = shape['summary'] as Shape;
      const rows = list(summary['byClass']).map((line) => [
        plainText(line['customerClass']),
        cellText(line['labels'], context),
        shown(line['count'], (value) => context.number(value, 0)),
        shown(line['accountShare'], context.percent),
        shown(line['value'], context.money),
        shown(line['valueShare'], context.percent),
      ]);
      return htmlTable(
        [
          t('class', '类别'),
          t('segment', '客户群'),
          t('accounts', '客户数'),
          t('share of accounts', '客户占比'),
          t('current value', '当前价值'),
          t('share of value', '价值占比'),
        ],
        rows,
        t(
          `${plainText(summary['accounts'])} accounts assessed, ${plainText(summary['failed'])} failed`,
          `已评估 ${plainText(summary['accounts'])} 个客户，失败 ${plainText(summary['failed'])} 个`,
        ),
      );
    }
    case 'score':
      return recordTable(
        context,
        list(shape['factors']),
        [
          ['id', t('factor', '因素')],
          ['rating', t('rating', '评分')],
          ['contribution', t('contribution', '贡献')],
          ['maxContribution', t('maximum', '满分')],
        ],
        `${t('total', '总分')} ` +
          `${cellText(shape['total'], context)}${shape['grade'] ? ` (${plainText(shape['grade'])})` : ''}`,
      );
    case 'churn-risk':
      return recordTable(
        context,
        list(shape['alerts']),
        [
          ['ruleId', t('rule', '规则')],
          ['severity', t('severity', '严重度')],
          ['cause', t('cause', '原因')],
          ['message', t('message', '说明')],
        ],
        `${t('risk', '风险')} ${cellText(shape['risk'], context)} · ${t('level', '等级')} ${plainText(shape['level'])}`,
      );
    default:
      return fieldTable(value, context);
  }
}

/** A table of records, one column per `[field, heading]`: the first field as plain text (an id), the rest formatted. */
function recordTable(
  context: ChartContext,
  records: readonly Shape[],
  columns: readonly (readonly [field: string, heading: string])[],
  caption: string,
): string {
  const rows = records.map((record) =>
    columns.map(([field], index) => (index === 0 ? plainText(record[field]) : cellText(record[field], context))),
  );
  return htmlTable(
    columns.map(([, heading]) => heading),
    rows,
    caption,
  );
}

/** A one-line plain-text summary for consoles and `text/plain`. */
export function plainSummary(value: unknown, context: ChartContext): string {
  const kind = resultKind(value);
  const shape = (typeof value === 'object' && value !== null ? value : {}) as Shape;
  switch (kind) {
    case 'portfolio-assessment': {
      const summary = shape['summary'] as Shape;
      return (
        `clientele portfolio assessment: ${plainText(summary['accounts'])} accounts, ` +
        `${plainText(summary['failed'])} failed, total current value ${shown(summary['totalValue'], context.money)}`
      );
    }
    case 'score':
      return (
        `clientele score: total ` +
        `${cellText(shape['total'], context)}${shape['grade'] ? `, grade ${plainText(shape['grade'])}` : ''}`
      );
    case 'churn-risk':
      return (
        `clientele churn risk: ${plainText(shape['accountId'] ?? '')} level ${plainText(shape['level'])}, ` +
        `risk ${cellText(shape['risk'], context)}, ${list(shape['alerts']).length} alerts`
      );
    case 'model':
      return (
        `clientele ${plainText(shape['kind'])} ${plainText(shape['id'])}@${plainText(shape['version'])} ` +
        `(${plainText(shape['fingerprint']).slice(0, 12)})`
      );
    case 'pareto-curve':
    case 'churn-batch':
      return (
        `clientele ${kind}: ` +
        `${Array.isArray(value) ? value.length : list(shape['results'] ?? shape['points']).length} rows`
      );
    default:
      return `clientele ${kind}`;
  }
}
