/** Late payment and overdue money (seed 002, 延迟付款). @module */
import type { Decimal } from 'decimal.js';
import { ZERO, toDecimal } from '../../../shared/numeric.js';
import { DAY_MS, daysBetween } from '../../../shared/dates.js';
import { instant, type ParsedHistory, type SignalFamily } from './family.js';

const NAMES = ['latePaymentsLastYear', 'overdueAmount', 'maxDaysOverdue'] as const;

function paymentsByInvoice(
  payments: NonNullable<ParsedHistory['payments']>,
  asOf: number,
): Map<string, { time: number; amount: Decimal }[]> {
  const paid = new Map<string, { time: number; amount: Decimal }[]>();
  for (const payment of payments) {
    const time = instant(payment.date);
    if (time > asOf) continue;
    const list = paid.get(payment.invoiceId) ?? [];
    list.push({ time, amount: toDecimal(payment.amount) });
    paid.set(payment.invoiceId, list);
  }
  return paid;
}

/** `latePaymentsLastYear`, `overdueAmount` and `maxDaysOverdue`: unknown unless both invoices and payments are
 * recorded. */
export const creditSignals: SignalFamily = (out, history, { asOf }) => {
  const { invoices, payments } = history;
  if (invoices === undefined || payments === undefined) {
    return out.allMissing(
      NAMES,
      invoices === undefined ? 'no invoice history' : 'no payment history (invoices alone cannot show what was paid)',
    );
  }
  const paid = paymentsByInvoice(payments, asOf);
  const yearAgo = asOf - 365 * DAY_MS;
  let overdue = ZERO;
  let maxDays = 0;
  const late: string[] = [];
  const overdueInvoices: string[] = [];
  for (const invoice of invoices) {
    const due = instant(invoice.dueAt);
    if (due > asOf) continue;
    const amount = toDecimal(invoice.amount);
    const list = (paid.get(invoice.id) ?? []).sort((a, b) => a.time - b.time);
    let total = ZERO;
    let settledAt: number | undefined;
    for (const payment of list) {
      total = total.plus(payment.amount);
      if (settledAt === undefined && total.gte(amount)) settledAt = payment.time;
    }
    const outstanding = amount.minus(total);
    const overdueNow = due < asOf && outstanding.isPositive() && !outstanding.isZero();
    if (overdueNow) {
      overdue = overdue.plus(outstanding);
      maxDays = Math.max(maxDays, daysBetween(due, asOf));
      overdueInvoices.push(invoice.id);
    }
    if (due >= yearAgo && (overdueNow || (settledAt !== undefined && daysBetween(due, settledAt) > 0)))
      late.push(invoice.id);
  }
  out.known('latePaymentsLastYear', late.length, { invoices: late });
  out.known('overdueAmount', overdue, { invoices: overdueInvoices });
  out.known('maxDaysOverdue', maxDays, { invoices: overdueInvoices });
};
