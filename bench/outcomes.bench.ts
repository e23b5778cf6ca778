/**
 * Outcomes benchmark (issue 15): `discrimination` (AUC, Gini, KS, decile gains table, exact
 * fractions) and `populationStability` over 10 quantile bins of a reference, each on 1,000,000
 * scores, against a plain Float64 sort-based baseline computing the same statistics: the scores
 * split by outcome into two Float64Arrays, sorted, and walked once (AUC with ties one half, KS);
 * for PSI, the reference sorted, decile edges picked, both populations counted by binary search
 * and Σ (a − e)·ln(a / e) in doubles.
 *
 * `BENCH_SCORES` overrides the score count.
 */
import { discrimination, populationStability } from '../src/index.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { compareCpu, printCpu } from './timing.js';

const COUNT = Number(process.env.BENCH_SCORES ?? 1_000_000);

/** Scores on a 0.001 grid (so ties occur, as in real scorecards) with outcomes more likely at high scores. */
function sample(seed: number, shift: number): { scores: number[]; outcomes: number[] } {
  const random = seededRandom(seed);
  const scores = new Array<number>(COUNT);
  const outcomes = new Array<number>(COUNT);
  for (let i = 0; i < COUNT; i++) {
    const score = Math.round(Math.min(1, Math.max(0, (random() + random() + random()) / 3 + shift)) * 1000) / 1000;
    scores[i] = score;
    outcomes[i] = random() < score * 0.3 ? 1 : 0;
  }
  return { scores, outcomes };
}

/** The baseline AUC and KS: two sorted Float64Arrays walked from the top. */
function floatDiscrimination(scores: readonly number[], outcomes: readonly number[]): { auc: number; ks: number } {
  let events = 0;
  for (let i = 0; i < outcomes.length; i++) events += outcomes[i]!;
  const positive = new Float64Array(events);
  const negative = new Float64Array(outcomes.length - events);
  for (let i = 0, p = 0, n = 0; i < scores.length; i++) {
    if (outcomes[i] === 1) positive[p++] = scores[i]!;
    else negative[n++] = scores[i]!;
  }
  positive.sort();
  negative.sort();
  const P = positive.length;
  const N = negative.length;
  let p = P - 1;
  let n = N - 1;
  let tp = 0;
  let fp = 0;
  let twiceU = 0;
  let ks = 0;
  while (p >= 0 || n >= 0) {
    const t = p < 0 ? negative[n]! : n < 0 ? positive[p]! : Math.max(positive[p]!, negative[n]!);
    let a = 0;
    let b = 0;
    while (p >= 0 && positive[p] === t) (a++, p--);
    while (n >= 0 && negative[n] === t) (b++, n--);
    twiceU += a * (2 * (N - fp - b) + b);
    tp += a;
    fp += b;
    ks = Math.max(ks, Math.abs(tp / P - fp / N));
  }
  return { auc: twiceU / (2 * P * N), ks };
}

/** The baseline PSI over the reference's decile bins. */
function floatStability(expected: readonly number[], actual: readonly number[], bins: number): number {
  const sorted = Float64Array.from(expected).sort();
  const edges: number[] = [];
  for (let j = 1; j < bins; j++) {
    const edge = sorted[Math.floor((j * sorted.length) / bins)]!;
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  const count = (values: readonly number[]) => {
    const counts = new Float64Array(edges.length + 1);
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      let low = 0;
      let high = edges.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (edges[middle]! <= value) low = middle + 1;
        else high = middle;
      }
      counts[low]!++;
    }
    return counts;
  };
  const e = count(expected);
  const a = count(actual);
  let psi = 0;
  for (let k = 0; k < e.length; k++) {
    const es = Math.max(e[k]! / expected.length, 1e-4);
    const as = Math.max(a[k]! / actual.length, 1e-4);
    psi += (as - es) * Math.log(as / es);
  }
  return psi;
}

export default function run(): void {
  const reference = sample(15, 0);
  const drifted = sample(16, 0.03);
  // the same answers first, so the comparison is between equals
  const exact = discrimination(reference.scores, reference.outcomes);
  const float = floatDiscrimination(reference.scores, reference.outcomes);
  const psi = populationStability(reference.scores, drifted.scores, { bins: { quantiles: 10 } });
  const floatPsi = floatStability(reference.scores, drifted.scores, 10);
  console.log(
    `\n${COUNT.toLocaleString('en')} scores: AUC ${exact.auc} (float ${float.auc}), KS ${exact.ks} (float ` +
      `${float.ks}), exact AUC ${exact.exact.auc}`,
  );
  console.log(`PSI over 10 reference deciles: ${psi.total.toFixed(6)} (float ${floatPsi.toFixed(6)}), ${psi.reading}`);
  printCpu(
    'discrimination: AUC, Gini, KS, gains table',
    compareCpu(
      [
        {
          name: 'Float64 sort-based baseline (AUC, KS)',
          run: () => floatDiscrimination(reference.scores, reference.outcomes),
        },
        {
          name: 'discrimination (exact fractions, decile gains)',
          run: () => discrimination(reference.scores, reference.outcomes),
        },
      ],
      5,
    ),
  );
  printCpu(
    'populationStability: 10 quantile bins of the reference',
    compareCpu(
      [
        { name: 'Float64 sort-based baseline', run: () => floatStability(reference.scores, drifted.scores, 10) },
        {
          name: 'populationStability (quantiles: 10)',
          run: () => populationStability(reference.scores, drifted.scores, { bins: { quantiles: 10 } }),
        },
      ],
      5,
    ),
  );
}
