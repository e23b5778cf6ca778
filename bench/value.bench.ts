/**
 * Value benchmark (issue 4): `assessPortfolio` on 1,000,000 generated accounts — potential-value
 * scoring, expected NPV, ABC grading, matrix classification, Pareto and HHI — against scoring
 * alone (`scoreEach` over the same records, keeping the same per-account facts), in time and in
 * retained heap. Then the portfolio measures on their own: `pareto`, `herfindahlIndex`,
 * `gradeValues` and `currentValue` per account.
 *
 * `BENCH_ACCOUNTS` overrides the account count.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Decimal } from 'decimal.js';
import {
  abcValueGrader,
  assessPortfolio,
  currentValue,
  gradeValues,
  herfindahlIndex,
  pareto,
  potentialValueModel,
  scoreEach,
} from '../src/index.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { bestOf, printTable } from './timing.js';

const COUNT = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Accounts generated on the fly, so the input never sits in memory. */
function* accounts(count: number): Generator<{ id: string; ratings: Record<string, number>; margin: number }> {
  const random = seededRandom(11);
  const factors = potentialValueModel.factors.map((factor) => ({
    id: factor.id,
    min: factor.min.toNumber(),
    steps: (factor.max.toNumber() - factor.min.toNumber()) * 2,
  }));
  for (let i = 0; i < count; i++) {
    const ratings: Record<string, number> = {};
    for (const factor of factors) ratings[factor.id] = factor.min + Math.floor(random() * (factor.steps + 1)) / 2;
    // heavy-tailed yearly margin with cents, as a CRM export has them
    yield { id: `ACC-${i}`, ratings, margin: Math.round((2000 + 400000 * random() ** 4) * 100) / 100 };
  }
}

/** Runs `task` once after a full collection and reports its time and the heap its result keeps alive. */
function measure<T>(task: () => T): { ms: number; retainedMb: number; result: T } {
  collect();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = task();
  const ms = performance.now() - start;
  collect();
  const retainedMb = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  return { ms, retainedMb, result };
}

export default async function run(): Promise<void> {
  const options = { valuation: { retention: 0.85, discountRate: 0.08 } } as const;

  const scoring = measure(() => {
    const scores: { index: number; id: string | undefined; total: Decimal; grade: string | null }[] = [];
    for (const outcome of scoreEach(potentialValueModel, accounts(COUNT))) {
      if (outcome.ok)
        scores.push({ index: outcome.index, id: outcome.id, total: outcome.result.total, grade: outcome.result.grade });
    }
    return scores;
  });
  const assessment = measure(() => assessPortfolio(accounts(COUNT), options));
  const scored = scoring.result.length;
  const assessed = assessment.result.results.length;
  if (scored !== COUNT || assessed !== COUNT || assessment.result.errors.length > 0)
    throw new Error('benchmark: records were lost');
  // the assessment scored every account exactly as scoring alone did
  let differences = 0;
  for (let k = 0; k < COUNT; k++)
    if (!assessment.result.results[k]!.potential.score.eq(scoring.result[k]!.total)) differences++;

  const perSecond = (ms: number, count: number) => Math.round((count / ms) * 1000).toLocaleString('en-US');
  console.log(
    `\nassessPortfolio vs scoring alone, ${COUNT.toLocaleString('en-US')} accounts (differences in potential ` +
      `score: ${differences})`,
  );
  printTable([
    {
      task: 'scoring alone (scoreEach, keep total + grade)',
      ms: Math.round(scoring.ms),
      'accounts/s': perSecond(scoring.ms, COUNT),
      'retained MB': Math.round(scoring.retainedMb),
      'time ×': '1.00',
      'memory ×': '1.00',
    },
    {
      task: 'assessPortfolio (score, NPV, grade, classify, summarise)',
      ms: Math.round(assessment.ms),
      'accounts/s': perSecond(assessment.ms, COUNT),
      'retained MB': Math.round(assessment.retainedMb),
      'time ×': (assessment.ms / scoring.ms).toFixed(2),
      'memory ×': (assessment.retainedMb / scoring.retainedMb).toFixed(2),
    },
  ]);

  const sample = Math.min(COUNT, 100_000);
  const values = assessment.result.results.slice(0, sample).map((result) => result.current.value);
  scoring.result.length = 0;
  const paretoRun = bestOf(3, () => pareto(values, { targetShare: 0.8 }));
  const hhiRun = bestOf(3, () => herfindahlIndex(values));
  const gradeRun = bestOf(3, () => gradeValues(values, abcValueGrader));
  const margins = Array.from(accounts(sample), (account) => account.margin);
  const npvRun = bestOf(3, () => margins.map((margin) => currentValue({ margin, ...options.valuation }).value));
  const floatRun = bestOf(3, () => margins.map((margin) => (margin * 0.85) / (1.08 - 0.85)));
  console.log(
    `\nPortfolio measures on ${sample.toLocaleString('en-US')} of those current values, and currentValue per account`,
  );
  printTable([
    { task: 'pareto (sort + cover 80 %)', ms: Math.round(paretoRun.ms), 'values/s': perSecond(paretoRun.ms, sample) },
    { task: 'herfindahlIndex (exact, BigInt)', ms: Math.round(hhiRun.ms), 'values/s': perSecond(hhiRun.ms, sample) },
    { task: 'gradeValues (ABC)', ms: Math.round(gradeRun.ms), 'values/s': perSecond(gradeRun.ms, sample) },
    {
      task: 'currentValue (closed form, validated input)',
      ms: Math.round(npvRun.ms),
      'values/s': perSecond(npvRun.ms, sample),
      'vs float formula': `${(npvRun.ms / floatRun.ms).toFixed(0)}× slower`,
    },
    {
      task: 'float m·r/(1+d−r) (baseline, inexact)',
      ms: Number(floatRun.ms.toFixed(2)),
      'values/s': perSecond(floatRun.ms, sample),
    },
  ]);
}
