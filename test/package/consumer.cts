// The same TypeScript consumer compiled to CommonJS (node16 / nodenext): every import becomes `require`.
import * as root from 'clientele';
import * as scoring from 'clientele/scoring';
import * as value from 'clientele/value';
import * as churn from 'clientele/churn';
import * as quality from 'clientele/quality';
import { score, potentialValueModel, type ScoreResult } from 'clientele/scoring';
import { ValidationError } from 'clientele';

const result: ScoreResult = score(potentialValueModel, {
  tenure: 4, creditRecord: 8, latePayment: 9, missedAppointments: 5,
  productVariety: 2, purchaseCount: 2.5, purchaseFrequency: 1.5, competitorPurchase: 6, competitorFrequency: 4,
  assetSize: 15, industry: 8, marketPosition: 7, peerUserBase: 6,
});
const isError: boolean = new Error('x') instanceof ValidationError;
void [result.total.toFixed(2), isError];

const modules: Record<string, unknown> = { '': root, '/scoring': scoring, '/value': value, '/churn': churn, '/quality': quality };
void import('./answers.mjs').then(async ({ computeAnswers }) => {
  const answers = await computeAnswers((entry: string) => modules[entry]);
  console.log(JSON.stringify(answers));
});
