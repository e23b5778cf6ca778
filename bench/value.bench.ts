/**
 * Value benchmark (issues 4 and 13), on 1,000,000 generated accounts (`BENCH_ACCOUNTS` overrides):
 *
 * 1. Memory: the heap `assessPortfolio`'s result keeps alive, against `assessPortfolioEach`'s
 *    (the summary and the few facts per account it builds the accounts from, read on demand).
 * 2. Time: `assessPortfolio` against a plain Float64 pipeline doing the same work on the same
 *    records — weighted score and grade, expected NPV m·r/(1+d−r), one sort, ABC grades, matrix
 *    counts, Pareto 80 % and HHI — by process CPU time, interleaved rounds, min and median
 *    (`compareCpu`). The target: ≤ 5×.
 * 3. The portfolio measures on their own: `pareto`, `herfindahlIndex`, `gradeValues` and
 *    `currentValue` per account.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  abcValueGrader,
  assessPortfolio,
  assessPortfolioEach,
  currentValue,
  gradeValues,
  herfindahlIndex,
  pareto,
  potentialValueModel,
} from '../src/index.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { bestOf, compareCpu, printCpu, printTable } from './timing.js';

const COUNT = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const RETENTION = 0.85;
const DISCOUNT_RATE = 0.08;

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

interface Account {
  readonly id: string;
  readonly ratings: Record<string, number>;
  readonly margin: number;
}

/** Accounts generated on the fly, so the input never sits in memory unless the caller keeps it. */
function* accounts(count: number): Generator<Account> {
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

/**
 * The baseline: the assessment's arithmetic in doubles, written as a competent engineer would —
 * one pass over the records into Float64Arrays, one index sort, then cumulative loops.
 */
function floatPipeline(records: readonly Account[]) {
  const factors = potentialValueModel.factors;
  const ids = factors.map((factor) => factor.id);
  const weights = factors.map((factor) => {
    const category = potentialValueModel.categories.find((c) => c.id === factor.categoryId)!;
    return category.weight.times(100).div(category.maxSum).toNumber();
  });
  const factor = RETENTION / (1 + DISCOUNT_RATE - RETENTION);
  return () => {
    const n = records.length;
    const potential = new Uint8Array(n);
    const values = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const record = records[i]!;
      const ratings = record.ratings;
      let score = 0;
      for (let f = 0; f < ids.length; f++) score += ratings[ids[f]!]! * weights[f]!;
      // potentialValueBands: A [80, 100], B [60, 80), C (40, 60), D [0, 40]
      potential[i] = score >= 80 ? 0 : score >= 60 ? 1 : score > 40 ? 2 : 3;
      values[i] = record.margin * factor;
      total += values[i]!;
    }
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => values[b]! - values[a]! || a - b);
    const current = new Uint8Array(n);
    const cuts = [0.8, 0.95, 0.99, Infinity];
    let running = 0;
    let grade = 0;
    let paretoCount = 0;
    let hhi = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      const before = running / total;
      while (before >= cuts[grade]!) grade++;
      current[i] = grade;
      running += values[i]!;
      if (paretoCount === 0 && running >= 0.8 * total) paretoCount = k + 1;
      const share = values[i]! / total;
      hhi += share * share;
    }
    const cells = new Uint32Array(16);
    for (let i = 0; i < n; i++) cells[current[i]! * 4 + potential[i]!]!++;
    return { values, current, cells, paretoCount, hhi: hhi * 10_000 };
  };
}

export default async function run(): Promise<void> {
  const options = { valuation: { retention: RETENTION, discountRate: DISCOUNT_RATE } } as const;

  const stream = measure(() => assessPortfolioEach(accounts(COUNT), options));
  const assessment = measure(() => assessPortfolio(accounts(COUNT), options));
  if (assessment.result.results.length !== COUNT || stream.result.summary.accounts !== COUNT)
    throw new Error('benchmark: records were lost');
  let built = 0;
  for (const outcome of stream.result.accounts) if (outcome.ok) built++;
  console.log(
    `\nassessPortfolio and its streaming form, ${COUNT.toLocaleString('en-US')} accounts generated on the fly`,
  );
  printTable([
    {
      task: 'assessPortfolio (every account built and kept)',
      ms: Math.round(assessment.ms),
      'retained MB': Math.round(assessment.retainedMb),
      'bytes/account': Math.round((assessment.retainedMb * 2 ** 20) / COUNT),
    },
    {
      task: `assessPortfolioEach (summary + kept facts; ${built.toLocaleString('en-US')} accounts built on read)`,
      ms: Math.round(stream.ms),
      'retained MB': Math.round(stream.retainedMb),
      'bytes/account': Math.round((stream.retainedMb * 2 ** 20) / COUNT),
    },
  ]);
  const values = assessment.result.results.slice(0, Math.min(COUNT, 100_000)).map((result) => result.current.value);
  stream.result = undefined as never;
  assessment.result = undefined as never;

  const records = [...accounts(COUNT)];
  const float = floatPipeline(records);
  const figures = compareCpu(
    [
      { name: 'Float64 pipeline: score, NPV, sort, ABC, cells, Pareto, HHI (baseline)', run: float },
      { name: 'assessPortfolio (exact)', run: () => assessPortfolio(records, options) },
    ],
    ROUNDS,
  );
  printCpu(
    `assessPortfolio against the Float64 pipeline, ${COUNT.toLocaleString('en-US')} accounts per round`,
    figures,
  );
  const ratio = figures[1]!.medianRatio;
  console.log(`target: assessPortfolio ≤ 5× the Float64 pipeline (median) → ${ratio <= 5 ? 'met' : 'NOT met'}`);
  records.length = 0;

  const sample = values.length;
  const perSecond = (ms: number, count: number) => Math.round((count / ms) * 1000).toLocaleString('en-US');
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
    {
      task: 'herfindahlIndex (exact, on integers)',
      ms: Math.round(hhiRun.ms),
      'values/s': perSecond(hhiRun.ms, sample),
    },
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
