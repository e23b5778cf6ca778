/**
 * Cronbach's alpha at k = 10, 100 and 1,000 items (30 respondents, listwise, 1–5 answers), against a
 * baseline that computes raw alpha alone from item variances and the total's variance in O(n·k).
 * The library also builds the k × k covariance and correlation matrices (standardised alpha,
 * average inter-item correlation), so its cost grows as n·k²; alpha-if-deleted adds O(k²) in all.
 */
import { cronbachAlpha } from '../src/index.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { compareCpu, printCpu } from './timing.js';

const RESPONDENTS = 30;

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

export default function run(): void {
  for (const k of [10, 100, 1000]) {
    const next = seededRandom(20261128 + k);
    const rows = Array.from({ length: RESPONDENTS }, () => {
      const trait = next();
      return Array.from({ length: k }, () =>
        Math.min(5, Math.max(1, Math.round(1 + 4 * (0.6 * trait + 0.4 * next())))),
      );
    });
    const library = cronbachAlpha(rows, { missing: 'listwise' }).alpha!;
    if (Math.abs(library - rawAlpha(rows)) > 1e-9) throw new Error(`alpha differs at k = ${k}`);
    printCpu(
      `cronbachAlpha, ${RESPONDENTS} respondents × ${k} items (listwise)`,
      compareCpu(
        [
          { name: 'raw alpha, O(n·k) loop', run: () => rawAlpha(rows) },
          { name: 'cronbachAlpha (all statistics)', run: () => cronbachAlpha(rows, { missing: 'listwise' }) },
        ],
        5,
      ),
    );
  }
}
