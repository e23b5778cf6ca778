// A TypeScript consumer, type-checked under moduleResolution node16, nodenext and bundler with
// every strict flag and without skipLibCheck (so the shipped .d.ts files are checked too), then
// run: its answers must match every other runtime's.
import * as root from 'clientele';
import * as scoring from 'clientele/scoring';
import * as value from 'clientele/value';
import * as churn from 'clientele/churn';
import * as quality from 'clientele/quality';
import { score, potentialValueModel, type PotentialValueRatings, type ScoreResult } from 'clientele/scoring';
import { classifyValue, currentValue, herfindahlIndex } from 'clientele/value';
import { ValidationError, type Issue } from 'clientele';
import { computeAnswers } from './answers.mjs';

// The contracts, as a user's editor sees them.
const ratings: PotentialValueRatings = {
  tenure: 4, creditRecord: 8, latePayment: 9, missedAppointments: 5,
  productVariety: 2, purchaseCount: 2.5, purchaseFrequency: 1.5, competitorPurchase: 6, competitorFrequency: 4,
  assetSize: 15, industry: 8, marketPosition: 7, peerUserBase: 6,
};
const result: ScoreResult = score(potentialValueModel, ratings);
const total: string = result.total.toFixed(2);
const customerClass: string = classifyValue('A', 'B').customerClass;
const npv: string = currentValue({ margin: 100, retention: 0.8, discountRate: 0.1 }).value.toFixed(2);
const hhi: number = herfindahlIndex([1, 1]).toNumber();
// @ts-expect-error: a misspelt factor id does not compile
const misspelt: PotentialValueRatings = { ...ratings, tenur: 4 };
try {
  score(potentialValueModel, {});
} catch (error) {
  if (error instanceof ValidationError) {
    const first: Issue | undefined = error.issues[0];
    void first?.path;
  }
}
void [total, customerClass, npv, hhi, misspelt];

const modules: Record<string, unknown> = { '': root, '/scoring': scoring, '/value': value, '/churn': churn, '/quality': quality };
const answers = await computeAnswers((entry: string) => modules[entry]);
console.log(JSON.stringify(answers));
