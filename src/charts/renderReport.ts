import { paretoCurve } from '../value/index.js';
import type { ChartOptions, LocalisedLabels, NumberLike } from './chartOptions.js';
import { churnCauseChart } from './churnCauseChart.js';
import { dimensionMeansChart, type DimensionMeansChartInput } from './dimensionMeansChart.js';
import { importancePerformanceChart, type ImportancePerformanceChartInput } from './importancePerformanceChart.js';
import { causeNames, levelNames } from './internal/churnText.js';
import { chartContext, type ChartContext } from './internal/context.js';
import { summaryTable } from './internal/summaries.js';
import { cellText, htmlTable } from './internal/table.js';
import { readChartInput, readChartOptions } from './internal/input.js';
import { reportAssessmentSchema, reportOptionsSchema } from './internal/schemas.js';
import { escapeXml } from './internal/text.js';
import { paretoChart } from './paretoChart.js';
import { riskLevelChart } from './riskLevelChart.js';
import { servqualGapChart, type ServqualGapChartInput } from './servqualGapChart.js';
import { displayStyle } from './toHtml.js';
import { valueMatrixChart, type ValueMatrixChartInput } from './valueMatrixChart.js';

/**
 * A churn result as the report reads it (`evaluateChurnRiskBatch` results): level, risk and alerts
 * with their messages and evidence.
 * @category Display
 */
export interface ReportChurnResult {
  readonly level: string;
  readonly accountId?: string | undefined;
  readonly risk?: NumberLike | undefined;
  readonly alerts: readonly {
    readonly ruleId?: string | undefined;
    readonly cause: string;
    readonly severity: string;
    readonly message?: LocalisedLabels | undefined;
    readonly evidence?:
      | readonly {
          readonly signal: string;
          readonly op: string;
          readonly value?: unknown;
          readonly actual: unknown;
          readonly outcome: string;
        }[]
      | undefined;
  }[];
}

/**
 * What {@link renderReport} reads of a portfolio assessment (`assessPortfolio`).
 * @category Display
 */
export interface ReportAssessment extends ValueMatrixChartInput {
  readonly summary: {
    readonly accounts: number;
    readonly failed: number;
    readonly totalValue: NumberLike;
    readonly byClass: readonly {
      readonly customerClass: string;
      readonly labels: LocalisedLabels;
      readonly count: number;
      readonly accountShare: NumberLike;
      readonly value: NumberLike;
      readonly valueShare: NumberLike;
    }[];
    readonly pareto: { readonly targetShare: NumberLike } | null;
  };
}

/**
 * Options of {@link renderReport}.
 * @category Display
 */
export interface ReportOptions extends Omit<ChartOptions, 'title' | 'description' | 'width' | 'height'> {
  /** `'en'` (default) or `'zh-CN'`: the report's language. */
  readonly locale?: string | undefined;
  /** Page title; default "Portfolio report" / "客户组合报告". */
  readonly title?: string | undefined;
  /** The date the figures are as of, printed in the header (the library reads no clock). */
  readonly asOf?: string | undefined;
  /** Accounts per tier (e.g. counted from `defineTierPolicy(...).tierOf`), in tier order. */
  readonly tiers?:
    | readonly {
        readonly id: string;
        readonly labels?: LocalisedLabels | undefined;
        readonly count: number;
        readonly value?: NumberLike | undefined;
      }[]
    | undefined;
  /** Churn results per account (`evaluateChurnRiskBatch(...).results`). */
  readonly churn?: readonly ReportChurnResult[] | undefined;
  /** Service quality: `scoreSurvey`, `importancePerformanceAnalysis` and `measureServqualGaps` results. */
  readonly quality?:
    | {
        readonly survey?: DimensionMeansChartInput | undefined;
        readonly ipa?: ImportancePerformanceChartInput | undefined;
        readonly servqual?: ServqualGapChartInput | undefined;
      }
    | undefined;
  /** At most this many alerts are listed (highest severity first); default 25. */
  readonly maxAlerts?: number | undefined;
}

/**
 * One standalone HTML page for a portfolio: the value matrix, the Pareto curve, tiers, churn alerts
 * with their evidence and service quality, in English or Chinese. Inline SVG and CSS only — no
 * scripts, no network (a Content-Security-Policy meta tag forbids both) — so it can be mailed,
 * archived or printed as is.
 *
 * @example
 * ```ts
 * import { assessPortfolio } from 'clientele';
 * import { renderReport } from 'clientele/charts';
 * const ratings = {
 *   tenure: 4, creditRecord: 8, latePayment: 9, missedAppointments: 5, productVariety: 2, purchaseCount: 2,
 *   purchaseFrequency: 2, competitorPurchase: 5, competitorFrequency: 4, assetSize: 15, industry: 8,
 *   marketPosition: 7, peerUserBase: 6,
 * };
 * const assessment = assessPortfolio(
 *   [{ id: 'a', ratings, margin: 1200 }, { id: 'b', ratings, margin: 300 }],
 *   { valuation: { discountRate: 0.1, retention: 0.8 } },
 * );
 * const html = renderReport(assessment, { locale: 'zh-CN', asOf: '2026-06-30' });
 * html.startsWith('<!doctype html>'); // true
 * ```
 * @category Display
 */
export function renderReport(assessment: ReportAssessment, options: ReportOptions = {}): string {
  return drawReport(
    readChartInput(reportAssessmentSchema, assessment, 'renderReport') as ReportAssessment,
    readChartOptions(options, 'renderReport', reportOptionsSchema) as unknown as ReportOptions,
  );
}

function drawReport(assessment: ReportAssessment, options: ReportOptions): string {
  const context = chartContext(options, 400);
  const { t } = context;
  const chart = { ...options, width: 720 } satisfies ChartOptions;
  const title = options.title ?? t('Portfolio report', '客户组合报告');
  const sections: string[] = [];
  sections.push(
    section(t('Value matrix', '客户价值矩阵'), summaryTable(assessment, context) + valueMatrixChart(assessment, chart)),
  );
  const positive = assessment.results
    .map((account) => account.current.value)
    .filter((value) => Number(String(value)) > 0);
  if (positive.length > 0) {
    const targetShare = assessment.summary.pareto?.targetShare ?? 0.8;
    sections.push(
      section(
        t('Concentration (Pareto)', '价值集中度（帕累托）'),
        paretoChart(paretoCurve(positive.map(String)).points, { ...chart, targetShare }),
      ),
    );
  }
  if (options.tiers && options.tiers.length > 0) {
    const rows = options.tiers.map((tier) => [
      context.label(tier.labels, tier.id),
      context.number(tier.count, 0),
      tier.value === undefined ? '—' : context.money(tier.value),
    ]);
    sections.push(
      section(
        t('Tiers', '客户分级'),
        htmlTable([t('tier', '级别'), t('accounts', '客户数'), t('monthly spend', '月消费')], rows),
      ),
    );
  }
  if (options.churn)
    sections.push(
      section(
        t('Churn early warning', '流失预警'),
        riskLevelChart(options.churn, chart) +
          churnCauseChart(options.churn, chart) +
          alertTable(options.churn, context, options.maxAlerts ?? 25),
      ),
    );
  const quality = options.quality;
  if (quality && (quality.survey || quality.ipa || quality.servqual)) {
    const parts = [
      quality.survey ? dimensionMeansChart(quality.survey, { ...chart, scale: [1, 5] }) : '',
      quality.ipa ? importancePerformanceChart(quality.ipa, chart) : '',
      quality.servqual ? servqualGapChart(quality.servqual, chart) : '',
    ];
    sections.push(section(t('Service quality', '服务质量'), parts.join('')));
  }
  const { accounts, totalValue } = assessment.summary;
  const counted = t(
    `${accounts} accounts · total current value ${context.money(totalValue)}`,
    `${accounts} 个客户 · 当前价值合计 ${context.money(totalValue)}`,
  );
  const asOf = options.asOf ? escapeXml(t(` · as of ${options.asOf}`, ` · 截至 ${options.asOf}`)) : '';
  const header = `<header><h1>${escapeXml(title)}</h1><p>${escapeXml(counted)}${asOf}</p></header>`;
  const style =
    `${displayStyle(options.theme === 'dark')}body{margin:0}main{max-width:760px;margin:0 ` +
    `auto}h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid currentColor}`;
  return [
    '<!doctype html>',
    `<html lang="${escapeXml(context.theme.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src ` +
      `data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    `<body class="clientele-display"><main>${header}${sections.join('')}</main></body>`,
    '</html>',
    '',
  ].join('\n');
}

function section(heading: string, content: string): string {
  return `<section><h2>${escapeXml(heading)}</h2>${content}</section>`;
}

const severityRank: Readonly<Record<string, number>> = { critical: 0, warning: 1, watch: 2 };

function alertTable(results: readonly ReportChurnResult[], context: ChartContext, limit: number): string {
  const { t } = context;
  const alerts = results
    .flatMap((result) => result.alerts.map((alert) => ({ account: result.accountId ?? '', alert })))
    .sort(
      (a, b) =>
        (severityRank[a.alert.severity] ?? 9) - (severityRank[b.alert.severity] ?? 9) ||
        (a.account < b.account ? -1 : a.account > b.account ? 1 : 0),
    );
  const rows = alerts.slice(0, limit).map(({ account, alert }) => [
    account,
    context.label(levelNames[alert.severity], alert.severity),
    context.label(causeNames[alert.cause], alert.cause),
    alert.message ? context.label(alert.message, '') : (alert.ruleId ?? ''),
    (alert.evidence ?? [])
      .filter((leaf) => leaf.outcome === 'true')
      .map((leaf) => `${leaf.signal} = ${cellText(leaf.actual, context)} (${leaf.op} ${cellText(leaf.value, context)})`)
      .join('; '),
  ]);
  const caption =
    alerts.length > limit
      ? t(
          `${limit} of ${alerts.length} alerts, most severe first`,
          `共 ${alerts.length} 条预警，按严重度列出前 ${limit} 条`,
        )
      : t(`${alerts.length} alerts, most severe first`, `共 ${alerts.length} 条预警，按严重度排列`);
  return htmlTable(
    [t('account', '客户'), t('severity', '严重度'), t('cause', '原因'), t('message', '说明'), t('evidence', '依据')],
    rows,
    caption,
  );
}
