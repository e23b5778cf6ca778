/**
 * Scoring benchmark (issue: foundation and scorecard). Scores 1,000,000 generated accounts with
 * the default model three ways over the same data and prints throughput ratios:
 *
 * - baseline: a plain Float64 weighted-sum loop (column-major, with float grade comparisons);
 * - clientele: `scoreColumns`, the exact columnar path (integer totals, exact grade edges);
 * - naive: decimal.js arithmetic per account (`new Decimal(rating).times(weight)` summed).
 *
 * Then the record-oriented forms: `scorePortfolio` (full explanation per account) on 100,000
 * accounts, and `scoreEach` streaming 1,000,000 accounts with the heap measured on the way.
 */
import { Decimal } from 'decimal.js';
import { potentialValueModel, score, scoreColumns, scoreEach, scorePortfolio } from '../src/index.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { bestOf, compareCpu, compareCpuAsync, printCpu, type CpuFigures } from './timing.js';

const COUNT = Number(process.env.BENCH_ACCOUNTS ?? 1_000_000);

function generate(count: number): Record<string, Float64Array> {
  const random = seededRandom(7);
  const columns: Record<string, Float64Array> = {};
  for (const factor of potentialValueModel.factors) {
    const min = factor.min.toNumber();
    const max = factor.max.toNumber();
    const column = new Float64Array(count);
    const steps = (max - min) * 2;
    for (let i = 0; i < count; i++) column[i] = min + Math.floor(random() * (steps + 1)) / 2;
    columns[factor.id] = column;
  }
  return columns;
}

/** Prints each target (issue 13) with the ratio of a contender to its baseline, min and median. */
function printTargets(targets: readonly [string, CpuFigures, CpuFigures, number][]): void {
  for (const [name, figure, baseline, limit] of targets) {
    const min = figure.minRatio / baseline.minRatio;
    const med = figure.medianRatio / baseline.medianRatio;
    console.log(
      `target: ${name} ≤ ${limit}× the float loop → ${med <= limit ? 'met' : 'NOT met'} ` +
        `(${min.toFixed(2)}× min, ${med.toFixed(2)}× median)`,
    );
  }
}

/**
 * The naive decimal.js loop over every account, once: its time, its grades and the totals of every
 * 997th account (as strings). Only these are kept: the million Decimals it builds are dropped
 * here, so they are not in the heap (traced by every major GC) while the CPU-time rounds run.
 */
function naiveDecimalLoop(
  columns: Record<string, Float64Array>,
  ids: readonly string[],
  factors: typeof potentialValueModel.factors,
): { ms: number; grades: Int32Array; totals: Map<number, string> } {
  const decimalWeights = factors.map((factor) => {
    const category = potentialValueModel.categories.find((c) => c.id === factor.categoryId)!;
    return new Decimal(category.weight.toString()).times(100).div(category.maxSum.toString());
  });
  const naive = bestOf(1, () => {
    const grades = new Int32Array(COUNT);
    const totals: Decimal[] = new Array<Decimal>(COUNT);
    for (let i = 0; i < COUNT; i++) {
      let total = new Decimal(0);
      for (let f = 0; f < ids.length; f++)
        total = total.plus(new Decimal(columns[ids[f]!]![i]!).times(decimalWeights[f]!));
      totals[i] = total;
      grades[i] = total.gte(80) ? 0 : total.gte(60) ? 1 : total.gt(40) ? 2 : 3;
    }
    return { totals, grades };
  });
  const sampled = new Map<number, string>();
  for (let i = 0; i < COUNT; i += 997) sampled.set(i, naive.result.totals[i]!.toString());
  return { ms: naive.ms, grades: naive.result.grades, totals: sampled };
}

export default async function run(): Promise<void> {
  const columns = generate(COUNT);
  const factors = potentialValueModel.factors;
  const weights = factors.map((factor) => {
    const category = potentialValueModel.categories.find((c) => c.id === factor.categoryId)!;
    return category.weight.times(100).div(category.maxSum).toNumber();
  });
  const ids = factors.map((factor) => factor.id);

  const float = bestOf(5, () => {
    const totals = new Float64Array(COUNT);
    for (let f = 0; f < ids.length; f++) {
      const column = columns[ids[f]!]!;
      const weight = weights[f]!;
      for (let i = 0; i < COUNT; i++) totals[i]! += column[i]! * weight;
    }
    const grades = new Int32Array(COUNT);
    for (let i = 0; i < COUNT; i++) {
      const t = totals[i]!;
      grades[i] = t >= 80 ? 0 : t >= 60 ? 1 : t > 40 ? 2 : 3;
    }
    return { totals, grades };
  });

  const exact = bestOf(5, () => scoreColumns(potentialValueModel, columns));

  const naive = naiveDecimalLoop(columns, ids, factors);
  // All three agree on every grade; exact and naive agree on every total (the float loop does not, at the edges).
  let gradeMismatchFloat = 0;
  let mismatch = 0;
  for (let i = 0; i < COUNT; i++) {
    if (exact.result.grades[i] !== naive.grades[i]) mismatch++;
    if (float.result.grades[i] !== exact.result.grades[i]) gradeMismatchFloat++;
  }
  for (let i = 0; i < COUNT; i += 997) {
    if (!exact.result.total(i)!.equals(naive.totals.get(i)!)) mismatch++;
  }

  const per = (ms: number): string => `${((COUNT / ms) * 1000).toFixed(0)}/s`;
  console.log(`accounts: ${COUNT.toLocaleString('en')}, factors: ${ids.length}`);
  console.table([
    {
      path: 'Float64 weighted-sum loop (baseline)',
      ms: float.ms.toFixed(1),
      throughput: per(float.ms),
      ratio: '1.00×',
    },
    {
      path: 'clientele scoreColumns (exact)',
      ms: exact.ms.toFixed(1),
      throughput: per(exact.ms),
      ratio: `${(exact.ms / float.ms).toFixed(2)}×`,
    },
    {
      path: 'naive decimal.js loop',
      ms: naive.ms.toFixed(1),
      throughput: per(naive.ms),
      ratio: `${(naive.ms / float.ms).toFixed(2)}×`,
    },
  ]);
  console.log(
    `exact vs naive decimal: ${mismatch} disagreements; float loop grades that differ from exact: ` +
      `${gradeMismatchFloat}`,
  );

  // The house method: process CPU time, the two contenders interleaved in 7 rounds, min and median.
  const floatLoop = (): number => {
    const totals = new Float64Array(COUNT);
    for (let f = 0; f < ids.length; f++) {
      const column = columns[ids[f]!]!;
      const weight = weights[f]!;
      for (let i = 0; i < COUNT; i++) totals[i]! += column[i]! * weight;
    }
    let graded = 0;
    for (let i = 0; i < COUNT; i++) {
      const t = totals[i]!;
      graded += t >= 80 ? 0 : t >= 60 ? 1 : t > 40 ? 2 : 3;
    }
    return graded;
  };
  // the same accounts with ratings that are arbitrary doubles (17 significant digits, e.g. 0.1 + 0.2)
  const random = seededRandom(11);
  const arbitrary: Record<string, Float64Array> = {};
  for (const factor of factors) {
    const min = factor.min.toNumber();
    const span = factor.max.toNumber() - min;
    arbitrary[factor.id] = Float64Array.from({ length: COUNT }, () => min + random() * span);
  }
  const floatOver = (data: Record<string, Float64Array>) => (): number => {
    const totals = new Float64Array(COUNT);
    for (let f = 0; f < ids.length; f++) {
      const column = data[ids[f]!]!;
      const weight = weights[f]!;
      for (let i = 0; i < COUNT; i++) totals[i]! += column[i]! * weight;
    }
    let graded = 0;
    for (let i = 0; i < COUNT; i++) {
      const t = totals[i]!;
      graded += t >= 80 ? 0 : t >= 60 ? 1 : t > 40 ? 2 : 3;
    }
    return graded;
  };
  void floatLoop;
  // compareCpu charges each contender for collecting its own garbage (and no one else's, and not for
  // tracing the inputs every contender keeps alive) when the process runs with --expose-gc
  const columnFigures = compareCpu([
    { name: 'Float64 weighted-sum loop (baseline)', run: floatOver(columns) },
    {
      name: 'clientele scoreColumns (exact), half-point ratings',
      run: () => scoreColumns(potentialValueModel, columns),
    },
    { name: 'Float64 loop, arbitrary doubles', run: floatOver(arbitrary) },
    {
      name: 'clientele scoreColumns (exact), arbitrary doubles (default: fingerprinted)',
      run: () => scoreColumns(potentialValueModel, arbitrary),
    },
    {
      name: 'clientele scoreColumns (exact), arbitrary doubles, copy: true',
      run: () => scoreColumns(potentialValueModel, arbitrary, { copy: true }),
    },
    {
      name: 'clientele scoreColumns (exact), arbitrary doubles, copy: false',
      run: () => scoreColumns(potentialValueModel, arbitrary, { copy: false }),
    },
  ]);
  printCpu('scoreColumns against the Float64 weighted-sum loop (1,000,000 accounts per round)', columnFigures);
  // each scoreColumns row against the float loop over the same data (the row above it)
  printTargets([
    ['scoreColumns, half-point ratings', columnFigures[1]!, columnFigures[0]!, 1.5],
    ['scoreColumns, arbitrary doubles (default)', columnFigures[3]!, columnFigures[2]!, 3],
    ['scoreColumns, arbitrary doubles, copy: true', columnFigures[4]!, columnFigures[2]!, 3],
    ['scoreColumns, arbitrary doubles, copy: false', columnFigures[5]!, columnFigures[2]!, 3],
  ]);
  let arbitraryMismatch = 0;
  const arbitraryScores = scoreColumns(potentialValueModel, arbitrary);
  for (let i = 0; i < COUNT; i += 4999) {
    const ratings = Object.fromEntries(ids.map((id) => [id, arbitrary[id]![i]!]));
    const expected = score(potentialValueModel, ratings);
    if (expected.total.toString() !== arbitraryScores.total(i)!.toString()) arbitraryMismatch++;
    if (expected.grade !== arbitraryScores.grade(i)) arbitraryMismatch++;
  }
  console.log(`arbitrary doubles: ${arbitraryMismatch} disagreements with score on every 4,999th account`);

  // Per account: score in a loop (totals and grades read; explanation lines left unread, so never
  // built), the same with every factor line read, and scorePortfolio; against the float loop per account.
  const PER_ACCOUNT = Math.min(COUNT, 100_000);
  const recordsOf = (count: number) =>
    Array.from({ length: count }, (_, i) => {
      const ratings: Record<string, number> = {};
      for (const id of ids) ratings[id] = columns[id]![i]!;
      return { id: `A${i}`, ratings };
    });
  const accounts = recordsOf(PER_ACCOUNT);
  const accountFigures = await compareCpuAsync([
    { name: 'Float64 weighted-sum loop (baseline)', run: floatOver(columns), units: COUNT },
    {
      name: 'score in a loop, total and grade read',
      run: () => {
        let graded = 0;
        for (const account of accounts) graded += score(potentialValueModel, account.ratings).grade === 'A' ? 1 : 0;
        return graded;
      },
      units: PER_ACCOUNT,
    },
    {
      name: 'scoreEach, total and grade read',
      run: () => {
        let graded = 0;
        for (const outcome of scoreEach(potentialValueModel, accounts))
          if (outcome.ok && outcome.result.grade === 'A') graded++;
        return graded;
      },
      units: PER_ACCOUNT,
    },
    {
      name: 'score in a loop, explain: false',
      run: () => {
        let graded = 0;
        for (const account of accounts)
          graded += score(potentialValueModel, account.ratings, { explain: false }).grade === 'A' ? 1 : 0;
        return graded;
      },
      units: PER_ACCOUNT,
    },
    {
      name: 'scoreEach, explain: false',
      run: () => {
        let graded = 0;
        for (const outcome of scoreEach(potentialValueModel, accounts, { explain: false }))
          if (outcome.ok && outcome.result.grade === 'A') graded++;
        return graded;
      },
      units: PER_ACCOUNT,
    },
    {
      name: 'score in a loop, every factor line read',
      run: () => {
        let lines = 0;
        for (const account of accounts) lines += score(potentialValueModel, account.ratings).factors.length;
        return lines;
      },
      units: PER_ACCOUNT,
    },
    { name: 'scorePortfolio', run: () => scorePortfolio(potentialValueModel, accounts), units: PER_ACCOUNT },
  ]);
  printCpu(
    `Per account: score and the batch forms against the Float64 loop (ratios per account; ` +
      `${PER_ACCOUNT.toLocaleString('en')} accounts per round for the record forms)`,
    accountFigures,
  );
  // the targets: with explanations off (explain: false), and with every line read; the rows with the
  // lines left unread (built when first read, so never here) are printed above for comparison
  printTargets([
    ['score in a loop, explain: false', accountFigures[3]!, accountFigures[0]!, 15],
    ['scoreEach, explain: false', accountFigures[4]!, accountFigures[0]!, 15],
    ['score in a loop, full explanation read', accountFigures[5]!, accountFigures[0]!, 100],
  ]);

  // Record-oriented: full explanation per account.
  const recordCount = Math.min(COUNT, 100_000);
  const records = Array.from({ length: recordCount }, (_, i) => {
    const ratings: Record<string, number> = {};
    for (const id of ids) ratings[id] = columns[id]![i]!;
    return { id: `A${i}`, ratings };
  });
  const portfolio = bestOf(2, () => scorePortfolio(potentialValueModel, records));
  console.log(
    `scorePortfolio (full explanation): ${recordCount.toLocaleString('en')} accounts in ` +
      `${portfolio.ms.toFixed(0)} ms ` +
      `(${((recordCount / portfolio.ms) * 1000).toFixed(0)}/s), ` +
      `${(portfolio.ms / ((float.ms * recordCount) / COUNT)).toFixed(1)}× the Float64 loop per account`,
  );

  // Streaming a million accounts in bounded memory: records are generated lazily and dropped after scoring.
  function* stream(): Generator<{ id: string; ratings: Record<string, number> }> {
    for (let i = 0; i < COUNT; i++) {
      const ratings: Record<string, number> = {};
      for (const id of ids) ratings[id] = columns[id]![i]!;
      yield { id: `A${i}`, ratings };
    }
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const samples: number[] = [];
  let scored = 0;
  const start = performance.now();
  for (const outcome of scoreEach(potentialValueModel, stream())) {
    if (outcome.ok) scored++;
    if (scored % 100_000 === 0) {
      gc?.();
      samples.push(process.memoryUsage().heapUsed);
    }
  }
  const spread = samples.length > 0 ? Math.max(...samples) - Math.min(...samples) : 0;
  const streamMs = performance.now() - start;
  console.log(
    `scoreEach streaming: ${scored.toLocaleString('en')} accounts in ${(streamMs / 1000).toFixed(1)} s, ` +
      `live heap after each 100,000 (MiB): ${samples.map((bytes) => (bytes / 1024 / 1024).toFixed(1)).join(', ')}` +
      `${gc ? '' : ' (run with --expose-gc for live-heap figures)'}; spread ` +
      `${(spread / 1024 / 1024).toFixed(1)} MiB (flat = bounded)`,
  );
}
