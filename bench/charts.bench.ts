/**
 * Charts benchmark (issue 16): the value-matrix heatmap of 100,000 assessed accounts, and
 * formatting 100,000 Decimals for display, each against what a competent engineer would write
 * by hand: a loop that counts and sums the sixteen cells into an array and joins sixteen `<rect>`
 * strings; and `Number(decimal.toFixed(2)).toLocaleString('en')` (a double detour, which the
 * library avoids because it can misround). The library formats through `Intl.NumberFormat` on
 * the exact decimal text.
 *
 * `BENCH_ACCOUNTS` overrides the account count.
 */
import { Decimal } from 'decimal.js';
import { seededRandom } from '../demo/sample-portfolio.js';
import { formatNumber, valueMatrixChart } from '../src/charts/index.js';
import { compareCpu, printCpu } from './timing.js';

const COUNT = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const grades = ['A', 'B', 'C', 'D'] as const;
type Account = { current: { grade: string; value: Decimal }; potential: { grade: string }; customerClass: string };

function makeAccounts(): Account[] {
  const random = seededRandom(1616);
  return Array.from({ length: COUNT }, () => {
    const current = grades[Math.floor(random() * 4)]!;
    const potential = grades[Math.floor(random() * 4)]!;
    return {
      current: { grade: current, value: new Decimal(Math.round(random() * 1e8) / 100) },
      potential: { grade: potential },
      customerClass: current <= 'B' ? (potential <= 'B' ? 'A' : 'B') : potential <= 'B' ? 'C' : 'D',
    };
  });
}

function handWrittenMatrix(results: readonly Account[]): string {
  const counts = new Array<number>(16).fill(0);
  const sums = new Array<number>(16).fill(0);
  for (const account of results) {
    const cell =
      grades.indexOf(account.current.grade as (typeof grades)[number]) * 4 +
      grades.indexOf(account.potential.grade as (typeof grades)[number]);
    counts[cell]! += 1;
    sums[cell]! += Number(account.current.value.toString());
  }
  const most = Math.max(...counts);
  const cells = counts.map((count, cell) => {
    const at = `x="${(cell % 4) * 100}" y="${Math.floor(cell / 4) * 100}"`;
    const rect = `<rect ${at} width="100" height="100" fill-opacity="${(count / most).toFixed(2)}"/>`;
    return `${rect}<text>${count} ${Math.round(sums[cell]!)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg">${cells.join('')}</svg>`;
}

export default function chartsBench(): void {
  const results = makeAccounts();
  printCpu(
    `value matrix heatmap of ${COUNT.toLocaleString('en')} accounts`,
    compareCpu([
      { name: 'hand-written loop + 16 rects (baseline)', run: () => handWrittenMatrix(results) },
      { name: 'valueMatrixChart', run: () => valueMatrixChart({ results }) },
    ]),
  );

  const values = results.map((account) => account.current.value);
  printCpu(
    `formatting ${COUNT.toLocaleString('en')} Decimals to 2 places`,
    compareCpu([
      {
        name: "Number(d.toFixed(2)).toLocaleString('en') (baseline)",
        run: () => values.map((value) => Number(value.toFixed(2)).toLocaleString('en')),
      },
      { name: 'formatNumber (exact, Intl)', run: () => values.map((value) => formatNumber(value)) },
    ]),
  );
}
