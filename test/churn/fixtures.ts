/** Shared account histories for the churn tests. */
import type { AccountHistory } from '../../src/index.js';

export const AS_OF = '2026-11-01';

function months(from: string, count: number): string[] {
  const [year, month] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const total = year * 12 + month - 1 + index;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** A healthy account as of 2026-11-01: every signal known, no default rule fires. */
export function healthyHistory(): AccountHistory {
  return {
    id: 'ACC-OK',
    name: 'Jade Motors',
    industry: 'automotive',
    since: '2020-01-01',
    spend: months('2025-05', 18).map((period) => ({ period, amount: 10_000 })),
    orders: Array.from({ length: 10 }, (_, index) => ({
      date: new Date(Date.UTC(2026, 0, 5 + 30 * index)).toISOString().slice(0, 10),
      amount: 3000,
    })),
    visits: [{ date: '2026-08-20' }, { date: '2026-10-15' }],
    calls: [{ date: '2026-09-25' }, { date: '2026-10-25' }],
    complaints: [{ id: 'C1', openedAt: '2026-06-01', resolvedAt: '2026-06-05', severity: 'medium' }],
    invoices: [{ id: 'I1', dueAt: '2026-09-30', amount: 10_000 }],
    payments: [{ invoiceId: 'I1', date: '2026-09-28', amount: 10_000 }],
    competitor: {
      purchases: [],
      shareOfWallet: [
        { period: '2026-04', share: 0.6 },
        { period: '2026-10', share: 0.6 },
      ],
    },
    relationship: { accountManager: 'Li Wei', managerLeftAt: null, internalContacts: 3, clientContacts: 4 },
    quality: [
      { period: '2026-09', dimension: 'communication', score: 80 },
      { period: '2026-09', dimension: 'reliability', score: 84 },
      { period: '2026-10', dimension: 'communication', score: 78 },
      { period: '2026-10', dimension: 'reliability', score: 86 },
    ],
    distress: [],
  };
}

/** Seed 003's 水晶 (crystal) key-account contact standard: two visits a quarter, one call a month. */
export const CRYSTAL_STANDARD = { visitEveryDays: 45, callEveryDays: 30 };
