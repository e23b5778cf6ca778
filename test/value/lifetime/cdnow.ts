/** Loads the CDNOW fixtures (see test/fixtures/README.md for source and licence). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixture = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url)), 'utf8');

/** One row of the published 39-week calibration summary. */
export interface PublishedSummaryRow {
  readonly id: number;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetaryValue: number;
}

/** The published summary of the 2,357-customer sample (weeks). */
export function cdnowSummary(): PublishedSummaryRow[] {
  return fixture('cdnow_customers_summary_with_transactions.csv')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(',').map(Number);
      return { id: id!, frequency: x!, recency: tx!, T: T!, monetaryValue: zbar! };
    });
}

/** The sample's transactions: `{ customerId, date (ISO), amount (string, as printed) }`. */
export function cdnowTransactions(): { customerId: string; date: string; amount: string }[] {
  return fixture('cdnow_sample_transactions.txt')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [customerId, day, , amount] = line.trim().split(/\s+/);
      return {
        customerId: customerId!,
        date: `${day!.slice(0, 4)}-${day!.slice(4, 6)}-${day!.slice(6, 8)}`,
        amount: amount!,
      };
    });
}

/** Total probability and mean of the purchase-count distribution P(X(t) = n), n = 0 … terms − 1. */
export function countDistributionMoments(
  probability: (n: number) => number,
  terms: number,
): { total: number; mean: number } {
  let total = 0;
  let mean = 0;
  for (let n = 0; n < terms; n += 1) {
    const p = probability(n);
    total += p;
    mean += n * p;
  }
  return { total, mean };
}
