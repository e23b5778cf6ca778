import type { ChartContext } from './context.js';
import { resultKind } from './detect.js';
import { cellText, fieldTable, htmlTable } from './table.js';

type Shape = Readonly<Record<string, unknown>>;
const list = (value: unknown): readonly Shape[] => (Array.isArray(value) ? (value as Shape[]) : []);

/** The table that best summarises a result. */
export function summaryTable(value: unknown, context: ChartContext): string {
  const { t } = context;
  const shape = (typeof value === 'object' && value !== null ? value : {}) as Shape;
  switch (resultKind(value)) {
    case 'portfolio-assessment': {
      const summary = shape['summary'] as Shape;
      const rows = list(summary['byClass']).map((line) => [
        String(line['customerClass']),
        cellText(line['labels'], context),
        context.number(line['count'] as number, 0),
        context.percent(line['accountShare'] as string),
        context.money(line['value'] as string),
        context.percent(line['valueShare'] as string),
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
          `${String(summary['accounts'])} accounts assessed, ${String(summary['failed'])} failed`,
          `已评估 ${String(summary['accounts'])} 个客户，失败 ${String(summary['failed'])} 个`,
        ),
      );
    }
    case 'score': {
      const rows = list(shape['factors']).map((factor) => [
        String(factor['id']),
        cellText(factor['rating'], context),
        cellText(factor['contribution'], context),
        cellText(factor['maxContribution'], context),
      ]);
      return htmlTable(
        [t('factor', '因素'), t('rating', '评分'), t('contribution', '贡献'), t('maximum', '满分')],
        rows,
        `${t('total', '总分')} ${cellText(shape['total'], context)}${shape['grade'] ? ` (${String(shape['grade'])})` : ''}`,
      );
    }
    case 'churn-risk': {
      const rows = list(shape['alerts']).map((alert) => [
        String(alert['ruleId']),
        cellText(alert['severity'], context),
        cellText(alert['cause'], context),
        cellText(alert['message'], context),
      ]);
      return htmlTable(
        [t('rule', '规则'), t('severity', '严重度'), t('cause', '原因'), t('message', '说明')],
        rows,
        `${t('risk', '风险')} ${cellText(shape['risk'], context)} · ${t('level', '等级')} ${String(shape['level'])}`,
      );
    }
    default:
      return fieldTable(value, context);
  }
}

/** A one-line plain-text summary for consoles and `text/plain`. */
export function plainSummary(value: unknown, context: ChartContext): string {
  const kind = resultKind(value);
  const shape = (typeof value === 'object' && value !== null ? value : {}) as Shape;
  switch (kind) {
    case 'portfolio-assessment': {
      const summary = shape['summary'] as Shape;
      return `clientele portfolio assessment: ${String(summary['accounts'])} accounts, ${String(summary['failed'])} failed, total current value ${context.money(summary['totalValue'] as string)}`;
    }
    case 'score':
      return `clientele score: total ${cellText(shape['total'], context)}${shape['grade'] ? `, grade ${String(shape['grade'])}` : ''}`;
    case 'churn-risk':
      return `clientele churn risk: ${String(shape['accountId'] ?? '')} level ${String(shape['level'])}, risk ${cellText(shape['risk'], context)}, ${list(shape['alerts']).length} alerts`;
    case 'model':
      return `clientele ${String(shape['kind'])} ${String(shape['id'])}@${String(shape['version'])} (${String(shape['fingerprint']).slice(0, 12)})`;
    case 'pareto-curve':
    case 'churn-batch':
      return `clientele ${kind}: ${Array.isArray(value) ? value.length : list(shape['results'] ?? shape['points']).length} rows`;
    default:
      return `clientele ${kind}`;
  }
}
