/**
 * Cronbach's alpha at k = 10, 100 and 1,000 items (30 respondents, listwise, 1–5 answers), by the
 * house method (process CPU time, interleaved rounds, min and median), against a baseline that
 * computes raw alpha alone from item variances and the total's variance in O(n·k). The library
 * also gives standardised alpha, the average inter-item correlation, alpha-if-deleted and the
 * item–total correlations, all from O(n·k) sums (issue 21), so its time per call should grow
 * about 10× per 10× items, as the baseline's does.
 */
import { cronbachAlpha } from '../src/index.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { compareCpu, printCpu } from './timing.js';

const RESPONDENTS = 30;
/** Answers handled per timed round, so every k gets rounds of similar length. */
const CELLS_PER_ROUND = 3_000_000;

function rawAlpha(rows: readonly (readonly number[])[]): number {
  const n = rows.length;
  const k = rows[0]!.length;
  let itemVariances = 0;
  for (let i = 0; i < k; i++) {
    let sum = 0;
    let squares = 0;
    for (const row of rows) {
      sum += row[i]!;
      squares += row[i]! * row[i]!;
    }
    itemVariances += (squares - (sum * sum) / n) / (n - 1);
  }
  let sum = 0;
  let squares = 0;
  for (const row of rows) {
    let total = 0;
    for (const answer of row) total += answer;
    sum += total;
    squares += total * total;
  }
  const totalVariance = (squares - (sum * sum) / n) / (n - 1);
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}

function table(k: number): number[][] {
  const next = seededRandom(20261128 + k);
  return Array.from({ length: RESPONDENTS }, () => {
    const trait = next();
    return Array.from({ length: k }, () => Math.min(5, Math.max(1, Math.round(1 + 4 * (0.6 * trait + 0.4 * next())))));
  });
}

export default function run(): void {
  const perCall: { k: number; library: number; baseline: number }[] = [];
  for (const k of [10, 100, 1000]) {
    const rows = table(k);
    const library = cronbachAlpha(rows, { missing: 'listwise' }).alpha!;
    if (Math.abs(library - rawAlpha(rows)) > 1e-9) throw new Error(`alpha differs at k = ${k}`);
    const calls = Math.max(1, Math.round(CELLS_PER_ROUND / (RESPONDENTS * k)));
    const repeat = (task: () => unknown) => () => {
      for (let call = 0; call < calls; call++) task();
    };
    const figures = compareCpu(
      [
        { name: 'raw alpha, O(n·k) loop', run: repeat(() => rawAlpha(rows)) },
        { name: 'cronbachAlpha (all statistics)', run: repeat(() => cronbachAlpha(rows, { missing: 'listwise' })) },
      ],
      7,
    );
    printCpu(`cronbachAlpha, ${RESPONDENTS} respondents × ${k} items (listwise), ${calls} calls per round`, figures);
    perCall.push({ k, baseline: figures[0]!.medianMs / calls, library: figures[1]!.medianMs / calls });
  }
  console.log('\nTime per call (median CPU ms) and growth per 10× items (linear ≈ 10×, quadratic ≈ 100×)');
  console.table(
    perCall.map((entry, index) => {
      const before = perCall[index - 1];
      return {
        items: entry.k,
        'cronbachAlpha ms/call': entry.library.toFixed(4),
        'growth ×': before === undefined ? '' : (entry.library / before.library).toFixed(1),
        'raw alpha ms/call': entry.baseline.toFixed(4),
        'raw growth ×': before === undefined ? '' : (entry.baseline / before.baseline).toFixed(1),
      };
    }),
  );
}
